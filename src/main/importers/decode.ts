import { DossierError } from '../../shared/errors.ts';

export interface DecodedText {
  text: string;
  encoding: string;
  /** True when the encoding was guessed rather than known; the document is flagged for review. */
  uncertain: boolean;
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/**
 * Decodes a text file: a byte-order mark first, then strict UTF-8. Other encodings
 * (GB18030, Windows-1251…) are detected by the import issue's decoder.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) {
      return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.bytes.length)), encoding: bom.encoding, uncertain: false };
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', uncertain: false };
  } catch {
    throw new DossierError('PARSE_FAILED', `${fileName} is not valid UTF-8 text.`);
  }
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
