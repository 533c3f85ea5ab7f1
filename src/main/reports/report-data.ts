/**
 * Everything a report needs from the store, gathered once: the exporters and the HTML renderer are
 * pure functions of (report, data), so preview, HTML, PDF and the other formats agree.
 */
import { createHash } from 'node:crypto';
import type { Block } from '../../shared/domain.ts';
import { layoutOf, type PageLayout } from '../../shared/page-layout.ts';
import { locate, type Locator } from '../../shared/locator.ts';
import type { Report } from '../../shared/reports.ts';
import type { DatePrecision, EntityType, TimelineGroup } from '../../shared/entities.ts';
import type { Database } from '../store/database.ts';
import { getDocument } from '../store/documents-repo.ts';
import { getPassage } from '../store/passages-repo.ts';
import { getQuoteSnapshot, saveQuoteSnapshot } from '../store/quote-snapshots-repo.ts';
import { listTags } from '../store/tags-repo.ts';
import type { CaptureFacts } from '../../shared/custody.ts';
import { custodySummary, type CustodySummary } from '../custody/summary.ts';
import { listMemos } from '../qda/memos.ts';
import { loadQdaExportData, type QdaExportData } from '../qda/qdpx-qda.ts';

export interface SourceDoc {
  id: string;
  title: string;
  source: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
  format: string;
  /** SHA-256 of the original file's bytes, as archived; null in an export once redaction touched the source (issue 13). */
  originalHash: string | null;
  /** SHA-256 of the canonical text the offsets refer to; null in an export once redaction touched the source. */
  contentHash: string | null;
  /** The canonical text; in redacted data, with each redacted UTF-16 unit replaced by █ (offsets unchanged). */
  text: string;
  /** When the document was deleted from the investigation; its quotes are then kept snapshots and `text` is empty (issue 14). */
  deletedAt?: string | null | undefined;
  /** Issue 19: where and when a web capture was taken, as imported (read-only). */
  capture?: CaptureFacts | null | undefined;
  /** Issue 19: the source's custody log in brief, for the verification appendix. */
  custody?: CustodySummary | null | undefined;
}

export type { Locator };

export interface QuoteData {
  passageId: string;
  documentId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  tagIds: string[];
  locator: Locator | null;
  /** [start, end) in Unicode code points of the original text, as W3C's TextPositionSelector counts. */
  textPosition: { start: number; end: number };
  /** SHA-256 of the quote as stored, for the verification appendix; null once redaction changed it. */
  exactSha256: string | null;
}

export interface TagData {
  id: string;
  name: string;
  parentId: string | null;
  color: string;
  description: string;
}

export interface ReportData {
  documents: Record<string, SourceDoc>;
  passages: Record<string, QuoteData>;
  /** The whole codebook, in codebook order. */
  tags: TagData[];
  /** Issue 21: the memos sections quote, by id: what they are about (in words) and their Markdown. */
  memos?: Record<string, ReportMemo>;
  /** Issue 21: document attributes and memos for the REFI-QDA export. */
  qda?: QdaExportData;
  /** Issue 18: the timeline section, when the report includes it (its sources are in `documents`). */
  timeline?: ReportTimeline;
}

/** One dated event of the timeline section: a document's publication, or a date its text gives. */
export interface ReportTimelineEvent {
  kind: 'published' | 'mentioned';
  /** ISO 8601 at the precision the text gives: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  precision: DatePrecision;
  documentId: string;
  /** The sentence that gives the date, as offsets into the source's text (0, 0 for a publication: its title stands for it). */
  start: number;
  end: number;
  context: string;
  entities: { id: string; label: string; type: EntityType }[];
  locator: Locator | null;
}

export interface ReportTimeline {
  /** The filters as chosen: tag ids (names come from `tags`) and entity names as typed. */
  tagIds: string[];
  entities: string[];
  events: ReportTimelineEvent[];
  /** Entity and period given by two or more sources (corroboration, or contradiction, at a glance). */
  groups: TimelineGroup[];
  /** Events past the section's limit, left out. */
  omitted: number;
}

export interface ReportMemo {
  heading: string;
  body: string;
  author: string | null;
}

/** The code-point offset of UTF-16 offset `at` in `text`. */
export function codePointOffset(text: string, at: number): number {
  let n = 0;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < at) i++;
    n++;
  }
  return n;
}

/** PDF page or paragraph number: the one count the citations and the reader's margin share (src/shared/locator.ts). */
export { locate };

/** A source's text and layout, for the locators of its quotes and timeline events. */
interface LayoutEntry {
  doc: SourceDoc;
  blocks: Block[];
  pageStarts: number[] | null;
  pages: PageLayout[] | null;
}
export type Layouts = Map<string, LayoutEntry>;

