/**
 * Stack traces in terms of the TypeScript sources. The extension host formats stacks from
 * CallSite.toString(), which ignores source maps, and VS Code drops NODE_OPTIONS, so
 * --enable-source-maps cannot be passed. This formatter shows the call sites in the bundles under
 * `dir` (the suite's, the extension's) at their original position. (VS Code's own formatter, which
 * attributes errors to extensions, still runs: its Error.prepareStackTrace setter chains them.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { SourceMap } from 'module';

export function mapStackTraces(dir: string): void {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (file: string) => {
    if (!maps.has(file)) {
      let map: SourceMap | undefined;
      try {
        map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
      } catch {
        map = undefined;
      }
      maps.set(file, map);
    }
    return maps.get(file);
  };

  const frame = (site: NodeJS.CallSite): string => {
    const text = String(site);
    const file = site.getFileName();
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    if (!file || !file.startsWith(dir) || line === null || column === null) return text;
    const origin = mapOf(file)?.findOrigin(line, column);
    if (!origin || !('fileName' in origin)) return text;
    const source = path.resolve(path.dirname(file), origin.fileName);
    return text.replace(`${file}:${line}:${column}`, `${source}:${origin.lineNumber}:${origin.columnNumber}`);
  };

  Error.prepareStackTrace = (error, sites) =>
    Error.prototype.toString.call(error) + sites.map((site) => `\n    at ${frame(site)}`).join('');
}
