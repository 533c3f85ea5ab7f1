import { assembleBlocks, paragraphsOf } from './blocks.ts';
import { decodeText, encodingFlags } from './decode.ts';
import type { FileInput, ParsedDocument } from './types.ts';

export function parsePlainText(input: FileInput): ParsedDocument {
  const decoded = decodeText(input.bytes, input.name);
  const { text, blocks } = assembleBlocks(paragraphsOf(decoded.text));
  return {
    format: 'txt',
    text,
    blocks,
    title: null,
    source: null,
    author: null,
    url: null,
    publishedAt: null,
    language: null,
    pageStarts: null,
    meta: { encoding: decoded.encoding },
    originalHtml: null,
    reviewFlags: encodingFlags(decoded),
  };
}
