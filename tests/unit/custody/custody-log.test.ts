/**
 * Issue 19: the chain of custody as a researcher (and an attacker holding the database file)
 * would meet it: every evidence event is logged with its facts, `dossier custody verify` names
 * the first entry edited byte by byte, and removing the last entry is caught by the head file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import type { CustodyEntry } from '../../../src/shared/custody.ts';
import { canonicalJson } from '../../../src/main/custody/canonical-json.ts';
import { captureIo } from '../../helpers/capture-io.ts';
import { tempDir, writeFiles } from '../../helpers/temp-workspace.ts';

describe('chain of custody (CLI)', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const workspace = path.join(dir, 'ws');
  const userData = path.join(dir, 'user');
  const run = async (...args: string[]) => {
    const c = captureIo();
    const code = await runCli([...args, '--workspace', workspace, '--user-data', userData], c.io);
    return { code, out: c.out(), err: c.err(), json: <T>() => JSON.parse(c.out()) as T };
  };
  const entries = async (...more: string[]) => (await run('custody', ...more, '--json')).json<{ entries: CustodyEntry[] }>().entries;

  it('logs imports (with the path as given and the researcher) and tagging, newest first, and exports the log as CSV', async () => {
    // The researcher's name from Settings goes into every entry.
    (await import('node:fs')).mkdirSync(userData, { recursive: true });
    writeFileSync(path.join(userData, 'settings.json'), JSON.stringify({ researcherName: 'A. Researcher' }));
    const folder = writeFiles(dir, {
      'testimony.txt': 'Testimony of a released detainee\n\nShe was held for eleven months in a camp near Ghulja.',
      'other.txt': 'A second statement\n\nAnother witness describes the same camp.',
    });
    const given = path.join(folder, 'testimony.txt');
    const imported = (await run('import', given, '--json')).json<{ imported: { id: string }[] }>();
    const docId = imported.imported[0]!.id;
    await run('import', path.join(folder, 'other.txt'));
    const tagged = await run('tag', '--doc', docId, '--quote', 'eleven months', '--tag', 'Detention', '--json');
    expect(tagged.code).toBe(0);

    const log = await entries('--doc', docId);
    expect(log.map((e) => e.kind)).toEqual(['passage-create', 'import']);
    const imp = log[1]!;
    const bytes = readFileSync(given);
    expect(imp.details).toMatchObject({
      title: 'Testimony of a released detainee',
      file: { name: 'testimony.txt', sourcePath: given, size: bytes.byteLength },
    });
    expect((imp.details.file as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(imp.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(imp.researcher).toBe('A. Researcher');
    expect(log[0]!.details).toMatchObject({ exact: 'eleven months', tags: ['Detention'] });

    const human = await run('custody', '--doc', docId);
    expect(human.out).toContain('imported testimony.txt');

    const verify = await run('custody', 'verify', '--json');
    expect(verify.json<{ ok: boolean; entries: number }>()).toMatchObject({ ok: true });
    const csvOut = path.join(dir, 'custody.csv');
    const csv = await run('custody', 'export', '--out', csvOut);
    expect(csv.code).toBe(0);
    const text = readFileSync(csvOut, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFseq,at,kind,document_id,researcher,app_version,details,prev_hash,hash');
    expect(text).toContain('testimony.txt');
    // The CSV export is itself an export, logged with its file's SHA-256.
    const newest = (await entries())[0]!;
    expect(newest).toMatchObject({ kind: 'export', details: { format: 'custody-csv' } });
  });

  it('names the entry whose bytes were edited in the database file', async () => {
    const before = await run('custody', 'verify');
    expect(before.code).toBe(0);
    const file = path.join(workspace, 'dossier.sqlite');
    // The CLI closed the store; fold the WAL in so the rows sit in the main file, as an attacker would find them.
    const db = new DatabaseSync(file);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const target = db.prepare("SELECT seq, details FROM custody_log WHERE kind = 'import' ORDER BY seq LIMIT 1").get() as { seq: number; details: string };
    db.close();
    const raw = readFileSync(file);
    const needle = Buffer.from('"size":', 'utf8');
    const rowAt = raw.indexOf(Buffer.from(target.details.slice(0, 60), 'utf8'));
    expect(rowAt).toBeGreaterThan(0);
    const at = raw.indexOf(needle, rowAt) + needle.length;
    // One byte: the file size's first digit.
    raw[at] = raw[at] === 0x39 ? 0x38 : raw[at]! + 1;
    writeFileSync(file, raw);

    const after = await run('custody', 'verify');
    expect(after.code).toBe(4);
    expect(after.out).toContain(`Custody entry #${target.seq} (import`);
    expect(after.out).toContain('does not match its hash');
    const whole = await run('verify');
    expect(whole.code).toBe(4);
    expect(whole.out).toContain(`Custody entry #${target.seq}`);
  });
});

describe('chain of custody: the last entry removed', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const workspace = path.join(dir, 'ws');
  const run = async (...args: string[]) => {
    const c = captureIo();
    const code = await runCli([...args, '--workspace', workspace, '--user-data', path.join(dir, 'user')], c.io);
    return { code, out: c.out() };
  };

  it('is detected through the head file kept beside the store, and through the newest backup', async () => {
    const folder = writeFiles(dir, { 'a.txt': 'First statement\n\nWords of the first witness.', 'b.txt': 'Second statement\n\nWords of the second witness.' });
    await run('import', path.join(folder, 'a.txt'));
    await run('backup');
    await run('import', path.join(folder, 'b.txt'));
    expect((await run('custody', 'verify')).code).toBe(0);

    // An attacker with the database file: the app's triggers refuse, so they drop them, then delete.
    const db = new DatabaseSync(path.join(workspace, 'dossier.sqlite'));
    expect(() => db.exec('DELETE FROM custody_log WHERE seq = 2')).toThrow(/append-only/);
    db.exec('DROP TRIGGER custody_log_no_delete; DELETE FROM custody_log WHERE seq = (SELECT max(seq) FROM custody_log)');
    db.close();

    const result = await run('custody', 'verify');
    expect(result.code).toBe(4);
    expect(result.out).toContain('The log ends at #1, but the head file custody-head.json records entry #2');
    // Opening and closing the store again must not move the head file back to hide it.
    expect((await run('list')).code).toBe(0);
    expect((await run('custody', 'verify')).code).toBe(4);

    // Removing the entry that the newest backup holds too is caught by the backup alone.
    const db2 = new DatabaseSync(path.join(workspace, 'dossier.sqlite'));
    db2.exec('DELETE FROM custody_log');
    db2.close();
    const both = await run('custody', 'verify');
    expect(both.out).toMatch(/the newest backup dossier-.*-manual\.sqlite records entry #1/);
  });
});

describe('canonical JSON', () => {
  it('sorts keys and drops undefined, so equal values hash equally', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: 1, y: 'é' } })).toBe('{"a":[true,null,"x"],"b":1,"d":{"y":"é","z":1}}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});
