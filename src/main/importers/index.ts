import path from 'node:path';
import type { DocumentFormat } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import { looksBinary } from './decode.ts';
import { detectLanguage } from './language.ts';
import { parseMarkdown } from './markdown.ts';
import { fallbackTitle } from './metadata.ts';
import { parsePlainText } from './text.ts';
import type { FileInput, FormatParser, ParsedDocument } from './types.ts';

const PARSERS: Partial<Record<DocumentFormat, FormatParser>> = {
  txt: parsePlainText,
  md: parseMarkdown,
};

const EXTENSIONS: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
};

/** The format of a file from its extension; unknown extensions are refused with a sentence. */
export function detectFormat(name: string): DocumentFormat {
  const format = EXTENSIONS[path.extname(name).toLowerCase()];
  if (!format) {
    throw new DossierError(
      'UNSUPPORTED_FORMAT',
      `${name}: Dossier cannot import ${path.extname(name) || 'files without an extension'} files yet (supported: ${Object.keys(EXTENSIONS).join(', ')}).`,
    );
  }
  return format;
}

export function isSupportedFile(name: string): boolean {
  return path.extname(name).toLowerCase() in EXTENSIONS;
}

/** Parses one file into a document ready to store, or throws a DossierError naming the file. */
export async function parseFile(input: FileInput): Promise<ParsedDocument> {
  const format = detectFormat(input.name);
  if (input.bytes.byteLength === 0) throw new DossierError('EMPTY', `${input.name} is empty (0 bytes).`);
  const parser = PARSERS[format];
  if (!parser) throw new DossierError('UNSUPPORTED_FORMAT', `${input.name}: ${format} files are not supported yet.`);
  const parsed = await parser(input);
  if (looksBinary(parsed.text)) {
    throw new DossierError('UNSUPPORTED_FORMAT', `${input.name} looks like a binary file, not text; it was not imported.`);
  }
  if (!parsed.text.trim()) throw new DossierError('EMPTY', `${input.name} has no readable text.`);
  return {
    ...parsed,
    title: parsed.title?.trim() || fallbackTitle(parsed.text, input.name),
    language: parsed.language ?? detectLanguage(parsed.text),
  };
}
