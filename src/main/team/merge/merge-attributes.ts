/**
 * Document attributes of a merge (issue 21): definitions matched by name, case-insensitively (as
 * attribute names are unique; of two spellings the first in code-point order is kept); one only the
 * other copy has is added. Two choice attributes of one
 * name keep the values of both (listed when the lists differ). Two of one name but different types
 * keep this copy's definition: the other copy's values are read as this type where they can be
 * (normaliseValue), and those that cannot are listed with the conflict, never stored wrongly.
 * Values per (document, attribute): one only the other copy has is added; both set differently keeps
 * the later edit (ties by text order, so both merge orders agree) and lists the conflict.
 */
import type { Attribute } from '../../../shared/qda.ts';
import { normaliseValue } from '../../qda/attributes.ts';
import { count, derivedId, idMap, type MergeContext, type MergeStep } from './merge-context.ts';
import { laterFirst } from './merge-memos.ts';

interface AttributeRow {
  id: string;
  name: string;
  type: Attribute['type'];
  choices: string;
  position: number;
  created_at: string;
}

interface ValueRow {
  document_id: string;
  attribute_id: string;
  value: string;
  updated_at: string;
}

const toAttribute = (r: AttributeRow): Attribute => ({
  id: r.id,
  name: r.name,
  type: r.type,
  choices: JSON.parse(r.choices) as string[],
  position: r.position,
});

function mergeDefinitions(ctx: MergeContext): Map<string, { ours: Attribute; theirs: Attribute }> {
  const ids = idMap(ctx, 'attributes');
  const pairs = new Map<string, { ours: Attribute; theirs: Attribute }>();
  const byName = ctx.target.prepare('SELECT id, name, type, choices, position, created_at FROM attributes WHERE name = ? COLLATE NOCASE');
  const idTaken = ctx.target.prepare('SELECT 1 FROM attributes WHERE id = ?');
  const insert = ctx.target.prepare('INSERT INTO attributes(id, name, type, choices, position, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const setChoices = ctx.target.prepare('UPDATE attributes SET choices = ? WHERE id = ?');
  const rows = ctx.source.prepare('SELECT id, name, type, choices, position, created_at FROM attributes ORDER BY position, id').all() as unknown as AttributeRow[];
  for (const theirs of rows) {
    const ours = byName.get(theirs.name) as AttributeRow | undefined;
    if (!ours) {
      const id = idTaken.get(theirs.id) ? derivedId('attribute', theirs.id, theirs.name) : theirs.id;
      const { n } = ctx.target.prepare('SELECT ifnull(max(position) + 1, 0) AS n FROM attributes').get() as { n: number };
      insert.run(id, theirs.name, theirs.type, theirs.choices, n, theirs.created_at);
      ids.set(theirs.id, id);
      count(ctx.added, 'attributes');
      continue;
    }
    ids.set(theirs.id, ours.id);
    // Spelled differently ("Camp", "camp"): the first in code-point order, the same whichever side is ours.
    if (theirs.name !== ours.name && theirs.name < ours.name) {
      ctx.target.prepare('UPDATE attributes SET name = ? WHERE id = ?').run(theirs.name, ours.id);
      ours.name = theirs.name;
      count(ctx.updated, 'attributes');
    }
    const [o, t] = [toAttribute(ours), toAttribute(theirs)];
    pairs.set(theirs.id, { ours: o, theirs: t });
    if (o.type !== t.type) {
      ctx.conflicts.push({
        kind: 'attribute',
        what: o.name,
        ours: `a ${o.type} attribute`,
        theirs: `a ${t.type} attribute`,
        resolution: `kept as a ${o.type} attribute; the other copy's values are read as ${o.type} values where they can be`,
      });
    } else if (o.type === 'choice') {
      const known = new Set(o.choices.map((c) => c.toLowerCase()));
      const extra = t.choices.filter((c) => !known.has(c.toLowerCase()));
      if (extra.length) {
        const union = [...o.choices, ...extra];
        setChoices.run(JSON.stringify(union), o.id);
        o.choices = union;
        count(ctx.updated, 'attributes');
        ctx.conflicts.push({
          kind: 'attribute',
          what: o.name,
          ours: o.choices.filter((c) => !extra.includes(c)).join('; '),
          theirs: t.choices.join('; '),
          resolution: `the values of both kept: ${union.join('; ')}`,
        });
      }
    }
  }
  return pairs;
}

export const mergeAttributes: MergeStep = {
  kind: 'attributes',
  run(ctx) {
    const pairs = mergeDefinitions(ctx);
    const documents = idMap(ctx, 'documents');
    const attributes = idMap(ctx, 'attributes');
    const find = ctx.target.prepare('SELECT document_id, attribute_id, value, updated_at FROM document_attributes WHERE document_id = ? AND attribute_id = ?');
    const upsert = ctx.target.prepare(
      `INSERT INTO document_attributes(document_id, attribute_id, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (document_id, attribute_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const titleOf = ctx.target.prepare('SELECT title FROM documents WHERE id = ?');
    const nameOf = ctx.target.prepare('SELECT name FROM attributes WHERE id = ?');
    const rows = ctx.source.prepare('SELECT document_id, attribute_id, value, updated_at FROM document_attributes ORDER BY document_id, attribute_id').all() as unknown as ValueRow[];
    for (const source of rows) {
      const documentId = documents.get(source.document_id);
      const attributeId = attributes.get(source.attribute_id);
      if (!documentId || !attributeId) continue;
      const what = () =>
        `${(nameOf.get(attributeId) as { name: string }).name} of “${(titleOf.get(documentId) as { title: string }).title}”`;
      let value = source.value;
      const pair = pairs.get(source.attribute_id);
      if (pair && pair.ours.type !== pair.theirs.type) {
        try {
          value = normaliseValue(pair.ours, source.value);
        } catch {
          value = '';
        }
        if (!value) {
          ctx.conflicts.push({
            kind: 'attribute',
            what: what(),
            ours: `a ${pair.ours.type} attribute`,
            theirs: source.value,
            resolution: `not stored: “${source.value}” is not a ${pair.ours.type} value; set it by hand`,
          });
          continue;
        }
      }
      const theirs: ValueRow = { document_id: documentId, attribute_id: attributeId, value, updated_at: source.updated_at };
      const ours = find.get(documentId, attributeId) as ValueRow | undefined;
      if (!ours) {
        upsert.run(documentId, attributeId, value, theirs.updated_at);
        count(ctx.added, 'attribute values');
        continue;
      }
      if (ours.value === value) continue;
      const [kept] = laterFirst(ours, theirs, (v) => v.value);
      if (kept !== ours) {
        upsert.run(documentId, attributeId, kept.value, kept.updated_at);
        count(ctx.updated, 'attribute values');
      }
      ctx.conflicts.push({
        kind: 'attribute',
        what: what(),
        ours: ours.value,
        theirs: value,
        resolution: `the later value kept: “${kept.value}”`,
      });
    }
  },
};
