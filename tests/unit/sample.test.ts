import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../src/main/dispatch.ts';
import { SAMPLE_NAME, SAMPLE_REPORT_TITLE } from '../../src/main/investigations/sample.ts';
import type { InvestigationInfo } from '../../src/shared/investigations.ts';
import { tempSession, type TempSession } from '../helpers/temp-session.ts';

describe('sample investigation', () => {
  let t: TempSession;
  let sample: InvestigationInfo;
  beforeAll(async () => {
    t = tempSession();
    sample = await call(t.handlers, 'investigations:createSample', {});
  });
  afterAll(() => t.cleanup());

  it('is listed, open, and holds the declaration in six languages with their metadata', async () => {
    expect(sample).toMatchObject({ name: SAMPLE_NAME, sample: true, current: true, exists: true });
    const documents = await call(t.handlers, 'documents:list', {});
    expect(documents).toHaveLength(6);
    expect(documents.map((d) => d.language).sort()).toEqual(['ar', 'en', 'kk', 'ru', 'ug', 'zh']);
    expect(documents.map((d) => d.originalName).sort()).toEqual(['udhr-ar.md', 'udhr-en.md', 'udhr-kk.md', 'udhr-ru.md', 'udhr-ug.md', 'udhr-zh.md']);
    for (const d of documents) expect(d).toMatchObject({ format: 'md', source: 'United Nations', publishedAt: '1948-12-10' });
    expect(documents.find((d) => d.language === 'en')?.title).toBe('Universal Declaration of Human Rights (English)');
    expect(documents.find((d) => d.language === 'ug')?.title).toBe('Universal Declaration of Human Rights (Uyghur)');
    const en = await call(t.handlers, 'documents:get', { id: documents.find((d) => d.language === 'en')!.id });
    expect(en.blocks.filter((b) => b.kind === 'heading')).toHaveLength(1 + 1 + 30);
  });

  it('finds Uyghur, Chinese, Kazakh and Arabic words', async () => {
    const ug = await call(t.handlers, 'search:query', { query: 'ئەركىنلىكتىن' });
    expect(ug.results.map((r) => r.language)).toEqual(['ug']);
    const zh = await call(t.handlers, 'search:query', { query: '迁徙' });
    expect(zh.results.map((r) => r.language)).toEqual(['zh']);
    const kk = await call(t.handlers, 'search:query', { query: 'тұтқындалуға' });
    expect(kk.results.map((r) => r.language)).toEqual(['kk']);
    const ar = await call(t.handlers, 'search:query', { query: 'للتعذيب' });
    expect(ar.results.map((r) => r.language)).toEqual(['ar']);
  });

  it('has four tags with passages in several languages that match their text', async () => {
    const tags = await call(t.handlers, 'tags:list', {});
    expect(tags.map((tag) => tag.name).sort()).toEqual(['Fair trial', 'Liberty', 'Movement', 'Torture']);
    const documents = await call(t.handlers, 'documents:list', {});
    const languageOf = new Map(documents.map((d) => [d.id, d.language]));
    for (const tag of tags) {
      const passages = await call(t.handlers, 'passages:list', { tagId: tag.id });
      expect(passages).toHaveLength(4);
      expect(new Set(passages.map((p) => languageOf.get(p.documentId))).size).toBe(4);
    }
    const torture = tags.find((tag) => tag.name === 'Torture')!;
    const exacts = (await call(t.handlers, 'passages:list', { tagId: torture.id })).map((p) => p.exact);
    expect(exacts).toContain('No one shall be subjected to torture or to cruel, inhuman or degrading treatment or punishment.');
    const verify = await call(t.handlers, 'workspace:verify', {});
    expect(verify).toMatchObject({ ok: true, documentsChecked: 6, passagesChecked: 16 });
  });

  it('has a report whose sections come from the Liberty and Fair trial tags', async () => {
    const db = t.session.requireApp().workspace.db;
    const rows = db.prepare('SELECT title, body FROM reports').all() as { title: string; body: string }[];
    expect(rows.map((r) => r.title)).toEqual([SAMPLE_REPORT_TITLE]);
    const body = JSON.parse(rows[0]!.body) as { sections: { heading: string; tagId: string; items: { passageId: string }[] }[] };
    expect(body.sections.map((s) => s.heading)).toEqual(['Liberty', 'Fair trial']);
    for (const section of body.sections) {
      const passages = await call(t.handlers, 'passages:list', { tagId: section.tagId });
      expect(section.items.map((i) => i.passageId).sort()).toEqual(passages.map((p) => p.id).sort());
    }
  });

  it('opens the existing sample instead of building a second, and can be deleted like any investigation', async () => {
    const again = await call(t.handlers, 'investigations:createSample', {});
    expect(again.id).toBe(sample.id);
    expect(await call(t.handlers, 'investigations:list', {})).toHaveLength(1);
    const removed = await call(t.handlers, 'investigations:delete', { id: sample.id, mode: 'trash', confirmed: true });
    expect(existsSync(sample.path)).toBe(false);
    expect(removed.movedTo).toBeTruthy();
    expect(await call(t.handlers, 'investigations:list', {})).toEqual([]);
  });
});
