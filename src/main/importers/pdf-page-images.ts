/**
 * The scanned image of a PDF page without a text layer (issue 16), for OCR: the largest image
 * the page paints, decoded by pdf.js (no canvas needed), as a greyscale PGM (the simplest format
 * Tesseract's Leptonica reads), with where it lies on the page, so recognised words get page
 * coordinates. Runs in the parse worker.
 */
import type { OcrPageImage } from './types.ts';

/** pdf.js's operator codes and image kinds (pdfjs-dist's OPS and ImageKind). */
const OPS = { save: 10, restore: 11, transform: 12, paintImageXObject: 85, paintInlineImageXObject: 86 } as const;
const KIND = { GRAYSCALE_1BPP: 1, RGB_24BPP: 2, RGBA_32BPP: 3 } as const;

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

interface PageProxy {
  view: number[];
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  objs: { get(id: string, callback: (value: unknown) => void): void };
  commonObjs: { get(id: string, callback: (value: unknown) => void): void };
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** An image object once pdf.js has decoded it, or null after a while (a broken image must not hang the import). */
function objectOf(page: PageProxy, id: string): Promise<DecodedImage | null> {
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 10_000);
    store.get(id, (value) => {
      clearTimeout(timer);
      resolve((value as DecodedImage) ?? null);
    });
  });
}

/** A page whose text items hold fewer than five letters or digits has no text layer worth keeping. */
export function hasNoText(items: { str: string }[]): boolean {
  let count = 0;
  for (const item of items) count += item.str.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return count < 5;
}

/** Greyscale PGM ("P5") of a decoded image. */
export function toPgm(image: DecodedImage): Uint8Array | null {
  const { width, height, kind, data } = image;
  if (!data || !width || !height) return null;
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  const pixels = out.subarray(header.length);
  if (kind === KIND.GRAYSCALE_1BPP) {
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) pixels[y * width + x] = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
  } else if (kind === KIND.RGB_24BPP || kind === KIND.RGBA_32BPP) {
    const step = kind === KIND.RGB_24BPP ? 3 : 4;
    for (let i = 0; i < width * height; i++) {
      const at = i * step;
      pixels[i] = (data[at]! * 299 + data[at + 1]! * 587 + data[at + 2]! * 114) / 1000;
    }
  } else {
    return null;
  }
  return out;
}

/** The page's largest painted image and its box on the page (points, top-left origin), or null. */
export async function pageScan(page: PageProxy, pageNumber: number): Promise<OcrPageImage | null> {
  const [x0 = 0, y0 = 0, , y1 = 792] = page.view;
  const { fnArray, argsArray } = await page.getOperatorList();
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let best: { image: DecodedImage; m: Matrix; area: number } | null = null;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] ?? [];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
      const image = fn === OPS.paintImageXObject ? await objectOf(page, String(args[0])) : (args[0] as DecodedImage);
      const area = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
      if (image && (!best || area > best.area)) best = { image, m: ctm, area };
    }
  }
  if (!best) return null;
  const image = toPgm(best.image);
  if (!image) return null;
  // The image fills the unit square under its matrix (scans are placed unrotated).
  const { m } = best;
  const left = Math.min(m[4], m[4] + m[0]) - x0;
  const bottom = Math.min(m[5], m[5] + m[3]) - y0;
  const height = Math.abs(m[3]);
  return { page: pageNumber - 1, image, box: { x: left, top: y1 - y0 - (bottom + height), width: Math.abs(m[0]), height } };
}
