/**
 * Makes text from outside (file names, document text quoted in messages, configuration keys) safe
 * to print on a terminal. A file name or a heading may hold ESC sequences that move the cursor,
 * erase lines or set the window title, a newline that breaks a `file:line:column` line in two (so a
 * problem matcher reads a problem that is not there), or bidirectional overrides that make the
 * printed text read differently from what it is. Each such character is shown instead as a short
 * visible escape: `\e` for ESC, `\n` and `\r` for line breaks, `\u{hex}` for the rest. Tab is kept:
 * it moves the cursor only forwards and is common in text.
 *
 * Escaped: C0 controls but tab (U+0000–U+001F), DEL and the C1 controls (U+007F–U+009F; U+009B is
 * a one-byte CSI on some terminals), the line and paragraph separators U+2028/U+2029, and the bidi
 * embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069.
 *
 * A backslash itself is left alone: Windows paths are full of them, and a problem matcher must still
 * find the file. Real documents and file names almost never hold these characters, so in practice
 * output is unchanged.
 */

/** One character class, no quantifier: linear on any input. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same without the newline, for text made of several lines (a stack trace). */
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The characters that JSON.stringify leaves as they are but a terminal acts on (it escapes the C0 ones). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  if (ch === '\u001b') return '\\e';
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  return `\\u{${ch.charCodeAt(0).toString(16)}}`;
}

/** `s` with every control, separator and bidi character shown as a visible escape; one line. */
export function escapeControls(s: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s) ? s.replace(UNSAFE, visible) : s;
}

/** As escapeControls, but newlines are kept (for text that is meant to span lines). */
export function escapeControlsKeepingLines(s: string): string {
  UNSAFE_BUT_NEWLINE.lastIndex = 0;
  return UNSAFE_BUT_NEWLINE.test(s) ? s.replace(UNSAFE_BUT_NEWLINE, visible) : s;
}

/**
 * JSON.stringify, with the characters it leaves raw but a terminal acts on (DEL, C1, U+2028/9 and
 * the bidi controls) written as `\uXXXX`: the same JSON value, safe to print. They can only occur
 * inside strings, where `\uXXXX` is a valid escape.
 */
export function safeJsonStringify(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
