/**
 * The service's OCR (issue 16): one engine for the service's life, started on the first scan
 * (its worker thread stops being counted while idle), and the cancel switch of the batches under way.
 */
import { createOcrEngine, type OcrEngine } from '../ocr/engine.ts';
import type { OcrLanguage } from '../ocr/languages.ts';
import type { OcrImportOptions } from './import-ocr.ts';

export interface OcrServiceOptions {
  /** Where the unpacked language data is cached. */
  dataDir: string;
  /** resources/ of the packaged app (Russian data); source runs find it themselves. */
  resourcesDir?: string | undefined;
  pageTimeoutMs?: number | undefined;
  /** An engine to use instead (tests and benches share one). */
  engine?: OcrEngine | undefined;
}

export function createOcrService(options: OcrServiceOptions) {
  let engine: OcrEngine | null = options.engine ?? null;
  const running = new Set<AbortController>();
  /** Started only when a scan is met: most imports never load Tesseract. */
  const lazy: OcrEngine = {
    recognise: (...args) => {
      engine ??= createOcrEngine({ dataDir: options.dataDir, resourcesDir: options.resourcesDir });
      return engine.recognise(...args);
    },
    close: async () => {
      await engine?.close();
      engine = null;
    },
  };
  return {
    /** The OCR options of one import batch, and what to call when it ends. */
    startBatch(languages?: readonly OcrLanguage[]): { options: OcrImportOptions; done: () => void } {
      const controller = new AbortController();
      running.add(controller);
      return {
        options: { engine: lazy, languages, signal: controller.signal, pageTimeoutMs: options.pageTimeoutMs },
        done: () => running.delete(controller),
      };
    },
    /** Cancels every batch under way; true when there was one. */
    cancel(): boolean {
      const any = running.size > 0;
      for (const controller of running) controller.abort();
      running.clear();
      return any;
    },
    close: () => lazy.close(),
  };
}
