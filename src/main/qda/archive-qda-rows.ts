/**
 * Memos and document attributes in an archive (issue 21), copied through the same rules as the app's
 * own writes (issue 13): typed text cleaned, limits kept, every reference pointing at a document or
 * tag copied before; a row that cannot be made valid refuses the archive.
 */
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { ATTRIBUTE_TYPES, MEMO_SCOPES } from '../../shared/qda.ts';
import { cleanUserText } from '../store/clean-text.ts';
import type { Database } from '../store/database.ts';
import { ID, parseJson, parseRow, shown, TIMESTAMP } from '../investigations/archive-row-rules.ts';
import { ArchiveProblem } from '../investigations/archive-schema.ts';
import { ATTRIBUTE_VALUE_MAX, normaliseValue } from './attributes.ts';
import { MEMO_MAX } from './memos.ts';

export const QDA_COPIED_COLUMNS = {
  memos: ['id', 'scope', 'document_id', 'tag_id', 'body', 'author', 'created_at', 'updated_at'],
  attributes: ['id', 'name', 'type', 'choices', 'position', 'created_at'],
  document_attributes: ['document_id', 'attribute_id', 'value', 'updated_at'],
} as const;

const select = (table: keyof typeof QDA_COPIED_COLUMNS) => `SELECT ${QDA_COPIED_COLUMNS[table].map((c) => `"${c}"`).join(', ')} FROM "${table}"`;

const memoRow = z.object({
  id: ID,
  scope: z.enum(MEMO_SCOPES),
  document_id: ID.nullable(),
  tag_id: ID.nullable(),
  body: z.string(),
  author: z.string().nullable(),
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});
const attributeRow = z.object({ id: ID, name: z.string(), type: z.enum(ATTRIBUTE_TYPES), choices: z.string(), position: z.number().int(), created_at: TIMESTAMP });
const valueRow = z.object({ document_id: ID, attribute_id: ID, value: z.string(), updated_at: TIMESTAMP });

/** Rows of a table an archive from before issue 21 does not have: none. */
function rowsOf(source: DatabaseSync, table: keyof typeof QDA_COPIED_COLUMNS, present: ReadonlySet<string> | ReadonlyMap<string, unknown> | undefined): unknown[] {
  if (present && !present.has(table)) return [];
  return source.prepare(select(table)).all();
}

function run(what: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    if (error instanceof ArchiveProblem) throw error;
    throw new ArchiveProblem(`${what} is stored twice or breaks a rule of the store; the store was altered.`);
  }
}

export function copyQdaRows(
  source: DatabaseSync,
  target: Database,
  refs: { documents: ReadonlySet<string>; tags: ReadonlySet<string> },
  present?: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): void {
  const insertMemo = target.prepare('INSERT INTO memos (id, scope, document_id, tag_id, body, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const raw of rowsOf(source, 'memos', present)) {
    const m = parseRow(memoRow, raw, 'a row of the memos table');
    const what = `memo ${m.id}`;
    if ((m.document_id && !refs.documents.has(m.document_id)) || (m.tag_id && !refs.tags.has(m.tag_id))) {
      throw new ArchiveProblem(`${what} is about a document or tag that is not in the store; the store was altered.`);
    }
    const body = cleanUserText(m.body, { multiline: true });
    if (body.length > MEMO_MAX) throw new ArchiveProblem(`${what} is longer than Dossier allows.`);
    const author = m.author === null ? null : cleanUserText(m.author, { multiline: false }).slice(0, 200) || null;
    run(what, () => insertMemo.run(m.id, m.scope, m.document_id, m.tag_id, body, author, m.created_at, m.updated_at));
  }
  const attributes = new Map<string, { id: string; name: string; type: (typeof ATTRIBUTE_TYPES)[number]; choices: string[]; position: number }>();
  const insertAttribute = target.prepare('INSERT INTO attributes (id, name, type, choices, position, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const raw of rowsOf(source, 'attributes', present)) {
    const a = parseRow(attributeRow, raw, 'a row of the attributes table');
    const name = cleanUserText(a.name, { multiline: false }).slice(0, 200);
    if (!name) throw new ArchiveProblem(`attribute ${a.id} has no name once cleaned; the store was altered.`);
    const what = `the attribute ${shown(name, a.id)}`;
    const choices = parseJson(z.array(z.string().max(ATTRIBUTE_VALUE_MAX)).max(500), a.choices, `the values of ${what}`).map((c) => cleanUserText(c, { multiline: false }));
    if (a.type !== 'choice' && choices.length) throw new ArchiveProblem(`${what} is not a choice attribute but has values to choose from; the store was altered.`);
    run(what, () => insertAttribute.run(a.id, name, a.type, JSON.stringify(choices), a.position, a.created_at));
    attributes.set(a.id, { id: a.id, name, type: a.type, choices, position: a.position });
  }
  const insertValue = target.prepare('INSERT INTO document_attributes (document_id, attribute_id, value, updated_at) VALUES (?, ?, ?, ?)');
  for (const raw of rowsOf(source, 'document_attributes', present)) {
    const v = parseRow(valueRow, raw, 'a row of the document attributes table');
    const attribute = attributes.get(v.attribute_id);
    if (!attribute || !refs.documents.has(v.document_id)) throw new ArchiveProblem('an attribute value points at a document or attribute that is not in the store; the store was altered.');
    let value: string;
    try {
      // The stored form must be what the app itself would store for it.
      value = normaliseValue(attribute, v.value);
    } catch {
      throw new ArchiveProblem(`a value of ${shown(attribute.name, attribute.id)} is not one Dossier would store (${shown(v.value, '')}); the store was altered.`);
    }
    if (!value) continue;
    run(`a value of ${shown(attribute.name, attribute.id)}`, () => insertValue.run(v.document_id, v.attribute_id, value, v.updated_at));
  }
}
