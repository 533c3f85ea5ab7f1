/**
 * Undo and redo of tagging, codebook and document-deletion actions (issues 5 and 14). Each entry
 * holds the rows its action changed (row-change.ts); undo and redo move them back and forth in one
 * transaction. The history lives in memory with the service: it survives no restart, which is what
 * users expect of Ctrl+Z. A new action clears what could be redone.
 */
import { transaction, type Database } from '../store/database.ts';
import { applyDiffs, captureState, diffBytes, diffStates, type RowDiff, type Scope } from './row-change.ts';

export interface HistoryEntry {
  /** What undo will take back, as a sentence fragment: "deletion of tag “Torture”". */
  label: string;
  diffs: RowDiff[];
  bytes: number;
}

export interface HistoryStatus {
  undo: string | null;
  redo: string | null;
}

/** Undo kept for at most this much changed data (a deletion of thousands of documents would hold their texts). */
export const MAX_UNDO_BYTES = 256 * 1024 * 1024;

export interface History {
  /**
   * Runs `work` in one transaction and keeps its undo: the rows of `scopes` that it changed.
   * `label` names the action from its result; null (or no change at all) keeps nothing.
   */
  record<T>(scopes: Scope[] | (() => Scope[]), work: () => T, label: (result: T) => string | null): { result: T; undoable: boolean };
  undo(): string | null;
  redo(): string | null;
  status(): HistoryStatus;
}

/** Called inside the transaction of each undo and redo (the custody log records them). */
export type OnApplied = (kind: 'undo' | 'redo', label: string) => void;

export function createHistory(db: Database, onApplied: OnApplied = () => undefined, limit = 50): History {
  const done: HistoryEntry[] = [];
  const undone: HistoryEntry[] = [];
  let bytes = 0;
  const size = (e: HistoryEntry) => e.bytes;
  const push = (entry: HistoryEntry) => {
    done.push(entry);
    bytes += size(entry);
    while (done.length > limit || (bytes > MAX_UNDO_BYTES && done.length > 1)) bytes -= size(done.shift()!);
  };
  return {
    record(scopes, work, label) {
      return transaction(db, () => {
        // scopes given as a function are read inside the transaction, so no other writer slips in between
        const fixed = typeof scopes === 'function' ? scopes() : scopes;
        const before = captureState(db, fixed);
        const result = work();
        const name = label(result);
        const diffs = name === null ? [] : diffStates(before, captureState(db, fixed));
        if (name === null || diffs.length === 0) return { result, undoable: false };
        const entry = { label: name, diffs, bytes: diffBytes(diffs) };
        undone.length = 0;
        if (size(entry) > MAX_UNDO_BYTES) return { result, undoable: false };
        push(entry);
        return { result, undoable: true };
      });
    },
    undo() {
      const entry = done.pop();
      if (!entry) return null;
      bytes -= size(entry);
      // An entry that cannot be applied any more is dropped, so the ones before it stay reachable.
      transaction(db, () => (applyDiffs(db, entry.diffs, 'before', entry.label), onApplied('undo', entry.label)));
      undone.push(entry);
      return entry.label;
    },
    redo() {
      const entry = undone.pop();
      if (!entry) return null;
      transaction(db, () => (applyDiffs(db, entry.diffs, 'after', entry.label), onApplied('redo', entry.label)));
      push(entry);
      return entry.label;
    },
    status: () => ({ undo: done.at(-1)?.label ?? null, redo: undone.at(-1)?.label ?? null }),
  };
}
