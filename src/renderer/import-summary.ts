import type { ImportSummary } from '../shared/domain.ts';

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
