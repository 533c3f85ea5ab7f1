import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  encoding: string;
  /** True when the encoding was guessed rather than known; the document is flagged for review. */
  uncertain: boolean;
  /** A sentence for the review flag when `uncertain` (what was guessed and why). */
  note?: string;
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Below this chardet confidence (0–100) a detected encoding is a guess and the document is flagged. */
const CONFIDENT = 50;

/** Encodings that encode more than one byte per character: a strict decode is a real check for them. */
const MULTIBYTE = /^(gb|gbk|gb2312|gb18030|big5|shift_jis|sjis|euc-jp|euc-kr|iso-2022|utf-16|utf-32)/i;

/**
 * Decodes bytes to text in this order (issue 3): a byte-order mark; strict UTF-8; the charset the
 * document declares, unless the bytes contradict it; chardet's detection; and a Windows-1252
 * fallback. Only the last two are guesses, flagged for review unless chardet is confident.
 */
export function decodeText(bytes: Uint8Array, fileName: string, declared?: string | null): DecodedText {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) {
      return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.bytes.length)), encoding: bom.encoding, uncertain: false };
    }
  }
  const utf16 = guessUtf16(bytes) ?? (isUtf8(bytes) ? null : plausibleUtf16(bytes));
  if (utf16) {
    const said = declared && !/^utf-?16/i.test(declared) ? ` The file declares ${declared}, but its bytes are UTF-16.` : '';
    return {
      text: new TextDecoder(utf16).decode(bytes),
      encoding: utf16,
      uncertain: true,
      note: `The text encoding of ${fileName} was guessed as ${utf16.toUpperCase()} (it has no byte-order mark).${said} Check that the text reads correctly.`,
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', uncertain: false };
  } catch {
    // Not UTF-8: try what the document says, then detection.
  }
  const sample = bytes.byteLength > 65_536 ? bytes.subarray(0, 65_536) : bytes;
  const matches = chardet.analyse(sample).filter((m) => m.name !== 'UTF-8' && m.name !== 'ASCII' && iconv.encodingExists(m.name));
  let contradiction = '';
  if (declared && !/^utf-?8$/i.test(declared)) {
    const label = declared.trim().toLowerCase();
    if (iconv.encodingExists(label)) {
      const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label);
      const top = matches[0];
      const topIsOther = top && top.confidence >= CONFIDENT && MULTIBYTE.test(top.name) && !sameEncoding(top.name, label);
      if (!looksMisdecoded(text) && !topIsOther) return { text, encoding: label, uncertain: false };
      contradiction = ` The file declares ${declared}, but its bytes do not read as ${declared}.`;
    }
  } else if (declared && /^utf-?8$/i.test(declared)) {
    contradiction = ` The file declares UTF-8, but it is not valid UTF-8.`;
  }
  for (const match of matches) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), match.name);
    if (looksMisdecoded(text)) continue;
    const encoding = match.name.toLowerCase();
    const uncertain = match.confidence < CONFIDENT || contradiction !== '';
    const result: DecodedText = { text, encoding, uncertain };
    if (uncertain) result.note = `The text encoding of ${fileName} was guessed as ${match.name}.${contradiction} Check that the text reads correctly.`;
    return result;
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  return {
    text,
    encoding: 'windows-1252',
    uncertain: true,
    note: `The text encoding of ${fileName} could not be recognised; it was read as Windows-1252 (Western European).${contradiction} Check that the text reads correctly.`,
  };
}

/**
 * UTF-16 without a byte-order mark: most characters of Latin, Cyrillic or Arabic-script text have
 * a zero high byte, so zeros fill one of the two byte positions and (almost) never the other. Such
 * bytes are valid UTF-8 full of NULs, which is how an e-mail body labelled UTF-8 was stored.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.byteLength, 65_536) & ~1;
  if (length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.02) return 'utf-16be';
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Code points of the scripts our users' UTF-16 text is made of: ASCII, Latin-1, Cyrillic, Arabic, CJK and their punctuation. */
function plausibleUnit(u: number): boolean {
  return (
    (u >= 0x20 && u <= 0x7e) || u === 0x0a || u === 0x0d || u === 0x09 || (u >= 0xa0 && u <= 0x24f) || (u >= 0x400 && u <= 0x4ff) ||
    (u >= 0x600 && u <= 0x6ff) || (u >= 0x2000 && u <= 0x206f && u !== 0x2020) || (u >= 0x3000 && u <= 0x303f) ||
    (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xfb50 && u <= 0xfeff) || (u >= 0xff00 && u <= 0xffef)
  );
}

/**
 * UTF-16 text without zero bytes (Chinese): invalid UTF-8, and when read as UTF-16 nearly every
 * unit is a character of a script our users write in. Single- and multi-byte legacy encodings read
 * as UTF-16 land mostly in Hangul, private-use or unassigned ranges instead.
 */
function plausibleUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.byteLength, 65_536) & ~1;
  if (length < 16) return null;
  for (const le of [true, false]) {
    let good = 0;
    for (let i = 0; i < length; i += 2) {
      const unit = le ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
      if (plausibleUnit(unit)) good++;
    }
    if (good >= (length / 2) * 0.95) return le ? 'utf-16le' : 'utf-16be';
  }
  return null;
}

function sameEncoding(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const gb = (s: string) => /^gb/.test(s);
  return norm(a) === norm(b) || (gb(norm(a)) && gb(norm(b)));
}

/** Replacement characters or C1 controls mean the bytes were read with the wrong encoding. */
function looksMisdecoded(text: string): boolean {
  const sample = text.slice(0, 20_000);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) bad++;
  }
  return bad > 0 && bad / Math.max(1, sample.length) > 0.001;
}

/** The review flags of a decode: none when the encoding is known. */
export function encodingFlags(decoded: DecodedText): string[] {
  return decoded.uncertain ? [decoded.note ?? `The text encoding was guessed (${decoded.encoding}).`] : [];
}

/** Binary content in a file that claims to be text: NUL bytes never occur in real text, anywhere in it. */
export function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
