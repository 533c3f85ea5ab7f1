/**
 * Issue 21: hostile REFI-QDA projects fail alone with a sentence naming the file, the rest of the
 * batch imports, and nothing stored before changes: zip bombs, entries outside the archive, text
 * paths outside the project, entity expansion, absurd nesting, bad positions.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../../src/main/app/open-app.ts';
import { call } from '../../../src/main/dispatch.ts';
import { buildQdpx } from '../../fixtures/qdpx/build-qdpx.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';

const project = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Hostile">${body}</Project>`;
const source = (selections: string) =>
  `<Sources><TextSource guid="a2b94468-80a5-412f-92d6-e900d97b55a6" name="Short"><PlainTextContent>Only a few words here.</PlainTextContent>${selections}</TextSource></Sources>`;

describe('hostile REFI-QDA projects', () => {
  const { dir, cleanup } = tempDir('dossier-qdpx-hostile-');
  const app = openApp(path.join(dir, 'ws'));
  afterAll(async () => {
    await app.close();
    cleanup();
  });
  const write = (name: string, files: Record<string, Uint8Array>) => {
    const file = path.join(dir, name);
    writeFileSync(file, zipSync(files));
    return file;
  };

  it('refuses each bad project with a sentence naming it, imports the good file beside them, and leaves what was stored alone', async () => {
    const good = path.join(dir, 'good.txt');
    writeFileSync(good, 'A good note\n\nIt imports whatever the projects beside it hold.');
    const before = await call(app.handlers, 'documents:import', { paths: [good] });
    expect(before.imported).toHaveLength(1);

    const bomb = write('bomb.qdpx', { 'project.qde': strToU8(project('')), 'sources/big.txt': new Uint8Array(20 * 1024 * 1024) });
    const traversal = write('traversal.qdpx', { 'project.qde': strToU8(project('')), '../evil.txt': strToU8('x') });
    const entities = write('entities.qdpx', {
      'project.qde': strToU8(
        `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Project name="&b;"/>`,
      ),
    });
    const deep = write('deep.qdpx', {
      'project.qde': strToU8(
        project(`${'<Code guid="2dfba8c9-59f5-4424-99d6-ea9bce18134b" name="x" isCodable="true">'.repeat(300)}`),
      ),
    });
    const notXml = write('notxml.qdpx', { 'project.qde': strToU8('this is not XML <<<') });
    const noProject = write('noproject.qdpx', { 'readme.txt': strToU8('hello') });
    const notZip = path.join(dir, 'notzip.qdpx');
    writeFileSync(notZip, 'PK but not really a zip');
    const second = path.join(dir, 'second.txt');
    writeFileSync(second, 'A second note\n\nImported in the same batch as the hostile projects.');

    const summary = await call(app.handlers, 'documents:import', {
      paths: [bomb, traversal, entities, deep, notXml, noProject, notZip, second],
    });
    expect(summary.imported.map((d) => d.title)).toEqual(['A second note']);
    const failed = new Map(summary.failed.map((f) => [path.basename(f.path), f.message]));
    expect(failed.get('bomb.qdpx')).toMatch(/^bomb\.qdpx expands to far more data than its size/);
    expect(failed.get('traversal.qdpx')).toMatch(
      /^traversal\.qdpx contains a file named "\.\.\/evil\.txt" that points outside the archive/,
    );
    expect(failed.get('entities.qdpx')).toMatch(/^entities\.qdpx is not a REFI-QDA project it can read: its XML is malformed/);
    expect(failed.get('deep.qdpx')).toMatch(
      /^deep\.qdpx is not a REFI-QDA project it can read: its elements nest more than 200 deep/,
    );
    expect(failed.get('notxml.qdpx')).toMatch(/^notxml\.qdpx is not a REFI-QDA project it can read/);
    expect(failed.get('noproject.qdpx')).toBe('noproject.qdpx is not a REFI-QDA project: it has no project.qde.');
    expect(failed.get('notzip.qdpx')).toBe('notzip.qdpx is not a valid REFI-QDA project (its zip structure is damaged).');
    const docs = await call(app.handlers, 'documents:list', {});
    expect(docs.map((d) => d.title).sort()).toEqual(['A good note', 'A second note']);
    expect(await call(app.handlers, 'tags:list', {})).toEqual([]);
  }, 60_000);

  it('leaves out codings with impossible positions or unknown codes and says which, importing the rest of the project', async () => {
    const selections = [
      '<PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" name="Only a few" startPosition="0" endPosition="10"><Coding guid="76414714-63c4-4a25-a47e-66fef80bd52e"><CodeRef targetGUID="96868d37-d832-4d19-bf5e-9bd0792ab8e2"/></Coding></PlainTextSelection>',
      '<PlainTextSelection guid="d61907b2-d0d4-48dc-b8b7-5e4f7ae5faa6" name="" startPosition="5" endPosition="99999"/>',
      '<PlainTextSelection guid="95916796-d0a0-4b49-a4b6-23cc698c89eb" name="" startPosition="12" endPosition="3"/>',
      '<PlainTextSelection guid="4691a8a0-d67c-4dcc-91d6-e9075dc230cc" name="" startPosition="-4" endPosition="3"/>',
      '<PlainTextSelection guid="3ba84074-e1af-4234-9773-1a71bb5c54de" name="words" startPosition="11" endPosition="16"><Coding guid="c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5"><CodeRef targetGUID="0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"/></Coding></PlainTextSelection>',
    ].join('');
    const codes =
      '<CodeBook><Codes><Code guid="96868d37-d832-4d19-bf5e-9bd0792ab8e2" name="Torture" isCodable="true"/></Codes></CodeBook>';
    const file = write('offsets.qdpx', { 'project.qde': strToU8(project(codes + source(selections))) });
    const summary = await call(app.handlers, 'documents:import', { paths: [file] });
    expect(summary.failed).toEqual([]);
    expect(summary.notes).toEqual([
      'offsets.qdpx: 2 passages from 2 codings; 2 verified against their quote.',
      'offsets.qdpx: 4 coding(s) left out: “Short” 5–99999: outside the text (length 22); “Short” 12–3: outside the text (length 22); “Short” -4–3: outside the text (length 22); “Short” 11–16: its code 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d is not in the codebook',
    ]);
  });

  it('codes the whole text for a coding placed on the source itself', async () => {
    const codes =
      '<CodeBook><Codes><Code guid="96868d37-d832-4d19-bf5e-9bd0792ab8e2" name="Interview" isCodable="true"/></Codes></CodeBook>';
    const whole =
      '<Coding guid="76414714-63c4-4a25-a47e-66fef80bd52e"><CodeRef targetGUID="96868d37-d832-4d19-bf5e-9bd0792ab8e2"/></Coding>';
    const file = write('whole.qdpx', {
      'project.qde': strToU8(
        project(
          codes +
            '<Sources><TextSource guid="c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5" name="Whole"><PlainTextContent>All of this text is one interview.</PlainTextContent>' +
            whole +
            '</TextSource></Sources>',
        ),
      ),
    });
    const summary = await call(app.handlers, 'documents:import', { paths: [file] });
    expect(summary.notes).toEqual(['whole.qdpx: 1 passage from 1 coding; 0 verified against their quote, 1 of a whole source.']);
    const doc = summary.imported[0]!;
    const passages = await call(app.handlers, 'passages:list', { documentId: doc.id });
    expect(passages.map((p) => p.exact)).toEqual(['All of this text is one interview.']);
  });

  it('never reads a source text from outside the project (a plainTextPath climbing out, or an absolute file)', async () => {
    const climbing =
      '<Sources><TextSource guid="a2b94468-80a5-412f-92d6-e900d97b55a6" name="Climbing" plainTextPath="internal://../../etc/passwd"/><TextSource guid="4691a8a0-d67c-4dcc-91d6-e9075dc230cc" name="Absolute" plainTextPath="file:///etc/passwd"/></Sources>';
    const file = write('paths.qdpx', { 'project.qde': strToU8(project(climbing)) });
    const summary = await call(app.handlers, 'documents:import', { paths: [file] });
    expect(summary.imported).toEqual([]);
    expect(summary.failed.map((f) => f.message)).toEqual([
      'paths.qdpx: the text of “Climbing” is not in the project (internal://../../etc/passwd).',
      'paths.qdpx: the text of “Absolute” is not in the project (file:///etc/passwd).',
    ]);
  });

  it('imports the same project twice without storing anything twice', async () => {
    const file = path.join(dir, 'twice.qdpx');
    writeFileSync(file, buildQdpx('qualcoder').bytes);
    const other = openApp(path.join(dir, 'twice'));
    try {
      await call(other.handlers, 'documents:import', { paths: [file] });
      const count = () =>
        other.workspace.db
          .prepare(
            'SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM passages) AS p, (SELECT count(*) FROM tags) AS t',
          )
          .get();
      const first = count();
      const again = await call(other.handlers, 'documents:import', { paths: [file] });
      expect(again.duplicates.map((d) => d.existingTitle).sort()).toEqual(['Report of the lawyer', 'Testimony of A.']);
      expect(count()).toEqual(first);
    } finally {
      await other.close();
    }
  });
});
