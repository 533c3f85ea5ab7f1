/**
 * The hash chain of the custody log (issue 19), as pure functions over rows, so the store, the
 * archive import and a third party's script all check it the same way.
 */
import { createHash } from 'node:crypto';
import { CUSTODY_KINDS, type CustodyEntry, type CustodyHead } from '../../shared/custody.ts';
import { canonicalJson } from './canonical-json.ts';

/** The "previous hash" of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
/** Bumped only if what an entry's hash covers changes; old entries keep the version they were written with. */
export const CHAIN_VERSION = 1;

/** A row of custody_log as SQLite returns it. */
export interface CustodyRow {
  seq: number;
  at: string;
  kind: string;
  document_id: string | null;
  researcher: string | null;
  app_version: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** What an entry's hash covers: every column but the hash itself, details as canonical JSON. */
export function entryHash(entry: Omit<CustodyEntry, 'hash'>): string {
  const covered = {
    v: CHAIN_VERSION,
    seq: entry.seq,
    at: entry.at,
    kind: entry.kind,
    documentId: entry.documentId,
    researcher: entry.researcher,
    appVersion: entry.appVersion,
    details: entry.details,
    prevHash: entry.prevHash,
  };
  return createHash('sha256').update(canonicalJson(covered), 'utf8').digest('hex');
}

export function rowToEntry(row: CustodyRow): CustodyEntry {
  return {
    seq: row.seq,
    at: row.at,
    kind: row.kind as CustodyEntry['kind'],
    documentId: row.document_id,
    researcher: row.researcher,
    appVersion: row.app_version,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const HEX64 = /^[0-9a-f]{64}$/;
const KINDS = new Set<string>(CUSTODY_KINDS);

/**
 * Walks rows in seq order and returns the head, or the sentence naming the first broken entry:
 * a gap in the numbering, a "previous hash" that is not the hash of the entry before, or an
 * entry whose columns no longer give its own hash (edited after it was written).
 */
export function checkChain(rows: Iterable<CustodyRow>): { entries: number; head: CustodyHead | null; problem: string | null } {
  let prev: CustodyHead | null = null;
  let entries = 0;
  for (const row of rows) {
    entries++;
    const expectedSeq: number = (prev?.seq ?? 0) + 1;
    const label = `Custody entry #${row.seq}${KINDS.has(row.kind) ? ` (${row.kind}, ${row.at})` : ''}`;
    const broken = (why: string) => ({ entries, head: prev, problem: `${label} ${why}` });
    if (row.seq !== expectedSeq) {
      return broken(`follows #${prev?.seq ?? 0}: entry #${expectedSeq} is missing, so entries were removed from the log.`);
    }
    if (row.prev_hash !== (prev?.hash ?? GENESIS_HASH)) {
      return broken(`does not carry the hash of the entry before it: an earlier entry was removed or replaced.`);
    }
    if (!KINDS.has(row.kind) || !HEX64.test(row.hash)) return broken('is not a custody entry Dossier wrote: it was altered.');
    let entry: CustodyEntry;
    try {
      entry = rowToEntry(row);
      if (!entry.details || typeof entry.details !== 'object' || Array.isArray(entry.details)) throw new Error('details');
    } catch {
      return broken('cannot be read (its details are damaged): it was altered after it was written.');
    }
    if (entryHash(entry) !== row.hash) return broken('does not match its hash: it was changed after it was written.');
    prev = { seq: row.seq, hash: row.hash };
  }
  return { entries, head: prev, problem: null };
}
