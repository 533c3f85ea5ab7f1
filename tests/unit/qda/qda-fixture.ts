/** Two coded testimonies for issue 21's tests: paragraphs, overlapping passages, one passage with two tags. */
import { call } from '../../../src/main/dispatch.ts';
import { anchorQuote } from '../../../src/main/service/tagging.ts';
import type { OpenedApp } from '../../../src/main/app/open-app.ts';
import { writeFiles } from '../../helpers/temp-workspace.ts';

export const TEXT_A = `Guards beat the detainees every night.

Food was scarce and the guards mocked them.

They sang political songs before meals.`;

export const TEXT_B = 'Detainees were beaten and starved.';

/**
 * Passages (tags V = Violence, N = Night, F = Food, I = Indoctrination):
 * A ¶1: a1 "beat the detainees" V, a2 "the detainees every night" N (a1 and a2 overlap)
 * A ¶2: a3 "Food was scarce" F, a4 "the guards mocked them" V (apart)
 * A ¶3: a5 "political songs" I + F (one passage, two tags)
 * B ¶1: b1 "beaten and starved" V + F, b2 "Detainees were beaten" N (b1 and b2 overlap)
 */
export async function codedTestimonies(app: OpenedApp & { dir: string }) {
  const h = app.handlers;
  const folder = writeFiles(app.dir, { 'a.txt': TEXT_A, 'b.txt': TEXT_B });
  const summary = await call(h, 'documents:import', { paths: [folder] });
  const a = summary.imported.find((i) => i.path.endsWith('a.txt'))!.id;
  const b = summary.imported.find((i) => i.path.endsWith('b.txt'))!.id;
  const tag = async (documentId: string, text: string, quote: string, tagNames: string[]) => {
    const { start, end } = anchorQuote(text, quote);
    return call(h, 'passages:create', { documentId, start, end, tagNames });
  };
  const p = {
    a1: await tag(a, TEXT_A, 'beat the detainees', ['Violence']),
    a2: await tag(a, TEXT_A, 'the detainees every night', ['Night']),
    a3: await tag(a, TEXT_A, 'Food was scarce', ['Food']),
    a4: await tag(a, TEXT_A, 'the guards mocked them', ['Violence']),
    a5: await tag(a, TEXT_A, 'political songs', ['Indoctrination', 'Food']),
    b1: await tag(b, TEXT_B, 'beaten and starved', ['Violence', 'Food']),
    b2: await tag(b, TEXT_B, 'Detainees were beaten', ['Night']),
  };
  const tags = await call(h, 'tags:list', {});
  const tagId = (name: string) => tags.find((t) => t.name === name)!.id;
  return { h, docs: { a, b }, p, tagId };
}
