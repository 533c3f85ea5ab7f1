/**
 * What the steps of a merge share (issue 21): both stores, the id maps from the other copy's rows
 * to this one's, and the conflicts found. A step is one row kind; memos and document attributes
 * (issue 21, items 1–2) join as one more step each, reading the maps of the steps before them.
 */
import { createHash } from 'node:crypto';
import type { MergeConflict } from '../../../shared/team.ts';
import type { Database } from '../../store/database.ts';

export interface MergeContext {
  /** The other copy (read only). */
  source: Database;
  /** The open investigation (written, inside one transaction). */
  target: Database;
  /** The other copy's id → this one's, per row kind ("documents", "tags", "passages", …). */
  ids: Record<string, Map<string, string>>;
  conflicts: MergeConflict[];
  added: Record<string, number>;
  updated: Record<string, number>;
}

export interface MergeStep {
  kind: string;
  run(ctx: MergeContext): void;
}

export function idMap(ctx: MergeContext, kind: string): Map<string, string> {
  return (ctx.ids[kind] ??= new Map());
}

export function count(into: Record<string, number>, kind: string, n = 1): void {
  into[kind] = (into[kind] ?? 0) + n;
}

/** An id for a row that must be copied under a new id, the same whichever copy is merged into which (a UUID shape). */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Settles one text field both copies hold, the same way whichever side is "ours", so merging A into
 * B and B into A agree: equal or one empty is no conflict; otherwise `join` keeps both (notes,
 * descriptions: one containing the other keeps the longer), else the first in code-point order is
 * kept and the conflict listed with both values.
 */
export function settle(ours: string, theirs: string, join: boolean): { value: string; conflict: boolean } {
  if (ours === theirs || !theirs.trim()) return { value: ours, conflict: false };
  if (!ours.trim()) return { value: theirs, conflict: false };
  if (join) {
    if (ours.includes(theirs)) return { value: ours, conflict: false };
    if (theirs.includes(ours)) return { value: theirs, conflict: false };
    const [a, b] = [ours, theirs].sort();
    return { value: `${a}\n\n${b}`, conflict: true };
  }
  return { value: [ours, theirs].sort()[0]!, conflict: true };
}
