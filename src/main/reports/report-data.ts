/**
 * Everything a report needs from the store, gathered once: the exporters and the HTML renderer are
 * pure functions of (report, data), so preview, HTML, PDF and the other formats agree.
 */
import { createHash } from 'node:crypto';
import type { Block } from '../../shared/domain.ts';
import { locate, type Locator } from '../../shared/locator.ts';
import type { Report } from '../../shared/reports.ts';
import type { Database } from '../store/database.ts';
import { getDocument } from '../store/documents-repo.ts';
import { getPassage } from '../store/passages-repo.ts';
import { listTags } from '../store/tags-repo.ts';

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

/** PDF page or paragraph number: the one count the citations and the reader's margin share (src/shared/locator.ts). */
export { locate };

/** The data of the passages `report` cites; passages deleted since are left out (the report shows them as missing). */
export function loadReportData(db: Database, report: Report, extraPassageIds: string[] = []): ReportData {
  const wanted = new Set([...report.body.sections.flatMap((s) => s.items.map((i) => i.passageId)), ...extraPassageIds]);
  const documents: Record<string, SourceDoc> = {};
  const layout = new Map<string, { blocks: Block[]; pageStarts: number[] | null }>();
  const passages: Record<string, QuoteData> = {};
  for (const passageId of wanted) {
    const passage = getPassage(db, passageId);
    if (!passage) continue;
    if (!documents[passage.documentId]) {
      const d = getDocument(db, passage.documentId)!;
      documents[d.id] = {
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
      };
      layout.set(d.id, { blocks: d.blocks, pageStarts: d.pageStarts });
    }
    const { blocks, pageStarts } = layout.get(passage.documentId)!;
    passages[passage.id] = {
      passageId: passage.id,
      documentId: passage.documentId,
      start: passage.start,
      end: passage.end,
      exact: passage.exact,
      prefix: passage.prefix,
      suffix: passage.suffix,
      note: passage.note,
      tagIds: passage.tagIds,
      locator: locate(passage.start, blocks, pageStarts),
      exactSha256: createHash('sha256').update(passage.exact, 'utf8').digest('hex'),
    };
  }
  const tags: TagData[] = listTags(db).map(({ id, name, parentId, color, description }) => ({ id, name, parentId, color, description }));
  // A passage's tags in codebook order, so every export lists them the same way every time.
  const order = new Map(tags.map((t, i) => [t.id, i]));
  for (const quote of Object.values(passages)) quote.tagIds.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { documents, passages, tags };
}
