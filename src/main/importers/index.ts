import path from 'node:path';
import type { DocumentFormat } from '../../shared/domain.ts';
import { DossierError, toErrorInfo } from '../../shared/errors.ts';
import { looksBinary } from './decode.ts';
import { detectLanguage } from './language.ts';
import { parseMarkdown } from './markdown.ts';
import { fallbackTitle, findDateline } from './metadata.ts';
import { parsePlainText } from './text.ts';
import { cleanBodyText, cleanMetadataText, cleanMetadataTree, countUnreadable } from '../store/clean-text.ts';
import type { FileInput, FormatParser, ParsedDocument, ParsedFile, PartFailure } from './types.ts';
import { CAPTURE_EXTENSIONS, captureParser } from './captures/index.ts';

/**
 * Heavy parsers (parse5 and the hast utilities, jsdom, pdf.js, mammoth, mailparser) are loaded on
 * first use, so a worker that only meets text files starts in milliseconds.
 */
const PARSERS: Record<DocumentFormat, FormatParser> = {
  txt: parsePlainText,
  md: parseMarkdown,
  // Issue 19: a SingleFile page is HTML with its capture facts kept (captures/singlefile.ts).
  html: async (input) => (await import('./captures/singlefile.ts')).parseHtmlPage(input),
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
  // Web captures (issue 19) hold HTML pages.
  if (captureParser(name)) return 'html';
  const format = EXTENSIONS[path.extname(name).toLowerCase()];
  if (!format) {
    throw new DossierError(
      'UNSUPPORTED_FORMAT',
      `${name}: Dossier cannot import ${path.extname(name) || 'files without an extension'} files (supported: ${[...Object.keys(EXTENSIONS), ...CAPTURE_EXTENSIONS].join(', ')}).`,
    );
  }
  return format;
}

export function isSupportedFile(name: string): boolean {
  return path.extname(name).toLowerCase() in EXTENSIONS || captureParser(name) !== null;
}

/**
 * Parses one file into the documents it holds (one, or one per message of an mbox), ready to
 * store, or throws a DossierError naming the file. A part of a file (a message) that cannot be
 * read fails alone, in `failures`. Runs inside a parse worker (parse-pool.ts).
 */
export async function parseFile(input: FileInput): Promise<ParsedFile> {
  const format = detectFormat(input.name);
  const capture = captureParser(input.name);
  if (input.bytes.byteLength === 0) throw new DossierError('EMPTY', `${input.name} is empty (0 bytes).`);
  if (!capture && TEXT_FORMATS.has(format) && hasNulBytes(input.bytes)) {
    throw new DossierError('UNSUPPORTED_FORMAT', `${input.name} looks like a binary file, not text; it was not imported.`);
  }
  const output = await (capture ?? PARSERS[format])(input);
  const parsed = Array.isArray(output) ? { docs: output, failures: [] } : 'docs' in output ? output : { docs: [output], failures: [] };
  if (parsed.docs.length === 0 && parsed.failures.length === 0) throw new DossierError('EMPTY', `${input.name} holds no messages.`);
  // One document: its failure is the file's. Parts: each fails alone.
  if (!parsed.docs[0]?.part) return { docs: parsed.docs.map((doc) => finish(doc, format, input.name)), failures: parsed.failures };
  const docs: ParsedDocument[] = [];
  const failures: PartFailure[] = [...parsed.failures];
  for (const doc of parsed.docs) {
    const name = doc.part?.name ?? input.name;
    try {
      docs.push(finish(doc, format, name));
    } catch (error) {
      failures.push({ name, ...toErrorInfo(error) });
    }
  }
  return { docs, failures };
}

/** NUL bytes anywhere in a file without a UTF-16 byte-order mark: binary, whatever its extension says. */
function hasNulBytes(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.includes(0);
}

/**
 * The last step of every format: refusals (binary, no text), then the one cleaning of every
 * string stored (store/clean-text.ts), a review flag when the text holds characters that could
 * not be read (issue 14: in every format), and the fallbacks for title, date and language.
 */
function finish(parsed: ParsedDocument, format: DocumentFormat, name: string): ParsedDocument {
  if (TEXT_FORMATS.has(format) && looksBinary(parsed.text)) {
    throw new DossierError('UNSUPPORTED_FORMAT', `${name} looks like a binary file, not text; it was not imported.`);
  }
  const unreadable = countUnreadable(parsed.text);
  const text = unreadable ? cleanBodyText(parsed.text) : parsed.text;
  if (!text.replace(/\ufffd/g, '').trim() && !parsed.ocr) {
    // Pages with images were sent to text recognition (parsed.ocr); here there is nothing to recognise either.
    const why = format === 'pdf' ? ' (its pages hold neither text nor images to recognise)' : '';
    throw new DossierError('EMPTY', `${name} has no readable text${why}.`);
  }
  const reviewFlags = [...parsed.reviewFlags];
  if (unreadable) {
    reviewFlags.push(
      `${unreadable} character${unreadable === 1 ? '' : 's'} of the text of ${name} could not be read and show as �: the file may be damaged, or part of it was decoded with the wrong encoding. Check the text against the original.`,
    );
  }
  let { publishedAt, meta } = parsed;
  if (!publishedAt && (format === 'txt' || format === 'md')) {
    const dateline = findDateline(text);
    if (dateline) {
      publishedAt = dateline.date;
      meta = { ...meta, dateline };
    }
  }
  // A document waiting for OCR gets its title and language from the recognised text (src/main/ocr).
  if (parsed.ocr) return { ...parsed, reviewFlags, publishedAt, meta: cleanMetadataTree(meta) as Record<string, unknown> };
  const doc: ParsedDocument = {
    ...parsed,
    text,
    publishedAt,
    meta: cleanMetadataTree(meta) as Record<string, unknown>,
    title: cleanMetadataText(parsed.title, 1000) ?? cleanMetadataText(fallbackTitle(text, name), 1000) ?? name,
    source: cleanMetadataText(parsed.source, 1000),
    author: cleanMetadataText(parsed.author, 1000),
    reviewFlags: reviewFlags.map((flag) => cleanMetadataText(flag, 2000) ?? ''),
    language: parsed.language ?? detectLanguage(text),
  };
  if (parsed.part) doc.part = { ...parsed.part, name: cleanMetadataText(parsed.part.name, 300) ?? 'message.eml' };
  return doc;
}
