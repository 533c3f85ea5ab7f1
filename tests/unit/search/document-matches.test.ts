/** Issue 14, item 5: the words of a search, marked in the document opened from its results. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { tempApp, writeFiles } from '../../helpers/temp-workspace.ts';

// Enough paragraphs that a match lies far beyond any snippet.
const FILLER = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} is about the journey and the family.`).join('\n\n');
const DOCS = {
  'testimony.txt': `Detained at the border\n\nHe was detained in March. ${FILLER}\n\nThe detainees were forced to sing; detention lasted months.`,
  'chinese.txt': '新疆的再教育营\n\n他说他们被关押在再教育营里。很多人被关押了好几个月。',
  'summer.txt': 'Summer camp\n\nNobody was detained at the summer camp.',
};

describe('search:matches', () => {
  const app = tempApp();
  const ids: Record<string, string> = {};
  let texts: Record<string, string> = {};
  beforeAll(async () => {
    const folder = writeFiles(app.dir, DOCS);
    const summary = await call(app.handlers, 'documents:import', { paths: [folder] });
    for (const item of summary.imported) ids[item.path.split(/[\\/]/).pop()!] = item.id;
    texts = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([f, id]) => [f, (await call(app.handlers, 'documents:get', { id })).text])));
  });
  afterAll(() => app.cleanup());

  const marked = async (query: string, file: string) => {
    const matches = await call(app.handlers, 'search:matches', { query, documentId: ids[file]! });
    return matches.map((m) => texts[file]!.slice(m.start, m.end));
  };

  it('gives every matched word of the document in order, the ones past the snippets too', async () => {
    expect(await marked('detain*', 'testimony.txt')).toEqual(['Detained', 'detained', 'detainees']);
    expect(await marked('"forced to sing" detention', 'testimony.txt')).toEqual(['forced', 'sing', 'detention']);
  });

  it('marks words in scripts written without spaces', async () => {
    expect(await marked('关押', 'chinese.txt')).toEqual(['关押', '关押']);
  });

  it('marks nothing where the query as a whole does not match, and never throws on bad syntax', async () => {
    expect(await marked('detained -summer', 'summer.txt')).toEqual([]);
    expect(await marked('"unclosed', 'testimony.txt')).toEqual([]);
    expect(await call(app.handlers, 'search:matches', { query: 'camp', documentId: 'no-such-document' })).toEqual([]);
  });
});
