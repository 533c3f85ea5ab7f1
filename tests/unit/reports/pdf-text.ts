/** Reading an exported PDF back as a user would see and copy it (pdfjs), shared by the PDF tests. */
import { readFileSync } from 'node:fs';
import { loadPdfjs } from '../../../src/main/importers/load-pdfjs.ts';

export interface ReadBack {
  /** Page size in points. */
  size: [number, number];
  pages: string[];
  /** The text items in the order pdfjs gives them (right-to-left runs in visual order), for leak checks. */
  visual: string;
  outline: string[];
  info: Record<string, unknown>;
  xmp: string;
}

interface Item {
  str: string;
  dir: string;
  hasEOL: boolean;
}

/**
 * Text as a reader copies it: pdfjs gives Chromium's right-to-left runs in visual order (one item
 * per glyph cluster), so each run of RTL items, with the spaces between them, is read backwards;
 * then NFKC, which maps the presentation forms and CJK radicals in the fonts' ToUnicode maps back to
 * the letters that were typed.
 */
function logicalText(items: Item[]): string {
  let out = '';
  let run: string[] = [];
  const flush = () => {
    while (run.length && !run.at(-1)!.trim()) run.pop();
    out += run.reverse().join('');
    run = [];
  };
  for (const item of items) {
    if (item.dir === 'rtl' || (run.length && !item.str.trim() && !item.hasEOL)) run.push(item.str);
    else {
      flush();
      out += item.str;
    }
    if (item.hasEOL) {
      flush();
      out += '\n';
    }
  }
  flush();
  return out.normalize('NFKC');
}

export async function readPdf(file: string): Promise<ReadBack> {
  const { getDocument } = await loadPdfjs();
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  let visual = '';
  const [, , width, height] = (await pdf.getPage(1)).view as [number, number, number, number];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    const items = content.items.filter((it) => 'str' in it) as Item[];
    pages.push(logicalText(items));
    visual += items.map((it) => it.str).join('') + '\n';
  }
  const flatten = (nodes: { title: string; items: unknown[] }[] | null): string[] =>
    (nodes ?? []).flatMap((n) => [n.title, ...flatten(n.items as { title: string; items: unknown[] }[])]);
  const outline = flatten((await pdf.getOutline()) as { title: string; items: unknown[] }[] | null);
  const meta = await pdf.getMetadata();
  const xmp = meta.metadata ? String(meta.metadata.getRaw()) : '';
  await pdf.destroy();
  return { size: [Math.floor(width), Math.floor(height)], pages, visual, outline, info: meta.info as Record<string, unknown>, xmp };
}

