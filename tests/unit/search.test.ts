import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../src/main/dispatch.ts';
import { tokenize } from '../../src/main/search/tokenizer.ts';
import { tempApp, writeFiles } from '../helpers/temp-workspace.ts';

const DOCS = {
  'english.txt': 'The detainee described the camp.\n\nGuards woke prisoners every two hours at night.',
  'chinese.txt': '新疆的再教育营\n\n他说他们被关押在再教育营里，每天只能吃三个馒头。',
  'russian.txt': 'Бывший заключённый рассказал о лагере.\n\nЗаключённых заставляли петь гимн.',
  'uyghur.txt': 'لاگېردىكى مەھبۇسلار\n\nمەھبۇسلار كۈندە ئۈچ ماントو يېدى. ئۇلار خىتاي تىلىنى ئۆگىنىشكە مەجبۇر بولدى.',
  'kazakh.txt': 'Тұтқын лагерь туралы айтты.\n\nОлар күніне үш нан жеді.',
};

describe('search in every script', () => {
  const app = tempApp();
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const folder = writeFiles(app.dir, DOCS);
    const summary = await call(app.handlers, 'documents:import', { paths: [folder] });
    for (const item of summary.imported) ids[item.path.split(/[\\/]/).pop()!] = item.id;
  });
  afterAll(() => app.cleanup());

  const find = async (query: string) => (await call(app.handlers, 'search:query', { query })).results;

  it.each([
    ['camp', 'english.txt'],
    ['PRISONERS', 'english.txt'],
    ['关押', 'chinese.txt'],
    ['再教育营', 'chinese.txt'],
    ['馒头', 'chinese.txt'],
    // Issue 15: also the Uyghur لاگېردىكى (through Uyghur Cyrillic), ranked after the word as typed.
    ['лагере', 'russian.txt', 'uyghur.txt'],
    ['ЗАКЛЮЧЁННЫХ', 'russian.txt'],
    ['مەھبۇسلار', 'uyghur.txt'],
    ['خىتاي', 'uyghur.txt'],
    ['тұтқын', 'kazakh.txt'],
  ])('finds %s in %s and marks the word in a snippet', async (query: string, file: string, also?: string) => {
    const results = await find(query);
    expect(results.map((r) => r.documentId)).toEqual([ids[file], ...(also ? [ids[also]] : [])]);
    const snippet = results[0]!.snippets[0]!;
    const marked = snippet.highlights.map(([s, e]) => snippet.text.slice(s, e).toLowerCase());
    expect(marked.join('')).toContain(query.toLowerCase().slice(0, 2));
  });

  it('requires every word (AND) and finds nothing for a word no document has', async () => {
    expect(await find('camp guards')).toHaveLength(1);
    expect(await find('camp лагере')).toHaveLength(0);
    expect(await find('zebra')).toHaveLength(0);
  });

  it('does not throw on input that breaks stock Lunr', async () => {
    for (const query of ['title:', 'foo~', 'hello:world', '10:30', '*', '+-', '"']) {
      await expect(call(app.handlers, 'search:query', { query })).resolves.toBeDefined();
    }
  });

  it('sees a document as soon as it is imported', async () => {
    const folder = writeFiles(app.dir, { 'late.txt': 'A late testimony about Urumqi.' });
    await call(app.handlers, 'documents:import', { paths: [folder] });
    expect(await find('urumqi')).toHaveLength(1);
  });
});

describe('tokenizer', () => {
  it('keeps offsets into the original text and folds case and width', () => {
    const text = 'Ｃａｍｐ and LAGER';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.term)).toEqual(['camp', 'and', 'lager']);
    for (const t of tokens) expect(text.slice(t.start, t.end).normalize('NFKC').toLowerCase()).toBe(t.term);
  });

  it('indexes Chinese as overlapping two-character words', () => {
    expect(tokenize('再教育营').map((t) => t.term)).toEqual(['再教', '教育', '育营']);
  });

  it('removes Arabic-script marks that writers use inconsistently', () => {
    expect(tokenize('كِتَـاب').map((t) => t.term)).toEqual(['كتاب']);
  });
});
