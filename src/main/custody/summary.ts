/**
 * What a report's appendix says about a source's custody (issue 19): how many entries the log
 * holds for it, of which kinds, when and from which file it was imported, and the log's head
 * when the report was made, so a reader can ask for the log and check it against that head.
 */
import type { CustodyHead } from '../../shared/custody.ts';
import type { Database } from '../store/database.ts';
import { custodyHead, listCustody } from './custody-log.ts';

export interface CustodySummary {
  entries: number;
  /** Entries per kind, e.g. { import: 1, 'passage-create': 3 }. */
  kinds: Record<string, number>;
  importedAt: string | null;
  importedFileSha256: string | null;
  latest: { seq: number; at: string; kind: string; hash: string } | null;
  /** The whole log's head at the time of the report. */
  logHead: CustodyHead | null;
}

export function custodySummary(db: Database, documentId: string): CustodySummary {
  const entries = listCustody(db, { documentId });
  const kinds: Record<string, number> = {};
  for (const e of entries) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
  const imported = entries.findLast((e) => e.kind === 'import' || e.kind === 'archive-import');
  const file = imported?.details.file as { sha256?: unknown } | undefined;
  const latest = entries[0];
  return {
    entries: entries.length,
    kinds,
    importedAt: imported?.at ?? null,
    importedFileSha256: typeof file?.sha256 === 'string' ? file.sha256 : null,
    latest: latest ? { seq: latest.seq, at: latest.at, kind: latest.kind, hash: latest.hash } : null,
    logHead: custodyHead(db),
  };
}