/** A live document as a report's source, with its layout for locators; loaded once per report (undefined when it is gone). */
export function sourceOf(db: Database, documentId: string, layout: Layouts): LayoutEntry | undefined {
  let source = layout.get(documentId);
  if (!source) {
    const d = getDocument(db, documentId);
    if (!d) return undefined;
    const doc: SourceDoc = {
      id: d.id,
      title: d.title,
      source: d.source,
      author: d.author,
      url: d.url,
      publishedAt: d.publishedAt,
      language: d.language,
      format: d.format,
      originalHash: d.originalHash,
      contentHash: d.contentHash,
      text: d.text,
      capture: (d.meta.capture as CaptureFacts | undefined) ?? null,
      custody: custodySummary(db, d.id),
    };
    source = { doc, blocks: d.blocks, pageStarts: d.pageStarts, pages: layoutOf(d.meta) };
    layout.set(d.id, source);
  }
  return source;
}

/** A stored passage's quote and its source as a report shows them; undefined when the passage is gone. */
function liveQuote(db: Database, passageId: string, layout: Layouts) {
  const passage = getPassage(db, passageId);
  if (!passage) return undefined;
  const source = sourceOf(db, passage.documentId, layout)!;
  const quote: QuoteData = {
    passageId: passage.id,
    documentId: passage.documentId,
    start: passage.start,
    end: passage.end,
    exact: passage.exact,
    prefix: passage.prefix,
    suffix: passage.suffix,
    note: passage.note,
    tagIds: passage.tagIds,
    locator: locate(passage.start, source.blocks, source.pageStarts, source.pages),
    textPosition: { start: codePointOffset(source.doc.text, passage.start), end: codePointOffset(source.doc.text, passage.end) },
    exactSha256: createHash('sha256').update(passage.exact, 'utf8').digest('hex'),
  };
  return { quote, doc: source.doc };
}

/**
 * Keeps the quotes of `passageIds` (those reports cite) before their document is deleted: the quote,
 * its place and its source's citation fields, never the rest of the document's text (issue 14).
 */
export function snapshotQuotes(db: Database, passageIds: Iterable<string>): number {
  const layout: Layouts = new Map();
  let kept = 0;
  for (const passageId of passageIds) {
    const live = liveQuote(db, passageId, layout);
    if (!live) continue;
    // the custody summary and capture facts stay with the custody log, which outlives the document
    const { text: _text, capture: _capture, custody: _custody, ...source } = live.doc;
    saveQuoteSnapshot(db, { passageId, documentId: live.doc.id, quote: live.quote, source });
    kept++;
  }
  return kept;
}

/**
 * The data of the passages `report` cites. A passage whose document was deleted comes from its
 * snapshot, its source marked deleted; a passage deleted on its own is left out (shown as missing).
 */
export function loadReportData(db: Database, report: Report, extraPassageIds: string[] = []): ReportData {
  const wanted = new Set([...report.body.sections.flatMap((s) => s.items.map((i) => i.passageId)), ...extraPassageIds]);
  const documents: Record<string, SourceDoc> = {};
  const layout: Layouts = new Map();
  const passages: Record<string, QuoteData> = {};
  for (const passageId of wanted) {
    const live = liveQuote(db, passageId, layout);
    if (live) {
      documents[live.doc.id] = live.doc;
      passages[passageId] = live.quote;
      continue;
    }
    const kept = getQuoteSnapshot(db, passageId);
    if (!kept) continue;
    passages[passageId] = kept.quote as QuoteData;
    documents[kept.documentId] ??= { ...(kept.source as Omit<SourceDoc, 'text'>), text: '', deletedAt: kept.deletedAt };
  }
  const memos = reportMemos(db, report);
  const tags: TagData[] = listTags(db).map(({ id, name, parentId, color, description }) => ({ id, name, parentId, color, description }));
  // A passage's tags in codebook order, so every export lists them the same way every time.
  const order = new Map(tags.map((t, i) => [t.id, i]));
  for (const quote of Object.values(passages)) quote.tagIds.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const qda = loadQdaExportData(db, Object.keys(documents));
  return { documents, passages, tags, ...(memos ? { memos } : {}), qda };
}

/** The memos a report's sections quote (issue 21); a memo removed since is left out, and its section says so. */
function reportMemos(db: Database, report: Report): Record<string, ReportMemo> | undefined {
  const ids = report.body.sections.flatMap((s) => (s.memoId ? [s.memoId] : []));
  if (!ids.length) return undefined;
  const memos: Record<string, ReportMemo> = {};
  for (const memo of listMemos(db)) {
    if (!ids.includes(memo.id)) continue;
    const heading = memo.scope === 'investigation' ? 'Investigation memo' : `Memo on ${memo.scope === 'tag' ? 'the tag' : ''} ${memo.targetLabel ?? ''}`.replace(/\s+/g, ' ').trim();
    memos[memo.id] = { heading, body: memo.body, author: memo.author };
  }
  return memos;
}
