import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../../src/main/dispatch.ts';
import type { ExportResult, InvestigationInfo } from '../../../src/shared/investigations.ts';
import { tempSession, type TempSession } from '../../helpers/temp-session.ts';
import { CHINESE, holds, KAZAKH, NOTES, REPORT_TITLE, SECRETS, TAGS, UYGHUR } from './locked-material.ts';

const PASSPHRASE = 'river stone lantern 1987';
/** A cheap scrypt for tests (the app's default is 2^17); the file records its own parameters. */
const lockParams = { logN: 14, r: 8, p: 1 };
const encode = (s: string) => new TextEncoder().encode(s);

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((n) => path.join(dir, n)).filter((f) => statSync(f).isFile());
}

/** Every byte a reader of the folder and the archive gets: the files as they are and the archive's entries inflated. */
function readableBytes(folder: string, archive: string): { name: string; bytes: Uint8Array }[] {
  const files = filesUnder(folder).map((f) => ({ name: path.relative(folder, f), bytes: new Uint8Array(readFileSync(f)) }));
  const archiveBytes = new Uint8Array(readFileSync(archive));
  const entries = Object.entries(unzipSync(archiveBytes)).map(([name, bytes]) => ({ name: `archive:${name}`, bytes }));
  return [...files, { name: 'archive', bytes: archiveBytes }, ...entries];
}

