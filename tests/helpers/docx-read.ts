/** Reading a DOCX export back for the tests (issue 21): every part of the zip, its text, and mammoth's reading. */
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';

export interface DocxParts {
  /** Every entry of the zip, inflated. */
  parts: Record<string, Uint8Array>;
  /** A part as text, its character references decoded. */
  xml: (name: string) => string;
  /** A part's XML parsed (namespace prefixes kept in tag names: `w:p`). */
  dom: (name: string) => Document;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its character and entity references decoded, so an escaped name is still seen. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return ENTITIES[ref] ?? all;
  });
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const parts = unzipSync(bytes);
  const xml = (name: string) => {
    const part = parts[name];
    if (!part) throw new Error(`no part ${name} in the DOCX`);
    return decodeXml(strFromU8(part));
  };
  const dom = (name: string) => new JSDOM(strFromU8(parts[name]!), { contentType: 'application/xml' }).window.document;
  return { parts, xml, dom };
}

/** The words of a WordprocessingML part in reading order (w:t joined), so a name cut across runs is seen whole. */
export function partWords(part: Uint8Array): string {
  const text = strFromU8(part);
  return [...text.matchAll(/<w:(?:t|instrText|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|instrText|delText)>/g)].map((m) => decodeXml(m[1]!)).join('');
}

/** What Word's text reads as, through mammoth (the DOCX reader the importer uses): body, then footnotes. */
export async function mammothText(bytes: Uint8Array): Promise<{ html: string; text: string; footnotes: string[] }> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const doc = new JSDOM(value).window.document;
  const footnotes = [...doc.querySelectorAll('li[id^="footnote-"]')].map((li) => li.textContent!.replace(/\s*↑\s*$/, '').trim());
  return { html: value, text: doc.body.textContent ?? '', footnotes };
}
