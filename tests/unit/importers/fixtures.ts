import { strToU8, zipSync, type Zippable } from 'fflate';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

/** A PDF with one page per entry of `pages` (lines of text), made with pdf-lib. */
export async function makePdf(pages: string[][], options: { title?: string; author?: string; javascript?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 16, size: 12, font }));
  }
  if (options.title) doc.setTitle(options.title);
  if (options.author) doc.setAuthor(options.author);
  if (options.javascript) {
    doc.addJavaScript('greet', 'app.alert("hello from the PDF");');
    const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.launchURL("https://evil.example/")') });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  }
  return doc.save({ useObjectStreams: false });
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`;
const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>
<Relationship Id="rWeb" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/source" TargetMode="External"/>
</Relationships>`;

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
export const para = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${run(text)}</w:p>`;
export const link = (rel: string, text: string) => `<w:p><w:hyperlink r:id="${rel}">${run(text)}</w:hyperlink></w:p>`;

/** A minimal .docx: the body XML (w:p elements), core properties, and extra zip entries if asked. */
export function makeDocx(body: string, core: { title?: string; creator?: string } = {}, extra: Zippable = {}): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}</w:body></w:document>`;
  const coreXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${core.title ? `<dc:title>${core.title}</dc:title>` : ''}${core.creator ? `<dc:creator>${core.creator}</dc:creator>` : ''}
<dcterms:created xsi:type="dcterms:W3CDTF">2019-03-02T10:00:00Z</dcterms:created></cp:coreProperties>`;
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(document),
    'word/_rels/document.xml.rels': strToU8(DOC_RELS),
    'docProps/core.xml': strToU8(coreXml),
    ...extra,
  });
}

/** Rewrites the uncompressed size of one entry in both its local header and the central directory. */
export function lieAboutSizes(zip: Uint8Array, entryName: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = new TextEncoder().encode(entryName);
  const nameAt = (at: number, length: number) => length === name.length && name.every((b, i) => zip[at + i] === b);
  for (let i = 0; i + 46 < zip.byteLength; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true))) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true))) view.setUint32(i + 24, size, true);
  }
}

/** Local header offset and record length of each entry, read from the central directory of a zip that fflate wrote. */
function zipRecords(zip: Uint8Array): Map<string, { local: number; dataStart: number; compressed: number; central: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const records = new Map<string, { local: number; dataStart: number; compressed: number; central: number }>();
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    records.set(name, { local, dataStart, compressed: view.getUint32(at + 20, true), central: at });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return records;
}

/**
 * Issue 13, item 6: a DOCX whose word/document.xml is valid XML inflating to `inflated` bytes
 * (whitespace inside the body) while its headers declare `declared`, and hidden from a streaming
 * reader: the local header of the entry before it claims a compressed size that swallows the
 * document's whole record. The central directory, which JSZip reads, still lists it.
 */
export function hiddenBombDocx(inflated: number, declared = 200_000): Uint8Array {
  const head = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hidden</w:t></w:r></w:p>',
  );
  const tail = strToU8('</w:body></w:document>');
  const xml = new Uint8Array(inflated).fill(0x20);
  xml.set(head, 0);
  xml.set(tail, inflated - tail.byteLength);
  const zip = zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'word/document.xml': [xml, { level: 6 }],
    '_rels/.rels': strToU8(ROOT_RELS),
  });
  const records = zipRecords(zip);
  const before = records.get('[Content_Types].xml')!;
  const hidden = records.get('word/document.xml')!;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The first entry's data now runs over the document's local header and data.
  view.setUint32(before.local + 18, hidden.dataStart + hidden.compressed - before.dataStart, true);
  // The document lies about its size, in its local header and in the directory.
  view.setUint32(hidden.local + 22, declared, true);
  view.setUint32(hidden.central + 24, declared, true);
  return zip;
}

/**
 * A zip whose central directory lists `copies` entries that all point at the same compressed data
 * (overlapping files, as in David Fifield's "better zip bomb"): each is small, together they are not.
 */
export function overlappingBombDocx(copies: number, each: number): Uint8Array {
  const zip = zipSync({ 'word/document.xml': [new Uint8Array(each).fill(0x20), { level: 6 }] });
  const record = zipRecords(zip).get('word/document.xml')!;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const centralLength = 46 + view.getUint16(record.central + 28, true);
  const central = zip.subarray(record.central, record.central + centralLength);
  const head = zip.subarray(0, record.central);
  const out = new Uint8Array(head.byteLength + (central.byteLength + 32) * copies + 22);
  out.set(head, 0);
  const names = Array.from({ length: copies }, (_, i) => `word/media/${String(i).padStart(4, '0')}.xml`);
  let at = head.byteLength;
  const outView = new DataView(out.buffer);
  for (const name of names) {
    // Same data, same name length as the original entry's ("word/document.xml" and "word/media/0000.xml" differ: rewrite the length).
    const nameBytes = strToU8(name);
    out.set(central.subarray(0, 46), at);
    outView.setUint16(at + 28, nameBytes.byteLength, true);
    outView.setUint16(at + 30, 0, true);
    outView.setUint16(at + 32, 0, true);
    out.set(nameBytes, at + 46);
    at += 46 + nameBytes.byteLength;
  }
  const eocd = at;
  const final = out.subarray(0, eocd + 22);
  const finalView = new DataView(final.buffer, final.byteOffset);
  finalView.setUint32(eocd, 0x06054b50, true);
  finalView.setUint16(eocd + 8, copies, true);
  finalView.setUint16(eocd + 10, copies, true);
  finalView.setUint32(eocd + 12, eocd - head.byteLength, true);
  finalView.setUint32(eocd + 16, head.byteLength, true);
  return final.slice();
}