describe('a locked investigation on disk (issue 20)', () => {
  let machine: TempSession;
  let other: TempSession;
  let investigation: InvestigationInfo;
  let archive: string;
  let recoveryKey: string;

  beforeAll(async () => {
    machine = tempSession({ lockParams });
    other = tempSession({ lockParams });
    investigation = (await call(machine.handlers, 'investigations:create', { name: 'Field notes' })) as InvestigationInfo;
    const h = machine.handlers;
    // The testimony is imported while the investigation is still plain, then it is locked in place.
    const first = await call(h, 'documents:importData', { files: [{ name: 'testimony-kk.txt', data: encode(KAZAKH) }] });
    await call(h, 'search:query', { query: 'Жанарбек' });
    await call(h, 'backups:create', {});
    ({ recoveryKey } = await call(h, 'investigations:lock', { passphrase: PASSPHRASE }));
    const more = await call(h, 'documents:importData', {
      files: [
        { name: 'witness-zh.txt', data: encode(CHINESE) },
        { name: 'witness-ug.txt', data: encode(UYGHUR) },
      ],
    });
    const [kk, zh, ug] = [first.imported[0]!.id, more.imported[0]!.id, more.imported[1]!.id];
    const at = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    await call(h, 'passages:create', {
      documentId: kk,
      ...at(KAZAKH, 'үнсіздік туралы міндеттемеге'),
      tagNames: [TAGS.pledge],
      note: NOTES.pledge,
    });
    await call(h, 'passages:create', {
      documentId: kk,
      ...at(KAZAKH, 'інісі Ерболатты азаптайды'),
      tagNames: [TAGS.pledge],
      note: NOTES.threat,
    });
    await call(h, 'passages:create', {
      documentId: zh,
      ...at(CHINESE, '再教育营被关押了十四个月'),
      tagNames: [TAGS.detention],
      note: NOTES.chinese,
    });
    await call(h, 'passages:create', { documentId: ug, ...at(UYGHUR, 'لاگېردا توققۇز ئاي'), tagNames: [TAGS.detention] });
    const tags = await call(h, 'tags:list', {});
    await call(h, 'reports:create', { title: REPORT_TITLE, fromTagIds: tags.map((t) => t.id) });
    // The index caches of the new documents and a backup of the locked store.
    expect((await call(h, 'search:query', { query: '伊宁市' })).total).toBe(1);
    await call(h, 'backups:create', {});
    archive = path.join(machine.userDataDir, 'field.dossier');
    (await call(h, 'investigations:export', { path: archive })) as ExportResult;
    await call(h, 'investigations:close', {});
  }, 60_000);
  afterAll(() => {
    machine.cleanup();
    other.cleanup();
  });

  it('holds none of the 30 words, names, numbers and notes in any file, in UTF-8 or UTF-16, in any case', async () => {
    expectClosedStore(investigation.path);
    const everything = readableBytes(investigation.path, archive);
    // The folder has what a locked investigation is made of: no plain store, WAL or SHM beside it.
    const names = everything.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining([path.join('vault', 'lock.json'), 'archive:store/lock.json']));
    expect(names.some((n) => /^vault[\\/]snapshot-\d+\.bin$/.test(n))).toBe(true);
    expect(names.some((n) => n.startsWith('index') && /segment-/.test(n))).toBe(true);
    expect(names.filter((n) => n.startsWith('backups')).length).toBe(1);
    expect(names.filter((n) => !n.startsWith('archive') && /dossier\.sqlite/.test(n))).toEqual([]);
    expect(
      everything.filter((e) => Buffer.from(e.bytes.subarray(0, 15)).toString('latin1') === 'SQLite format 3').map((e) => e.name),
    ).toEqual([]);
    const found = SECRETS.flatMap((secret) =>
      everything.filter((e) => holds(e.bytes, secret)).map((e) => `${secret} in ${e.name}`),
    );
    expect(found).toEqual([]);
    // The check itself finds what is there: the same material in plain bytes.
    expect(
      SECRETS.filter(
        (s) =>
          !holds(encode([KAZAKH, CHINESE, UYGHUR, ...Object.values(NOTES), ...Object.values(TAGS), REPORT_TITLE].join('\n')), s),
      ),
    ).toEqual([]);
  });

  it('opens with the passphrase and finds every one of them again', async () => {
    const h = machine.handlers;
    const closed = await dispatch(h, 'investigations:open', { id: investigation.id });
    expect(closed).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This investigation is locked. Give its passphrase to open it.' },
    });
    await call(h, 'investigations:unlock', { id: investigation.id, passphrase: PASSPHRASE });
    const shown = await inApp(h);
    expect(SECRETS.filter((s) => !shown.toLowerCase().includes(s.toLowerCase()))).toEqual([]);
    for (const query of ['Жанарбек', '伊宁市', 'مەمەتتۇرسۇن'])
      expect((await call(h, 'search:query', { query })).total, query).toBe(1);
    await call(h, 'investigations:close', {});
  });

  it('the archive opens on another machine with the recovery key and stays locked there', async () => {
    const refused = await dispatch(other.handlers, 'investigations:import', { path: archive });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('locked investigation') },
    });
    const wrong = await dispatch(other.handlers, 'investigations:import', { path: archive, passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { message: expect.stringContaining('The passphrase is wrong') } });
    expect(existsSync(path.join(other.userDataDir, 'investigations'))).toBe(false);
    const imported = (await call(other.handlers, 'investigations:import', { path: archive, recoveryKey })) as InvestigationInfo;
    expect(imported.locked).toBe(true);
    const shown = await inApp(other.handlers);
    expect(SECRETS.filter((s) => !shown.toLowerCase().includes(s.toLowerCase()))).toEqual([]);
    expect((await call(other.handlers, 'search:query', { query: '古丽巴哈尔' })).total).toBe(1);
    await call(other.handlers, 'investigations:close', {});
    expectClosedStore(imported.path);
    const leaked = SECRETS.filter((s) => filesUnder(imported.path).some((f) => holds(readFileSync(f), s)));
    expect(leaked).toEqual([]);
  });
});

/** What the app shows: every document's title and text, passages with notes, tags, reports. */
async function inApp(h: TempSession['handlers']): Promise<string> {
  const parts: string[] = [];
  for (const d of await call(h, 'documents:list', {})) parts.push(JSON.stringify(await call(h, 'documents:get', { id: d.id })));
  parts.push(JSON.stringify(await call(h, 'passages:list', {})), JSON.stringify(await call(h, 'tags:list', {})));
  for (const r of await call(h, 'reports:list', {})) parts.push(JSON.stringify(await call(h, 'reports:get', { id: r.id })));
  return parts.join('\n');
}

/** A closed locked store has folded its journal into one snapshot: what a user who closed the app leaves on disk. */
function expectClosedStore(dir: string): void {
  const vault = readdirSync(path.join(dir, 'vault')).sort();
  const n = /^snapshot-(\d+)\.bin$/.exec(vault.at(-1) ?? '')?.[1];
  expect(vault).toEqual([`journal-${n}.bin`, 'lock.json', `snapshot-${n}.bin`]);
  expect(statSync(path.join(dir, 'vault', `journal-${n}.bin`)).size).toBe(0);
}
