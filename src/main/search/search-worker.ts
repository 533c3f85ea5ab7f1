/**
 * A search worker (node:worker_threads). Each Lunr segment lives inside the worker that built or
 * loaded it, and queries are sent here: handing a built index back to the main thread would
 * stall its event loop for seconds. The worker reads documents from the store itself through
 * its own read-only SQLite connection, so texts never cross the thread boundary.
 */
import { readIndexFile, writeIndexFileAtomic } from './index-files.ts';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import type { IndexableDocument } from '../store/documents-repo.ts';
import { buildSegment, decodeSegment, encodeSegment, FIELDS, findPosting, type Segment } from './lunr-index.ts';
import { fuzzyTermsIn, matchSegment, type FuzzyTerms } from './segment-query.ts';
import { buildSnippets, tokenEnd, type TextMatch } from './snippets.ts';
import { PIPELINE_VERSION, tokenize } from './tokenizer.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

interface WorkerConfig {
  databaseFile: string;
  tmpDir: string;
}

const config = workerData as WorkerConfig;
const segments = new Map<number, Segment>();
/** Base segments (cached, large); the delta is small and rebuilt often. */
const baseSegments = new Set<number>();
let baseVocabulary: string[] | undefined;

/** The sorted union of the base segments' terms, for walking fuzzy automata once per query; made on first need. */
function vocabulary(): string[] {
  if (!baseVocabulary) {
    const all = new Set<string>();
    for (const id of baseSegments) for (const term of segments.get(id)?.terms ?? []) all.add(term);
    baseVocabulary = [...all].sort();
  }
  return baseVocabulary;
}

function holdSegment(id: number, segment: Segment, base: boolean): void {
  segments.set(id, segment);
  if (!base) return;
  baseSegments.add(id);
  baseVocabulary = undefined;
}

function dropSegment(id: number): void {
  segments.delete(id);
  if (baseSegments.delete(id)) baseVocabulary = undefined;
}
let db: DatabaseSync | undefined;
const store = (): DatabaseSync => (db ??= new DatabaseSync(config.databaseFile, { readOnly: true }));

function readDocuments(ids: string[]): IndexableDocument[] {
  const statement = store().prepare('SELECT id, title, source, author, language, text FROM documents WHERE id = ?');
  const docs: IndexableDocument[] = [];
  for (const id of ids) {
    const row = statement.get(id) as IndexableDocument | undefined;
    if (row) docs.push(row);
  }
  return docs;
}

let textStatement: StatementSync | undefined;
function readText(id: string): { text: string } | undefined {
  textStatement ??= store().prepare('SELECT text FROM documents WHERE id = ?');
  return textStatement.get(id) as { text: string } | undefined;
}

const TEXT_FIELD = FIELDS.indexOf('text');
const HAN_CHAR = /^\p{Script=Han}$/u;
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';
const ASCII_WORDS = /^[a-z0-9]+$/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a text holds the phrase's terms adjacently. For ASCII phrases a regular expression finds
 * candidate places and only a window around each is tokenised; otherwise (normalisation may change
 * the text) the whole text is tokenised.
 */
function holdsPhrase(text: string, terms: string[]): boolean {
  if (!terms.every((t) => ASCII_WORDS.test(t))) return containsSequence(tokenize(text).map((t) => t.term), terms);
  const pattern = new RegExp(terms.map(escape).join(`(?:(?!${WORD_CHAR}).)+`), 'gisu');
  for (const match of text.matchAll(pattern)) {
    const from = Math.max(0, match.index - 40);
    const window = text.slice(from, match.index + match[0].length + 40);
    if (containsSequence(tokenize(window).map((t) => t.term), terms)) return true;
  }
  // Fullwidth or other compatibility forms only match once normalised.
  return /[^\x20-\x7E\s]/.test(text) && text.normalize('NFKC') !== text ? containsSequence(tokenize(text).map((t) => t.term), terms) : false;
}

