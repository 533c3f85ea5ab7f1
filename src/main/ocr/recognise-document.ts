/**
 * Finishes a parsed document whose pages need OCR (issue 16): each page image is recognised, its
 * words placed on the page as text items, and the whole document laid out again by the same code
 * as a text PDF (pdf-layout.ts), so OCR'd text has paragraphs, headings, columns and word boxes,
 * with each word's confidence kept. Pages that had a text layer are not recognised.
 */
import { DossierError } from '../../shared/errors.ts';
import { layoutPdf } from '../importers/pdf-layout.ts';
import type { PdfTextItem } from '../importers/pdf-lines.ts';
import type { StructurePage } from '../importers/pdf-structure.ts';
import type { OcrPageImage, OcrRequest, ParsedDocument } from '../importers/types.ts';
import { detectLanguage } from '../importers/language.ts';
import { fallbackTitle } from '../importers/metadata.ts';
import type { OcrEngine, OcrResult } from './engine.ts';
import { guessLanguage, OCR_LANGUAGES, type OcrLanguage } from './languages.ts';

/** Words Tesseract is less sure of than this are counted for review. */
export const LOW_CONFIDENCE = 60;

export interface RecogniseDocumentOptions {
  engine: OcrEngine;
  /** The file's name, for sentences. */
  name: string;
  /** The user's choice; without it the language is guessed from a first pass over the first page. */
  languages?: readonly OcrLanguage[] | undefined;
  signal?: AbortSignal | undefined;
  pageTimeoutMs?: number | undefined;
  onPage?: ((done: number, total: number) => void) | undefined;
}

/** Mean word confidence weighted by length: how well a model reads the page. */
function meanConfidence(result: OcrResult): number {
  let sum = 0;
  let chars = 0;
  for (const line of result.lines) for (const w of line.words) {
    sum += w.confidence * w.text.length;
    chars += w.text.length;
  }
  return chars ? sum / chars : 0;
}

type Reader = (image: OcrPageImage, languages: OcrLanguage[]) => Promise<OcrResult>;

/**
 * The language of a scan from its first page. Tesseract's models of other scripts read a page
 * badly, and a combined model is led by its first language (measured: eng+chi_sim reads Uyghur
 * as Latin garbage), so each script's model reads the page and the most confident wins;
 * then the script's two languages (Uyghur or Arabic, Kazakh or Russian) are told apart the same way.
 * English is read over the whole page first: that result is kept when English it is.
 */
async function guessLanguages(image: OcrPageImage, read: Reader): Promise<{ language: OcrLanguage; english: OcrResult }> {
  const english = await read(image, ['en']);
  const text = english.lines.flatMap((l) => l.words.map((w) => w.text)).join(' ');
  if (meanConfidence(english) >= 85 && guessLanguage(text) === 'en') return { language: 'en', english };
  // Whole pages: a band of the page misled the guess (measured: Arabic's model beat Uyghur's on a band of a Uyghur page).
  const score = async (language: OcrLanguage) => ({ language, confidence: meanConfidence(await read(image, [language])) });
  const scripts = [{ language: 'en' as OcrLanguage, confidence: meanConfidence(english) }];
  for (const language of ['ru', 'zh', 'ar'] as OcrLanguage[]) scripts.push(await score(language));
  scripts.sort((a, b) => b.confidence - a.confidence);
  const best = scripts[0]!;
  const sibling: Partial<Record<OcrLanguage, OcrLanguage>> = { ar: 'ug', ru: 'kk' };
  const other = sibling[best.language];
  if (!other) return { language: best.language, english };
  const rival = await score(other);
  return { language: rival.confidence > best.confidence ? other : best.language, english };
}

/** Recognised words as text items of their page (PDF-style: bottom-left origin, baseline y). */
export function itemsFromOcr(result: OcrResult, image: OcrPageImage, page: StructurePage): PdfTextItem[] {
  const sx = image.box.width / result.width;
  const sy = image.box.height / result.height;
  const items: PdfTextItem[] = [];
  for (const line of result.lines) {
    // One height for the whole line: words' own boxes differ with ascenders and descenders.
    const top = image.box.top + line.y0 * sy;
    const size = Math.max(1, (line.y1 - line.y0) * sy * 0.8);
    for (const word of line.words) {
      const x = image.box.x + word.x0 * sx;
      items.push({ str: word.text, transform: [size, 0, 0, size, x, page.height - (top + size)], width: (word.x1 - word.x0) * sx, height: size, confidence: word.confidence });
    }
  }
  return items;
}

