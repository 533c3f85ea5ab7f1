import { DossierError } from '../../shared/errors.ts';
import { layoutPdf, readOutline, titleFromInfo } from './pdf-layout.ts';
import type { PdfTextItem } from './pdf-lines.ts';
import { hasNoText, pageScan } from './pdf-page-images.ts';
import type { StructurePage } from './pdf-structure.ts';
import type { OcrPageImage } from './types.ts';
import { findDateline, normalizeDate } from './metadata.ts';
import { cleanText } from './clean.ts';
import { loadPdfjs } from './load-pdfjs.ts';
import { findPdfScripts } from './pdf-actions.ts';
import type { FileInput, ParsedDocument } from './types.ts';

const INFO_KEYS = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate'] as const;

/**
 * A PDF through pdf.js's legacy build (issue 3): eval off, no scripting, no fonts loaded, nothing
 * fetched. Text per page with page start offsets for citations. The PDF's Info dictionary is kept
 * in meta for review and used for the title only when the first page's text confirms it.
 */
export async function parsePdf(input: FileInput): Promise<ParsedDocument> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(input.bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as Error)?.name;
    if (name === 'PasswordException') throw new DossierError('PARSE_FAILED', `${input.name} is protected by a password; open it, save an unprotected copy and import that.`);
    throw new DossierError('PARSE_FAILED', `${input.name} is not a readable PDF (it may be damaged or truncated).`);
  }
  try {
    const specs: StructurePage[] = [];
    const scans: OcrPageImage[] = [];
    const failedPages: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      try {
        const page = await pdf.getPage(n);
        const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
        const content = await page.getTextContent();
        const items = (content.items.filter((i) => 'str' in i) as PdfTextItem[]).map((i) => ({ ...i, transform: [...i.transform.slice(0, 4), (i.transform[4] ?? 0) - x0, (i.transform[5] ?? 0) - y0] }));
        // A page without a text layer is recognised from its scan later (issue 16).
        const scan = hasNoText(items) ? await pageScan(page, n).catch(() => null) : null;
        if (scan) scans.push(scan);
        specs.push({ width: x1 - x0, height: y1 - y0, items: scan ? [] : items });
        page.cleanup();
      } catch {
        failedPages.push(n);
        specs.push({ width: 612, height: 792, items: [] });
      }
    }
    const outline = await readOutline(pdf);
    const labels = await pdf.getPageLabels().catch(() => null);
    const { text, blocks, pageStarts, layout } = layoutPdf(specs, outline, labels);
    const { info } = await pdf.getMetadata().catch(() => ({ info: {} as Record<string, unknown> }));
    const pdfInfo: Record<string, string> = {};
    for (const key of INFO_KEYS) {
      const value = cleanText((info as Record<string, unknown>)[key], 1000);
      if (value) pdfInfo[key] = value;
    }
    const scripts = await findPdfScripts(pdf, input.bytes);
    const hasScript = scripts.length > 0;
    const reviewFlags: string[] = [];
    if (hasScript) reviewFlags.push(`${input.name} contains JavaScript (in ${scripts.join(', ')}); Dossier did not run it and kept only the text.`);
    const tail = new TextDecoder('latin1').decode(input.bytes.subarray(Math.max(0, input.bytes.byteLength - 2048)));
    if (!tail.includes('%%EOF')) reviewFlags.push(`${input.name} seems truncated (it has no end-of-file marker); some of its text may be missing.`);
    if (failedPages.length) reviewFlags.push(`Pages ${failedPages.join(', ')} of ${input.name} could not be read; the file may be damaged.`);
    if (pdfInfo.Title || pdfInfo.Author) reviewFlags.push("The PDF's own title and author fields are shown in its details; check them before relying on them.");
    const firstPage = text.slice(0, pageStarts[1] ?? 3000).toLowerCase();
    const confirmed = (value: string | undefined) => (value && firstPage.includes(value.toLowerCase()) ? value : null);
    const firstBlock = blocks[0] ? text.slice(blocks[0].start, blocks[0].end) : '';
    const dateline = findDateline(text);
    return {
      format: 'pdf',
      text,
      blocks,
      title: confirmed(pdfInfo.Title) ?? titleFromInfo(pdfInfo.Title, firstBlock),
      source: null,
      author: confirmed(pdfInfo.Author),
      url: null,
      publishedAt: dateline?.date ?? null,
      language: null,
      pageStarts,
      meta: {
        pages: pdf.numPages,
        pdfInfo,
        layout,
        pdfCreated: normalizeDate(pdfInfo.CreationDate),
        ...(hasScript ? { containedJavaScript: true } : {}),
        ...(dateline ? { dateline } : {}),
      },
      originalHtml: null,
      reviewFlags,
      ...(scans.length ? { ocr: { specs, outline, labels, images: scans, paged: true } } : {}),
    };
  } finally {
    await pdf.destroy();
  }
}
