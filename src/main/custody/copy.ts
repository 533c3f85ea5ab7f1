/**
 * Copying a custody log from one store into another (issue 19), for the archive import that
 * rebuilds a fresh store from an archive's rows through validation: every row is checked
 * (numbering, link to the one before, its own hash) before any is written, and rows are copied
 * byte for byte, so the chain stays valid on the new machine. The target's log must be empty.
 */
import { DossierError } from '../../shared/errors.ts';
import type { CustodyHead } from '../../shared/custody.ts';
import type { Database } from '../store/database.ts';
import { checkChain, type CustodyRow } from './chain.ts';

/** Reads and checks a source store's log; throws a sentence naming the first broken entry. */
export function readValidCustodyRows(source: Database | { prepare: Database['prepare'] }, label: string): { rows: CustodyRow[]; head: CustodyHead | null } {
  let rows: CustodyRow[];
  try {
    rows = source.prepare('SELECT seq, at, kind, document_id, researcher, app_version, details, prev_hash, hash FROM custody_log ORDER BY seq').all() as unknown as CustodyRow[];
  } catch {
    // A store from before the custody log (schema 3 or older) has none to copy.
    return { rows: [], head: null };
  }
  for (const row of rows) {
    const types = [typeof row.seq === 'number', ...[row.at, row.kind, row.app_version, row.details, row.prev_hash, row.hash].map((v) => typeof v === 'string')];
    if (types.includes(false)) throw new DossierError('PARSE_FAILED', `${label}: custody entry #${String(row.seq)} is not a custody entry Dossier wrote.`);
  }
  const check = checkChain(rows);
  if (check.problem) throw new DossierError('PARSE_FAILED', `${label}: its chain of custody is broken. ${check.problem}`);
  return { rows, head: check.head };
}

/** Checks the source's log, then appends its rows verbatim to the target's empty log (inside the caller's transaction). */
export function copyCustodyRows(source: Database | { prepare: Database['prepare'] }, target: Database, label: string): { copied: number; head: CustodyHead | null } {
  const { rows, head } = readValidCustodyRows(source, label);
  const existing = (target.prepare('SELECT count(*) AS n FROM custody_log').get() as { n: number }).n;
  if (existing > 0 && rows.length > 0) throw new DossierError('CONFLICT', `${label}: the new store already has a custody log; it cannot take another.`);
  const insert = target.prepare(
    'INSERT INTO custody_log(seq, at, kind, document_id, researcher, app_version, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of rows) insert.run(r.seq, r.at, r.kind, r.document_id, r.researcher, r.app_version, r.details, r.prev_hash, r.hash);
  return { copied: rows.length, head };
}
