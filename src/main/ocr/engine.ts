/**
 * OCR with tesseract.js (issue 16): Tesseract compiled to WebAssembly, each engine in its own
 * worker thread (tesseract.js spawns it), so the main process only posts images and reads words.
 * Language data comes from a local folder (tessdata-dir.ts) with caching off: no CDN, no
 * workerPath or corePath from the network; the core is the npm package's WebAssembly.
 */
import type { Worker } from 'tesseract.js';
import { DossierError } from '../../shared/errors.ts';
import { TESSERACT_CODE, type OcrLanguage } from './languages.ts';
import { prepareTessdata } from './tessdata-dir.ts';

export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0–100, Tesseract's own. */
  confidence: number;
}

export interface OcrLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  words: OcrWord[];
}

export interface OcrResult {
  /** The image's size in pixels. */
  width: number;
  height: number;
  lines: OcrLine[];
}

export interface RecogniseOptions {
  signal?: AbortSignal | undefined;
  /** A page that takes longer is abandoned (its engine is stopped). */
  timeoutMs?: number | undefined;
  /** Only this part of the image, in pixels (a first pass that guesses the language reads a band). */
  rectangle?: { left: number; top: number; width: number; height: number } | undefined;
}

export interface OcrEngine {
  recognise(image: Uint8Array, languages: readonly OcrLanguage[], options?: RecogniseOptions): Promise<OcrResult>;
  close(): Promise<void>;
}

export interface OcrEngineOptions {
  /** Where the unpacked language data is kept (a cache; made on first use). */
  dataDir: string;
  resourcesDir?: string | undefined;
  /** Engines kept at most (each holds its languages' models, 30–150 MB). */
  maxEngines?: number | undefined;
}

interface Slot {
  key: string;
  worker: Worker;
  busy: boolean;
}

interface TesseractWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}
interface TesseractLine {
  bbox: { x0: number; y0: number; x1: number; y1: number };
  words: TesseractWord[];
}
interface TesseractBlock {
  paragraphs: { lines: TesseractLine[] }[];
}

/**
 * tesseract.js's options: the data from a local folder, unpacked already (gzip off) and never
 * cached elsewhere; no workerPath or corePath, so the worker script and the WebAssembly core
 * are the installed package's own files (tesseract.js's Node build requires them from disk).
 */
export function workerOptions(langPath: string) {
  return {
    langPath,
    gzip: false,
    cacheMethod: 'none',
    cachePath: langPath,
    legacyCore: false,
    legacyLang: false,
    // Without a handler tesseract.js rethrows a failed job (an unreadable image) as an uncaught
    // exception, which would end the process; the job's own promise rejects and is handled.
    errorHandler: () => undefined,
  } as const;
}

export function createOcrEngine(options: OcrEngineOptions): OcrEngine {
  const slots: Slot[] = [];
  const max = Math.max(1, options.maxEngines ?? 1);
  const waiting: (() => void)[] = [];
  let closed = false;

  const start = async (languages: readonly OcrLanguage[]): Promise<Worker> => {
    const langPath = prepareTessdata(languages, options.dataDir, options.resourcesDir);
    // Loaded with the first scan (issue 17): a CLI command or an app start without OCR does not pay for it.
    const { createWorker, OEM, PSM } = await import('tesseract.js');
    const worker = await createWorker(
      languages.map((l) => TESSERACT_CODE[l]),
      OEM.LSTM_ONLY,
      workerOptions(langPath),
    );
    // Automatic page segmentation: scans have columns, headers and images.
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '0' });
    return worker;
  };

  /** An idle engine with these languages, or a new one once there is room. */
  const acquire = async (languages: readonly OcrLanguage[]): Promise<Slot> => {
    const key = [...languages].sort().join('+');
    for (;;) {
      if (closed) throw new DossierError('INTERNAL', 'Text recognition was stopped.');
      const idle = slots.find((s) => !s.busy && s.key === key);
      if (idle) {
        idle.busy = true;
        threadOf(idle)?.ref();
        return idle;
      }
      const other = slots.findIndex((s) => !s.busy);
      if (slots.length >= max && other >= 0) {
        const [old] = slots.splice(other, 1);
        void old!.worker.terminate();
      }
      if (slots.length < max) {
        const slot: Slot = { key, worker: null as unknown as Worker, busy: true };
        slots.push(slot);
        try {
          slot.worker = await start(languages);
        } catch (error) {
          slots.splice(slots.indexOf(slot), 1);
          release();
          throw new DossierError('INTERNAL', `Text recognition could not start: ${(error as Error)?.message ?? String(error)}`);
        }
        return slot;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };

  const release = () => waiting.shift()?.();

  const discard = (slot: Slot) => {
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    void slot.worker.terminate().catch(() => undefined);
    release();
  };

  return {
    async recognise(image, languages, { signal, timeoutMs, rectangle } = {}) {
      if (signal?.aborted) throw cancelled();
      const slot = await acquire(languages);
      let timer: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      try {
        const stopped = new Promise<never>((_, reject) => {
          if (timeoutMs) timer = setTimeout(() => reject(new DossierError('PARSE_FAILED', `took longer than ${Math.round(timeoutMs / 1000)} s to recognise`)), timeoutMs);
          onAbort = () => reject(cancelled());
          // Cancelled while this page waited for an engine: stop before recognising it.
          if (signal?.aborted) onAbort();
          else signal?.addEventListener('abort', onAbort, { once: true });
        });
        const job = slot.worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), rectangle ? { rectangle } : {}, { blocks: true, hocr: true, text: false });
        job.catch(() => undefined);
        const { data } = await Promise.race([job, stopped]);
        slot.busy = false;
        // An idle engine does not keep a CLI or test process alive.
        threadOf(slot)?.unref();
        release();
        return toResult(data as unknown as { blocks: TesseractBlock[] | null; hocr: string | null });
      } catch (error) {
        // The engine may be mid-page: stop it; the next page gets a fresh one.
        discard(slot);
        if (error instanceof DossierError) throw error;
        throw new DossierError('PARSE_FAILED', `could not be recognised (${(error as Error)?.message ?? String(error)})`);
      } finally {
        if (timer) clearTimeout(timer);
        if (onAbort) signal?.removeEventListener('abort', onAbort);
      }
    },
    async close() {
      closed = true;
      waiting.splice(0).forEach((w) => w());
      await Promise.all(slots.splice(0).map((s) => s.worker?.terminate().catch(() => undefined)));
    },
  };
}

/** tesseract.js's worker_threads Worker, to unref while idle. */
function threadOf(slot: Slot): { ref(): void; unref(): void } | null {
  const thread = (slot.worker as unknown as { worker?: { ref?: () => void; unref?: () => void } }).worker;
  return thread?.ref && thread.unref ? (thread as { ref(): void; unref(): void }) : null;
}

function cancelled(): DossierError {
  return new DossierError('PARSE_FAILED', 'text recognition was cancelled');
}

function toResult(data: { blocks: TesseractBlock[] | null; hocr: string | null }): OcrResult {
  const page = /ocr_page[^>]*?bbox 0 0 (\d+) (\d+)/.exec(data.hocr ?? '');
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words
          .filter((w) => w.text.trim())
          .map((w) => ({ text: w.text.trim(), confidence: w.confidence, ...w.bbox }));
        if (words.length) lines.push({ ...line.bbox, words });
      }
    }
  }
  const width = Number(page?.[1] ?? Math.max(1, ...lines.map((l) => l.x1)));
  const height = Number(page?.[2] ?? Math.max(1, ...lines.map((l) => l.y1)));
  return { width, height, lines };
}
