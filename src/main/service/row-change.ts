/**
 * Undo and redo as row differences (issue 14). An action names the parts of the store it may change
 * (scopes: a table and a stable SQL condition); the rows are read before and after it runs, and only
 * the rows that differ are kept. Undo puts the "before" rows back, redo the "after" rows, each only
 * when those rows are still as the action left them: a change made since (the command line, another
 * window) is reported, never overwritten.
 */
import { DossierError } from '../../shared/errors.ts';
import { bumpGeneration, type Database } from '../store/database.ts';
import type { Row } from './rows.ts';

/** The tables an undoable action may change, in the order rows are written (parents first). */
const TABLES = {
  originals: ['sha256'],
  documents: ['id'],
  tags: ['id'],
  passages: ['id'],
  passage_tags: ['passage_id', 'tag_id'],
  quote_snapshots: ['passage_id'],
  // Issue 21: a deleted document's or tag's memo and attribute values come back with it on undo.
  memos: ['id'],
  document_attributes: ['document_id', 'attribute_id'],
} as const;
export type TableName = keyof typeof TABLES;
const ORDER = Object.keys(TABLES) as TableName[];

/** Rows of `table` matching `where`. The condition must pick the same rows before and after the action. */
export interface Scope {
  table: TableName;
  where: string;
  params?: (string | number)[] | undefined;
}

/** One row that the action changed: absent before (created), absent after (deleted), or both (edited). */
export interface RowDiff {
  table: TableName;
  key: Row[string][];
  before: Row | null;
  after: Row | null;
}

/** A scope over explicit ids: `column IN (the ids)`, passed as one JSON parameter so any number fits. */
export function scopeOfIds(table: TableName, column: string, ids: readonly string[]): Scope {
  return { table, where: `"${column}" IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] };
}

type State = Map<string, { table: TableName; row: Row }>;

const keyOf = (table: TableName, row: Row) => JSON.stringify([table, ...TABLES[table].map((c) => row[c] ?? null)]);

export function captureState(db: Database, scopes: readonly Scope[]): State {
  const state: State = new Map();
  for (const scope of scopes) {
    const rows = db.prepare(`SELECT * FROM ${scope.table} WHERE ${scope.where}`).all(...(scope.params ?? [])) as unknown as Row[];
    for (const row of rows) state.set(keyOf(scope.table, row), { table: scope.table, row });
  }
  return state;
}

function sameValue(a: Row[string] | undefined, b: Row[string] | undefined): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
  return a === b;
}

export function sameRow(a: Row | null | undefined, b: Row | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  const columns = Object.keys(a);
  return columns.length === Object.keys(b).length && columns.every((c) => sameValue(a[c], b[c]));
}

/** The rows that differ between two captures of the same scopes. */
export function diffStates(before: State, after: State): RowDiff[] {
  const diffs: RowDiff[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key);
    const a = after.get(key);
    if (b && a && sameRow(b.row, a.row)) continue;
    const table = (b ?? a)!.table;
    const row = (b ?? a)!.row;
    diffs.push({ table, key: TABLES[table].map((c) => row[c] ?? null), before: b?.row ?? null, after: a?.row ?? null });
  }
  return diffs;
}

/** Roughly how much memory the kept rows take, so a huge deletion can decline to keep its undo. */
export function diffBytes(diffs: readonly RowDiff[]): number {
  let bytes = 0;
  for (const d of diffs)
    for (const row of [d.before, d.after])
      for (const value of Object.values(row ?? {}))
        bytes += value instanceof Uint8Array ? value.byteLength : typeof value === 'string' ? value.length * 2 : 8;
  return bytes;
}

function readRow(db: Database, diff: RowDiff): Row | null {
  const columns = TABLES[diff.table];
  const where = columns.map((c) => `"${c}" = ?`).join(' AND ');
  return (db.prepare(`SELECT * FROM ${diff.table} WHERE ${where}`).get(...(diff.key as (string | number)[])) as Row | undefined) ?? null;
}

function upsert(db: Database, table: TableName, row: Row): void {
  const columns = Object.keys(row);
  const keys: readonly string[] = TABLES[table];
  const others = columns.filter((c) => !keys.includes(c));
  const conflict = others.length
    ? `DO UPDATE SET ${others.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`
    : 'DO NOTHING';
  db.prepare(
    `INSERT INTO ${table}(${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT(${keys.map((c) => `"${c}"`).join(', ')}) ${conflict}`,
  ).run(...columns.map((c) => row[c] ?? null));
}

/** Tags in an order where each one's parent, when it is among them, comes first. */
function parentsFirst(rows: Row[]): Row[] {
  const pending = new Map(rows.map((r) => [String(r.id), r]));
  const ordered: Row[] = [];
  while (pending.size) {
    const before = pending.size;
    for (const [id, row] of pending) {
      if (row.parent_id !== null && pending.has(String(row.parent_id))) continue;
      ordered.push(row);
      pending.delete(id);
    }
    if (pending.size === before) break; // a cycle cannot be stored; let the write fail clearly
  }
  return [...ordered, ...pending.values()];
}

/**
 * Moves the changed rows from one side of the diffs to the other: `to: 'before'` undoes, `to:
 * 'after'` redoes. Refused with CONFLICT, changing nothing, when a row is no longer as expected.
 */
export function applyDiffs(db: Database, diffs: readonly RowDiff[], to: 'before' | 'after', label: string): void {
  const expected = to === 'before' ? 'after' : 'before';
  // Quote snapshots are derived data (a report may drop one since): they follow, unchecked.
  const changedSince = diffs.filter((d) => d.table !== 'quote_snapshots' && !sameRow(readRow(db, d), d[expected]));
  if (changedSince.length) {
    throw new DossierError(
      'CONFLICT',
      `The ${label} cannot be ${to === 'before' ? 'undone' : 'redone'}: what it changed has been changed since (in another window or from the command line).`,
    );
  }
  // Writes first, parents before children; deletions last, children first, so a row moving away from
  // a deleted parent (a merge's subtags) moves before the cascade could take it.
  for (const table of ORDER) {
    const rows = diffs.filter((d) => d.table === table && d[to]).map((d) => d[to]!);
    for (const row of table === 'tags' ? parentsFirst(rows) : rows) upsert(db, table, row);
  }
  for (const table of [...ORDER].reverse()) {
    const columns = TABLES[table];
    const remove = db.prepare(`DELETE FROM ${table} WHERE ${columns.map((c) => `"${c}" = ?`).join(' AND ')}`);
    for (const d of diffs) if (d.table === table && !d[to]) remove.run(...(d.key as (string | number)[]));
  }
  if (diffs.some((d) => d.table === 'documents' || d.table === 'originals')) bumpGeneration(db);
}
