/**
 * Everything a report needs from the store, gathered once: the exporters and the HTML renderer are
 * pure functions of (report, data), so preview, HTML, PDF and the other formats agree.
 */
import { createHash } from 'node:crypto';
import type { Block } from '../../shared/domain.ts';
import type { Report } from '../../shared/reports.ts';
import type { Database } from '../store/database.ts';

export interface SourceDoc {
  id: string;
  title: string;
  source: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
  format: string;
  /** SHA-256 of the original file's bytes, as archived. */
  originalHash: string;
  /** SHA-256 of the canonical text the offsets refer to. */
  contentHash: string;
  text: string;
}

export interface Locator {
  kind: 'page' | 'paragraph';
  n: number;
}

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
}

/** PDF page (from page starts) or paragraph number (the count of non-heading blocks up to the quote). */
export function locate(start: number, blocks: Block[], pageStarts: number[] | null): Locator | null {
  if (pageStarts && pageStarts.length) {
    let page = 0;
    while (page + 1 < pageStarts.length && pageStarts[page + 1]! <= start) page++;
    return { kind: 'page', n: page + 1 };
  }
  let n = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    if (block.start > start) break;
    n++;
    if (start < block.end) return { kind: 'paragraph', n };
  }
  return n > 0 ? { kind: 'paragraph', n } : null;
}

interface DocRow {
  id: string;
  title: string;
  source: string | null;
  author: string | null;
  url: string | null;
  published_at: string | null;
  language: string | null;
  format: string;
  original_hash: string;
  content_hash: string;
  text: string;
  blocks: string;
  page_starts: string | null;
}

interface PassageRow {
  id: string;
  document_id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  tag_ids: string | null;
}

/** The data of the passages `report` cites; passages deleted since are left out (the report shows them as missing). */
export function loadReportData(db: Database, report: Report, extraPassageIds: string[] = []): ReportData {
  const wanted = new Set([...report.body.sections.flatMap((s) => s.items.map((i) => i.passageId)), ...extraPassageIds]);
  const passageStatement = db.prepare(
    `SELECT p.id, p.document_id, p.start, p.end, p.exact, p.prefix, p.suffix, p.note,
       (SELECT group_concat(pt.tag_id) FROM passage_tags pt WHERE pt.passage_id = p.id) AS tag_ids
     FROM passages p WHERE p.id = ?`,
  );
  const docStatement = db.prepare(
    `SELECT id, title, source, author, url, published_at, language, format, original_hash, content_hash, text, blocks, page_starts
     FROM documents WHERE id = ?`,
  );
  const documents: Record<string, SourceDoc> = {};
  const layout = new Map<string, { blocks: Block[]; pageStarts: number[] | null }>();
  const passages: Record<string, QuoteData> = {};
  for (const passageId of wanted) {
    const row = passageStatement.get(passageId) as PassageRow | undefined;
    if (!row) continue;
    if (!documents[row.document_id]) {
      const d = docStatement.get(row.document_id) as unknown as DocRow;
      documents[d.id] = {
        id: d.id,
        title: d.title,
        source: d.source,
        author: d.author,
        url: d.url,
        publishedAt: d.published_at,
        language: d.language,
        format: d.format,
        originalHash: d.original_hash,
        contentHash: d.content_hash,
        text: d.text,
      };
      layout.set(d.id, {
        blocks: JSON.parse(d.blocks) as Block[],
        pageStarts: d.page_starts ? (JSON.parse(d.page_starts) as number[]) : null,
      });
    }
    const { blocks, pageStarts } = layout.get(row.document_id)!;
    passages[row.id] = {
      passageId: row.id,
      documentId: row.document_id,
      start: row.start,
      end: row.end,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      note: row.note,
      tagIds: row.tag_ids ? row.tag_ids.split(',') : [],
      locator: locate(row.start, blocks, pageStarts),
      exactSha256: createHash('sha256').update(row.exact, 'utf8').digest('hex'),
    };
  }
  const tags = db
    .prepare('SELECT id, name, parent_id AS parentId, color, description FROM tags ORDER BY position, name COLLATE NOCASE')
    .all() as unknown as TagData[];
  // A passage's tags in codebook order, so every export lists them the same way every time.
  const order = new Map(tags.map((t, i) => [t.id, i]));
  for (const quote of Object.values(passages)) quote.tagIds.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { documents, passages, tags };
}
