/**
 * Document attributes (issue 21, item 2): user-defined, typed (text, number, date, choice), a value
 * per document. Values are stored as text in one canonical form per type, so sorting, facets and
 * exports agree: numbers as JavaScript prints them, dates ISO 8601 at the precision typed, choices
 * spelled as the attribute defines them.
 */
import type { Attribute, AttributeTable, AttributeType } from '../../shared/qda.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Database } from '../store/database.ts';
import { transaction } from '../store/database.ts';
import { newId, nowIso } from '../store/ids.ts';
import { cleanUserText } from '../store/clean-text.ts';
import { parseTypedDate } from '../service/typed-date.ts';

export const ATTRIBUTE_VALUE_MAX = 1000;

interface AttributeRowDb {
  id: string;
  name: string;
  type: AttributeType;
  choices: string;
  position: number;
}

const toAttribute = (r: AttributeRowDb): Attribute => ({ id: r.id, name: r.name, type: r.type, choices: JSON.parse(r.choices) as string[], position: r.position });

export function listAttributes(db: Database): Attribute[] {
  return (db.prepare('SELECT id, name, type, choices, position FROM attributes ORDER BY position, name COLLATE NOCASE').all() as unknown as AttributeRowDb[]).map(
    toAttribute,
  );
}

export function getAttribute(db: Database, id: string): Attribute {
  const row = db.prepare('SELECT id, name, type, choices, position FROM attributes WHERE id = ?').get(id) as AttributeRowDb | undefined;
  if (!row) throw new DossierError('NOT_FOUND', 'That attribute no longer exists.');
  return toAttribute(row);
}

/** The attribute named `name` (case-insensitively), for the CLI. */
export function attributeByName(db: Database, name: string): Attribute {
  const row = db.prepare('SELECT id FROM attributes WHERE name = ? COLLATE NOCASE').get(name.trim()) as { id: string } | undefined;
  if (!row) throw new DossierError('NOT_FOUND', `There is no attribute named "${name}". Create it first (dossier attribute create NAME --type text|number|date|choice).`);
  return getAttribute(db, row.id);
}

const cleanName = (name: string) => {
  const clean = cleanUserText(name, { multiline: false });
  if (!clean) throw new DossierError('BAD_INPUT', 'An attribute needs a name, e.g. "Camp" or "Source reliability".');
  return clean.slice(0, 200);
};

function cleanChoices(type: AttributeType, choices: readonly string[] | undefined): string[] {
  if (type !== 'choice') return [];
  const clean: string[] = [];
  for (const c of choices ?? []) {
    const value = cleanUserText(c, { multiline: false }).slice(0, ATTRIBUTE_VALUE_MAX);
    if (value && !clean.some((x) => x.toLowerCase() === value.toLowerCase())) clean.push(value);
  }
  if (clean.length === 0) throw new DossierError('BAD_INPUT', 'A choice attribute needs its values, e.g. "reliable", "mostly reliable", "unverified".');
  return clean;
}

function unique(db: Database, name: string, except?: string) {
  const row = db.prepare('SELECT id FROM attributes WHERE name = ? COLLATE NOCASE').get(name) as { id: string } | undefined;
  if (row && row.id !== except) throw new DossierError('DUPLICATE', `There is already an attribute named "${name}".`);
}

