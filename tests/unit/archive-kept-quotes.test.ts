/**
 * Issue 14: the quotes a report keeps from a deleted document travel in an investigation archive,
 * checked and cleaned like every other row.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../../src/main/dispatch.ts';
import type { ExportResult } from '../../src/shared/investigations.ts';
import { tempSession } from '../helpers/temp-session.ts';

describe('kept quotes in an archive', () => {
  const machineA = tempSession();
  const machineB = tempSession();
  afterAll(() => {
    machineA.cleanup();
    machineB.cleanup();
  });

  it('arrive on the other machine with their citation and the deleted-source mark', async () => {
    await call(machineA.handlers, 'investigations:createSample', {});
    const [report] = await call(machineA.handlers, 'reports:list', {});
    const full = await call(machineA.handlers, 'reports:get', { id: report!.id });
    const passages = await call(machineA.handlers, 'passages:list', {});
    const cited = passages.find((p) => p.id === full.body.sections[0]!.items[0]!.passageId)!;
    const deleted = await call(machineA.handlers, 'documents:delete', { ids: [cited.documentId] });
    expect(deleted.quotesKept).toBeGreaterThan(0);
    const archive = path.join(machineA.userDataDir, 'kept.dossier');
    (await call(machineA.handlers, 'investigations:export', { path: archive })) as ExportResult;

    await call(machineB.handlers, 'investigations:import', { path: archive });
    const [arrived] = await call(machineB.handlers, 'reports:list', {});
    const { html } = await call(machineB.handlers, 'reports:preview', { id: arrived!.id });
    expect(html).toContain(cited.exact.slice(0, 40).replace(/&/g, '&amp;'));
    expect(html).toContain('From a source deleted from the investigation');
    expect(html).toContain(cited.documentTitle);
  });
});
