/**
 * The facts of the verification appendix (issue 6, issue 13), shared by the HTML renderer and the
 * Word export (issue 21): for each quote, the archived original's SHA-256, the canonical text's
 * SHA-256, the quote's position and context (W3C TextQuoteSelector / TextPositionSelector) and the
 * SHA-256 of the exact quote, so a third party can check it against the original. A hash that covers
 * redacted text is null here (withheld: it would let anyone test guesses of what was redacted); the
 * positions still let a verifier who holds the original check the quote (`dossier verify-export`).
 */
import type { Report } from '../../shared/reports.ts';
import { anchorLocatorText, type Citations } from './citations.ts';
import type { Line } from './custody-facts.ts';
import type { ReportData } from './report-data.ts';

export const QUOTE_CHAIN_HEADING = 'Appendix: quote verification';
export const QUOTE_CHAIN_INTRO =
  'Each quote can be checked against the archived original: the file with this SHA-256, converted to text by Dossier, has the text SHA-256 shown, and the quote sits at the given characters (UTF-16 code units; code points as W3C selectors count them), between the given context (↵ marks a line break).';
/** Why some hashes are missing and how to check anyway; shown when any is withheld. */
export const QUOTE_CHAIN_WITHHELD: Line = [
  {
    text: 'Some hashes are withheld. A hash of text that contains a redaction would let anyone test guesses of what was redacted (a name, a phone number) against it, so no hash covering redacted text is given. A verifier who holds the original can still check each quote: import the original into Dossier and run ',
  },
  { text: 'dossier verify-export', kind: 'code' },
  { text: ' on this report’s JSON export (it finds each quote at its position, with the redactions as gaps); or convert the original to text with Dossier, hash that text with SHA-256 and read the quote at the characters given.' },
];
export const WITHHELD = 'withheld (see above)';

export interface QuoteChainRow {
  n: number;
  title: string;
  originalHash: string | null;
  deleted: boolean;
  contentHash: string | null;
  /** UTF-16 offsets, then code points. */
  start: number;
  end: number;
  codePoints: { start: number; end: number };
  /** Page or paragraph, '' when unknown. */
  place: string;
  /** Context with its line breaks shown as ↵, since they are part of the anchor. */
  prefix: string;
  suffix: string;
  exactSha256: string | null;
}

const visible = (text: string) => text.replace(/\r?\n/g, '↵');

/** One row per quote in report order; `withheld` when any hash is left out. */
export function quoteChainRows(report: Report, data: ReportData, citations: Citations): { rows: QuoteChainRow[]; withheld: boolean } {
  const rows: QuoteChainRow[] = [];
  let withheld = false;
  for (const item of report.body.sections.flatMap((s) => s.items)) {
    const citation = citations.byItem.get(item.id);
    const quote = data.passages[item.passageId];
    const doc = quote && data.documents[quote.documentId];
    if (!citation || !quote || !doc) continue;
    if (!doc.originalHash || !doc.contentHash || !quote.exactSha256) withheld = true;
    rows.push({
      n: citation.n,
      title: doc.title,
      originalHash: doc.originalHash,
      deleted: !!doc.deletedAt,
      contentHash: doc.contentHash,
      start: quote.start,
      end: quote.end,
      codePoints: quote.textPosition,
      place: anchorLocatorText(quote.locator),
      prefix: visible(quote.prefix),
      suffix: visible(quote.suffix),
      exactSha256: quote.exactSha256,
    });
  }
  return { rows, withheld };
}
