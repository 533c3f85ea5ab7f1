/**
 * An image file (PNG, JPEG, TIFF, WebP: a scan or a photograph of a document), issue 16. Its
 * text comes from OCR in the main process (src/main/ocr); here the bytes are only checked to be
 * the image the name says, so a renamed file fails with a sentence before any recognition starts.
 */
import { DossierError } from '../../shared/errors.ts';
import type { FileInput, ParsedDocument } from './types.ts';

const SIGNATURES: { kind: string; test: (b: Uint8Array) => boolean }[] = [
  { kind: 'PNG', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { kind: 'JPEG', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { kind: 'TIFF', test: (b) => (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a) },
  { kind: 'WebP', test: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP' },
];

export function imageKind(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.test(bytes))?.kind ?? null;
}

export function parseImage(input: FileInput): ParsedDocument {
  const kind = imageKind(input.bytes);
  if (!kind) throw new DossierError('UNSUPPORTED_FORMAT', `${input.name} is not a PNG, JPEG, TIFF or WebP image; it was not imported.`);
  return {
    format: 'image',
    text: '',
    blocks: [],
    title: null,
    source: null,
    author: null,
    url: null,
    publishedAt: null,
    language: null,
    pageStarts: null,
    meta: { imageType: kind },
    originalHtml: null,
    reviewFlags: [],
    // The page size is the image's, known once Tesseract has read it.
    ocr: { specs: [{ width: 0, height: 0, items: [] }], outline: [], labels: null, images: [{ page: 0, image: input.bytes, box: { x: 0, top: 0, width: 0, height: 0 } }], paged: false },
  };
}
