/**
 * A search worker (node:worker_threads). Each Lunr segment lives inside the worker that built or
 * loaded it, and queries are sent here: handing a built index back to the main thread would
 * stall its event loop for seconds. The worker reads documents from the store itself through
 * its own read-only SQLite connection, so texts never cross the thread boundary.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import type { IndexableDocument } from '../store/documents-repo.ts';
import { createSpillFile, openIndexFile, writeIndexFile, type SpillFile } from './index-files.ts';
import { buildSegment, forgetWords } from './lunr-index.ts';
import { codedMeta, decodeSegment, encodeSegmentParts, withFileRuns } from './segment-cache.ts';
import { FIELDS, lunrIdf, type Segment } from './segment-format.ts';
import { mergeSegments, type MergeInput } from './segment-merge.ts';
import { fuzzyTermsIn, matchSegment, postingsOf, type PostingsCache, type SegmentMatches } from './segment-query.ts';
import { contributionRuns, matchedTermsOf, scoreMatches, type SegmentScores } from './segment-scores.ts';
import { buildSnippets, tokenEnd, type TextMatch } from './snippets.ts';
import { PIPELINE_VERSION, tokenize } from './tokenizer.ts';
import { packIds, type DocMetaColumns, type SegmentReply, type WorkerReply, type WorkerRequest } from './worker-protocol.ts';
import { connectPeer, wholeIndexFrequencies } from './worker-peers.ts';
import type { DocMeta } from './doc-table.ts';

interface WorkerConfig {
  /** The store's file, or the in-memory store's name when the investigation is locked (issue 20). */
  databaseFile: string;
  tmpDir: string;
  /** A locked investigation's data key: its index caches are sealed with it. */
  indexKey?: Uint8Array | undefined;
}

const config = workerData as WorkerConfig;
const segments = new Map<number, Segment>();

function holdSegment(id: number, segment: Segment): void {
  segments.get(id)?.release?.();
  segments.set(id, segment);
}

function dropSegment(id: number): void {
  segments.get(id)?.release?.();
  segments.delete(id);
}

/** A segment's cache file read back: its head in memory, its positions and offsets left in the file until asked for. */
function loadSegment(cacheFile: string): ReturnType<typeof decodeSegment> {
  const file = openIndexFile(cacheFile, config.indexKey);
  try {
    return decodeSegment(file);
  } catch (error) {
    file.close();
    throw error;
  }
}

/**
 * Writes a segment's cache file and holds the segment as read back from it (issue 17): a plain
 * investigation's positions and offsets then leave memory for the file. A locked one's file is
 * decrypted whole to be read, so the segment just built is held as it is.
 */
function saveSegment(id: number, segment: Segment, cacheFile: string, generation: number): void {
  writeIndexFile(cacheFile, encodeSegmentParts(segment, { pipelineVersion: PIPELINE_VERSION, generation }), config.tmpDir, config.indexKey);
  if (config.indexKey) return holdSegment(id, segment);
  const file = openIndexFile(cacheFile, undefined);
  try {
    holdSegment(id, withFileRuns(segment, file));
  } catch (error) {
    file.close();
    throw error;
  }
}

/**
 * A merge whose segment is saved writes its positions and offsets to spill files as it makes them
 * (run-spill.ts), removed once the segment's file is written; a locked investigation's stay in memory.
 */
function mergeAndSave(request: Extract<WorkerRequest, { type: 'merge' }>, inputs: MergeInput[]): Segment {
  if (!request.cacheFile) {
    const segment = mergeSegments(inputs);
    holdSegment(request.segment, segment);
    return segment;
  }
  const spills: SpillFile[] = [];
  const spill = config.indexKey ? undefined : () => {
    const files = { positions: createSpillFile(config.tmpDir), offsets: createSpillFile(config.tmpDir) };
    spills.push(files.positions, files.offsets);
    return files;
  };
  try {
    const segment = mergeSegments(inputs, spill);
    saveSegment(request.segment, segment, request.cacheFile, request.generation);
    return segment;
  } finally {
    for (const file of spills) file.remove();
  }
}
let db: DatabaseSync | undefined;
const store = (): DatabaseSync => (db ??= new DatabaseSync(config.databaseFile, { readOnly: true, timeout: 5000 }));

/** The documents to index, read one at a time (a segment's texts are never all in memory at once), their filter values collected on the way. */
function* readDocuments(ids: string[], meta: DocMetaColumns): Generator<IndexableDocument> {
  const statement = store().prepare('SELECT id, title, source, author, language, format, published_at AS publishedAt, text FROM documents WHERE id = ?');
  for (const id of ids) {
    const row = statement.get(id) as (IndexableDocument & { format: string; publishedAt: string | null }) | undefined;
    if (!row) continue;
    addMeta(meta, row);
    yield row;
  }
}

