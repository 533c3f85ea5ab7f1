/**
 * Analysis tables (issue 21, item 3): code co-occurrence and code-by-document / code-by-attribute
 * matrices, and the passages behind each cell. A tag counts its own passages here (not its
 * subtags'), so a row and its subtag's row never count one passage twice.
 *
 * Co-occurrence of tags A and B (A ≠ B), by the unit the user chooses:
 * - overlap: the number of passages carrying both, plus the number of pairs of distinct passages
 *   that overlap in the text with A on one and B on the other (each pair once);
 * - paragraph: the number of paragraphs (blocks of the canonical text) holding a passage with A and
 *   one with B (a passage belongs to every paragraph it touches);
 * - document: the number of documents with a passage tagged A and one tagged B.
 * The diagonal is A's own count in the same unit: passages, paragraphs or documents with A.
 */
import type { PassageView, Block } from '../../shared/domain.ts';
import type { AnalysisMatrix, CooccurrenceUnit, MatrixTag } from '../../shared/qda.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Database } from '../store/database.ts';
import { listPassageViews } from '../store/passages-repo.ts';
import { listTags } from '../store/tags-repo.ts';
import { getAttribute } from './attributes.ts';

interface Coded {
  id: string;
  doc: string;
  start: number;
  end: number;
  tags: string[];
}

/** The tags the table shows: those given, or every tag with passages of its own, in codebook order. */
function rowTags(db: Database, tagIds: readonly string[] | undefined): MatrixTag[] {
  const tags = listTags(db);
  const wanted = tagIds?.length ? new Set(tagIds) : undefined;
  return tags.filter((t) => (wanted ? wanted.has(t.id) : t.ownPassageCount > 0)).map(({ id, name, color }) => ({ id, name, color }));
}

function codedPassages(db: Database, tagIds: Set<string>): Coded[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.document_id AS doc, p.start, p.end, group_concat(pt.tag_id, ',') AS tags
       FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id
       GROUP BY p.id ORDER BY p.document_id, p.start, p.id`,
    )
    .all() as { id: string; doc: string; start: number; end: number; tags: string }[];
  return rows.map((r) => ({ ...r, tags: r.tags.split(',').filter((t) => tagIds.has(t)) })).filter((p) => p.tags.length > 0);
}

const overlaps = (a: Coded, b: Coded) => a.doc === b.doc && a.start < b.end && b.start < a.end;

/** The units of co-occurrence: each a set of passages and, per pair of tags, whether it joins them. */
interface Unit {
  passages: Coded[];
  /** Tag pairs this unit counts for, as "a\u0000b" with a < b, and the tags it counts on the diagonal. */
  pairs: Set<string>;
  tags: Set<string>;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function pairsWithin(tags: Iterable<string>, into: Set<string>): void {
  const list = [...new Set(tags)];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) into.add(pairKey(list[i]!, list[j]!));
}

function blocksOf(db: Database, documentIds: Iterable<string>): Map<string, Block[]> {
  const statement = db.prepare('SELECT blocks, length(text) AS n FROM documents WHERE id = ?');
  const out = new Map<string, Block[]>();
  for (const id of documentIds) {
    const row = statement.get(id) as { blocks: string; n: number } | undefined;
    const blocks = row ? (JSON.parse(row.blocks) as Block[]) : [];
    out.set(id, blocks.length ? blocks : [{ kind: 'paragraph', start: 0, end: row?.n ?? 0 }]);
  }
  return out;
}

function units(db: Database, passages: Coded[], unit: CooccurrenceUnit): Unit[] {
  const out: Unit[] = [];
  if (unit === 'overlap') {
    for (const p of passages) {
      const pairs = new Set<string>();
      pairsWithin(p.tags, pairs);
      out.push({ passages: [p], pairs, tags: new Set(p.tags) });
    }
    // Passages come in document and start order: a later passage overlaps p only while it starts before p ends.
    for (let i = 0; i < passages.length; i++) {
      const p = passages[i]!;
      for (let j = i + 1; j < passages.length && passages[j]!.doc === p.doc && passages[j]!.start < p.end; j++) {
        const q = passages[j]!;
        if (!overlaps(p, q)) continue;
        const pairs = new Set<string>();
        for (const a of p.tags) for (const b of q.tags) if (a !== b) pairs.add(pairKey(a, b));
        if (pairs.size) out.push({ passages: [p, q], pairs, tags: new Set() });
      }
    }
    return out;
  }
  const groups = new Map<string, Coded[]>();
  const add = (key: string, p: Coded) => groups.set(key, [...(groups.get(key) ?? []), p]);
  if (unit === 'document') for (const p of passages) add(p.doc, p);
  else {
    const blocks = blocksOf(db, new Set(passages.map((p) => p.doc)));
    for (const p of passages) {
      (blocks.get(p.doc) ?? []).forEach((b, i) => {
        if (p.start < b.end && b.start < p.end) add(`${p.doc}#${i}`, p);
      });
    }
  }
  for (const group of groups.values()) {
    const tags = new Set(group.flatMap((p) => p.tags));
    const pairs = new Set<string>();
    pairsWithin(tags, pairs);
    out.push({ passages: group, pairs, tags });
  }
  return out;
}

