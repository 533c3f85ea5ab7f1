/** The CLI's report commands (issue 6): `report create`, `report list`, `export`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../shared/errors.ts';
import { CITATION_STYLES, EXPORT_FORMATS, type CitationStyle, type ReportSummary } from '../shared/reports.ts';
import { call } from '../main/dispatch.ts';
import type { Handlers } from '../main/service.ts';
import type { PdfPrinter } from '../main/reports/print-options.ts';
import { verifyAnnotations } from '../main/reports/verify-export.ts';

export interface ReportValues {
  title?: string | undefined;
  subtitle?: string | undefined;
  'author-line'?: string | undefined;
  date?: string | undefined;
  'from-tags'?: string | undefined;
  style?: string | undefined;
  /** Shared with search's repeatable --format filter, so the last one given counts here. */
  format?: string[] | undefined;
  out?: string | undefined;
  redact?: string | undefined;
  'redact-terms'?: string | undefined;
  force?: boolean | undefined;
  timeline?: boolean | undefined;
  tag?: string[] | undefined;
  entity?: string[] | undefined;
}

/** Loads the Chromium printer only when a PDF is asked for, so other commands start fast. */
export const lazyChromiumPrinter: PdfPrinter = async (html, options) => {
  const { createChromiumPrinter } = await import('../main/reports/pdf-chromium.ts');
  return createChromiumPrinter()(html, options);
};

const need = (value: string | undefined, what: string) => {
  if (!value) throw new DossierError('BAD_INPUT', `Missing ${what}.`);
  return value;
};

function formatReports(reports: ReportSummary[]): string {
  if (!reports.length) return 'No reports yet. Create one with: dossier report create --title T --from-tags A,B';
  return reports.map((r) => `${r.id}  ${r.title}\n    ${r.sectionCount} section(s), ${r.itemCount} quote(s), updated ${r.updatedAt.slice(0, 16).replace('T', ' ')}`).join('\n');
}

/** Parses `--redact emails,phones` (or `none`) into the export's override. */
export function parseRedact(value: string | undefined): { emails: boolean; phones: boolean } | undefined {
  if (value === undefined) return undefined;
  const kinds = value.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
  const known = ['emails', 'phones', 'none'];
  const bad = kinds.find((k) => !known.includes(k));
  if (bad) throw new DossierError('BAD_INPUT', `--redact takes emails, phones or none, not "${bad}".`);
  return { emails: kinds.includes('emails'), phones: kinds.includes('phones') };
}

/**
 * Issue 18: `--timeline [--tag T] [--entity E]` as the export's timeline option. Whenever the export
 * carries the timeline (by the flag or the report's own setting) the documents not yet read for
 * entities are read first: the CLI has no background job.
 */
async function timelineOption(h: Handlers, reportId: string, values: ReportValues) {
  if (!values.timeline && (values.tag?.length || values.entity?.length)) throw new DossierError('BAD_INPUT', '--tag and --entity limit the timeline section: give --timeline too.');
  const included = values.timeline || (await call(h, 'reports:get', { id: reportId })).settings.timeline.include;
  if (included) await call(h, 'entities:extract', { wait: true });
  if (!values.timeline) return undefined;
  const tags = values.tag?.length ? await call(h, 'tags:list', {}) : [];
  const tagIds = (values.tag ?? []).map((name) => {
    const tag = tags.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
    if (!tag) throw new DossierError('NOT_FOUND', `There is no tag named "${name}".`);
    return tag.id;
  });
  return { include: true, tagIds, entities: values.entity ?? [] };
}

