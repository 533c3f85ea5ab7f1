/**
 * Dossier's query language, parsed here and never handed to Lunr's own parser (which throws on
 * `title:` or `foo~`). Terms are AND-ed; `"exact phrase"`, `-exclude`, `prefix*`, `fuzzy~1`
 * (or ~2), and `title:` / `source:` / `author:` restrict a term to a field. A malformed query
 * gives a one-line explanation, never an exception.
 */
import { isStopWord } from './language.ts';
import { queryTerms } from './tokenizer.ts';

export const QUERY_FIELDS = ['title', 'source', 'author'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export interface Clause {
  /** term: one word; phrase: words that must be adjacent in the text (also a multi-token word such as Chinese). */
  kind: 'term' | 'phrase' | 'prefix' | 'fuzzy';
  negated: boolean;
  field?: QueryField;
  /** Normalised surface terms, in order. */
  terms: string[];
  /** Edit distance of a fuzzy term. */
  distance?: number;
  /** The words as the user typed them, for "matched X for Y" (issue 15). */
  text?: string;
  /** `=word`: the surface form only, no stems, no other scripts, no alias groups (issue 15). */
  exact?: boolean;
  /** Other spellings OR-ed with the clause (other scripts, alias and gazetteer members), each a term or an adjacent run, set by expansion.ts. */
  variants?: ClauseVariant[];
}

export interface ClauseVariant {
  terms: string[];
  /** Multiplies the weights of what the variant matches, so the spelling typed ranks first. */
  boost: number;
}

/** `entities`: the names of `entity:"Ürümqi"` filters (issue 18), matched by the entity index, not the text index. */
export type ParseResult = { ok: true; clauses: Clause[]; entities?: string[] } | { ok: false; error: string };

const ENTITY_PREFIX = /^entity:/i;

const FIELD_PREFIX = /^(title|source|author):/i;

/** Parses user query text; an empty query gives no clauses. */
export function parseQuery(input: string): ParseResult {
  const clauses: Clause[] = [];
  const entities: string[] = [];
  const text = input.normalize('NFKC');
  let i = 0;
  while (i < text.length) {
    if (/\s/u.test(text[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    if (text[i] === '-' || text[i] === '+') {
      negated = text[i] === '-';
      i++;
      if (i >= text.length || /\s/u.test(text[i]!)) {
        return fail(negated ? '"-" must be followed by a word to leave out, e.g. -rumour.' : '"+" must be followed by a word.');
      }
    }
    if (ENTITY_PREFIX.test(text.slice(i))) {
      // Issue 18: entity:"Ürümqi" or entity:Toli, any spelling of the entity (not a word of the text).
      if (negated) return fail('"-entity:" is not supported: filter on the entities a document names, not those it lacks.');
      i += 'entity:'.length;
      let name: string;
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) return fail('A quotation mark is not closed: add the closing " or remove the opening one.');
        name = text.slice(i + 1, close).trim();
        i = close + 1;
      } else {
        let end = i;
        while (end < text.length && !/\s/u.test(text[end]!)) end++;
        name = text.slice(i, end);
        i = end;
      }
      if (!name) return fail('"entity:" needs a name after it, e.g. entity:"Ürümqi".');
      entities.push(name);
      continue;
    }
    let field: QueryField | undefined;
    const fieldMatch = FIELD_PREFIX.exec(text.slice(i));
    if (fieldMatch) {
      field = fieldMatch[1]!.toLowerCase() as QueryField;
      i += fieldMatch[0].length;
      if (i >= text.length || /\s/u.test(text[i]!)) return fail(`"${field}:" needs a word after it, e.g. ${field}:camp.`);
    }
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return fail('A quotation mark is not closed: add the closing " or remove the opening one.');
      const terms = queryTerms(text.slice(i + 1, close));
      if (terms.length === 0) return fail('The quotes "" hold no word to search for.');
      clauses.push(withField({ kind: 'phrase', negated, terms, text: text.slice(i + 1, close) }, field));
      i = close + 1;
      continue;
    }
    // `=word`: this word exactly as written, without expansion.
    const exact = text[i] === '=';
    if (exact) {
      i++;
      if (i >= text.length || /\s/u.test(text[i]!)) return fail('"=" must be followed by a word to find exactly as written, e.g. =camps.');
    }
    let end = i;
    while (end < text.length && !/\s/u.test(text[end]!) && text[end] !== '"') end++;
    const word = text.slice(i, end);
    i = end;
    const result = parseWord(word, negated, field);
    if (typeof result === 'string') return fail(result);
    if (result && exact) {
      if (result.kind !== 'term') return fail(`"=" goes before one plain word, e.g. =camps (not "=${word}").`);
      result.exact = true;
    }
    if (result) clauses.push({ ...result, text: word });
  }
  const withEntities = (result: ParseResult): ParseResult => (result.ok && entities.length ? { ...result, entities } : result);
  if (clauses.length === 0) return withEntities({ ok: true, clauses });
  const positive = clauses.filter((c) => !c.negated);
  if (positive.length === 0 && entities.length) return withEntities({ ok: true, clauses: [] });
  if (positive.length === 0) return fail('A search needs at least one word to find, not only words to leave out.');
  const meaningful = positive.filter((c) => c.kind !== 'term' || !c.terms.every(isStopWord));
  if (meaningful.length === 0) {
    return fail(`Every word of "${input.trim()}" is too common to be indexed; add a more specific word or use "quotes" with one.`);
  }
  // Common words (the, и) are not in the index: they cannot be required.
  return withEntities({ ok: true, clauses: clauses.filter((c) => c.kind !== 'term' || !c.terms.every(isStopWord)) });
}

function parseWord(word: string, negated: boolean, field: QueryField | undefined): Clause | string | null {
  const fuzzy = /~(\d*)$/u.exec(word);
  if (fuzzy) {
    const stem = word.slice(0, fuzzy.index);
    const distance = fuzzy[1] ? Number(fuzzy[1]) : 1;
    if (distance < 1 || distance > 2) return 'Fuzzy search allows 1 or 2 differences: write word~1 or word~2.';
    const terms = queryTerms(stem);
    if (terms.length !== 1) return `"~" follows a single word, e.g. detention~1 (not "${word}").`;
    return withField({ kind: 'fuzzy', negated, terms, distance }, field);
  }
  if (word.includes('~')) return `"~" goes at the end of a word, e.g. detention~1 (not "${word}").`;
  const star = word.indexOf('*');
  if (star >= 0) {
    if (star !== word.length - 1) return `"*" goes at the end of the start of a word, e.g. detain* (not "${word}").`;
    const terms = queryTerms(word.slice(0, -1));
    if (terms.length !== 1) return `"*" follows the start of a single word, e.g. detain* (not "${word}").`;
    if ([...terms[0]!].length < 2) return `A prefix needs at least two letters before "*", e.g. de* (not "${word}").`;
    return withField({ kind: 'prefix', negated, terms }, field);
  }
  const terms = queryTerms(word);
  if (terms.length === 0) {
    if (field || negated) return `"${word}" has no word to search for.`;
    return null;
  }
  // One word the tokeniser splits (Chinese bigrams, "e-mail") must match as adjacent terms.
  return withField({ kind: terms.length === 1 ? 'term' : 'phrase', negated, terms }, field);
}

function withField(clause: Clause, field: QueryField | undefined): Clause {
  return field ? { ...clause, field } : clause;
}

function fail(error: string): ParseResult {
  return { ok: false, error };
}
