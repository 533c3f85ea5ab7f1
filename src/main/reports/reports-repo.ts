import { DEFAULT_REPORT_SETTINGS, mergeReportSettings, type ReportSettingsPatch, type Report, type ReportBody, type ReportSection, type ReportSettings, type ReportSummary } from '../../shared/reports.ts';
import type { Database } from '../store/database.ts';
import { newId, nowIso } from '../store/ids.ts';

/** A row of `reports` as stored (also read by the merge of investigations, issue 21). */
export interface ReportRow {
  id: string;
  title: string;
  subtitle: string;
  author_line: string;
  report_date: string | null;
  body: string;
  settings: string;
  created_at: string;
  updated_at: string;
}

/** Settings as stored, completed with defaults so reports written by older versions still open. */
export function normaliseSettings(raw: Partial<ReportSettings> | undefined): ReportSettings {
  const redaction = { ...DEFAULT_REPORT_SETTINGS.redaction, ...(raw?.redaction ?? {}) };
  // Issue 18: reports stored before the timeline section have none.
  const timeline = { ...DEFAULT_REPORT_SETTINGS.timeline, ...(raw?.timeline ?? {}) };
  return { ...DEFAULT_REPORT_SETTINGS, ...(raw ?? {}), redaction, timeline };
}

function parseBody(json: string): ReportBody {
  const body = JSON.parse(json) as Partial<ReportBody>;
  return { sections: Array.isArray(body.sections) ? body.sections : [] };
}

function toReport(row: ReportRow): Report {
  const body = parseBody(row.body);
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    authorLine: row.author_line,
    reportDate: row.report_date,
    sectionCount: body.sections.length,
    itemCount: body.sections.reduce((n, s) => n + s.items.length, 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    body,
    settings: normaliseSettings(JSON.parse(row.settings) as Partial<ReportSettings>),
  };
}

export function newSection(heading: string, passageIds: string[] = []): ReportSection {
  return { id: newId(), heading, commentary: '', items: passageIds.map((passageId) => ({ id: newId(), passageId, commentary: '' })) };
}

export interface NewReport {
  title: string;
  subtitle?: string | undefined;
  authorLine?: string | undefined;
  reportDate?: string | null | undefined;
  body?: ReportBody | undefined;
  settings?: Partial<ReportSettings> | undefined;
}

export function insertReport(db: Database, input: NewReport): Report {
  const id = newId();
  const now = nowIso();
  db.prepare(
    `INSERT INTO reports(id, title, subtitle, author_line, report_date, body, settings, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.title,
    input.subtitle ?? '',
    input.authorLine ?? '',
    input.reportDate ?? null,
    JSON.stringify(input.body ?? { sections: [] }),
    JSON.stringify(normaliseSettings(input.settings)),
    now,
    now,
  );
  return getReport(db, id)!;
}

export function getReport(db: Database, id: string): Report | undefined {
  const row = db.prepare('SELECT * FROM reports WHERE id = ?').get(id) as ReportRow | undefined;
  return row && toReport(row);
}

/** Newest first: the report a user worked on last is the one they look for. */
export function listReports(db: Database): ReportSummary[] {
  const rows = db.prepare('SELECT * FROM reports ORDER BY updated_at DESC, title').all() as unknown as ReportRow[];
  return rows.map((row) => {
    const { body: _body, settings: _settings, ...summary } = toReport(row);
    return summary;
  });
}

export interface ReportPatch {
  title?: string | undefined;
  subtitle?: string | undefined;
  authorLine?: string | undefined;
  reportDate?: string | null | undefined;
  body?: ReportBody | undefined;
  settings?: ReportSettingsPatch | undefined;
}

export function updateReport(db: Database, id: string, patch: ReportPatch): Report | undefined {
  const current = getReport(db, id);
  if (!current) return undefined;
  const settings = mergeReportSettings(current.settings, patch.settings);
  db.prepare(
    `UPDATE reports SET title = ?, subtitle = ?, author_line = ?, report_date = ?, body = ?, settings = ?, updated_at = ? WHERE id = ?`,
  ).run(
    patch.title ?? current.title,
    patch.subtitle ?? current.subtitle,
    patch.authorLine ?? current.authorLine,
    patch.reportDate === undefined ? current.reportDate : patch.reportDate,
    JSON.stringify(patch.body ?? current.body),
    JSON.stringify(settings),
    nowIso(),
    id,
  );
  return getReport(db, id);
}

export function deleteReport(db: Database, id: string): boolean {
  return Number(db.prepare('DELETE FROM reports WHERE id = ?').run(id).changes) > 0;
}
