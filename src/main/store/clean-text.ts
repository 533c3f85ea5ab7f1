/**
 * The one cleaning of every string Dossier stores from an untrusted file (issue 13, item 8):
 * titles, authors, sources, file and attachment names, metadata values and review flags go
 * through `cleanMetadataText`; a document's text goes through `cleanBodyText`. A terminal escape
 * sequence in a title made `dossier list` rewrite the user's terminal, and a right-to-left
 * override (U+202E) made a title read backwards. An archive's rows pass the same functions again
 * on import (investigations/archive-*-rows.ts), since a store can be edited by hand.
 */

/** Terminal escape sequences, 7-bit and 8-bit: CSI (ESC [ / U+009B), OSC (ESC ] / U+009D) up to its terminator, and other ESC pairs. */
const ESCAPE_SEQUENCES =
  // eslint-disable-next-line no-control-regex -- control characters are what is matched
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u009b[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u009d[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[@-_]?/g;
/** C0 and C1 control characters and DEL. */
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder
 * the characters around them, so a title can display as something else than it says. The plain
 * marks (LRM, RLM, ALM), which only nudge neutral characters, are kept for right-to-left titles.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A metadata string from an untrusted document (title, author, source, a file or attachment
 * name…): plain text on one line, without markup, escape sequences, control or bidi-override
 * characters, at most `max` characters; null when nothing is left.
 */
export function cleanMetadataText(value: unknown, max = 500): string | null {
  if (typeof value !== 'string') return null;
  const text = value
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[<>]/g, ' ')
    .replace(ESCAPE_SEQUENCES, ' ')
    .replace(CONTROLS, ' ')
    .replace(BIDI_CONTROLS, '')
    .replace(/[\ufeff\ufffe\uffff]/g, '')
    .replace(LONE_SURROGATES, '\ufffd')
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .trim();
  if (!text) return null;
  if (text.length <= max) return text;
  // Never cut between the two halves of a character outside the BMP (a CJK extension, an emoji).
  const cut = /[\ud800-\udbff]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}

/** The importers' and archives' name for cleanMetadataText. */
export const cleanText = cleanMetadataText;

/** C0/C1 controls but tab and line breaks, bidi embeddings/overrides/isolates, the BOM and noncharacters. */
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const UNSAFE_IN_USER_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;

/**
 * Text a person typed (a tag name, a report heading; with `multiline`, a passage note, a tag
 * description, report commentary): "<" kept (every view and export escapes it, and "age < 18" is
 * prose), control and bidi-override characters removed. One line: whitespace collapsed and
 * trimmed. Several lines: line breaks and tabs kept. Never cut: the caller refuses what is too long.
 */
export function cleanUserText(value: string, options: { multiline: boolean }): string {
  const strip = (text: string, replacement: string) =>
    text.replace(ESCAPE_SEQUENCES, replacement).replace(LONE_SURROGATES, '\ufffd').replace(UNSAFE_IN_USER_TEXT, replacement);
  if (!options.multiline) return strip(value, ' ').replace(/\s+/g, ' ').trim();
  return strip(value.replace(/\r\n?|[\u2028\u2029]/g, '\n'), '');
}

/** Every string inside a metadata object (a document's meta JSON) through cleanMetadataText; keys are Dossier's own. */
export function cleanMetadataTree(value: unknown, max = 20_000): unknown {
  if (typeof value === 'string') return cleanMetadataText(value, max) ?? '';
  if (Array.isArray(value)) return value.map((item) => cleanMetadataTree(item, max));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, cleanMetadataTree(item, max)]));
  }
  return value;
}

/**
 * What in a document's text cannot be text: NUL and the other C0 controls but tab and line
 * breaks, DEL, the C1 controls (bytes 0x80–0x9F read as Latin-1: a wrong decoding, or an 8-bit
 * terminal sequence) and halves of surrogate pairs.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const UNREADABLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A document's text as stored: each unreadable character (see UNREADABLE) becomes U+FFFD, one
 * UTF-16 unit for one, so every offset computed on the text stays valid and the reader sees where
 * something was. Bidi controls are kept in the body: right-to-left documents use them as written.
 */
export function cleanBodyText(text: string): string {
  return text.replace(UNREADABLE, '\ufffd');
}

/** How many characters of a text are replacement characters or unreadable (before or after cleanBodyText). */
export function countUnreadable(text: string): number {
  let count = 0;
  for (const m of text.matchAll(UNREADABLE)) count += m[0].length;
  for (let at = text.indexOf('\ufffd'); at !== -1; at = text.indexOf('\ufffd', at + 1)) count++;
  return count;
}
