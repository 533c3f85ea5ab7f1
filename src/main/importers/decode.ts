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

/** Binary content in a file that claims to be text: NUL bytes never occur in real text. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
