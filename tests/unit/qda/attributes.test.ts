import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { tempApps } from '../../helpers/temp-apps.ts';
import { exportArchive, importArchive } from '../../../src/main/investigations/archive.ts';
import { openApp } from '../../../src/main/app/open-app.ts';
import { codedTestimonies } from './qda-fixture.ts';

const XSD = path.resolve('tests/fixtures/refi-qda-project-1.0.xsd');

describe('document attributes (issue 21, item 2)', () => {
  const newApp = tempApps();

  async function withAttributes() {
    const app = newApp();
    const t = await codedTestimonies(app);
    const { h, docs } = t;
    const camp = await call(h, 'attributes:create', { name: 'Camp', type: 'choice', choices: ['Kashgar', 'Hotan', 'kashgar'] });
    const age = await call(h, 'attributes:create', { name: 'Age', type: 'number' });
    const detained = await call(h, 'attributes:create', { name: 'Detained from', type: 'date' });
    const county = await call(h, 'attributes:create', { name: 'County', type: 'text' });
    return { app, ...t, h, docs, camp, age, detained, county };
  }

  it('stores typed values in one canonical form and refuses values of the wrong type, naming the problem', async () => {
    const { h, docs, camp, age, detained, county } = await withAttributes();
    // Choices are de-duplicated case-insensitively.
    expect(camp.choices).toEqual(['Kashgar', 'Hotan']);
    expect((await call(h, 'attributes:set', { documentIds: [docs.a, docs.b], attributeId: camp.id, value: 'hotan' })).updated).toBe(2);
    expect((await call(h, 'attributes:set', { documentIds: [docs.a], attributeId: age.id, value: '29,5' })).value).toBe('29.5');
    expect((await call(h, 'attributes:set', { documentIds: [docs.b], attributeId: age.id, value: '41' })).value).toBe('41');
    expect((await call(h, 'attributes:set', { documentIds: [docs.a], attributeId: detained.id, value: '4 June 2018' })).value).toBe('2018-06-04');
    expect((await call(h, 'attributes:set', { documentIds: [docs.b], attributeId: detained.id, value: 'April 2017' })).value).toBe('2017-04');
    await call(h, 'attributes:set', { documentIds: [docs.a], attributeId: county.id, value: '  Qaraqash   county ' });
    await expect(call(h, 'attributes:set', { documentIds: [docs.a], attributeId: age.id, value: 'about thirty' })).rejects.toThrow('"about thirty" is not a number; "Age" takes numbers such as 12 or 3.5.');
    await expect(call(h, 'attributes:set', { documentIds: [docs.a], attributeId: camp.id, value: 'Urumqi' })).rejects.toThrow('"Urumqi" is not one of the values of "Camp": Kashgar, Hotan.');
    await expect(call(h, 'attributes:set', { documentIds: [docs.a], attributeId: detained.id, value: '31 June 2018' })).rejects.toThrow(/is not a day of the calendar|Type a date/);
    // A bulk edit naming a missing document changes nothing.
    await expect(call(h, 'attributes:set', { documentIds: [docs.a, 'gone'], attributeId: camp.id, value: 'Kashgar' })).rejects.toThrow(/no longer in the investigation; nothing was changed/);
    await expect(call(h, 'attributes:create', { name: 'camp', type: 'text' })).rejects.toThrow('There is already an attribute named "camp".');
    await expect(call(h, 'attributes:create', { name: 'Reliability', type: 'choice' })).rejects.toThrow(/needs its values/);
    const table = await call(h, 'attributes:table', {});
    const row = (id: string) => table.rows.find((r) => r.documentId === id)!.values;
    expect(row(docs.a)).toEqual({ [camp.id]: 'Hotan', [age.id]: '29.5', [detained.id]: '2018-06-04', [county.id]: 'Qaraqash county' });
    expect(row(docs.b)).toEqual({ [camp.id]: 'Hotan', [age.id]: '41', [detained.id]: '2017-04' });
    // Clearing a value; a choice in use cannot be dropped from the list.
    await call(h, 'attributes:set', { documentIds: [docs.b], attributeId: detained.id, value: '' });
    await expect(call(h, 'attributes:update', { id: camp.id, choices: ['Kashgar'] })).rejects.toThrow('Documents still have "Hotan" as their Camp');
    expect((await call(h, 'attributes:update', { id: camp.id, name: 'Camp (as named)', choices: ['Hotan', 'Kashgar', 'Aksu'] })).choices).toEqual(['Hotan', 'Kashgar', 'Aksu']);
    expect(await call(h, 'attributes:delete', { id: county.id })).toEqual({ deleted: true, values: 1 });
  });

  it('filters searches by attribute values and ranges and counts them as facets', async () => {
    const { h, docs, camp, age } = await withAttributes();
    await call(h, 'attributes:set', { documentIds: [docs.a], attributeId: camp.id, value: 'Hotan' });
    await call(h, 'attributes:set', { documentIds: [docs.b], attributeId: camp.id, value: 'Kashgar' });
    await call(h, 'attributes:set', { documentIds: [docs.a], attributeId: age.id, value: '29' });
    await call(h, 'attributes:set', { documentIds: [docs.b], attributeId: age.id, value: '41' });
    const all = await call(h, 'search:query', { query: 'detainees' });
    expect(all.total).toBe(2);
    // Facets in the choice's own order, with counts over all matches.
    expect(all.facets?.attributes).toEqual([
      { attributeId: camp.id, name: 'Camp', values: [{ value: 'Kashgar', label: 'Kashgar', count: 1 }, { value: 'Hotan', label: 'Hotan', count: 1 }] },
      { attributeId: age.id, name: 'Age', values: [{ value: '29', label: '29', count: 1 }, { value: '41', label: '41', count: 1 }] },
    ]);
    const hotan = await call(h, 'search:query', { query: 'detainees', filters: { attributes: [{ attributeId: camp.id, values: ['hotan'] }] } });
    expect(hotan.results.map((r) => r.documentId)).toEqual([docs.a]);
    // Numbers compare as numbers: 9 < 29 < 100 although "100" < "29" as text.
    const older = await call(h, 'search:query', { query: 'detainees', filters: { attributes: [{ attributeId: age.id, min: '30', max: '100' }] } });
    expect(older.results.map((r) => r.documentId)).toEqual([docs.b]);
    const none = await call(h, 'search:query', { query: 'detainees', filters: { attributes: [{ attributeId: camp.id, values: ['Hotan'] }, { attributeId: age.id, min: '30' }] } });
    expect(none.total).toBe(0);
  });

  it('exports the attribute table as CSV and as REFI-QDA variables that validate against the schema', async () => {
    const { app, h, docs, camp, age, detained, tagId } = await withAttributes();
    await call(h, 'attributes:set', { documentIds: [docs.a], attributeId: camp.id, value: 'Hotan' });
    await call(h, 'attributes:set', { documentIds: [docs.a], attributeId: age.id, value: '29.5' });
    await call(h, 'attributes:set', { documentIds: [docs.b], attributeId: age.id, value: '41' });
    await call(h, 'attributes:set', { documentIds: [docs.a], attributeId: detained.id, value: '2018-06-04' });
    await call(h, 'memos:save', { scope: 'document', targetId: docs.a, body: 'Names the guards.' });
    await call(h, 'memos:save', { scope: 'tag', targetId: tagId('Food'), body: 'Rations.' });
    await call(h, 'memos:save', { scope: 'investigation', body: 'Question: Hotan.' });
    const csvFile = path.join(app.dir, 'attributes.csv');
    await call(h, 'attributes:exportCsv', { path: csvFile });
    const lines = readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('document_id,title,Camp,Age,Detained from,County');
    expect(lines).toContain(`${docs.a},Guards beat the detainees every night.,Hotan,29.5,2018-06-04,`);
    expect(lines).toContain(`${docs.b},Detainees were beaten and starved.,,41,,`);

    const report = await call(h, 'reports:create', { title: 'Testimonies', fromTagIds: [tagId('Violence'), tagId('Food')] });
    const file = (await call(h, 'reports:export', { id: report.id, format: 'qdpx', path: path.join(app.dir, 'camps.qdpx') })).path!;
    const qde = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['project.qde']!);
    const qdeFile = path.join(app.dir, 'project.qde');
    writeFileSync(qdeFile, qde);
    execFileSync('xmllint', ['--noout', '--schema', XSD, qdeFile], { stdio: 'pipe' });
    const xml = new JSDOM(qde, { contentType: 'text/xml' }).window.document;
    const variables = new Map([...xml.querySelectorAll('Variables > Variable')].map((v) => [v.getAttribute('guid')!, `${v.getAttribute('name')}:${v.getAttribute('typeOfVariable')}`]));
    expect([...variables.values()]).toEqual(['Camp:Text', 'Age:Float', 'Detained from:Date', 'County:Text']);
    const valuesOf = (title: string) =>
      [...[...xml.querySelectorAll('TextSource')].find((s) => s.getAttribute('name') === title)!.querySelectorAll('VariableValue')].map(
        (v) => `${variables.get(v.querySelector('VariableRef')!.getAttribute('targetGUID')!)}=${v.lastElementChild!.tagName}:${v.lastElementChild!.textContent}`,
      );
    expect(valuesOf('Guards beat the detainees every night.')).toEqual(['Camp:Text=TextValue:Hotan', 'Age:Float=FloatValue:29.5', 'Detained from:Date=DateValue:2018-06-04']);
    expect(valuesOf('Detainees were beaten and starved.')).toEqual(['Age:Float=FloatValue:41']);
    // Memos are notes, referred to from their source, their code and the project.
    const notes = new Map([...xml.querySelectorAll('Notes > Note')].map((n) => [n.getAttribute('guid')!, n.querySelector('PlainTextContent')!.textContent]));
    expect([...notes.values()].sort()).toEqual(['Names the guards.', 'Question: Hotan.', 'Rations.']);
    const noteOf = (el: Element | null | undefined) => notes.get([...(el?.children ?? [])].find((c) => c.tagName === 'NoteRef')?.getAttribute('targetGUID') ?? '');
    expect(noteOf([...xml.querySelectorAll('Code')].find((c) => c.getAttribute('name') === 'Food'))).toBe('Rations.');
    expect(noteOf(xml.documentElement)).toBe('Question: Hotan.');
  });

  it('keeps memos and attributes through an investigation archive', async () => {
    const { app, h, docs, camp, tagId } = await withAttributes();
    await call(h, 'attributes:set', { documentIds: [docs.a], attributeId: camp.id, value: 'Hotan' });
    await call(h, 'memos:save', { scope: 'tag', targetId: tagId('Food'), body: '# Rations', author: 'Aynur' });
    const archive = path.join(app.dir, 'copy.dossier');
    exportArchive(app.workspace.db, { outFile: archive, appVersion: 'test', tmpDir: app.workspace.paths.tmpDir });
    const imported = importArchive(archive, { userDataDir: path.join(app.dir, 'user-data') });
    const copy = openApp(imported.dir);
    try {
      const table = await call(copy.handlers, 'attributes:table', {});
      expect(table.attributes.map((a) => `${a.name}:${a.type}:${a.choices.join('/')}`)).toEqual(['Camp:choice:Kashgar/Hotan', 'Age:number:', 'Detained from:date:', 'County:text:']);
      expect(table.rows.find((r) => r.documentId === docs.a)!.values).toEqual({ [camp.id]: 'Hotan' });
      const [memo] = await call(copy.handlers, 'memos:list', {});
      expect(memo).toMatchObject({ scope: 'tag', targetId: tagId('Food'), targetLabel: 'Food', body: '# Rations', author: 'Aynur' });
    } finally {
      await copy.close();
    }
  });

  it('refuses an archive whose attribute value is not one Dossier would store', async () => {
    const { app, h, docs, camp } = await withAttributes();
    await call(h, 'attributes:set', { documentIds: [docs.a], attributeId: camp.id, value: 'Hotan' });
    app.workspace.db.prepare("UPDATE document_attributes SET value = 'Urumqi'").run();
    const archive = path.join(app.dir, 'bad.dossier');
    exportArchive(app.workspace.db, { outFile: archive, appVersion: 'test', tmpDir: app.workspace.paths.tmpDir });
    expect(() => importArchive(archive, { userDataDir: path.join(app.dir, 'user-data') })).toThrow(
      'bad.dossier was not imported: a value of "Camp" is not one Dossier would store ("Urumqi"); the store was altered. Nothing was written.',
    );
  });
});
