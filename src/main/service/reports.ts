/** The report channels (issue 6): builder CRUD, preview with redaction review, and exports. */
import { readFile } from 'node:fs/promises';
import type { ParsedInput } from '../../shared/contract.ts';
import { DossierError } from '../../shared/errors.ts';
import { mergeReportSettings, type RedactionRules, type Report } from '../../shared/reports.ts';
import { exportReport, EXTENSIONS } from '../reports/export.ts';
import type { PdfPrinter } from '../reports/print-options.ts';
import { redactReport, suggestedExportName } from '../reports/redact-report.ts';
import { parseTermsFile } from '../reports/redaction.ts';
import { renderReportHtml } from '../reports/render-html.ts';
import { loadReportData } from '../reports/report-data.ts';
import {
  deleteReport,
  getReport,
  insertReport,
  listReports,
  newSection,
  normaliseSettings,
  updateReport,
} from '../reports/reports-repo.ts';
import { safeOutputPath, writeExport } from '../reports/write-export.ts';
import { transaction, type Database } from '../store/database.ts';
import { nowIso } from '../store/ids.ts';
import { listTags } from '../store/tags-repo.ts';
import { sectionPassageIds } from './passages.ts';
import { recordExport } from '../custody/events.ts';
import { TIMELINE_FORMATS, withTimeline } from './report-timeline.ts';

export interface ReportServiceDeps {
  db: Database;
  printPdf?: PdfPrinter | undefined;
  /** Shows a save dialog with a suggested name; absent where there is no window (CLI). */
  pickSavePath?: ((suggestedName: string) => Promise<string | null>) | undefined;
}

function need(db: Database, id: string): Report {
  const report = getReport(db, id);
  if (!report) throw new DossierError('NOT_FOUND', 'That report no longer exists.');
  return report;
}

function rulesFor(report: Report, override: ParsedInput<'reports:export'>['redact'], fileTerms: string[]): RedactionRules {
  const base = report.settings.redaction;
  if (!override && !fileTerms.length) return base;
  return {
    emails: override?.emails ?? base.emails,
    phones: override?.phones ?? base.phones,
    terms: [...(override?.terms ?? base.terms), ...fileTerms],
    keep: base.keep,
  };
}

/** Today as YYYY-MM-DD in the user's own time zone (a report written in the evening is dated that day). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function reportHandlers(deps: ReportServiceDeps) {
  const { db } = deps;
  return {
    'reports:list': () => listReports(db),
    'reports:get': ({ id }: ParsedInput<'reports:get'>) => need(db, id),
    'reports:create': (input: ParsedInput<'reports:create'>) =>
      transaction(db, () => {
        // One section per chosen tag, in codebook order whatever order they were given in.
        const chosen = new Set(input.fromTagIds ?? []);
        const tags = listTags(db);
        for (const tagId of chosen) {
          if (!tags.some((t) => t.id === tagId)) throw new DossierError('NOT_FOUND', 'One of the chosen tags no longer exists.');
        }
        const sections = tags
          .filter((t) => chosen.has(t.id))
          .map((t) => newSection(t.name, sectionPassageIds(db, t.id, chosen)));
        // A new report is dated today unless told otherwise (issue 14); null leaves it undated.
        const reportDate = input.reportDate === undefined ? localToday() : input.reportDate;
        return insertReport(db, { ...input, reportDate, body: { sections }, settings: mergeReportSettings(normaliseSettings(undefined), input.settings) });
      }),
    'reports:update': ({ id, ...patch }: ParsedInput<'reports:update'>) => {
      need(db, id);
      return updateReport(db, id, patch)!;
    },
    'reports:addPassages': ({ id, passageIds, sectionId }: ParsedInput<'reports:addPassages'>) => {
      const report = need(db, id);
      const sections = report.body.sections.map((s) => ({ ...s, items: [...s.items] }));
      let target = sectionId ? sections.find((s) => s.id === sectionId) : sections.at(-1);
      if (sectionId && !target) throw new DossierError('NOT_FOUND', 'That section is no longer in the report.');
      if (!target) {
        target = newSection('Evidence');
        sections.push(target);
      }
      const present = new Set(target.items.map((i) => i.passageId));
      const fresh = newSection('', [...new Set(passageIds)].filter((p) => !present.has(p))).items;
      target.items.push(...fresh);
      return updateReport(db, id, { body: { sections } })!;
    },
    'reports:delete': ({ id }: ParsedInput<'reports:delete'>) => ({ deleted: deleteReport(db, id) }),
    'reports:preview': ({ id, settings }: ParsedInput<'reports:preview'>) => {
      const stored = need(db, id);
      const report = { ...stored, settings: mergeReportSettings(stored.settings, settings) };
      const redacted = redactReport(report, withTimeline(db, report, loadReportData(db, report)), report.settings.redaction);
      return { html: renderReportHtml(redacted.report, redacted.data), hits: redacted.hits };
    },
    'reports:export': async (input: ParsedInput<'reports:export'>) => {
      const stored = need(db, input.id);
      // Issue 18: the CLI's --timeline includes the timeline section in this export only.
      const report = input.timeline ? { ...stored, settings: mergeReportSettings(stored.settings, { timeline: input.timeline }) } : stored;
      const extension = EXTENSIONS[input.format];
      const fileTerms = input.termsFile ? parseTermsFile(await readTerms(input.termsFile)) : [];
      const rules = rulesFor(report, input.redact, fileTerms);
      // Read before the save dialog: a timeline filter naming no entity is said before a file is chosen.
      const quoted = loadReportData(db, report);
      const data = TIMELINE_FORMATS.includes(input.format) ? withTimeline(db, report, quoted) : quoted;
      let out = input.path;
      let confirmed: string | null = null;
      if (!out) {
        if (!deps.pickSavePath) throw new DossierError('FORBIDDEN', 'There is no window to show a save dialog in; give a path.');
        const picked = await deps.pickSavePath(suggestedExportName(report, input.format, rules));
        if (!picked) return { path: null, bytes: 0, redacted: 0, kept: 0 };
        out = picked;
        confirmed = picked;
      }
      const file = safeOutputPath(out, extension);
      // The save dialog has asked whether to replace that very file (issue 14): replacing it is
      // what the user chose. A name the sanitiser changed was not confirmed, so it is not replaced.
      const force = input.force ?? (confirmed !== null && file === confirmed);
      if (input.format === 'pdf' && !deps.printPdf) throw new DossierError('FORBIDDEN', 'PDF printing is not available here.');
      const result = await exportReport(report, data, input.format, { rules, printPdf: deps.printPdf, now: nowIso() });
      await writeExport(file, result.bytes, { force, hint: confirmed === null ? 'cli' : 'app' });
      recordExport(db, { format: input.format, reportId: report.id, title: report.title, documentIds: Object.keys(data.documents) }, [{ path: file, bytes: result.bytes }]);
      return {
        path: file,
        bytes: result.bytes.byteLength,
        redacted: result.hits.filter((h) => h.redact).length,
        kept: result.hits.filter((h) => !h.redact).length,
      };
    },
  };
}

async function readTerms(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new DossierError('NOT_FOUND', `The terms file ${file} cannot be read.`);
  }
}
