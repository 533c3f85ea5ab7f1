/**
 * Issue 19: each evidence event reaches the custody log once, with the facts a court would ask
 * for, through the same service the app and CLI use; the log survives an archive round trip.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../../src/main/app/open-app.ts';
import { call } from '../../../src/main/dispatch.ts';
import { exportArchive, importArchive } from '../../../src/main/investigations/archive.ts';
import { openWorkspace } from '../../../src/main/store/workspace.ts';
import { listCustody } from '../../../src/main/custody/custody-log.ts';
import { verifyCustody } from '../../../src/main/custody/verify.ts';
import { copyCustodyRows } from '../../../src/main/custody/copy.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';
import { DatabaseSync } from 'node:sqlite';
import { archiveCustodyProblem } from '../../../src/main/custody/archive-custody.ts';
import { sha256Hex } from '../../../src/main/investigations/archive-format.ts';

describe('custody events through the service', () => {
  const { dir, cleanup } = tempDir();
  const app = openApp(path.join(dir, 'ws'), { custodyActor: () => ({ appVersion: '9.9.9', researcherName: 'Aigerim' }) });
  afterAll(async () => {
    await app.close();
    cleanup();
  });
  const h = app.handlers;
  const kinds = () => listCustody(app.workspace.db).map((e) => e.kind);

  it('records metadata edits (old and new), passage edits, tags, deletions with tombstones, undo, restores and exports', async () => {
    const bytes = new TextEncoder().encode('Witness statement\n\nHe saw the guards at the gate every night.');
    const { imported } = await call(h, 'documents:importData', { files: [{ name: 'statement.txt', data: bytes }] });
    const id = imported[0]!.id;
    await call(h, 'documents:updateMeta', { id, title: 'Statement of K.', author: 'K.' });
    const edit = listCustody(app.workspace.db)[0]!;
    expect(edit).toMatchObject({
      kind: 'metadata-edit',
      documentId: id,
      researcher: 'Aigerim',
      appVersion: '9.9.9',
      details: { changes: { title: { old: 'Witness statement', new: 'Statement of K.' }, author: { old: null, new: 'K.' } } },
    });
    const doc = await call(h, 'documents:get', { id });
    const start = doc.text.indexOf('guards');
    const passage = await call(h, 'passages:create', { documentId: id, start, end: start + 'guards at the gate'.length, tagNames: ['Guards'] });
    const other = await call(h, 'tags:create', { name: 'Surveillance' });
    await call(h, 'passages:update', { id: passage.id, tagIds: [passage.tagIds[0]!, other.id] });
    expect(listCustody(app.workspace.db)[0]).toMatchObject({ kind: 'tags-apply', details: { tagsAdded: ['Surveillance'] } });
    await call(h, 'passages:update', { id: passage.id, note: 'seen nightly' });
    expect(listCustody(app.workspace.db)[0]).toMatchObject({ kind: 'passage-edit', details: { note: { old: '', new: 'seen nightly' } } });

    const report = await call(h, 'reports:create', { title: 'Guards', fromTagIds: [passage.tagIds[0]!] });
    const out = path.join(dir, 'guards.md');
    await call(h, 'reports:export', { id: report.id, format: 'md', path: out });
    const exported = listCustody(app.workspace.db)[0]!;
    expect(exported).toMatchObject({ kind: 'export', details: { format: 'md', reportId: report.id, documentIds: [id] } });
    expect((exported.details.files as { sha256: string }[])[0]!.sha256).toBe(sha256Hex(new Uint8Array(readFileSync(out))));
    // The document's history lists the export that cites it.
    expect(listCustody(app.workspace.db, { documentId: id }).map((e) => e.kind)[0]).toBe('export');

    await call(h, 'passages:delete', { id: passage.id });
    await call(h, 'history:undo', {});
    expect(kinds().slice(0, 2)).toEqual(['undo', 'passage-delete']);
    await call(h, 'tags:merge', { sourceId: other.id, targetId: passage.tagIds[0]! });
    expect(listCustody(app.workspace.db)[0]).toMatchObject({ kind: 'tag-merge', details: { tag: 'Surveillance', into: 'Guards', passages: 1 } });

    await call(h, 'backups:create', {});
    await call(h, 'documents:delete', { ids: [id] });
    const tomb = listCustody(app.workspace.db)[0]!;
    expect(tomb).toMatchObject({ kind: 'document-delete', documentId: id, details: { title: 'Statement of K.', originalHash: doc.originalHash, contentHash: doc.contentHash, passagesRemoved: 1 } });

    // A restore goes back to the backup's log, then says what it replaced: the chain stays valid.
    const replaced = listCustody(app.workspace.db)[0]!;
    await call(h, 'backups:restore', {});
    const restore = listCustody(app.workspace.db)[0]!;
    expect(restore).toMatchObject({ kind: 'restore', details: { replacedHead: { seq: replaced.seq, hash: replaced.hash } } });
    const check = await call(h, 'custody:verify', {});
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
  });

  it('carries the log inside an archive, refuses an archive whose log lost its end, and stays valid after import elsewhere', async () => {
    const before = listCustody(app.workspace.db);
    const archive = path.join(dir, 'case.dossier');
    const result = exportArchive(app.workspace.db, { outFile: archive, appVersion: '9.9.9', tmpDir: app.workspace.paths.tmpDir });
    expect(result.manifest.custody?.head).toEqual({ seq: before[0]!.seq, hash: before[0]!.hash });
    const logged = listCustody(app.workspace.db)[0]!;
    expect(logged).toMatchObject({ kind: 'archive-export', details: { sha256: sha256Hex(new Uint8Array(readFileSync(archive))) } });

    const elsewhere = path.join(dir, 'other-machine');
    const { dir: imported } = importArchive(archive, { userDataDir: elsewhere, appVersion: '9.9.10', researcherName: 'Second analyst' });
    const ws = openWorkspace(imported);
    try {
      const log = listCustody(ws.db);
      expect(log[0]).toMatchObject({ kind: 'archive-import', researcher: 'Second analyst', appVersion: '9.9.10' });
      expect(log.length).toBe(before.length + 1);
      expect(verifyCustody(ws.db, { headFile: path.join(imported, 'custody-head.json') })).toMatchObject({ ok: true, problems: [] });
    } finally {
      ws.close();
    }
    expect(existsSync(path.join(imported, 'custody-head.json'))).toBe(true);

    // A store whose last entry was removed no longer ends where its manifest says.
    const store = path.join(dir, 'cut.sqlite');
    app.workspace.db.prepare('VACUUM INTO ?').run(store);
    const cut = new DatabaseSync(store);
    cut.exec('DROP TRIGGER custody_log_no_delete; DELETE FROM custody_log WHERE seq = (SELECT max(seq) FROM custody_log)');
    cut.close();
    const head = listCustody(app.workspace.db)[0]!;
    const manifest = { ...result.manifest, custody: { head: { seq: head.seq, hash: head.hash }, entries: head.seq } };
    expect(archiveCustodyProblem(store, manifest)).toMatch(new RegExp(`ends at entry #${head.seq - 1}, but its manifest says #${head.seq}`));
  });

  it('copies a log row by row for the archive import rewrite, refusing a broken one', () => {
    const target = openWorkspace(path.join(dir, 'copy-target'));
    try {
      const copied = copyCustodyRows(app.workspace.db, target.db, 'case.dossier');
      expect(copied.copied).toBe(listCustody(app.workspace.db).length);
      expect(verifyCustody(target.db, {}).ok).toBe(true);
      expect(() => copyCustodyRows(app.workspace.db, target.db, 'case.dossier')).toThrow(/already has a custody log/);
    } finally {
      target.close();
    }
    const broken = openWorkspace(path.join(dir, 'broken'));
    const target2 = openWorkspace(path.join(dir, 'copy-target-2'));
    try {
      copyCustodyRows(app.workspace.db, broken.db, 'x');
      broken.db.exec("DROP TRIGGER custody_log_no_update; UPDATE custody_log SET kind = 'undo' WHERE seq = 2");
      expect(() => copyCustodyRows(broken.db, target2.db, 'evil.dossier')).toThrow(/evil\.dossier: its chain of custody is broken\. Custody entry #2/);
    } finally {
      broken.close();
      target2.close();
    }
  });
});
