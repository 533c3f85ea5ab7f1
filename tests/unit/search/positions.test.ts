import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import type { SearchHit } from '../../../src/shared/domain.ts';
import { tempApp } from '../../helpers/temp-workspace.ts';
import { insertCorpus, type CorpusDocument } from './corpus.ts';

/** Long texts: what a user marks must be the very word, wherever in the document it stands. */
const filler = (words: number) => Array.from({ length: words }, (_, i) => `filler${i % 97}`).join(' ');
const doc = (title: string, language: string, text: string): CorpusDocument => ({ title, language, source: null, author: null, publishedAt: null, format: 'txt', text });

const marked = (hit: SearchHit) => hit.snippets.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b)));

describe('positions and offsets in the index', () => {
  let app: ReturnType<typeof tempApp> | undefined;
  afterEach(() => app?.cleanup());

  it('marks the words of a match deep in a long document, stemmed forms and Chinese and Uyghur included', async () => {
    app = tempApp();
    const ids = insertCorpus(app.workspace.db, {
      long: doc('Long report', 'en', `${filler(80_000)} Former prisoners described the camp. ${filler(50)}`),
      zh: doc('报告', 'zh', `${'前言。'.repeat(2000)}他在再教育营里被关了一年。`),
      ug: doc('دوكلات', 'ug', `${'سۆز '.repeat(3000)}ئۇ لاگېردا ئىككى يىل تۇردى.`),
    });
    const [long] = (await call(app.handlers, 'search:query', { query: 'prisoner camp' })).results;
    expect(long!.documentId).toBe(ids.get('long'));
    expect(marked(long!)).toEqual(['prisoners', 'camp']);
    const [zh] = (await call(app.handlers, 'search:query', { query: '教育营' })).results;
    // Overlapping bigrams (教育, 育营) are marked as one run.
    expect(marked(zh!)).toEqual(['教育营']);
    const [ug] = (await call(app.handlers, 'search:query', { query: 'لاگېردا' })).results;
    expect(marked(ug!)).toEqual(['لاگېردا']);
  });

  it('finds a phrase by the positions of its words: in order, next to each other, within one field', async () => {
    app = tempApp();
    const ids = insertCorpus(app.workspace.db, {
      adjacent: doc('A', 'en', `${filler(70_000)} the united states said`),
      apart: doc('B', 'en', 'united we stand; the states said nothing'),
      reversed: doc('C', 'en', 'the states united against it'),
      // "united" ends the title and "states" starts the text: not one phrase.
      split: doc('Nations united', 'en', 'states said nothing'),
      gap: doc('D', 'en', 'they were forced to sing every day'),
      noGap: doc('E', 'en', 'they were forced sing every day'),
    });
    const found = async (query: string) =>
      (await call(app!.handlers, 'search:query', { query })).results.map((r) => [...ids].find(([, id]) => id === r.documentId)![0]).sort();
    expect(await found('"united states"')).toEqual(['adjacent']);
    expect(await found('"states united"')).toEqual(['reversed']);
    // A common word the index leaves out still holds its place in the phrase.
    expect(await found('"forced to sing"')).toEqual(['gap']);
    expect(await found('"forced sing"')).toEqual(['noGap']);
    expect(await found('"nations united"')).toEqual(['split']);
  });
});
