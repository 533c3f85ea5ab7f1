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
  return endSentence(parts.join('; '));
}
