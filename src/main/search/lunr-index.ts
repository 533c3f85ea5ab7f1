import lunr from 'lunr';
import type { IndexableDocument } from '../store/documents-repo.ts';
import { tokenize } from './tokenizer.ts';

/** Fields indexed for every document; `text` is the canonical text, the others short metadata. */
export const FIELDS = ['title', 'text', 'source', 'author'] as const;

/**
 * Lunr's tokenizer replaced by the Unicode tokeniser. Lunr calls it with a field's value;
 * positions are not kept in the index (they double its memory, DESIGN.md): snippets
 * re-tokenise the few documents shown.
 */
function unicodeTokenizer(value: unknown): lunr.Token[] {
  if (value === null || value === undefined) return [];
  return tokenize(String(value)).map((token) => new lunr.Token(token.term, {}));
}

/** Builds one immutable Lunr index over `docs` with Dossier's pipeline (no ASCII trimmer). */
export function buildLunrIndex(docs: Iterable<IndexableDocument>): lunr.Index {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  (builder as unknown as { tokenizer: typeof unicodeTokenizer }).tokenizer = unicodeTokenizer;
  builder.ref('id');
  builder.field('title', { boost: 3 });
  builder.field('text');
  builder.field('source', { boost: 2 });
  builder.field('author', { boost: 2 });
  for (const doc of docs) {
    builder.add({ id: doc.id, title: doc.title, text: doc.text, source: doc.source ?? '', author: doc.author ?? '' });
  }
  return builder.build();
}
