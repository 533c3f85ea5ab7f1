/**
 * Issue 17: a full build looks words up in a table by their characters in the text (word-table.ts),
 * takes a shortcut for words of Han characters only, and keeps postings in one pool of blocks
 * (postings-pool.ts). None of it may change what is indexed: the terms, positions and offsets must
 * be the tokeniser's, with Han unigrams beside bigrams at the bigram's position (issue 15).
 */
import { describe, expect, it } from 'vitest';
import { indexTerm } from '../../../src/main/search/language.ts';
import { buildSegment, forgetWords, indexedTokens } from '../../../src/main/search/lunr-index.ts';
import { PostingsPool } from '../../../src/main/search/postings-pool.ts';
import { tokenize } from '../../../src/main/search/tokenizer.ts';
import { ABSENT, WordTable } from '../../../src/main/search/word-table.ts';
import { rankOf, TermPostings } from '../../../src/main/search/segment-format.ts';
import { seededRandom } from '../../../scripts/seeded-random.ts';

const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;

/** What the index must hold for `text`, worked out from the tokeniser alone. */
function expectedTokens(text: string, language: string | undefined): { term: string; position: number; offset: number }[] {
  const tokens = tokenize(text);
  const out: { term: string; position: number; offset: number }[] = [];
  let position = 0;
  tokens.forEach((token, i) => {
    const term = indexTerm(token.term, language);
    if (term !== undefined) out.push({ term, position, offset: token.start });
    if (HAN_BIGRAM.test(token.term)) {
      out.push({ term: token.term[0]!, position, offset: token.start });
      const next = tokens[i + 1];
      if (!next || next.start !== token.start + 1 || !HAN_BIGRAM.test(next.term)) out.push({ term: token.term[1]!, position, offset: token.start + 1 });
    }
    position++;
  });
  return out;
}

// Han runs of every length, Han beside Latin and kana, a Han character outside the BMP, stop words, punctuation.
const PIECES = ['新疆', '集中营', '再教育', '人', '中国abc', '𠀀', '𠀀中', 'カメラ', '。', '，', ' ', 'the', 'camp', 'camps', 'Ürümqi', 'лагерь', 'ئۇيغۇر', '2018', '\n'];

describe('the build tokens (issue 17)', () => {
  it('indexes what the tokeniser makes of text of every script, with Han unigrams at their bigrams’ positions', () => {
    expect(indexedTokens('新疆人', undefined)).toEqual([
      { term: '新疆', position: 0, offset: 0 },
      { term: '新', position: 0, offset: 0 },
      { term: '疆人', position: 1, offset: 1 },
      { term: '疆', position: 1, offset: 1 },
      { term: '人', position: 1, offset: 2 },
    ]);
    const random = seededRandom(26);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 10) }, () => PIECES[Math.floor(random() * PIECES.length)]!).join(random() < 0.5 ? '' : ' ');
      const language = random() < 0.5 ? 'en' : undefined;
      // Twice: the first pass fills the word memo, the second reads it.
      expect(indexedTokens(text, language), JSON.stringify(text)).toEqual(expectedTokens(text, language));
      expect(indexedTokens(text, language), JSON.stringify(text)).toEqual(expectedTokens(text, language));
    }
  });

  it('builds the same segment with the word memo warm, cold or forgotten between segments', () => {
    const docs = Array.from({ length: 40 }, (_, i) => ({
      id: `d${i}`,
      title: `Testimony ${i}`,
      text: `${'camp '.repeat(1 + (i % 7))}新疆集中营 ${i % 2 ? 'guards beat detainees' : 'the lawyer was detained'} ${'x'.repeat(i)}`,
      source: null,
      author: null,
      language: 'en',
    }));
    // Each posting of the term in the text field: [document, positions, offsets].
    const phrase = (segment: ReturnType<typeof buildSegment>, term: string) => {
      const field = segment.fields[1]!;
      const rank = rankOf(field, segment.terms.find(term));
      if (rank < 0) return [];
      const postings = new TermPostings(field, rank);
      return Array.from(postings.docs, (doc, k) => [doc, postings.positions(k), postings.offsets(k)]);
    };
    forgetWords();
    const cold = buildSegment(docs);
    const warm = buildSegment(docs);
    forgetWords();
    const again = buildSegment(docs);
    for (const segment of [warm, again]) {
      expect(segment.terms.toArray()).toEqual(cold.terms.toArray());
      for (const term of ['camp', '新疆', '疆', 'detaine', 'guard']) expect(phrase(segment, term), term).toEqual(phrase(cold, term));
    }
    expect(phrase(cold, 'camp')[6]).toEqual([6, [0, 1, 2, 3, 4, 5, 6], [0, 5, 10, 15, 20, 25, 30]]);
  });
});

describe('WordTable', () => {
  it('finds a word by its characters in any text, and only that word', () => {
    const table = new WordTable(4);
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    words.forEach((word, i) => table.add(word, i));
    expect(table.size).toBe(5000);
    words.forEach((word, i) => expect(table.find(` ${word}.`, 1, 1 + word.length)).toBe(i));
    expect(table.find('w0x', 0, 3)).toBe(ABSENT);
    expect(table.find('w', 0, 1)).toBe(ABSENT);
    expect(table.find('', 0, 0)).toBe(ABSENT);
    table.clear();
    expect(table.find('w1', 0, 2)).toBe(ABSENT);
  });
});

describe('PostingsPool', () => {
  it('gives back every slot’s occurrences in order, however they interleave', () => {
    const pool = new PostingsPool();
    for (let round = 0; round < 2; round++) {
      pool.reset();
      const random = seededRandom(round + 1);
      const expected: number[][] = [];
      const slots = Array.from({ length: 3000 }, () => pool.newSlot());
      const last = slots.map(() => -1);
      const tfAt = slots.map(() => -1);
      for (let doc = 0; doc < 200; doc++) {
        for (let k = 0; k < 400; k++) {
          const slot = Math.floor(random() * random() * slots.length);
          const stream = (expected[slot] ??= []);
          if (last[slot] !== doc) {
            last[slot] = doc;
            stream.push(doc, 0);
            tfAt[slot] = stream.length - 1;
          }
          stream[tfAt[slot]!]!++;
          const position = k;
          const offset = k * 5 + doc;
          stream.push(position, offset);
          pool.occurrence(slots[slot]!, doc, position, offset);
        }
      }
      slots.forEach((slot, i) => {
        const { values, length } = pool.stream(slot);
        expect(Array.from(values.subarray(0, length))).toEqual(expected[i] ?? []);
      });
    }
  });
});
