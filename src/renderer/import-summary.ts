import type { ImportSummary } from '../shared/domain.ts';
import { t } from './strings/t.ts';

/** Ends `text` with one full stop, unless it already ends a sentence (issue 14: "…first).." had two). */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…。！？]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The status-bar sentence after an import: how many came in, which were duplicates, why others failed. */
export function summariseImport(summary: ImportSummary): string {
  const parts = [t('import.summary', { n: summary.imported.length })];
  if (summary.duplicates.length) parts.push(t('import.duplicates', { n: summary.duplicates.length }));
  if (summary.failed.length) parts.push(t('import.failed', { n: summary.failed.length, messages: summary.failed.map((f) => endSentence(f.message)).join(' ') }));
  if (summary.skipped.length) parts.push(t('import.skipped', { n: summary.skipped.length, reasons: summary.skipped.map((s) => endSentence(s.reason)).join(' ') }));
  return endSentence(parts.join('; '));
}

/** One summary of several import calls (a drop imported file by file): every list joined in order. */
export function mergeSummaries(summaries: ImportSummary[]): ImportSummary {
  const merged: Record<string, unknown[]> = {};
  for (const summary of summaries) {
    for (const [key, value] of Object.entries(summary)) {
      if (Array.isArray(value)) merged[key] = [...(merged[key] ?? []), ...value];
    }
  }
  return { imported: [], duplicates: [], failed: [], skipped: [], ...merged } as ImportSummary;
}