/**
 * Issue 17: the filter and facet values of a loaded segment's documents, read here (in parallel in
 * the workers) rather than all at once on the main thread; a document the store no longer holds
 * gets nulls (format null), and the engine makes it a tombstone.
 */
function readMeta(ids: string[]): DocMetaColumns {
  const statement = store().prepare(
    'SELECT id, language, format, source, published_at AS publishedAt FROM documents WHERE id IN (SELECT value FROM json_each(?))',
  );
  const byId = new Map<string, DocMeta>();
  for (const row of statement.all(JSON.stringify(ids)) as unknown as (DocMeta & { id: string })[]) byId.set(row.id, row);
  const meta = emptyMeta();
  for (const id of ids) addMeta(meta, byId.get(id) ?? { language: null, format: null, source: null, publishedAt: null });
  return meta;
}

const emptyMeta = (): DocMetaColumns => ({ language: [], format: [], source: [], publishedAt: [] });
function addMeta(meta: DocMetaColumns, row: { language: string | null; format: string | null; source: string | null; publishedAt: string | null }): void {
  meta.language.push(row.language);
  meta.format.push(row.format);
  meta.source.push(row.source);
  meta.publishedAt.push(row.publishedAt);
}

let textStatement: StatementSync | undefined;
function readText(id: string): { text: string } | undefined {
  textStatement ??= store().prepare('SELECT text FROM documents WHERE id = ?');
  return textStatement.get(id) as { text: string } | undefined;
}

let textsStatement: StatementSync | undefined;
/** The texts of a page's documents in one statement (issue 17: 100 statements were ~2 ms of an app request). */
function readTexts(ids: string[]): Map<string, string> {
  textsStatement ??= store().prepare('SELECT id, text FROM documents WHERE id IN (SELECT value FROM json_each(?))');
  const rows = textsStatement.all(JSON.stringify(ids)) as unknown as { id: string; text: string }[];
  return new Map(rows.map(({ id, text }) => [id, text]));
}

/**
 * Issue 17: each query's matches from its match request to its snippets request (the engine's query
 * number → segment id → match): scored here with the IDF the engine sends in between, and the shown
 * documents' terms and postings found again for their snippets without decoding them twice. The
 * snippets request gives them up; a bound keeps queries that never sent it (a failed search) from
 * piling up.
 */
interface PendingMatch {
  m: SegmentMatches;
  postings: PostingsCache;
  runs?: Int32Array;
}
const pendingMatches = new Map<number, Map<number, PendingMatch>>();
const MAX_PENDING = 16;

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

const averagesOf = (segment: Segment) => segment.fields.map((field) => field.average);

function handle(request: WorkerRequest): unknown {
  switch (request.type) {
    case 'build': {
      const meta = emptyMeta();
      const segment = { ...buildSegment(readDocuments(request.ids, meta)), meta };
      // A full build sends many small segments in a row: the words worked out serve the next one too.
      if (!request.moreToCome) forgetWords();
      if (request.cacheFile) saveSegment(request.segment, segment, request.cacheFile, request.generation);
      else holdSegment(request.segment, segment);
      return { ids: packIds(segment.ids), averages: averagesOf(segment), meta: codedMeta(meta) } satisfies SegmentReply;
    }
    case 'merge': {
      // The inputs stay until the engine drops them: queries sent before it learns of the merge still need them.
      const segment = mergeAndSave(
        request,
        request.inputs.map(({ segment: id, keep }) => {
          const input = segments.get(id);
          if (!input) throw new Error(`Segment ${id} is not loaded in this worker.`);
          return { segment: input, keep };
        }),
      );
      return { ids: packIds(segment.ids), averages: averagesOf(segment) } satisfies SegmentReply;
    }
    case 'save': {
      const segment = segments.get(request.segment);
      if (!segment) throw new Error(`Segment ${request.segment} is not loaded in this worker.`);
      saveSegment(request.segment, segment, request.cacheFile, request.generation);
      return {};
    }
    case 'load': {
      const { segment, pipelineVersion, coded } = loadSegment(request.cacheFile);
      if (pipelineVersion !== PIPELINE_VERSION) {
        segment.release?.();
        throw new Error('The index cache is from another pipeline version.');
      }
      holdSegment(request.segment, segment);
      // Caches written with the documents' filter values answer from the file; older ones read the store.
      return { ids: packIds(segment.ids), averages: averagesOf(segment), meta: coded ?? codedMeta(segment.meta ?? readMeta(segment.ids)) } satisfies SegmentReply;
    }
    case 'drop':
      dropSegment(request.segment);
      return {};

    case 'match':
      return matchAndScore(request);
    case 'connect':
      connectPeer(request.peer, request.port);
      return {};
    case 'snippets': {
      // The page's documents share their terms: each term's postings are decoded once per segment (by the match).
      const pending = pendingMatches.get(request.query);
      pendingMatches.delete(request.query);
      const texts = readTexts(request.items.flatMap(({ segment, local }) => segments.get(segment)?.ids[local] ?? []));
      return request.items.map(({ segment: segmentId, local }) => {
        const segment = segments.get(segmentId);
        const text = segment && texts.get(segment.ids[local]!);
        const match = pending?.get(segmentId);
        if (!segment || !text || !match) return { snippets: [], forms: {} };
        match.runs ??= contributionRuns(match.m);
        const matches = textMatches(segment, match.postings, local, matchedTermsOf(match.m, match.runs, local), text);
        return { snippets: buildSnippets(text, matches), forms: surfaceForms(text, matches) };
      });
    }
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
      return textMatches(segment, new Map(), local, [...terms], text)
        .map(({ start, end }) => ({ start, end }))
        .sort((a, b) => a.start - b.start || a.end - b.end)
        .filter((m, i, all) => i === 0 || m.start >= all[i - 1]!.end);
    }
  }
}

