import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../src/main/dispatch.ts';
import { SAMPLE_REPORT_TITLE } from '../../src/main/investigations/sample.ts';
import type { ExportResult, InvestigationInfo } from '../../src/shared/investigations.ts';
import { tempSession, type TempSession } from '../helpers/temp-session.ts';

/** Every file under a folder with its size: "nothing was written" means this does not change. */
function snapshot(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).sort().map((name) => {
    const full = path.join(dir, name);
    return `${name}:${statSync(full).isFile() ? statSync(full).size : 'dir'}`;
  });
}

describe('investigation archive', () => {
  let machineA: TempSession;
  let machineB: TempSession;
  let archive: string;
  let exported: ExportResult;
  let original: InvestigationInfo;

  beforeAll(async () => {
    machineA = tempSession();
    machineB = tempSession();
    original = await call(machineA.handlers, 'investigations:createSample', {});
    await call(machineA.handlers, 'investigations:rename', { id: original.id, name: 'UDHR for the workshop' });
    archive = path.join(machineA.userDataDir, 'udhr.dossier');
    exported = (await call(machineA.handlers, 'investigations:export', { path: archive })) as ExportResult;
  });
  afterAll(() => {
    machineA.cleanup();
    machineB.cleanup();
  });

  it('exports one file with a manifest, the store snapshot and no index caches', () => {
    expect(exported).toMatchObject({ path: archive, bytes: statSync(archive).size });
    expect(exported.manifest).toMatchObject({
      format: 'dossier-investigation',
      formatVersion: 1,
      appVersion: '0.1.0-test',
      name: 'UDHR for the workshop',
      counts: { documents: 6, passages: 16, tags: 4, reports: 1 },
    });
    const entries = unzipSync(new Uint8Array(readFileSync(archive)));
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', 'store/dossier.sqlite']);
    expect(readdirSync(path.dirname(archive)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to replace an existing file unless forced', async () => {
    const again = await dispatch(machineA.handlers, 'investigations:export', { path: archive });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already exists') } });
    expect(await dispatch(machineA.handlers, 'investigations:export', { path: archive, force: true })).toMatchObject({ ok: true });
  });

  it('imports on a second machine: documents, passages, tags, reports and search survive', async () => {
    const imported = (await call(machineB.handlers, 'investigations:import', { path: archive })) as InvestigationInfo;
    expect(imported).toMatchObject({ name: 'UDHR for the workshop', current: true, exists: true });
    expect(imported.path.startsWith(path.join(machineB.userDataDir, 'investigations'))).toBe(true);
    expect(await call(machineB.handlers, 'workspace:stats', {})).toMatchObject({ documents: 6, passages: 16, tags: 4, reports: 1 });
    const db = machineB.session.requireApp().workspace.db;
    expect((db.prepare('SELECT title FROM reports').get() as { title: string }).title).toBe(SAMPLE_REPORT_TITLE);
    const ug = await call(machineB.handlers, 'search:query', { query: 'ئەركىنلىكتىن' });
    expect(ug.total).toBe(1);
    expect(await call(machineB.handlers, 'workspace:verify', {})).toMatchObject({ ok: true, passagesChecked: 16 });

    // A second import never overwrites the first: it becomes another investigation.
    const twice = (await call(machineB.handlers, 'investigations:import', { path: archive, open: false })) as InvestigationInfo;
    expect(twice.path).not.toBe(imported.path);
    expect(twice.name).toBe('UDHR for the workshop (2)');
    expect(await call(machineB.handlers, 'investigations:list', {})).toHaveLength(2);
  });

  describe('refuses a damaged or hostile archive with a sentence, and writes nothing', () => {
    const good = () => new Uint8Array(readFileSync(archive));
    const entries = () => unzipSync(good());
    const cases: [string, () => Uint8Array, RegExp][] = [
      ['truncated', () => good().subarray(0, Math.floor(good().length / 2)), /not a Dossier archive, or it is damaged/],
      [
        'bit-flipped',
        () => {
          const bytes = good();
          bytes[Math.floor(bytes.length / 3)]! ^= 0x10;
          return bytes;
        },
        /damaged|checksum/,
      ],
      [
        'wrong manifest',
        () => {
          const e = entries();
          const manifest = JSON.parse(new TextDecoder().decode(e['manifest.json'])) as { entries: { sha256: string }[] };
          manifest.entries[0]!.sha256 = '0'.repeat(64);
          return zipSync({ ...e, 'manifest.json': strToU8(JSON.stringify(manifest)) });
        },
        /does not match its checksum/,
      ],
      ['manifest not JSON', () => zipSync({ ...entries(), 'manifest.json': strToU8('{ nope') }), /manifest is missing information or damaged/],
      [
        'newer format',
        () => {
          const e = entries();
          const manifest = JSON.parse(new TextDecoder().decode(e['manifest.json'])) as { formatVersion: number };
          manifest.formatVersion = 99;
          return zipSync({ ...e, 'manifest.json': strToU8(JSON.stringify(manifest)) });
        },
        /made by a newer Dossier/,
      ],
      ['traversal entry', () => zipSync({ ...entries(), '../../evil.sh': strToU8('rm -rf ~') }), /unsafe name \("\.\.\/\.\.\/evil\.sh"\)/],
      ['absolute entry', () => zipSync({ ...entries(), '/etc/cron.d/x': strToU8('x') }), /unsafe name/],
      ['unexpected entry', () => zipSync({ ...entries(), 'index/base.json': strToU8('{}') }), /entry Dossier does not expect/],
      [
        'zip bomb',
        () => zipSync({ 'manifest.json': entries()['manifest.json']!, 'store/dossier.sqlite': new Uint8Array(8 * 1024 * 1024) }, { level: 9 }),
        /zip bomb/,
      ],
      [
        'not a SQLite store, checksums right',
        () => {
          const e = entries();
          const fake = strToU8('this is not a database '.repeat(500));
          const manifest = JSON.parse(new TextDecoder().decode(e['manifest.json'])) as { entries: { size: number; sha256: string }[] };
          manifest.entries[0] = { ...manifest.entries[0]!, size: fake.length, sha256: createHash('sha256').update(fake).digest('hex') };
          return zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'store/dossier.sqlite': fake });
        },
        /store inside it is damaged/,
      ],
      ['empty file', () => new Uint8Array(0), /not a Dossier archive/],
    ];

    it.each(cases)('%s', async (_label, make, message) => {
      const bad = path.join(machineA.userDataDir, 'bad.dossier');
      writeFileSync(bad, make());
      const before = snapshot(machineB.userDataDir);
      const listed = await call(machineB.handlers, 'investigations:list', {});
      const result = await dispatch(machineB.handlers, 'investigations:import', { path: bad });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toMatch(/^bad\.dossier was not imported: /);
      expect(result.error.message).toMatch(message);
      expect(result.error.message).toMatch(/Nothing was written\.$/);
      expect(snapshot(machineB.userDataDir)).toEqual(before);
      expect(await call(machineB.handlers, 'investigations:list', {})).toEqual(listed);
    });
  });
});
