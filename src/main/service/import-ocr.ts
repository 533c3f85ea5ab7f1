/**
 * The OCR step of an import (issue 16), between parsing and storing: documents that came back
 * from the parse worker with pages to recognise are finished here, one page at a time through
 * the OCR engine's worker thread. A page that fails, times out or is cancelled fails its file
 * alone; the batch goes on.
 */
import { DossierError } from '../../shared/errors.ts';
import type { ParsedDocument } from '../importers/types.ts';
import type { OcrEngine } from '../ocr/engine.ts';
import type { OcrLanguage } from '../ocr/languages.ts';
import { recogniseDocument } from '../ocr/recognise-document.ts';

export interface OcrImportOptions {
  engine: OcrEngine;
  languages?: readonly OcrLanguage[] | undefined;
  signal?: AbortSignal | undefined;
  /** Per page (default 120 s: a dense 300 dpi page in Chinese takes 10–30 s on a slow machine). */
  pageTimeoutMs?: number | undefined;
}

export const DEFAULT_OCR_PAGE_TIMEOUT_MS = 120_000;

export async function recogniseScans(
  docs: ParsedDocument[],
  name: string,
  ocr: OcrImportOptions | undefined,
  onPage: (page: number, pages: number) => void,
): Promise<ParsedDocument[]> {
  if (!docs.some((d) => d.ocr)) return docs;
  if (!ocr) throw new DossierError('EMPTY', `${name} has no readable text (a scan needs text recognition, which is not available here).`);
  const out: ParsedDocument[] = [];
  for (const doc of docs) {
    out.push(
      await recogniseDocument(doc, {
        engine: ocr.engine,
        name,
        languages: ocr.languages,
        signal: ocr.signal,
        pageTimeoutMs: ocr.pageTimeoutMs ?? DEFAULT_OCR_PAGE_TIMEOUT_MS,
        onPage,
      }),
    );
  }
  return out;
}
