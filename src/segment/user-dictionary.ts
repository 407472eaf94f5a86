// Where a user dictionary may come from (the `speechDraft.userDictionary` setting). No `vscode`
// import: the extension passes in what the setting says and where it was set.
//
// The risk is not the user's own choice (the segmenter runs as the user and can read only what the
// user can), but a setting the user did not choose: a repository's `.vscode/settings.json` is
// opened with the folder, and could name `../../../etc/passwd`, a file in the home folder, or a huge
// file. Its words would then be loaded into the segmenter and come back as keywords. So:
// - a relative path is resolved against the workspace folder and must stay inside it, after
//   symbolic links are followed (a link in the repository pointing out of it counts as out);
// - an absolute path set in the workspace's own settings must lie inside the workspace folder too;
// - an absolute path from the user's own settings is the user's explicit choice and may point
//   anywhere.
// Everything else is checked where the file is read (src/segment/worker.ts): a regular file, at
// most MAX_DICT_BYTES, each line `word [freq] [tag]` (other lines are skipped). The file's name
// extension is not checked: it says nothing about the content (any file can be named `.txt`), and
// real dictionaries are named `.txt`, `.dict`, `.dic`, `.utf8` or have no extension at all.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface DictionarySetting {
  /** The setting's value, as written. */
  value: string;
  /** True when the value comes from the workspace's or a workspace folder's settings, not the user's. */
  fromWorkspace: boolean;
  /** The workspace folder the setting applies to, when there is one. */
  folder?: string;
}

export type DictionaryChoice = { path?: string } | { refused: { en: string; zh: string } };

function inside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path, or the path itself when it does not exist (the worker then says "not found"). */
function real(p: string, realpath: (p: string) => string): string {
  try {
    return realpath(p);
  } catch {
    return p;
  }
}

/** The user dictionary to load (`path` undefined: none), or why the setting is refused. */
export function chooseUserDictionary(setting: DictionarySetting, realpath: (p: string) => string = fs.realpathSync.native): DictionaryChoice {
  const value = setting.value.trim();
  if (!value) return {};
  const { folder } = setting;
  const absolute = path.isAbsolute(value);
  if (!absolute && folder === undefined) {
    return {
      refused: {
        en: `the user dictionary "${value}" is a relative path, but no workspace folder is open to resolve it against; use an absolute path`,
        zh: `用户词典“${value}”是相对路径，但没有打开工作区文件夹可以作为基准；请使用绝对路径`,
      },
    };
  }
  const file = absolute ? path.normalize(value) : path.resolve(folder!, value);
  if (absolute && !setting.fromWorkspace) return { path: file };
  // Relative, or absolute from the workspace's own settings: must stay inside the folder.
  const root = folder === undefined ? undefined : real(folder, realpath);
  if (root !== undefined && inside(folder!, file) && inside(root, real(file, realpath))) return { path: file };
  const where = folder ? ` (${folder})` : '';
  if (!absolute) {
    return {
      refused: {
        en: `the user dictionary "${value}" leads out of the workspace folder${where}: a relative path must stay inside it (an absolute path in your user settings may name a file elsewhere)`,
        zh: `用户词典“${value}”指向工作区文件夹${where}之外：相对路径必须位于工作区文件夹内（在用户设置中可用绝对路径指定其他位置的文件）`,
      },
    };
  }
  return {
    refused: {
      en: `the user dictionary "${value}" is set in the workspace settings but lies outside the workspace folder${where}: only a path in your user settings may point elsewhere`,
      zh: `用户词典“${value}”由工作区设置指定，但位于工作区文件夹${where}之外：只有用户设置中的路径可以指向其他位置`,
    },
  };
}