function phraseCheck(segment: Segment) {
  return (localDocs: number[], terms: string[]): number[] =>
    localDocs.filter((doc) => {
      const text = readText(segment.ids[doc]!)?.text;
      return text !== undefined && holdsPhrase(text, terms);
    });
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Per matched index term, the distinct words of the text it stands for (issue 15: "matched ئىنسانلار for ئىنسان"), a few each. */
function surfaceForms(text: string, matches: TextMatch[]): Record<string, string[]> {
  const forms: Record<string, string[]> = {};
  for (const { term, start, end } of matches) {
    const list = (forms[term] ??= []);
    const word = text.slice(start, end);
    if (list.length < 4 && !list.includes(word)) list.push(word);
  }
  return forms;
}

function handle(request: WorkerRequest): unknown {
  switch (request.type) {
    case 'build': {
      const segment = buildSegment(readDocuments(request.ids));
      if (request.cacheFile) writeIndexFileAtomic(request.cacheFile, encodeSegment(segment, { pipelineVersion: PIPELINE_VERSION, generation: request.generation }), config.tmpDir);
      holdSegment(request.segment, segment, request.cacheFile !== undefined);
      return { ids: segment.ids };
    }
    case 'load': {
      const { segment, pipelineVersion } = decodeSegment(readIndexFile(request.cacheFile));
      if (pipelineVersion !== PIPELINE_VERSION) throw new Error('The index cache is from another pipeline version.');
      holdSegment(request.segment, segment, true);
      return { ids: segment.ids };
    }
    case 'drop':
      dropSegment(request.segment);
      return {};
    case 'match': {
      // One walk of the base segments' shared vocabulary per fuzzy word, for all of them.
      const walked = new Map<string, string[]>();
      const fuzzyShared: FuzzyTerms = (word, distance) => {
        const key = `${distance}:${word}`;
        let terms = walked.get(key);
        if (!terms) walked.set(key, (terms = fuzzyTermsIn(vocabulary())(word, distance)));
        return terms;
      };
      return request.segments.map((id) => {
        const segment = segments.get(id);
        if (!segment) throw new Error(`Segment ${id} is not loaded in this worker.`);
        return matchSegment(segment, request.clauses, phraseCheck(segment), baseSegments.has(id) ? fuzzyShared : fuzzyTermsIn(segment.terms));
      });
    }
    case 'snippets':
      return request.items.map(({ segment: segmentId, local, terms }) => {
        const segment = segments.get(segmentId);
        const text = segment && readText(segment.ids[local]!)?.text;
        if (!segment || !text) return { snippets: [], forms: {} };
        const matches = textMatches(segment, local, terms, text);
        return { snippets: buildSnippets(text, matches), forms: surfaceForms(text, matches) };
      });
    case 'offsets': {
      const segment = segments.get(request.segment);
      const local = segment?.ids.indexOf(request.documentId) ?? -1;
      const text = segment && local >= 0 ? readText(request.documentId)?.text : undefined;
      if (!segment || text === undefined) return [];
      const matched = matchSegment(segment, request.clauses, phraseCheck(segment), fuzzyTermsIn(segment.terms));
      // A document the whole query does not match (an excluded word in it) has no words to mark.
      if (!matched.docs.includes(local)) return [];
      const terms = new Set<string>();
      matched.entryDoc.forEach((doc, i) => doc === local && terms.add(matched.terms[matched.entryTerm[i]!]!));
      return textMatches(segment, local, [...terms], text)
        .map(({ start, end }) => ({ start, end }))
        .sort((a, b) => a.start - b.start || a.end - b.end)
        .filter((m, i, all) => i === 0 || m.start >= all[i - 1]!.end);
    }
  }
}

/** Where each of `terms` occurs in a document's text: the index keeps every posting's character offsets. */
function textMatches(segment: Segment, local: number, terms: string[], text: string): TextMatch[] {
  const field = segment.fields[TEXT_FIELD]!;
  const matches: TextMatch[] = [];
  for (const term of terms) {
    const t = segment.termIndex.get(term);
    const entry = t === undefined ? -1 : findPosting(field, t, local);
    if (entry < 0) continue;
    for (let i = field.posStart[entry]!; i < field.posStart[entry + 1]!; i++) {
      const start = field.offsets[i]!;
      // A single Chinese character is a unigram term (issue 15): mark it alone, not the bigram it starts.
      matches.push({ term, start, end: term.length === 1 && HAN_CHAR.test(term) ? start + 1 : tokenEnd(text, start) });
    }
  }
  return matches;
}

parentPort!.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, ok: true, value: handle(request) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
