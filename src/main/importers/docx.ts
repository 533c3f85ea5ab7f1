import mammoth from 'mammoth';
import { DossierError } from '../../shared/errors.ts';
import { assembleBlocks } from './blocks.ts';
import { htmlBlocks } from './html-blocks.ts';
import { findDateline, normalizeDate } from './metadata.ts';
import { cleanText } from './clean.ts';
import { sanitizeHtml } from './sanitize.ts';
import type { FileInput, ParsedDocument } from './types.ts';
import { DOCX_LIMITS, readVerifiedZip, smallTextEntry } from './zip-check.ts';

function coreProperty(xml: string | undefined, tag: string): string | null {
  if (!xml) return null;
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  if (!m) return null;
  const decoded = m[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  return cleanText(decoded, 1000);
}

/**
 * A Word document (issue 3): the zip is verified and re-packed first (zip-check.ts), then mammoth converts it
 * with external file access off and images inlined as data URLs, and the HTML goes through the
 * same sanitiser as web pages. The document's own properties are kept in meta for review.
 */
export async function parseDocx(input: FileInput): Promise<ParsedDocument> {
  // mammoth opens the verified copy, never the file as given (zip-check.ts).
  const verified = readVerifiedZip(input.bytes, input.name, DOCX_LIMITS);
  const core = smallTextEntry(verified.files, 'docProps/core.xml');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(verified.zip.buffer, verified.zip.byteOffset, verified.zip.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) =>
          /^image\/(png|jpe?g|gif|webp|bmp)$/i.test(image.contentType)
            ? { src: `data:${image.contentType};base64,${await image.readAsBase64String()}` }
            : { src: '' },
        ),
      },
    );
    html = result.value;
  } catch {
    throw new DossierError('PARSE_FAILED', `${input.name} is not a readable Word document (.docx); it may be damaged.`);
  }
  const sanitized = sanitizeHtml(html);
  const { text, blocks } = assembleBlocks(htmlBlocks(sanitized.tree));
  const properties: Record<string, string> = {};
  for (const [key, tag] of [
    ['title', 'dc:title'],
    ['author', 'dc:creator'],
    ['lastModifiedBy', 'cp:lastModifiedBy'],
    ['created', 'dcterms:created'],
    ['modified', 'dcterms:modified'],
    ['subject', 'dc:subject'],
    ['keywords', 'cp:keywords'],
  ] as const) {
    const value = coreProperty(core, tag);
    if (value) properties[key] = value;
  }
  const firstPart = text.slice(0, 3000).toLowerCase();
  const confirmed = (value: string | undefined) => (value && firstPart.includes(value.toLowerCase()) ? value : null);
  const firstHeading = blocks.find((b) => b.kind === 'heading');
  const dateline = findDateline(text);
  const reviewFlags: string[] = [];
  if (properties.title || properties.author) {
    reviewFlags.push("The Word file's own title and author fields are shown in its details; check them before relying on them.");
  }
  return {
    format: 'docx',
    text,
    blocks,
    title: confirmed(properties.title) ?? (firstHeading ? text.slice(firstHeading.start, firstHeading.end) : null),
    source: null,
    author: confirmed(properties.author),
    url: null,
    publishedAt: dateline?.date ?? null,
    language: null,
    pageStarts: null,
    meta: { docxProperties: properties, docxCreated: normalizeDate(properties.created), ...(dateline ? { dateline } : {}) },
    originalHtml: sanitized.html,
    reviewFlags,
  };
}
