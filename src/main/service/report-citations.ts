/**
 * Which reports quote which passages (issue 14): a deletion says what it takes from reports, and a
 * merge never removes a passage a report cites. Report bodies are JSON; there are few reports.
 */
import type { ReportBody } from '../../shared/reports.ts';
import type { Database } from '../store/database.ts';

export interface ReportQuoting {
  reportId: string;
  title: string;
  /** How many of the report's quotes come from the passages asked about. */
  quotes: number;
}

function reportBodies(db: Database): { id: string; title: string; body: ReportBody }[] {
  const rows = db.prepare('SELECT id, title, body FROM reports ORDER BY updated_at DESC, title').all() as { id: string; title: string; body: string }[];
  return rows.map((r) => {
    const body = JSON.parse(r.body) as Partial<ReportBody>;
    return { id: r.id, title: r.title, body: { sections: Array.isArray(body.sections) ? body.sections : [] } };
  });
}

/** Every passage id some report cites. */
export function citedPassageIds(db: Database): Set<string> {
  const ids = new Set<string>();
  for (const { body } of reportBodies(db)) for (const s of body.sections) for (const i of s.items) ids.add(i.passageId);
  return ids;
}

/** The reports citing any of `passageIds`, newest first, with how many of their quotes that is. */
export function reportsQuoting(db: Database, passageIds: Iterable<string>): ReportQuoting[] {
  const wanted = new Set(passageIds);
  if (wanted.size === 0) return [];
  const out: ReportQuoting[] = [];
  for (const { id, title, body } of reportBodies(db)) {
    const quotes = body.sections.reduce((n, s) => n + s.items.filter((i) => wanted.has(i.passageId)).length, 0);
    if (quotes > 0) out.push({ reportId: id, title, quotes });
  }
  return out;
}