export function createAttribute(db: Database, input: { name: string; type: AttributeType; choices?: readonly string[] | undefined }): Attribute {
  const name = cleanName(input.name);
  unique(db, name);
  const choices = cleanChoices(input.type, input.choices);
  const { n } = db.prepare('SELECT ifnull(max(position) + 1, 0) AS n FROM attributes').get() as { n: number };
  const id = newId();
  db.prepare('INSERT INTO attributes (id, name, type, choices, position, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, name, input.type, JSON.stringify(choices), n, nowIso());
  return getAttribute(db, id);
}

/** Renames an attribute or changes a choice attribute's values; values no longer among the choices are refused (say which). */
export function updateAttribute(db: Database, input: { id: string; name?: string | undefined; choices?: readonly string[] | undefined }): Attribute {
  const current = getAttribute(db, input.id);
  return transaction(db, () => {
    if (input.name !== undefined) {
      const name = cleanName(input.name);
      unique(db, name, current.id);
      db.prepare('UPDATE attributes SET name = ? WHERE id = ?').run(name, current.id);
    }
    if (input.choices !== undefined) {
      if (current.type !== 'choice') throw new DossierError('BAD_INPUT', `"${current.name}" is a ${current.type} attribute: only choice attributes have values to choose from.`);
      const choices = cleanChoices('choice', input.choices);
      const used = (db.prepare('SELECT DISTINCT value FROM document_attributes WHERE attribute_id = ?').all(current.id) as { value: string }[]).map((r) => r.value);
      const orphan = used.find((v) => !choices.includes(v));
      if (orphan !== undefined) throw new DossierError('CONFLICT', `Documents still have "${orphan}" as their ${current.name}: change them first, or keep that value.`);
      db.prepare('UPDATE attributes SET choices = ? WHERE id = ?').run(JSON.stringify(choices), current.id);
    }
    return getAttribute(db, current.id);
  });
}

export function deleteAttribute(db: Database, id: string): { deleted: boolean; values: number } {
  const { n } = db.prepare('SELECT count(*) AS n FROM document_attributes WHERE attribute_id = ?').get(id) as { n: number };
  const { changes } = db.prepare('DELETE FROM attributes WHERE id = ?').run(id);
  return { deleted: Number(changes) > 0, values: Number(n) };
}

/** The canonical stored form of `raw` for `attribute`, or a sentence saying what to type. */
export function normaliseValue(attribute: Attribute, raw: string): string {
  const text = cleanUserText(raw, { multiline: false });
  if (text.length > ATTRIBUTE_VALUE_MAX) throw new DossierError('BAD_INPUT', `A value of "${attribute.name}" has at most ${ATTRIBUTE_VALUE_MAX} characters.`);
  switch (attribute.type) {
    case 'text':
      return text;
    case 'number': {
      // A decimal comma is read as a decimal point when it is the only separator ("3,5"); thousands separators are not guessed.
      const plain = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
      if (!/^-?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(plain)) throw new DossierError('BAD_INPUT', `"${text.slice(0, 60)}" is not a number; "${attribute.name}" takes numbers such as 12 or 3.5.`);
      return String(Number(plain));
    }
    case 'date':
      return parseTypedDate(text) ?? '';
    case 'choice': {
      const choice = attribute.choices.find((c) => c.toLowerCase() === text.toLowerCase());
      if (choice === undefined) throw new DossierError('BAD_INPUT', `"${text.slice(0, 60)}" is not one of the values of "${attribute.name}": ${attribute.choices.join(', ')}.`);
      return choice;
    }
  }
}

/** Sets (or with null or '' clears) one attribute on many documents at once, in one transaction. */
export function setAttributeValues(db: Database, input: { documentIds: readonly string[]; attributeId: string; value: string | null }): { updated: number; value: string | null } {
  const attribute = getAttribute(db, input.attributeId);
  const value = input.value === null || !input.value.trim() ? null : normaliseValue(attribute, input.value);
  return transaction(db, () => {
    const exists = db.prepare('SELECT 1 FROM documents WHERE id = ?');
    const upsert = db.prepare(
      `INSERT INTO document_attributes (document_id, attribute_id, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (document_id, attribute_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const remove = db.prepare('DELETE FROM document_attributes WHERE document_id = ? AND attribute_id = ?');
    const now = nowIso();
    let updated = 0;
    for (const documentId of new Set(input.documentIds)) {
      if (!exists.get(documentId)) throw new DossierError('NOT_FOUND', `Document ${documentId} is no longer in the investigation; nothing was changed.`);
      if (value === null || value === '') remove.run(documentId, attribute.id);
      else upsert.run(documentId, attribute.id, value, now);
      updated++;
    }
    return { updated, value: value || null };
  });
}

/** Every document with its values, in title order (the library's attribute table). */
export function attributeTable(db: Database): AttributeTable {
  const attributes = listAttributes(db);
  const rows = (db.prepare('SELECT id, title, source, published_at AS publishedAt FROM documents ORDER BY title COLLATE NOCASE, id').all() as {
    id: string;
    title: string;
    source: string | null;
    publishedAt: string | null;
  }[]).map((d) => ({ documentId: d.id, title: d.title, source: d.source, publishedAt: d.publishedAt, values: {} as Record<string, string> }));
  const byId = new Map(rows.map((r) => [r.documentId, r]));
  for (const v of db.prepare('SELECT document_id AS d, attribute_id AS a, value FROM document_attributes').all() as { d: string; a: string; value: string }[]) {
    const row = byId.get(v.d);
    if (row) row.values[v.a] = v.value;
  }
  return { attributes, rows };
}

/** The values of one document, by attribute id. */
export function documentValues(db: Database, documentId: string): Record<string, string> {
  const rows = db.prepare('SELECT attribute_id AS a, value FROM document_attributes WHERE document_id = ?').all(documentId) as { a: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.a, r.value]));
}
