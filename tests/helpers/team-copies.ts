/**
 * Two researchers' copies of one investigation (issue 21): a base investigation exported as an
 * archive, imported twice as the copies of Aigerim and Bakyt, each coded differently. Shared by the
 * merge, agreement and CLI tests.
 */
import path from 'node:path';
import { openApp, type OpenedApp } from '../../src/main/app/open-app.ts';
import { call } from '../../src/main/dispatch.ts';
import { exportArchive, importArchive } from '../../src/main/investigations/archive.ts';

export const STATEMENT =
  'Statement of a released detainee\n\nThe guards at the gate beat us every night. They took our shoes and our names. In the morning the guards counted us twice.';
export const REPORT =
  'NGO report on the camp\n\nWitnesses describe a camp near Ghulja with 3,000 detainees. Two witnesses named the commander.';
export const EXTRA = 'Second statement\n\nShe was held for nine months and beaten with a rubber baton 𝕏 during interrogation.';

const bytes = (s: string) => new TextEncoder().encode(s);
const span = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no “${quote}”`);
  return { start, end: start + quote.length };
};

export async function docId(app: OpenedApp, title: string): Promise<string> {
  const docs = await call(app.handlers, 'documents:list', {});
  return docs.find((d) => d.title === title)!.id;
}

export async function tagId(app: OpenedApp, name: string): Promise<string> {
  return (await call(app.handlers, 'tags:list', {})).find((t) => t.name === name)!.id;
}

export async function code(app: OpenedApp, title: string, text: string, quote: string, tagNames: string[], note?: string) {
  return call(app.handlers, 'passages:create', {
    documentId: await docId(app, title),
    ...span(text, quote),
    tagNames,
    ...(note ? { note } : {}),
  });
}

export function archiveOf(app: OpenedApp, outFile: string): string {
  exportArchive(app.workspace.db, { outFile, appVersion: '0.1.0-test', tmpDir: app.workspace.paths.tmpDir, force: true });
  return outFile;
}

/** The base investigation, as an archive under `root`. */
export async function baseArchive(root: string): Promise<string> {
  const base = openApp(path.join(root, 'base'));
  try {
    await call(base.handlers, 'documents:importData', {
      files: [
        { name: 'statement.txt', data: bytes(STATEMENT) },
        { name: 'report.txt', data: bytes(REPORT) },
      ],
    });
    const detention = await call(base.handlers, 'tags:create', { name: 'Detention' });
    await call(base.handlers, 'tags:create', { name: 'Conditions', parentId: detention.id });
    await call(base.handlers, 'tags:create', { name: 'Torture' });
    const statement = await docId(base, 'Statement of a released detainee');
    await call(base.handlers, 'passages:create', {
      documentId: statement,
      ...span(STATEMENT, 'took our shoes and our names'),
      tagIds: [await tagId(base, 'Conditions')],
    });
    return archiveOf(base, path.join(root, 'base.dossier'));
  } finally {
    await base.close();
  }
}

/** A copy of the base for one researcher, in its own user-data folder. */
export function copyFor(root: string, archive: string, researcher: string): OpenedApp {
  const { dir } = importArchive(archive, { userDataDir: path.join(root, `user-${researcher}`) });
  return openApp(dir, { researcher });
}

/** Aigerim's and Bakyt's copies, coded differently (overlapping spans, one shared passage edited by both, new tags, the same new document imported by both). */
export async function codedCopies(root: string): Promise<{ a: OpenedApp; b: OpenedApp }> {
  const archive = await baseArchive(root);
  const a = copyFor(root, archive, 'Aigerim');
  const b = copyFor(root, archive, 'Bakyt');
  const shared = async (app: OpenedApp) =>
    (await call(app.handlers, 'passages:list', {})).find((p) => p.exact === 'took our shoes and our names')!;

  await code(a, 'Statement of a released detainee', STATEMENT, 'The guards at the gate beat us every night.', ['Torture']);
  await call(a.handlers, 'passages:update', { id: (await shared(a)).id, note: 'Aigerim: also in the second statement' });
  await call(a.handlers, 'tags:update', { id: await tagId(a, 'Torture'), color: '#aa0000' });
  await code(a, 'NGO report on the camp', REPORT, 'Two witnesses named the commander.', ['Witnesses']);
  await call(a.handlers, 'documents:importData', { files: [{ name: 'extra.txt', data: bytes(EXTRA) }] });
  await code(a, 'Second statement', EXTRA, 'beaten with a rubber baton', ['Torture']);
  await call(a.handlers, 'reports:create', { title: 'Findings', fromTagIds: [await tagId(a, 'Torture')] });

  await code(b, 'Statement of a released detainee', STATEMENT, 'beat us every night. They took our shoes', ['Torture']);
  await call(b.handlers, 'passages:update', { id: (await shared(b)).id, note: 'Bakyt: the shoes were burnt' });
  await call(b.handlers, 'tags:update', { id: await tagId(b, 'Torture'), color: '#0000bb' });
  await code(b, 'NGO report on the camp', REPORT, 'Witnesses describe a camp near Ghulja', ['Witnesses']);
  await call(b.handlers, 'documents:importData', { files: [{ name: 'extra.txt', data: bytes(EXTRA) }] });
  await code(b, 'Second statement', EXTRA, 'beaten with a rubber baton 𝕏 during interrogation', ['Torture'], 'Bakyt: baton');
  const detention = await tagId(b, 'Detention');
  await call(b.handlers, 'tags:create', { name: 'Legal process', parentId: detention });
  return { a, b };
}