export function cooccurrenceMatrix(db: Database, input: { unit: CooccurrenceUnit; tagIds?: readonly string[] | undefined }): AnalysisMatrix {
  const rows = rowTags(db, input.tagIds);
  const index = new Map(rows.map((t, i) => [t.id, i]));
  const counts = rows.map(() => rows.map(() => 0));
  for (const u of units(db, codedPassages(db, new Set(index.keys())), input.unit)) {
    for (const tag of u.tags) counts[index.get(tag)!]![index.get(tag)!]!++;
    for (const key of u.pairs) {
      const [a, b] = key.split('\u0000') as [string, string];
      const i = index.get(a)!;
      const j = index.get(b)!;
      counts[i]![j]!++;
      counts[j]![i]!++;
    }
  }
  let max = 0;
  counts.forEach((row, i) => row.forEach((n, j) => i !== j && n > max && (max = n)));
  return { kind: 'cooccurrence', unit: input.unit, rows, columns: rows.map((t) => ({ key: t.id, label: t.name })), counts, max };
}

const maxOf = (counts: number[][]) => Math.max(0, ...counts.flat());

export function codeByDocumentMatrix(db: Database, input: { tagIds?: readonly string[] | undefined }): AnalysisMatrix {
  const rows = rowTags(db, input.tagIds);
  const index = new Map(rows.map((t, i) => [t.id, i]));
  const passages = codedPassages(db, new Set(index.keys()));
  const docs = db
    .prepare('SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY title COLLATE NOCASE, id')
    .all(JSON.stringify([...new Set(passages.map((p) => p.doc))])) as { id: string; title: string }[];
  const column = new Map(docs.map((d, i) => [d.id, i]));
  const counts = rows.map(() => docs.map(() => 0));
  for (const p of passages) for (const t of p.tags) counts[index.get(t)!]![column.get(p.doc)!]!++;
  return { kind: 'document', rows, columns: docs.map((d) => ({ key: d.id, label: d.title })), counts, max: maxOf(counts) };
}

/** Passages of each tag in the documents having each value of an attribute (choices in their order, numbers by size). */
export function codeByAttributeMatrix(db: Database, input: { attributeId: string; tagIds?: readonly string[] | undefined }): AnalysisMatrix {
  const attribute = getAttribute(db, input.attributeId);
  const rows = rowTags(db, input.tagIds);
  const index = new Map(rows.map((t, i) => [t.id, i]));
  const valueOf = new Map(
    (db.prepare('SELECT document_id AS d, value FROM document_attributes WHERE attribute_id = ?').all(attribute.id) as { d: string; value: string }[]).map((r) => [r.d, r.value]),
  );
  const used = [...new Set(valueOf.values())];
  const values =
    attribute.type === 'choice'
      ? attribute.choices.filter((c) => used.includes(c))
      : used.sort((a, b) => (attribute.type === 'number' ? Number(a) - Number(b) : a.localeCompare(b)));
  const column = new Map(values.map((v, i) => [v, i]));
  const counts = rows.map(() => values.map(() => 0));
  for (const p of codedPassages(db, new Set(index.keys()))) {
    const value = valueOf.get(p.doc);
    if (value === undefined) continue;
    for (const t of p.tags) counts[index.get(t)!]![column.get(value)!]!++;
  }
  return { kind: 'attribute', rows, columns: values.map((v) => ({ key: v, label: v })), counts, max: maxOf(counts) };
}

export interface CellQuery {
  kind: 'cooccurrence' | 'document' | 'attribute';
  rowTagId: string;
  /** A tag id (co-occurrence), a document id, or an attribute value. */
  column: string;
  unit?: CooccurrenceUnit | undefined;
  attributeId?: string | undefined;
}

/** The passages a cell counts: those with the row's tag (and, for co-occurrence, the column's) in the cell's units. */
export function cellPassages(db: Database, cell: CellQuery): PassageView[] {
  const ids = new Set<string>();
  if (cell.kind === 'cooccurrence') {
    const wanted = new Set([cell.rowTagId, cell.column]);
    const diagonal = cell.rowTagId === cell.column;
    for (const u of units(db, codedPassages(db, wanted), cell.unit ?? 'overlap')) {
      const counts = diagonal ? u.tags.has(cell.rowTagId) : u.pairs.has(pairKey(cell.rowTagId, cell.column));
      if (counts) for (const p of u.passages) ids.add(p.id);
    }
  } else {
    let documents: Set<string>;
    if (cell.kind === 'document') documents = new Set([cell.column]);
    else {
      if (!cell.attributeId) throw new DossierError('BAD_INPUT', 'A code-by-attribute cell needs its attribute.');
      const rows = db.prepare('SELECT document_id AS d FROM document_attributes WHERE attribute_id = ? AND value = ?').all(cell.attributeId, cell.column) as { d: string }[];
      documents = new Set(rows.map((r) => r.d));
    }
    for (const p of codedPassages(db, new Set([cell.rowTagId]))) if (documents.has(p.doc)) ids.add(p.id);
  }
  return listPassageViews(db, ['p.id IN (SELECT value FROM json_each(?))'], [JSON.stringify([...ids])]);
}

/** A matrix as CSV: a header of column labels, then a row per tag (UTF-8 with a BOM for spreadsheets). */
export function matrixCsv(matrix: AnalysisMatrix, csvCell: (value: string) => string): string {
  const first = matrix.kind === 'cooccurrence' ? `tag \\ tag (${matrix.unit})` : matrix.kind === 'document' ? 'tag \\ document' : 'tag \\ value';
  const lines = [[first, ...matrix.columns.map((c) => c.label)].map(csvCell).join(',')];
  matrix.rows.forEach((row, i) => lines.push([row.name, ...matrix.counts[i]!.map(String)].map(csvCell).join(',')));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
