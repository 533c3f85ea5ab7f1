/**
 * Inter-coder agreement (issue 21, item 7) between two researchers on one tag, over the documents
 * both of them coded (at least one passage each, any tag).
 *
 * The unit is one character: every non-whitespace character (Unicode code point) of those
 * documents is one unit, which each coder either coded with the tag (it lies inside one of their
 * passages carrying the tag itself) or did not. Whitespace is left out so that a selection that
 * takes in the space after a word, or the blank line between paragraphs, is not a disagreement.
 * On these binary units: percentage agreement, Cohen's kappa (chance agreement from each coder's own
 * rates) and Krippendorff's alpha for nominal data, two coders, no missing values (chance from the
 * pooled rates, with the small-sample correction n/(n−1)). Long documents weigh more, as in
 * character-based agreement of ATLAS.ti's "Krippendorff's family of alpha" and MAXQDA's
 * "character level" agreement.
 */
import type { AgreementCounts, AgreementReport, Disagreement } from '../../shared/team.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Database } from '../store/database.ts';
import { tagPaths } from './merge/merge-tags.ts';

export const AGREEMENT_UNIT =
  'each non-whitespace character of the documents both researchers coded is one unit, coded or not coded with the tag by each researcher';

export function researchers(db: Database): string[] {
  return (
    db.prepare('SELECT DISTINCT author FROM passages WHERE author IS NOT NULL ORDER BY author').all() as { author: string }[]
  ).map((r) => r.author);
}

/** The three figures from the four counts; null where a figure is undefined (no units, or no variation at all). */
export function agreementFigures(c: AgreementCounts): { percent: number | null; kappa: number | null; alpha: number | null } {
  const n = c.both + c.firstOnly + c.secondOnly + c.neither;
  if (n === 0) return { percent: null, kappa: null, alpha: null };
  const observed = (c.both + c.neither) / n;
  const firstYes = (c.both + c.firstOnly) / n;
  const secondYes = (c.both + c.secondOnly) / n;
  const chance = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
  const kappa = chance === 1 ? null : (observed - chance) / (1 - chance);
  // Krippendorff: the coincidence matrix has 2n values; nYes/nNo are the pooled marginals.
  const values = 2 * n;
  const nYes = 2 * c.both + c.firstOnly + c.secondOnly;
  const nNo = 2 * c.neither + c.firstOnly + c.secondOnly;
  const alpha = nYes === 0 || nNo === 0 ? null : 1 - ((values - 1) * (c.firstOnly + c.secondOnly)) / (nYes * nNo);
  return { percent: observed, kappa, alpha };
}

interface Span {
  start: number;
  end: number;
}

const isSpace = (ch: string) => /\s/u.test(ch);

