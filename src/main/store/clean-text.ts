/**
 * The one cleaning of strings that are stored and later shown (issue 13): titles, authors, names,
 * notes. Importers clean what they extract with it (importers/clean.ts re-exports it), and an
 * archive's rows pass it again on import (investigations/archive-document-rows.ts and
 * archive-coding-rows.ts), since a store can be edited by hand. A document's text is never
 * cleaned here: every offset points into it.
 */

/**
 * Characters that are never kept: C0 and C1 controls (ESC/OSC sequences write to a terminal), the
 * bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069: "a title that reads
 * backwards"), the BOM and noncharacters. The marks U+200E/U+200F/U+061C and ZWJ/ZWNJ stay: RTL
 * titles and Arabic-script joining need them, and they cannot reorder a line.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes UNSAFE_CHARACTERS; lone surrogates become U+FFFD, as a TextDecoder would write them. */
function stripUnsafe(text: string, replacement: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(UNSAFE_CHARACTERS, replacement);
}

/**
 * A one-line string from an untrusted source (title, author, source, file name, tag name): plain
 * text only, no markup, no control or bidi-override characters, whitespace collapsed, bounded
 * length (an ellipsis marks a cut). Null when nothing is left.
 */
export function cleanText(value: unknown, max = 500): string | null {
  if (typeof value !== 'string') return null;
  const text = stripUnsafe(value, ' ')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Text a person typed (a tag name, a report heading; with `multiline`, a passage note, a tag
 * description, report commentary): "<" kept (every view and export escapes it, and "age < 18" is
 * prose), control and bidi-override characters removed. One line: whitespace collapsed and
 * trimmed. Several lines: line breaks and tabs kept. Never cut: the caller refuses what is too long.
 */
export function cleanUserText(value: string, options: { multiline: boolean }): string {
  if (!options.multiline) return stripUnsafe(value, ' ').replace(/\s+/g, ' ').trim();
  return stripUnsafe(value.replace(/\r\n?|[\u2028\u2029]/g, '\n'), '');
}
