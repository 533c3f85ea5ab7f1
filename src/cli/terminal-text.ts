/**
 * What the CLI prints of stored data is escaped for the terminal (issue 13, item 8): a title,
 * file name or text holding ESC or OSC sequences would otherwise drive the user's terminal (set
 * its title, move the cursor, rewrite what was printed), and a bidi override would make a line
 * read backwards. Such characters are shown as visible escapes instead: `\x1B`, `\u202E`.
 */

/** Control characters (C0 but tab and line feed, DEL, C1) and bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).toUpperCase().padStart(width, '0');

/** Text for a terminal: line breaks and tabs kept, every other control or bidi-override character made visible. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * JSON for a terminal: JSON.stringify already escapes C0 controls; C1 controls and bidi controls
 * are escaped too (`\u009B`), which leaves the same data for any JSON reader.
 */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${hex(c, 4)}`);
}
