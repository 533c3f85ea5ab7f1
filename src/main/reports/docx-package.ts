/**
 * The DOCX package's properties, rewritten after the docx library wrote it, by the rule the PDF's
 * Info follows (pdf-info.ts, issue 12): the (already redacted) title, creator and last editor
 * "Dossier", UTC dates, nothing else: no author, company, template, machine or user name. The zip
 * entries get one fixed time: a zip stores local time, which would tell the exporter's time zone.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { PDF_CREATOR } from './print-options.ts';

export const DOCX_CREATOR = PDF_CREATOR;
/** The earliest time a zip can store, read as local time everywhere: it says nothing of where or when. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

const xmlEscape = (text: string) =>
  text
    // characters XML 1.0 cannot carry at all
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Seconds precision, UTC, as W3CDTF writes it. */
const w3cdtf = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function coreXml(title: string, now: Date): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (title.trim() ? `<dc:title>${xmlEscape(title)}</dc:title>` : '') +
    `<dc:creator>${DOCX_CREATOR}</dc:creator><cp:lastModifiedBy>${DOCX_CREATOR}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(now)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(now)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const APP_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Dossier</Application></Properties>';

/** Re-packs the library's DOCX with Dossier's properties; every other part is kept byte for byte. */
export function withDossierProperties(bytes: Uint8Array, title: string, now: Date): Uint8Array {
  const parts = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts)) {
    let part = data;
    if (name === 'docProps/core.xml') part = strToU8(coreXml(title, now));
    else if (name === 'docProps/app.xml') part = strToU8(APP_XML);
    out[name] = [part, { mtime: ZIP_TIME, level: 6 }];
  }
  return zipSync(out);
}
