/**
 * Issue 14, item 2: deleting a document says which reports quote it, keeps those quotes with their
 * citations (marked as from a deleted source), and can be undone and redone; the CLI's `delete` too.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { call } from '../../../src/main/dispatch.ts';
import { captureIo } from '../../helpers/capture-io.ts';
import { QUOTES, reportWorkspace } from '../reports/fixture.ts';

describe('deleting documents quoted in reports', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  async function quotedWorkspace() {
    const ws = await reportWorkspace();
    cleanups.push(ws.app.cleanup);
    const detention = ws.tags.find((t) => t.name === 'Detention conditions')!;
    const report = await call(ws.h, 'reports:create', { title: 'Conditions in the camps', fromTagIds: [detention.id] });
    return { ...ws, report };
  }

  it('names the reports that quote what goes, keeps the quotes and citations in them, and undo brings the document back', async () => {
    const { h, ids, report } = await quotedWorkspace();
    const impact = await call(h, 'documents:deleteImpact', { ids: [ids.article] });
    expect(impact).toEqual({
      documents: [{ id: ids.article, title: 'Former detainee describes camp in Xinjiang' }],
      passages: 4,
      reports: [{ reportId: report.id, title: 'Conditions in the camps', quotes: 3 }],
    });

    const deleted = await call(h, 'documents:delete', { ids: [ids.article] });
    expect(deleted).toEqual({ deleted: 1, passagesRemoved: 4, quotesKept: 3, undoable: true });
    expect((await call(h, 'documents:list', {})).map((d) => d.id)).not.toContain(ids.article);

    const { html } = await call(h, 'reports:preview', { id: report.id });
    expect(html).toContain('sixty women in a cell built for twenty');
    expect(html).toContain('Former detainee describes camp in Xinjiang');
    expect(html).toContain('From a source deleted from the investigation');
    expect(html).not.toContain('This passage has been deleted');
    expect(html).not.toContain('7946 0958'); // a kept quote's note is redacted like any other

    expect(await call(h, 'history:status', {})).toMatchObject({ undo: 'deletion of document “Former detainee describes camp in Xinjiang”' });
    await call(h, 'history:undo', {});
    const back = await call(h, 'documents:get', { id: ids.article });
    expect(back.passageCount).toBe(4);
    expect((await call(h, 'search:query', { query: 'Qaraqash' })).results.map((hit) => hit.documentId)).toEqual([ids.article]);
    const restored = await call(h, 'reports:preview', { id: report.id });
    expect(restored.html).not.toContain('From a source deleted');
    expect(restored.html).toContain(QUOTES.brother.slice(0, 30));

    await call(h, 'history:redo', {});
    expect((await call(h, 'documents:list', {})).map((d) => d.id)).not.toContain(ids.article);
    expect((await call(h, 'reports:preview', { id: report.id })).html).toContain('From a source deleted from the investigation');
  });

  it('drops a kept quote once no report cites it', async () => {
    const { h, ids, report, app } = await quotedWorkspace();
    await call(h, 'documents:delete', { ids: [ids.article] });
    const kept = () => (app.workspace.db.prepare('SELECT count(*) AS n FROM quote_snapshots').get() as { n: number }).n;
    expect(kept()).toBe(3);
    await call(h, 'reports:delete', { id: report.id });
    expect(kept()).toBe(0);
  });

  it('dossier delete says what goes and asks; without an answer or --yes it deletes nothing', async () => {
    const { app, ids } = await quotedWorkspace();
    const workspace = path.join(app.dir, 'workspace');
    app.close();
    const run = async (answer: boolean | null, ...args: string[]) => {
      const c = captureIo();
      const questions: string[] = [];
      const ask = answer === null ? undefined : async (q: string) => (questions.push(q), answer);
      const code = await runCli([...args, '--workspace', workspace], { ...c.io, ask });
      return { code, out: c.out(), err: c.err(), questions };
    };
    const unattended = await run(null, 'delete', ids.article);
    expect(unattended.code).toBe(2);
    expect(unattended.out).toContain('Conditions in the camps: 3 quotes');
    expect(unattended.out).toContain('Nothing was deleted: run again with --yes');
    const declined = await run(false, 'delete', ids.article);
    expect(declined.questions[0]).toContain('4 passages in it will be deleted');
    expect(declined.code).toBe(1);
    expect((await run(null, 'list')).out).toContain('Former detainee describes camp');

    const confirmed = await run(null, 'delete', ids.article, ids.zh, '--yes');
    expect(confirmed.code).toBe(0);
    expect(confirmed.out).toContain('Deleted 2 documents and 5 passages. 4 quotes stay in reports, marked as from a deleted source.');
    expect((await run(null, 'list')).out).not.toContain('Former detainee describes camp');
    const missing = await run(null, 'delete', 'no-such-id', '--yes');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No document has the id no-such-id');
  });
});
