/**
 * `dossier custody verify` (issue 19): the chain checked entry by entry, then its end compared
 * with the heads kept outside the store: the head file beside it and the newest backup. The chain
 * alone shows an entry edited or removed in the middle; only an outside head shows the last
 * entries removed (ARCHITECTURE.md, Chain of custody, says what this proves and what it does not).
 */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { CustodyHead, CustodyVerifyReport } from '../../shared/custody.ts';
import { listBackups } from '../store/backup.ts';
import type { Database } from '../store/database.ts';
import { checkChain } from './chain.ts';
import { chainHolds, iterateCustodyRows, restoreExplaining } from './custody-log.ts';
import { readHeadFile } from './head-file.ts';

export interface CustodyAnchors {
  /** The investigation's head file; absent for a store opened without its folder. */
  headFile?: string | undefined;
  backupsDir?: string | undefined;
}

export function verifyCustody(db: Database, anchors: CustodyAnchors): CustodyVerifyReport {
  const chain = checkChain(iterateCustodyRows(db));
  const problems: string[] = chain.problem ? [chain.problem] : [];
  const checked: string[] = [];
  const compare = (what: string, head: CustodyHead) => {
    if (chainHolds(db, head)) {
      checked.push(`${what}: entry #${head.seq} is in the log.`);
      return;
    }
    const restore = restoreExplaining(db, head);
    if (restore) {
      checked.push(`${what}: entry #${head.seq} was replaced by the restore recorded in entry #${restore.seq}.`);
      return;
    }
    const last = chain.head ? `#${chain.head.seq}` : 'no entry';
    problems.push(
      head.seq > (chain.head?.seq ?? 0)
        ? `The log ends at ${last}, but ${what} records entry #${head.seq} (${head.hash.slice(0, 12)}…): the last entries were removed.`
        : `Custody entry #${head.seq} is not the entry ${what} records (${head.hash.slice(0, 12)}…): the log was rewritten from there on.`,
    );
  };
  if (anchors.headFile) {
    const recorded = readHeadFile(anchors.headFile);
    if (recorded === 'unreadable') problems.push(`The custody head file ${path.basename(anchors.headFile)} is damaged or was altered.`);
    else if (recorded) compare(`the head file ${path.basename(anchors.headFile)}`, recorded);
    else if (chain.head) checked.push(`There is no head file ${path.basename(anchors.headFile)} yet; it is written after the next change.`);
  }
  if (anchors.backupsDir) {
    const newest = listBackups(anchors.backupsDir)[0];
    const head = newest ? backupHead(path.join(anchors.backupsDir, newest.name)) : null;
    if (newest && head) compare(`the newest backup ${newest.name}`, head);
  }
  return { ok: problems.length === 0, entries: chain.entries, head: chain.head, problems, anchors: checked };
}

/** The head of the log inside a backup (a copy of the store), or null when it has none or cannot be read. */
export function backupHead(file: string): CustodyHead | null {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    const row = db.prepare('SELECT seq, hash FROM custody_log ORDER BY seq DESC LIMIT 1').get() as CustodyHead | undefined;
    return row ? { seq: row.seq, hash: row.hash } : null;
  } catch {
    // A backup from before the custody log, or a damaged one (the backups check says so).
    return null;
  } finally {
    db?.close();
  }
}
