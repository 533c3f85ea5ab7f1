import path from 'node:path';
import type { DocumentFormat } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import { looksBinary } from './decode.ts';
import { detectLanguage } from './language.ts';
import { parseMarkdown } from './markdown.ts';
import { fallbackTitle, findDateline } from './metadata.ts';
import { parsePlainText } from './text.ts';
import type { FileInput, FormatParser, ParsedDocument } from './types.ts';

/**
 * Heavy parsers (parse5 and the hast utilities, jsdom, pdf.js, mammoth, mailparser) are loaded on
 * first use, so a worker that only meets text files starts in milliseconds.
 */
const PARSERS: Record<DocumentFormat, FormatParser> = {
  txt: parsePlainText,
  md: parseMarkdown,
  html: async (input) => (await import('./html.ts')).parseHtml(input),
  pdf: async (input) => (await import('./pdf.ts')).parsePdf(input),
  docx: async (input) => (await import('./docx.ts')).parseDocx(input),
  eml: async (input) => (await import('./email.ts')).parseEmailMessage(input),
  mbox: async (input) => (await import('./email.ts')).parseMbox(input),
  image: async (input) => (await import('./image.ts')).parseImage(input),
};

const EXTENSIONS: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.eml': 'eml',
  '.mbox': 'mbox',
  '.mbx': 'mbox',
  // Scans and photographs of documents, recognised by OCR (issue 16).
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image',
  '.webp': 'image',
};

/** Formats whose bytes are text: a NUL byte or a run of control characters means the file is not what it claims. */
const TEXT_FORMATS = new Set<DocumentFormat>(['txt', 'md', 'html']);

/** The format of a file from its extension; unknown extensions are refused with a sentence. */
export function detectFormat(name: string): DocumentFormat {
  const format = EXTENSIONS[path.extname(name).toLowerCase()];
  if (!format) {
    throw new DossierError(
      'UNSUPPORTED_FORMAT',
      `${name}: Dossier cannot import ${path.extname(name) || 'files without an extension'} files (supported: ${Object.keys(EXTENSIONS).join(', ')}).`,
    );
  }
  return format;
}

export function isSupportedFile(name: string): boolean {
  return path.extname(name).toLowerCase() in EXTENSIONS;
}

/**
 * Parses one file into the documents it holds (one, or one per message of an mbox), ready to
 * store, or throws a DossierError naming the file. Runs inside a parse worker (parse-pool.ts).
 */
export async function parseFile(input: FileInput): Promise<ParsedDocument[]> {
  const format = detectFormat(input.name);
  if (input.bytes.byteLength === 0) throw new DossierError('EMPTY', `${input.name} is empty (0 bytes).`);
  if (TEXT_FORMATS.has(format) && hasNulBytes(input.bytes)) {
    throw new DossierError('UNSUPPORTED_FORMAT', `${input.name} looks like a binary file, not text; it was not imported.`);
  }
  const output = await PARSERS[format](input);
  const parsed = Array.isArray(output) ? output : [output];
  if (parsed.length === 0) throw new DossierError('EMPTY', `${input.name} holds no messages.`);
  return parsed.map((doc) => finish(doc, format, doc.part?.name ?? input.name));
}

/** NUL bytes in the first 8 KB of a file without a UTF-16 byte-order mark: binary, whatever its extension says. */
function hasNulBytes(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8192).includes(0);
}

function finish(parsed: ParsedDocument, format: DocumentFormat, name: string): ParsedDocument {
  if (TEXT_FORMATS.has(format) && looksBinary(parsed.text)) {
    throw new DossierError('UNSUPPORTED_FORMAT', `${name} looks like a binary file, not text; it was not imported.`);
  }
  if (!parsed.text.trim() && !parsed.ocr) {
    const why = format === 'pdf' ? ' (a scanned PDF needs text recognition first)' : '';
    throw new DossierError('EMPTY', `${name} has no readable text${why}.`);
  }
  let { publishedAt, meta } = parsed;
  if (!publishedAt && (format === 'txt' || format === 'md')) {
    const dateline = findDateline(parsed.text);
    if (dateline) {
      publishedAt = dateline.date;
      meta = { ...meta, dateline };
    }
  }
  // A document waiting for OCR gets its title and language from the recognised text (src/main/ocr).
  if (parsed.ocr) return { ...parsed, publishedAt, meta };
  return {
    ...parsed,
    publishedAt,
    meta,
    title: parsed.title?.trim() || fallbackTitle(parsed.text, name),
    language: parsed.language ?? detectLanguage(parsed.text),
  };
}
