/** Issue 13, items 2–3, at the level of redactReport: offsets, context, hashes, a quote without its source. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_SETTINGS, type Report } from '../../../src/shared/reports.ts';
import { normalisedView, originalSpan } from '../../../src/main/reports/normalised-view.ts';
import { redactReport } from '../../../src/main/reports/redact-report.ts';
import { REDACTION_MARK } from '../../../src/main/reports/redaction.ts';
import type { QuoteData, ReportData, SourceDoc } from '../../../src/main/reports/report-data.ts';

const TEXT = 'Ask Mihri\u200Bgul on +7 701 555 7757 or li.na@proton.me now.';

function fixture(withDocument: boolean) {
  const start = TEXT.indexOf('7757');
  const end = TEXT.indexOf('@proton');
  const quote: QuoteData = {
    passageId: 'p1',
    documentId: 'd1',
    start,
    end,
    exact: TEXT.slice(start, end),
    prefix: TEXT.slice(Math.max(0, start - 32), start),
    suffix: TEXT.slice(end, end + 32),
    note: '',
    tagIds: [],
    locator: null,
    textPosition: { start, end },
    exactSha256: 'a'.repeat(64),
  };
  const doc: SourceDoc = { id: 'd1', title: 'Notes', source: null, author: null, url: null, publishedAt: null, language: 'en', format: 'txt', originalHash: 'b'.repeat(64), contentHash: 'c'.repeat(64), text: TEXT };
  const data: ReportData = { documents: withDocument ? { d1: doc } : {}, passages: { p1: quote }, tags: [] };
  const report = { id: 'r', title: 'R', subtitle: '', authorLine: '', reportDate: null, sectionCount: 1, itemCount: 1, createdAt: '', updatedAt: '', settings: DEFAULT_REPORT_SETTINGS, body: { sections: [{ id: 's', heading: '', commentary: '', items: [{ id: 'i', passageId: 'p1', commentary: '' }] }] } } as Report;
  return { report, data };
}

const rules = { emails: true, phones: true, terms: ['Mihrigul'], keep: [] };

describe('redactReport', () => {
  it('maps a match on the normalised view back to the whole original span', () => {
    const view = normalisedView(TEXT);
    const at = view.text.indexOf('mihrigul');
    const span = originalSpan(view, at, at + 'mihrigul'.length);
    expect(TEXT.slice(span.start, span.end)).toBe('Mihri\u200Bgul');
    const full = normalisedView('Call ＋８６ １０ — ６５３２');
    expect(full.text).toBe('call +86 10 - 6532');
    expect(full.starts.length).toBe(full.text.length);
  });

  it('cuts quote and context from the redacted source: a quote starting inside a number carries the whole mark', () => {
    const { report, data } = fixture(true);
    const { data: out, hits } = redactReport(report, data, rules);
    const q = out.passages.p1!;
    expect(q.exact).toBe(`${REDACTION_MARK} or ${REDACTION_MARK}`);
    expect(q.prefix).toBe(`Ask ${REDACTION_MARK} on `);
    expect(q.suffix).toBe(' now.');
    expect(JSON.stringify(out)).not.toMatch(/7757|li\.na|proton|Mihri/);
    // every hash that covers redacted text is gone
    expect(q.exactSha256).toBeNull();
    expect(out.documents.d1!.contentHash).toBeNull();
    expect(out.documents.d1!.originalHash).toBeNull();
    // the text kept for a REFI-QDA project keeps its offsets
    expect(out.documents.d1!.text).toHaveLength(TEXT.length);
    expect(hits.map((h) => [h.kind, h.where])).toEqual([
      ['term', 'context of quote 1'],
      ['phone', 'quote 1'],
      ['email', 'quote 1'],
    ]);
  });

  it('redacts a quote whose source is gone as one text with its context', () => {
    const { report, data } = fixture(false);
    const q = redactReport(report, data, rules).data.passages.p1!;
    expect(q.prefix + q.exact + q.suffix).not.toMatch(/7757|proton|Mihri/);
    expect(q.exact.startsWith(REDACTION_MARK)).toBe(true);
    expect(q.exactSha256).toBeNull();
  });

  it('keeps hashes when nothing in the source is redacted', () => {
    const { report, data } = fixture(true);
    const out = redactReport(report, data, { emails: false, phones: false, terms: ['Nobody'], keep: [] }).data;
    expect(out.documents.d1!.contentHash).toBe('c'.repeat(64));
    expect(out.passages.p1!.exactSha256).toBe('a'.repeat(64));
  });
});
