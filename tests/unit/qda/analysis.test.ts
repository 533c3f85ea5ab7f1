import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import type { AnalysisMatrix } from '../../../src/shared/qda.ts';
import { tempApps } from '../../helpers/temp-apps.ts';
import { codedTestimonies } from './qda-fixture.ts';

/** The count of a matrix cell by row and column label. */
const at = (m: AnalysisMatrix, row: string, column: string) => m.counts[m.rows.findIndex((r) => r.name === row)]![m.columns.findIndex((c) => c.label === column)]!;

describe('analysis tables (issue 21, item 3)', () => {
  const newApp = tempApps();

  it('counts co-occurrence by overlapping passages, by paragraph and by document as computed by hand', async () => {
    const app = newApp();
    const { h } = await codedTestimonies(app);
    const overlap = await call(h, 'analysis:cooccurrence', { unit: 'overlap' });
    // Tags in codebook order (the order they were created).
    expect(overlap.rows.map((r) => r.name)).toEqual(['Violence', 'Night', 'Food', 'Indoctrination']);
    // By hand: V–N = a1∩a2 and b1∩b2; V–F = b1 itself; N–F = b2∩b1; I–F = a5 itself; nothing joins I to V or N.
    expect(overlap.counts).toEqual([
      [3, 2, 1, 0],
      [2, 2, 1, 0],
      [1, 1, 3, 1],
      [0, 0, 1, 1],
    ]);
    expect(overlap.max).toBe(2);
    // By paragraph: A¶1 {V,N}, A¶2 {F,V}, A¶3 {I,F}, B¶1 {V,F,N}.
    const paragraph = await call(h, 'analysis:cooccurrence', { unit: 'paragraph' });
    expect(paragraph.counts).toEqual([
      [3, 2, 2, 0],
      [2, 2, 1, 0],
      [2, 1, 3, 1],
      [0, 0, 1, 1],
    ]);
    // By document: A has all four tags, B has V, F and N.
    const document = await call(h, 'analysis:cooccurrence', { unit: 'document' });
    expect(document.counts).toEqual([
      [2, 2, 2, 1],
      [2, 2, 2, 1],
      [2, 2, 2, 1],
      [1, 1, 1, 1],
    ]);
  });

  it("lists a cell's passages: those that make its count, with the row's or the column's tag", async () => {
    const app = newApp();
    const { h, p, tagId } = await codedTestimonies(app);
    const cell = async (unit: 'overlap' | 'paragraph' | 'document', row: string, column: string) =>
      (await call(h, 'analysis:cell', { kind: 'cooccurrence', unit, rowTagId: tagId(row), column: tagId(column) })).map((x) => x.exact).sort();
    expect(await cell('overlap', 'Violence', 'Night')).toEqual([p.a1.exact, p.a2.exact, p.b1.exact, p.b2.exact].sort());
    expect(await cell('paragraph', 'Violence', 'Food')).toEqual([p.a3.exact, p.a4.exact, p.b1.exact].sort());
    expect(await cell('overlap', 'Indoctrination', 'Food')).toEqual([p.a5.exact]);
    expect(await cell('overlap', 'Violence', 'Indoctrination')).toEqual([]);
    // The diagonal: the tag's own passages.
    expect(await cell('overlap', 'Food', 'Food')).toEqual([p.a3.exact, p.a5.exact, p.b1.exact].sort());
  });

  it('builds code-by-document and code-by-attribute matrices, opens their cells and exports them as CSV', async () => {
    const app = newApp();
    const { h, docs, tagId, p } = await codedTestimonies(app);
    const byDoc = await call(h, 'analysis:codeByDocument', {});
    // Documents by title: B ("Detainees…") before A ("Guards…").
    expect(byDoc.columns.map((c) => c.key)).toEqual([docs.b, docs.a]);
    expect(byDoc.columns[0]!.label).toBe('Detainees were beaten and starved.');
    expect(byDoc.counts).toEqual([
      [1, 2],
      [1, 1],
      [1, 2],
      [0, 1],
    ]);
    const camp = await call(h, 'attributes:create', { name: 'Camp', type: 'choice', choices: ['Kashgar', 'Hotan'] });
    await call(h, 'attributes:set', { documentIds: [docs.a], attributeId: camp.id, value: 'hotan' });
    await call(h, 'attributes:set', { documentIds: [docs.b], attributeId: camp.id, value: 'Kashgar' });
    const byCamp = await call(h, 'analysis:codeByAttribute', { attributeId: camp.id });
    // Choices in the attribute's own order.
    expect(byCamp.columns.map((c) => c.label)).toEqual(['Kashgar', 'Hotan']);
    expect(at(byCamp, 'Violence', 'Hotan')).toBe(2);
    expect(at(byCamp, 'Violence', 'Kashgar')).toBe(1);
    expect(at(byCamp, 'Indoctrination', 'Kashgar')).toBe(0);
    const hotanFood = await call(h, 'analysis:cell', { kind: 'attribute', attributeId: camp.id, rowTagId: tagId('Food'), column: 'Hotan' });
    expect(hotanFood.map((x) => x.exact).sort()).toEqual([p.a3.exact, p.a5.exact].sort());
    const docCell = await call(h, 'analysis:cell', { kind: 'document', rowTagId: tagId('Night'), column: docs.b });
    expect(docCell.map((x) => x.exact)).toEqual([p.b2.exact]);

    const out = path.join(app.dir, 'cooc.csv');
    const saved = await call(h, 'analysis:exportCsv', { kind: 'cooccurrence', unit: 'overlap', path: out });
    expect(saved.path).toBe(out);
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual(['tag \\ tag (overlap),Violence,Night,Food,Indoctrination', 'Violence,3,2,1,0', 'Night,2,2,1,0', 'Food,1,1,3,1', 'Indoctrination,0,0,1,1']);
    await expect(call(h, 'analysis:exportCsv', { kind: 'cooccurrence', path: out })).rejects.toThrow(/already exists/);
  });

  it('refuses bad input with a sentence', async () => {
    const app = newApp();
    await expect(call(app.handlers, 'analysis:cooccurrence', { unit: 'sentence' })).rejects.toThrow(/Invalid request \(unit\)/);
    await expect(call(app.handlers, 'analysis:codeByAttribute', { attributeId: 'nope' })).rejects.toThrow('That attribute no longer exists.');
  });
});
