/**
 * The custody log as CSV (issue 19), oldest first, every column a verifier needs to recompute the
 * chain: details are the canonical JSON that was hashed. UTF-8 with a BOM for spreadsheets.
 */
import type { CustodyEntry } from '../../shared/custody.ts';
import { csvCell } from '../reports/redact-report.ts';
import { canonicalJson } from './canonical-json.ts';

export const CUSTODY_CSV_COLUMNS = ['seq', 'at', 'kind', 'document_id', 'researcher', 'app_version', 'details', 'prev_hash', 'hash'] as const;

export function renderCustodyCsv(entriesOldestFirst: Iterable<CustodyEntry>): string {
  const lines = [CUSTODY_CSV_COLUMNS.join(',')];
  for (const e of entriesOldestFirst) {
    lines.push(
      [String(e.seq), e.at, e.kind, e.documentId ?? '', e.researcher ?? '', e.appVersion, canonicalJson(e.details), e.prevHash, e.hash]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
