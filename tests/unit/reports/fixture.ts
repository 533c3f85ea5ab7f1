import { call } from '../../../src/main/dispatch.ts';
import { anchorQuote } from '../../../src/main/service/tagging.ts';
import { tempApp, writeFiles } from '../../helpers/temp-workspace.ts';

/** A news article of the kind the issue describes: a released detainee, places, dates, and the publisher's contacts. */
export const ARTICLE = `Former detainee describes camp in Xinjiang

Mihrigul Tursun, 29, said she was held from April 2017 to May 2018 in a facility outside Qaraqash county, Hotan prefecture.

"We were sixty women in a cell built for twenty. Mihrigul was my number there, not my name," she told reporters in Istanbul on 12 March 2019.

She said guards woke prisoners at 5 a.m. and made them sing for their meals. Three women in her cell died during her detention, she said.

Her brother, Ablimit Tursun, confirmed the dates of her arrest.

For corrections contact the newsroom: +86 10 1234 5678, (852) 2345-6789 or 1-800-555-0199, e-mail tips@example-news.org.`;

export const CHINESE = `新疆拘留营的证词

她说：“我们每天只能吃两个馒头，晚上必须背诵政治口号。”

她在喀什的一所学校里被关押了十一个月。`;

export const UYGHUR = `لاگېردىكى كۈنلەر

ئۇ مۇنداق دېدى: «بىز ھەر كۈنى سىياسىي ناخشا ئېيتىشقا مەجبۇر بولدۇق.»

ئاندىن ئۇلار بىزنى ئايرىۋەتتى.`;

export const QUOTES = {
  cell: 'We were sixty women in a cell built for twenty. Mihrigul was my number there, not my name,',
  guards: 'guards woke prisoners at 5 a.m. and made them sing for their meals',
  contacts: 'For corrections contact the newsroom: +86 10 1234 5678, (852) 2345-6789 or 1-800-555-0199, e-mail tips@example-news.org.',
  chinese: '我们每天只能吃两个馒头，晚上必须背诵政治口号。',
  uyghur: 'بىز ھەر كۈنى سىياسىي ناخشا ئېيتىشقا مەجبۇر بولدۇق.',
  brother: 'Her brother, Ablimit Tursun, confirmed the dates of her arrest.',
};

/** A workspace with the three documents (metadata as an HTML import would give), tagged under two codes. */
export async function reportWorkspace() {
  const app = tempApp();
  const h = app.handlers;
  const folder = writeFiles(app.dir, { 'article.txt': ARTICLE, 'zh.txt': CHINESE, 'ug.txt': UYGHUR });
  const summary = await call(h, 'documents:import', { paths: [folder] });
  const byName = (n: string) => summary.imported.find((i) => i.path.endsWith(n))!.id;
  const ids = { article: byName('article.txt'), zh: byName('zh.txt'), ug: byName('ug.txt') };
  const meta = app.workspace.db.prepare('UPDATE documents SET title = ?, source = ?, author = ?, url = ?, published_at = ?, language = ? WHERE id = ?');
  meta.run('Former detainee describes camp in Xinjiang', 'Example News', null, 'https://example-news.org/2019/03/camp', '2019-03-14', 'en', ids.article);
  meta.run('新疆拘留营的证词', 'Example Chinese Service', '李明', 'https://example.org/zh/1', '2020-01-05', 'zh', ids.zh);
  meta.run('لاگېردىكى كۈنلەر', 'Example Uyghur Service', null, null, '2021-07', 'ug', ids.ug);
  const tag = async (documentId: string, text: string, quote: string, tagNames: string[], note?: string) => {
    const { start, end } = anchorQuote(text, quote);
    return call(h, 'passages:create', { documentId, start, end, tagNames, ...(note ? { note } : {}) });
  };
  // Tags are created in this order, which is codebook order: Detention conditions, then Forced labour.
  const docText = async (id: string) => (await call(h, 'documents:get', { id })).text;
  const [article, zh, ug] = [await docText(ids.article), await docText(ids.zh), await docText(ids.ug)];
  const passages = {
    cell: await tag(ids.article, article, QUOTES.cell, ['Detention conditions'], 'Corroborated by a second witness; call +44 20 7946 0958.'),
    guards: await tag(ids.article, article, QUOTES.guards, ['Detention conditions', 'Indoctrination']),
    contacts: await tag(ids.article, article, QUOTES.contacts, ['Indoctrination']),
    chinese: await tag(ids.zh, zh, QUOTES.chinese, ['Detention conditions']),
    uyghur: await tag(ids.ug, ug, QUOTES.uyghur, ['Indoctrination']),
    brother: await tag(ids.article, article, QUOTES.brother, ['Detention conditions']),
  };
  const tags = await call(h, 'tags:list', {});
  return { app, h, ids, passages, tags, texts: { article, zh, ug } };
}
