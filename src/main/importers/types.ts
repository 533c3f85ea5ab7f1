import type { Block, DocumentFormat } from '../../shared/domain.ts';
import type { OutlineEntry, StructurePage } from './pdf-structure.ts';

/** What a format parser produces from a file's bytes; the store adds ids, hashes and timestamps. */
export interface ParsedDocument {
  format: DocumentFormat;
  /** The canonical plain text: every offset (blocks, passages, pages) refers to it. */
  text: string;
  blocks: Block[];
  title: string | null;
  source: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
  pageStarts: number[] | null;
  meta: Record<string, unknown>;
  originalHtml: string | null;
  reviewFlags: string[];
  /**
   * Pages whose text must be recognised from their image before the document is stored (issue 16):
   * a scan, or an image file. The main process runs OCR (src/main/ocr) and lays out the text again.
   */
  ocr?: OcrRequest;
  /** A document that is one part of the file (a message of an mbox): its own name and original bytes. */
  part?: { name: string; bytes: Uint8Array };
}

export interface FileInput {
  /** The file's name (no folders), used for format detection and as a title of last resort. */
  name: string;
  bytes: Uint8Array;
}

type ParserOutput = ParsedDocument | ParsedDocument[] | ParsedFile;
export type FormatParser = (input: FileInput) => Promise<ParserOutput> | ParserOutput;

/** One part of a file (a message of an mbox) that could not be read: the rest of the file is still imported (issue 13). */
export interface PartFailure {
  name: string;
  code: string;
  message: string;
}

/** What a file became: the documents it holds and the parts of it that failed alone. */
export interface ParsedFile {
  docs: ParsedDocument[];
  failures: PartFailure[];
}

/** A page image to recognise: encoded bytes Tesseract reads, and where the image lies on its page (page units, top-left origin). */
export interface OcrPageImage {
  page: number;
  image: Uint8Array;
  box: { x: number; top: number; width: number; height: number };
}

/** What OCR needs to finish a document: every page's text items (empty for the pages to recognise), the outline and labels, the images. */
export interface OcrRequest {
  specs: StructurePage[];
  outline: OutlineEntry[];
  labels: string[] | null;
  images: OcrPageImage[];
  /** Whether the document has pages to cite (a PDF) or is one picture. */
  paged: boolean;
}
