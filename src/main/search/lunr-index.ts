import lunr from 'lunr';
import type { IndexableDocument } from '../store/documents-repo.ts';
import { indexTerm, stemmingLanguage } from './language.ts';
import { tokenize } from './tokenizer.ts';

/** Fields indexed for every document; `text` is the canonical text, the others short metadata. */
export const FIELDS = ['title', 'text', 'source', 'author'] as const;

/**
 * One segment: a Lunr index whose document refs are positions ("0", "1"…) in `ids`, which keeps
 * the serialised index small (a 21-character id would be repeated in every posting).
 */
export interface Segment {
  index: lunr.Index;
  ids: string[];
}

/** The stemming language of the document being added: Lunr's tokenizer has no per-document context. */
let currentLanguage: string | undefined;

/**
 * Lunr's tokenizer replaced by the Unicode tokeniser, with the document language's stop words
 * dropped and its stemmer applied. Positions are not kept in the index (they double its memory,
 * DESIGN.md): snippets and phrases re-tokenise the few documents concerned.
 */
function unicodeTokenizer(value: unknown): lunr.Token[] {
  if (value === null || value === undefined) return [];
  const tokens: lunr.Token[] = [];
  for (const token of tokenize(String(value))) {
    const term = indexTerm(token.term, currentLanguage);
    if (term) tokens.push(new lunr.Token(term, {}));
  }
  return tokens;
}

/** Builds one immutable Lunr segment over `docs` with Dossier's pipeline (no ASCII trimmer, no Lunr pipeline). */
export function buildSegment(docs: Iterable<IndexableDocument>, onDocument?: () => void): Segment {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  (builder as unknown as { tokenizer: typeof unicodeTokenizer }).tokenizer = unicodeTokenizer;
  builder.ref('ref');
  builder.field('title', { boost: 3 });
  builder.field('text');
  builder.field('source', { boost: 2 });
  builder.field('author', { boost: 2 });
  const ids: string[] = [];
  for (const doc of docs) {
    currentLanguage = stemmingLanguage(doc.language);
    builder.add({ ref: String(ids.length), title: doc.title, text: doc.text, source: doc.source ?? '', author: doc.author ?? '' });
    ids.push(doc.id);
    onDocument?.();
  }
  currentLanguage = undefined;
  return { index: builder.build(), ids };
}