/**
 * Matches a query against this worker's segments and scores the matching documents with the whole index's
 * IDF, learnt from the query's other workers (worker-peers.ts); the matches are held for its snippets.
 */
async function matchAndScore(request: Extract<WorkerRequest, { type: 'match' }>): Promise<SegmentScores[]> {
  // Each segment's own vocabulary is walked for a fuzzy word: the merge policy keeps segments few, and a
  // union of the vocabularies (kept before issue 17) held every term a second time.
  const pending = new Map<number, PendingMatch>();
  let matches: SegmentMatches[];
  try {
    matches = request.segments.map((id) => {
      const segment = segments.get(id);
      if (!segment) throw new Error(`Segment ${id} is not loaded in this worker.`);
      const postings: PostingsCache = new Map();
      const m = matchSegment(segment, request.clauses, phraseCheck(segment), fuzzyTermsIn(segment.terms), request.averages, postings);
      pending.set(id, { m, postings });
      return m;
    });
  } catch (error) {
    // The other workers wait for this one's frequencies: told nothing, they finish (the search fails with this error).
    wholeIndexFrequencies(request.query, request.peers, { terms: [], df: [], documentCount: 0 }).catch(() => undefined);
    throw error;
  }
  if (pendingMatches.size >= MAX_PENDING) pendingMatches.delete(pendingMatches.keys().next().value!);
  pendingMatches.set(request.query, pending);
  // This worker's part of the whole index's frequencies: its segments' document counts and term frequencies summed.
  const own = new Map<string, number>();
  for (const m of matches) m.terms.forEach((term, i) => own.set(term, (own.get(term) ?? 0) + m.df[i]!));
  const documentCount = matches.reduce((n, m) => n + m.documentCount, 0);
  const whole = await wholeIndexFrequencies(request.query, request.peers, { terms: [...own.keys()], df: [...own.values()], documentCount });
  return matches.map((m) => ({
    terms: m.terms,
    termClause: m.termClause,
    ...scoreMatches(m, m.terms.map((term) => lunrIdf(whole.df.get(term) ?? 0, whole.documentCount))),
  }));
}

/** Where each of `terms` occurs in a document's text: the index keeps every posting's character offsets. */
function textMatches(segment: Segment, cache: PostingsCache, local: number, terms: string[], text: string): TextMatch[] {
  const matches: TextMatch[] = [];
  for (const term of terms) {
    const t = segment.terms.find(term);
    const postings = t < 0 ? null : postingsOf(segment, cache, TEXT_FIELD, t);
    const k = postings ? postings.indexOf(local) : -1;
    if (k < 0) continue;
    for (const start of postings!.offsets(k)) {
      // A single Chinese character is a unigram term (issue 15): mark it alone, not the bigram it starts.
      matches.push({ term, start, end: term.length === 1 && HAN_CHAR.test(term) ? start + 1 : tokenEnd(text, start) });
    }
  }
  return matches;
}

parentPort!.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    // A match waits for the other workers' frequencies (worker-peers.ts); everything else answers at once.
    const value: unknown = await handle(request);
    reply = { id: request.id, ok: true, value };
    // A broad query's matches are large (issue 17: cloning them was half of a query's main-thread time): moved, not copied.
    if (request.type === 'match') transfer = (value as SegmentScores[]).flatMap((m) => [m.docs, m.own, m.score].map((a) => a.buffer as ArrayBuffer));
    const { meta } = value as Partial<SegmentReply>;
    if ((request.type === 'build' || request.type === 'load') && meta) transfer = Object.values(meta).map((column) => column.codes.buffer as ArrayBuffer);
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply, transfer);
});
