/**
 * The custody log (issue 19): an append-only, hash-chained table per investigation. Every event
 * that creates or changes evidence calls appendCustody once, from one place per kind; the
 * entry carries the time, the app version, the researcher's name where set, and the hash of the
 * entry before it (chain.ts). Triggers refuse UPDATE and DELETE (migration 4), so no code path
 * of the app can change the log; the chain and the head file (head-file.ts) catch anyone else.
 */
import type { CustodyEntry, CustodyHead, CustodyKind } from '../../shared/custody.ts';
import type { Database } from '../store/database.ts';
import { canonicalJson } from './canonical-json.ts';
import { entryHash, GENESIS_HASH, rowToEntry, type CustodyRow } from './chain.ts';
import { readHeadFile, writeHeadFile } from './head-file.ts';

export interface CustodyEvent {
  kind: CustodyKind;
  documentId?: string | null | undefined;
  details: Record<string, unknown>;
}

/** Who and what wrote an entry. */
export interface CustodyActor {
  appVersion: string;
  researcherName: string | null;
}

const UNKNOWN_ACTOR: CustodyActor = { appVersion: 'unknown', researcherName: null };
/** The head file is rewritten this long after the last append, so a batch import writes it once, not per file. */
const HEAD_WRITE_DELAY_MS = 200;

interface Binding {
  actor?: (() => CustodyActor | undefined) | undefined;
  headFile?: string | undefined;
  timer?: ReturnType<typeof setTimeout> | undefined;
}

/**
 * What each open connection appends with: set where the connection is opened (openWorkspace
 * binds the head file, createService the actor). Keyed by the connection, so nothing global
 * outlives it and two investigations open in one process never mix.
 */
const bindings = new WeakMap<Database, Binding>();

function binding(db: Database): Binding {
  let found = bindings.get(db);
  if (!found) {
    found = {};
    bindings.set(db, found);
  }
  return found;
}

export function setCustodyActor(db: Database, actor: (() => CustodyActor | undefined) | undefined): void {
  binding(db).actor = actor;
}

/** Who is working on this connection now (issue 21: the author of a new passage is the custody actor's researcher). */
export function currentActor(db: Database): CustodyActor | undefined {
  return bindings.get(db)?.actor?.();
}

export function bindCustodyHeadFile(db: Database, file: string): void {
  binding(db).headFile = file;
}

export function custodyHeadFile(db: Database): string | undefined {
  return bindings.get(db)?.headFile;
}

/**
 * Appends one entry. Inside the caller's transaction when there is one (the entry commits or
 * rolls back with the change it records); otherwise in its own, so two processes appending at
 * once (the CLI beside the app) never take the same number.
 */
export function appendCustody(db: Database, event: CustodyEvent, fallbackActor?: CustodyActor): CustodyEntry {
  const own = !db.isTransaction;
  if (own) db.exec('BEGIN IMMEDIATE');
  try {
    const prev = custodyHead(db);
    // The connection's own actor (the service's, with the researcher's name) when it has one.
    const who = bindings.get(db)?.actor?.() ?? fallbackActor ?? UNKNOWN_ACTOR;
    const unhashed = {
      seq: (prev?.seq ?? 0) + 1,
      at: new Date().toISOString(),
      kind: event.kind,
      documentId: event.documentId ?? null,
      researcher: who.researcherName?.trim() || null,
      appVersion: who.appVersion,
      // Round-tripped through canonical JSON, so what is hashed is exactly what is stored and read back.
      details: JSON.parse(canonicalJson(event.details)) as Record<string, unknown>,
      prevHash: prev?.hash ?? GENESIS_HASH,
    };
    const entry: CustodyEntry = { ...unhashed, hash: entryHash(unhashed) };
    db.prepare(
      `INSERT INTO custody_log(seq, at, kind, document_id, researcher, app_version, details, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(entry.seq, entry.at, entry.kind, entry.documentId, entry.researcher, entry.appVersion, canonicalJson(entry.details), entry.prevHash, entry.hash);
    if (own) db.exec('COMMIT');
    scheduleHeadWrite(db);
    return entry;
  } catch (error) {
    if (own) db.exec('ROLLBACK');
    throw error;
  }
}

export function custodyHead(db: Database): CustodyHead | null {
  const row = db.prepare('SELECT seq, hash FROM custody_log ORDER BY seq DESC LIMIT 1').get() as CustodyHead | undefined;
  return row ? { seq: row.seq, hash: row.hash } : null;
}

export function* iterateCustodyRows(db: Database): Generator<CustodyRow> {
  for (const row of db.prepare('SELECT * FROM custody_log ORDER BY seq').iterate()) yield row as unknown as CustodyRow;
}

/** The log, newest first; of one document when asked (its import, edits, passages, exports naming it). */
export function listCustody(db: Database, filter: { documentId?: string | undefined; limit?: number | undefined } = {}): CustodyEntry[] {
  const limit = filter.limit ?? -1;
  const rows = filter.documentId
    ? db
        .prepare(
          `SELECT * FROM custody_log WHERE document_id = ?1 OR (document_id IS NULL AND json_valid(details)
             AND EXISTS (SELECT 1 FROM json_each(details, '$.documentIds') WHERE value = ?1)) ORDER BY seq DESC LIMIT ?2`,
        )
        .all(filter.documentId, limit)
    : db.prepare('SELECT * FROM custody_log ORDER BY seq DESC LIMIT ?').all(limit);
  return (rows as unknown as CustodyRow[]).map(rowToEntry);
}

/** Whether the log holds this exact entry. */
export function chainHolds(db: Database, head: CustodyHead): boolean {
  return !!db.prepare('SELECT 1 FROM custody_log WHERE seq = ? AND hash = ?').get(head.seq, head.hash);
}

/** The restore entry that says it replaced a log reaching at least `head`, if any. */
export function restoreExplaining(db: Database, head: CustodyHead): CustodyEntry | undefined {
  for (const row of db.prepare("SELECT * FROM custody_log WHERE kind = 'restore' ORDER BY seq").iterate()) {
    const entry = rowToEntry(row as unknown as CustodyRow);
    const replaced = entry.details.replacedHead as Partial<CustodyHead> | null | undefined;
    if (typeof replaced?.seq === 'number' && replaced.seq >= head.seq) return entry;
  }
  return undefined;
}

function scheduleHeadWrite(db: Database): void {
  const b = bindings.get(db);
  if (!b?.headFile || b.timer) return;
  b.timer = setTimeout(() => {
    b.timer = undefined;
    flushCustodyHead(db);
  }, HEAD_WRITE_DELAY_MS);
  b.timer.unref?.();
}

/**
 * Writes the committed head to the head file now (on close, before a restore). The file is left
 * alone when the log no longer holds the head it names and no restore explains that: it is then
 * the evidence that entries were removed, and verify reports it.
 */
export function flushCustodyHead(db: Database): void {
  const b = bindings.get(db);
  if (!b?.headFile) return;
  if (b.timer) clearTimeout(b.timer);
  b.timer = undefined;
  try {
    if (!db.isOpen) return;
    if (db.isTransaction) {
      scheduleHeadWrite(db);
      return;
    }
    const head = custodyHead(db);
    if (!head) return;
    const recorded = readHeadFile(b.headFile);
    if (recorded === 'unreadable') return;
    if (recorded && recorded.seq === head.seq && recorded.hash === head.hash) return;
    if (recorded && !chainHolds(db, recorded) && !restoreExplaining(db, recorded)) return;
    writeHeadFile(b.headFile, head);
  } catch {
    // The folder went away (a test's temporary workspace, a removed investigation): nothing to anchor.
  }
}