export function computeAgreement(db: Database, input: { tagId: string; coders?: [string, string] | undefined }): AgreementReport {
  const tags = db
    .prepare('SELECT id, name, parent_id, color, description, position, created_at FROM tags')
    .all() as unknown as Parameters<typeof tagPaths>[0];
  const tagPath = tagPaths(tags).get(input.tagId);
  if (tagPath === undefined) throw new DossierError('NOT_FOUND', 'That tag is no longer in the codebook.');
  const names = researchers(db);
  let coders = input.coders;
  if (!coders) {
    if (names.length !== 2) {
      throw new DossierError(
        names.length < 2 ? 'BAD_INPUT' : 'AMBIGUOUS',
        names.length < 2
          ? `Agreement compares two researchers' coding; this investigation has passages by ${names.length ? `only ${names[0]}` : 'no named researcher'}. Merge a colleague's copy first.`
          : `${names.length} researchers coded here (${names.join(', ')}); say which two to compare.`,
      );
    }
    coders = [names[0]!, names[1]!];
  }
  if (coders[0] === coders[1]) throw new DossierError('BAD_INPUT', 'Choose two different researchers.');
  const documents = db
    .prepare(
      `SELECT d.id, d.title, d.text FROM documents d
       WHERE EXISTS (SELECT 1 FROM passages p WHERE p.document_id = d.id AND p.author = ?)
         AND EXISTS (SELECT 1 FROM passages p WHERE p.document_id = d.id AND p.author = ?)
       ORDER BY d.title COLLATE NOCASE, d.id`,
    )
    .all(coders[0], coders[1]) as { id: string; title: string; text: string }[];
  const spansOf = db.prepare(
    `SELECT p.start, p.end FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id
     WHERE p.document_id = ? AND p.author = ? AND pt.tag_id = ? ORDER BY p.start`,
  );
  const counts: AgreementCounts = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  const disagreements: Disagreement[] = [];
  const perDocument: AgreementReport['documents'] = [];
  for (const doc of documents) {
    const first = spansOf.all(doc.id, coders[0], input.tagId) as unknown as Span[];
    const second = spansOf.all(doc.id, coders[1], input.tagId) as unknown as Span[];
    let units = 0;
    const firstOfDocument = disagreements.length;
    for (const piece of pieces(doc.text.length, first, second)) {
      let n = 0;
      for (const ch of doc.text.slice(piece.start, piece.end)) if (!isSpace(ch)) n++;
      units += n;
      const key = piece.inFirst ? (piece.inSecond ? 'both' : 'firstOnly') : piece.inSecond ? 'secondOnly' : 'neither';
      counts[key] += n;
      if (n && piece.inFirst !== piece.inSecond) {
        const codedBy = piece.inFirst ? coders[0] : coders[1];
        const last = disagreements.at(-1);
        if (last && last.documentId === doc.id && last.end === piece.start && last.codedBy === codedBy) last.end = piece.end;
        else
          disagreements.push({
            documentId: doc.id,
            documentTitle: doc.title,
            start: piece.start,
            end: piece.end,
            text: '',
            codedBy,
            otherSpan: null,
          });
      }
    }
    perDocument.push({ id: doc.id, title: doc.title, units });
    for (const d of disagreements.slice(firstOfDocument)) {
      d.text = doc.text.slice(d.start, d.end).trim();
      const others = d.codedBy === coders[0] ? second : first;
      const distance = (s: Span) => (s.end <= d.start ? d.start - s.end : s.start >= d.end ? s.start - d.end : 0);
      const nearest = [...others].sort((x, y) => distance(x) - distance(y))[0];
      d.otherSpan = nearest ? { start: nearest.start, end: nearest.end } : null;
    }
  }
  return {
    tagId: input.tagId,
    tagPath,
    coders,
    unit: AGREEMENT_UNIT,
    documents: perDocument,
    counts,
    ...agreementFigures(counts),
    disagreements,
    researchers: names,
  };
}

/** Cuts [0, length) at every span boundary; each piece says whether each coder's spans cover it. */
function pieces(
  length: number,
  first: Span[],
  second: Span[],
): { start: number; end: number; inFirst: boolean; inSecond: boolean }[] {
  const cuts = new Set<number>([0, length]);
  for (const s of [...first, ...second]) {
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const covers = (spans: Span[], at: number) => spans.some((s) => s.start <= at && at < s.end);
  const out = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    if (end > start) out.push({ start, end, inFirst: covers(first, start), inSecond: covers(second, start) });
  }
  return out;
}

/** The disagreements as CSV (RFC 4180), with the figures on the first lines as comments a spreadsheet shows as rows. */
export function agreementCsv(report: AgreementReport, cell: (value: string) => string): string {
  const fmt = (v: number | null) => (v === null ? '' : v.toFixed(4));
  const lines = [
    [
      'tag',
      'researcher_1',
      'researcher_2',
      'percent',
      'kappa',
      'alpha',
      'units',
      'both',
      'first_only',
      'second_only',
      'neither',
    ].join(','),
    [
      report.tagPath,
      report.coders[0],
      report.coders[1],
      fmt(report.percent),
      fmt(report.kappa),
      fmt(report.alpha),
      String(report.counts.both + report.counts.firstOnly + report.counts.secondOnly + report.counts.neither),
      String(report.counts.both),
      String(report.counts.firstOnly),
      String(report.counts.secondOnly),
      String(report.counts.neither),
    ]
      .map(cell)
      .join(','),
    '',
    ['document_id', 'document_title', 'start', 'end', 'coded_by', 'text'].join(','),
    ...report.disagreements.map((d) =>
      [d.documentId, d.documentTitle, String(d.start), String(d.end), d.codedBy, d.text].map(cell).join(','),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
