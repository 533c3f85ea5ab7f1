import { DossierError } from '../../shared/errors.ts';
import { assembleBlocks, type BlockDraft } from './blocks.ts';
import { findDateline, normalizeDate } from './metadata.ts';
import { cleanText } from './clean.ts';
import { loadPdfjs } from './load-pdfjs.ts';
import { findPdfScripts } from './pdf-actions.ts';
import type { FileInput, ParsedDocument } from './types.ts';

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

const INFO_KEYS = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate'] as const;

/**
 * Paragraph drafts of one page from pdf.js text items, in their content-stream order (reading
 * order for the PDFs that reports are made of). A space is put between items that a visible gap
 * separates, a line break where the baseline moves, and a paragraph break on a larger vertical gap.
 */
export function pageDrafts(items: PdfTextItem[]): BlockDraft[] {
  const drafts: BlockDraft[] = [];
  let current = '';
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  let lastHeight = 0;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0) || 10;
    if (!Number.isNaN(lastY) && Math.abs(y - lastY) > height * 0.5) {
      const gap = Math.abs(lastY - y);
      if (gap > Math.max(height, lastHeight) * 1.8) {
        if (current.trim()) drafts.push({ kind: 'paragraph', text: current });
        current = '';
      } else if (!current.endsWith('\n') && !current.endsWith(' ')) {
        // A wrapped line: a hyphen at the end joins the word, otherwise a line break.
        current = /[A-Za-z]-$/.test(current) ? current.slice(0, -1) : `${current}\n`;
      }
    } else if (!Number.isNaN(lastX) && x - lastX > height * 0.15 && !/\s$/.test(current) && !/^\s/.test(item.str)) {
      current += ' ';
    }
    current += item.str;
    if (item.hasEOL) current += '\n';
    lastX = x + item.width;
    lastY = y;
    lastHeight = height;
  }
  if (current.trim()) drafts.push({ kind: 'paragraph', text: current });
  return drafts;
}

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
    const drafts: BlockDraft[] = [];
    const pageFirstDraft: number[] = [];
    const failedPages: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      pageFirstDraft.push(drafts.length);
      try {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        drafts.push(...pageDrafts(content.items.filter((i) => 'str' in i) as PdfTextItem[]));
        page.cleanup();
      } catch {
        failedPages.push(n);
      }
    }
    const { text, blocks, draftStarts } = assembleBlocks(drafts);
    const pageStarts = pageFirstDraft.map((i) => (i < drafts.length ? draftStarts[i]! : text.length));
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
    const dateline = findDateline(text);
    return {
      format: 'pdf',
      text,
      blocks,
      title: confirmed(pdfInfo.Title),
      source: null,
      author: confirmed(pdfInfo.Author),
      url: null,
      publishedAt: dateline?.date ?? null,
      language: null,
      pageStarts,
      meta: {
        pages: pdf.numPages,
        pdfInfo,
        pdfCreated: normalizeDate(pdfInfo.CreationDate),
        ...(hasScript ? { containedJavaScript: true } : {}),
        ...(dateline ? { dateline } : {}),
      },
      originalHtml: null,
      reviewFlags,
    };
  } finally {
    await pdf.destroy();
  }
}