export async function recogniseDocument(doc: ParsedDocument, options: RecogniseDocumentOptions): Promise<ParsedDocument> {
  const request = doc.ocr;
  if (!request) return doc;
  const { images } = request;
  const specs = request.specs.map((s) => ({ ...s }));
  const recognise = (image: OcrPageImage, languages: readonly OcrLanguage[]) =>
    options.engine.recognise(image.image, languages, { signal: options.signal, timeoutMs: options.pageTimeoutMs }).catch((error: unknown) => {
      const why = error instanceof DossierError ? error.message : String(error);
      const where = request.paged ? `page ${image.page + 1} of ${options.name}` : options.name;
      throw new DossierError('PARSE_FAILED', `${where} ${why}; the file was not imported.`);
    });
  let languages = options.languages?.length ? [...options.languages] : null;
  /** The first page read in English during the guess, reused when English it is. */
  let firstResult: OcrResult | null = null;
  if (!languages) {
    const guess = await guessLanguages(images[0]!, (image, langs) =>
      options.engine.recognise(image.image, langs, { signal: options.signal, timeoutMs: options.pageTimeoutMs }).catch((error: unknown) => {
        throw new DossierError('PARSE_FAILED', `${options.name} ${error instanceof DossierError ? error.message : String(error)}; the file was not imported.`);
      }),
    );
    languages = [guess.language];
    firstResult = guess.language === 'en' ? guess.english : null;
  }
  let words = 0;
  let low = 0;
  let confidenceSum = 0;
  for (const [i, image] of images.entries()) {
    options.onPage?.(i, images.length);
    const result = i === 0 && firstResult ? firstResult : await recognise(image, languages);
    const spec = specs[image.page]!;
    if (!request.paged) {
      // An image file is one page the size of the image.
      spec.width = result.width;
      spec.height = result.height;
      image.box = { x: 0, top: 0, width: result.width, height: result.height };
    }
    spec.items = itemsFromOcr(result, image, spec);
    for (const item of spec.items) {
      words++;
      confidenceSum += item.confidence ?? 0;
      if ((item.confidence ?? 100) < LOW_CONFIDENCE) low++;
    }
  }
  options.onPage?.(images.length, images.length);
  return finishDocument(doc, request, specs, { languages, words, low, confidenceSum, name: options.name });
}

function finishDocument(
  doc: ParsedDocument,
  request: OcrRequest,
  specs: StructurePage[],
  stats: { languages: OcrLanguage[]; words: number; low: number; confidenceSum: number; name: string },
): ParsedDocument {
  const { text, blocks, pageStarts, layout } = layoutPdf(specs, request.outline, request.labels);
  if (!text.trim()) throw new DossierError('EMPTY', `${stats.name} has no readable text, even after text recognition.`);
  const recognised = new Set(request.images.map((i) => i.page));
  layout.forEach((page, p) => {
    if (recognised.has(p)) page.ocr = true;
  });
  const pages = [...recognised].sort((a, b) => a - b).map((p) => p + 1);
  const reviewFlags = [...doc.reviewFlags];
  const where = request.paged ? `${pages.length === specs.length ? 'All pages' : `Pages ${pages.join(', ')}`} of ${stats.name} were` : `${stats.name} was`;
  reviewFlags.push(`${where} recognised from the image (${stats.languages.join(', ')}); check quotes against the page.`);
  if (stats.low) reviewFlags.push(`${stats.low} of ${stats.words} recognised words in ${stats.name} have low confidence (below ${LOW_CONFIDENCE} %); they are marked on the page.`);
  const { ocr: _request, ...rest } = doc;
  const language = detectLanguage(text) ?? (stats.languages[0] && (OCR_LANGUAGES as readonly string[]).includes(stats.languages[0]) ? stats.languages[0] : null);
  return {
    ...rest,
    text,
    blocks,
    pageStarts: request.paged ? pageStarts : null,
    title: doc.title ?? fallbackTitle(text, stats.name),
    language,
    meta: {
      ...doc.meta,
      layout,
      ocr: {
        languages: stats.languages,
        pages,
        words: stats.words,
        lowConfidenceWords: stats.low,
        meanConfidence: stats.words ? Math.round(stats.confidenceSum / stats.words) : null,
      },
    },
    reviewFlags,
  };
}
