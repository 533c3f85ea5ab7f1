/**
 * The verification appendix and the custody appendix of the DOCX export (issue 21), from the same
 * facts as the HTML/PDF ones (quote-chain.ts, custody-facts.ts), as Word tables.
 */
import { BorderStyle, HeadingLevel, Paragraph, Table, TableCell, TableRow, WidthType, type TextRun } from 'docx';
import type { Report } from '../../shared/reports.ts';
import type { Citations } from './citations.ts';
import { captureLines, CUSTODY_HEADING, CUSTODY_INTRO, custodyAppendixFacts, custodyHeadLine, custodyLines, originalHashLine, type Line } from './custody-facts.ts';
import { textRuns } from './docx-runs.ts';
import { QUOTE_CHAIN_HEADING, QUOTE_CHAIN_INTRO, QUOTE_CHAIN_WITHHELD, quoteChainRows, WITHHELD } from './quote-chain.ts';
import type { ReportData } from './report-data.ts';

export const MONO = 'Noto Sans Mono';
const SMALL = 16; // half-points: 8 pt, as the PDF's appendix
const HASH_SIZE = 14;

/** A line's runs: hashes and commands in a monospace face. */
export function lineRuns(line: Line, size = SMALL): TextRun[] {
  return line.flatMap((p) => textRuns(p.text, null, 'ltr', p.kind === 'hash' || p.kind === 'code' ? { font: MONO, size: p.kind === 'hash' ? HASH_SIZE : size } : { size }));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(lines: Line[], width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines.map((l) => new Paragraph({ spacing: { before: 0, after: 0 }, children: header ? textRuns(l.map((p) => p.text).join(''), null, 'ltr', { bold: true, size: SMALL }) : lineRuns(l) })),
  });
}

/** A table over the text width, columns in the given shares of it. */
function table(head: string[], rows: Line[][][], shares: number[], textWidth: number): Table {
  const widths = shares.map((s) => Math.round(s * textWidth));
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell([[{ text: h }]], widths[i]!, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((lines, i) => cell(lines, widths[i]!)) })),
    ],
  });
}

const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(text, null) });
const para = (line: Line) => new Paragraph({ spacing: { after: 120 }, children: lineRuns(line, 18) });
const hashOr = (label: string, value: string | null): Line => [{ text: label }, value ? { text: value, kind: 'hash' } : { text: WITHHELD }];

export function quoteChainDocx(report: Report, data: ReportData, citations: Citations, textWidth: number): (Paragraph | Table)[] {
  const { rows, withheld } = quoteChainRows(report, data, citations);
  if (!rows.length) return [];
  const body = rows.map((r): Line[][] => [
    [[{ text: String(r.n) }]],
    [
      [{ text: r.title }],
      [...hashOr('original file SHA-256: ', r.originalHash), ...(r.deleted ? [{ text: ' (deleted from the investigation)' }] : [])],
      hashOr('text SHA-256: ', r.contentHash),
    ],
    [
      [{ text: `characters ${r.start}–${r.end} (code points ${r.codePoints.start}–${r.codePoints.end})${r.place ? ` (${r.place})` : ''}` }],
      [{ text: `prefix: “${r.prefix}”` }],
      [{ text: `suffix: “${r.suffix}”` }],
      hashOr('quote SHA-256: ', r.exactSha256),
    ],
  ]);
  return [
    heading(QUOTE_CHAIN_HEADING),
    para([{ text: QUOTE_CHAIN_INTRO }]),
    ...(withheld ? [para(QUOTE_CHAIN_WITHHELD)] : []),
    table(['#', 'Source', 'Anchor'], body, [0.06, 0.44, 0.5], textWidth),
  ];
}

export function custodyDocx(data: ReportData, citations: Citations, textWidth: number): (Paragraph | Table)[] {
  const facts = custodyAppendixFacts(data, citations);
  if (!facts) return [];
  const body = facts.docs.map((doc, i): Line[][] => [[[{ text: String(i + 1) }]], [[{ text: doc.title }], originalHashLine(doc)], captureLines(doc), custodyLines(doc)]);
  return [
    heading(CUSTODY_HEADING),
    para([{ text: CUSTODY_INTRO }]),
    table(['#', 'Source', 'Capture', 'Custody'], body, [0.06, 0.3, 0.32, 0.32], textWidth),
    ...(facts.head ? [para(custodyHeadLine(facts.head))] : []),
  ];
}