export async function runReportCommand(
  h: Handlers,
  command: string,
  args: string[],
  values: ReportValues,
): Promise<{ json: unknown; text: string; exitCode?: number } | undefined> {
  if (command === 'report') {
    const sub = args[0];
    if (sub === 'list') {
      const reports = await call(h, 'reports:list', {});
      return { json: { reports }, text: formatReports(reports) };
    }
    if (sub === 'create') {
      const tags = await call(h, 'tags:list', {});
      const names = (values['from-tags'] ?? '').split(',').map((n) => n.trim()).filter(Boolean);
      const fromTagIds = names.map((name) => {
        const tag = tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
        if (!tag) throw new DossierError('NOT_FOUND', `There is no tag named "${name}".`);
        return tag.id;
      });
      if (values.style && !(CITATION_STYLES as readonly string[]).includes(values.style)) {
        throw new DossierError('BAD_INPUT', `--style is one of ${CITATION_STYLES.join(', ')}.`);
      }
      let report = await call(h, 'reports:create', {
        title: need(values.title, '--title T'),
        ...(values.subtitle ? { subtitle: values.subtitle } : {}),
        ...(values['author-line'] ? { authorLine: values['author-line'] } : {}),
        ...(values.date ? { reportDate: values.date } : {}),
        fromTagIds,
      });
      if (values.style) report = await call(h, 'reports:update', { id: report.id, settings: { citationStyle: values.style as CitationStyle } });
      return { json: report, text: `Created report "${report.title}" [${report.id}] with ${report.itemCount} quote(s) in ${report.sectionCount} section(s).` };
    }
    throw new DossierError('BAD_INPUT', 'Use "report create" or "report list".');
  }
  if (command === 'verify-export') {
    const file = need(args[0], 'the JSON export to check (dossier verify-export FILE.json)');
    // Issue 21: the reading formats carry the verification appendix for a person, not selectors to check.
    const reading = /\.(docx|pdf|html?|md)$/i.exec(file)?.[1];
    if (reading) {
      throw new DossierError(
        'BAD_INPUT',
        `${path.basename(file)} is a ${reading.toUpperCase()} export; verify-export checks a report's JSON export (dossier export REPORT_ID --format json). The ${reading.toUpperCase()}'s verification appendix gives the same positions and context for checking by hand.`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      throw new DossierError('BAD_INPUT', `${path.basename(file)} cannot be read as JSON.`);
    }
    const documents = [];
    for (const summary of await call(h, 'documents:list', {})) {
      const doc = await call(h, 'documents:get', { id: summary.id });
      documents.push({ id: doc.id, title: doc.title, text: doc.text, contentHash: doc.contentHash });
    }
    const checks = verifyAnnotations(json, documents, path.basename(file));
    const failed = checks.filter((c) => !c.ok).length;
    const lines = checks.map((c) => `  quote ${c.n}: ${c.ok ? 'OK, ' : 'NOT FOUND: '}${c.message}`);
    const head = failed ? `${failed} of ${checks.length} quote(s) could not be verified:` : `All ${checks.length} quote(s) verified:`;
    return { json: { ok: failed === 0, checks }, text: [head, ...lines].join('\n'), exitCode: failed ? 4 : 0 };
  }
  if (command === 'export') {
    const id = need(args[0], 'a report id');
    const format = need(values.format?.at(-1), '--format');
    const formats: readonly string[] = [...EXPORT_FORMATS, 'redaction-log'];
    if (!formats.includes(format)) throw new DossierError('BAD_INPUT', `--format is one of ${formats.join(', ')}.`);
    const redact = parseRedact(values.redact);
    const timeline = await timelineOption(h, id, values);
    const result = await call(h, 'reports:export', {
      id,
      format: format as (typeof EXPORT_FORMATS)[number],
      path: need(values.out, '--out FILE'),
      force: values.force ?? false,
      ...(redact ? { redact } : {}),
      ...(values['redact-terms'] ? { termsFile: values['redact-terms'] } : {}),
      ...(timeline ? { timeline } : {}),
    });
    const redactions = result.redacted || result.kept ? ` (${result.redacted} redacted, ${result.kept} kept)` : '';
    return { json: result, text: `Wrote ${result.path} (${result.bytes} bytes)${redactions}.` };
  }
  return undefined;
}
