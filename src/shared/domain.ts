/** Domain types shared by main, preload, renderer and CLI. Pure TypeScript: no Node, no DOM. */
import type { AttributeFacet, AttributeFilter } from './qda.ts';

export const DOCUMENT_FORMATS = ['txt', 'md', 'html', 'pdf', 'docx', 'eml', 'mbox', 'image'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'list-item';

/** A structural block of a document's canonical text: [start, end) in UTF-16 code units. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level 1–6, for headings only. */
  level?: number;
}

export interface DocumentSummary {
  id: string;
  title: string;
  source: string | null;
  author: string | null;
  url: string | null;
  /** ISO 8601 date (YYYY-MM-DD) or date-time, as far as it is known. */
  publishedAt: string | null;
  /** BCP 47 code, e.g. "en", "zh", "ug", "kk", "ru"; null when unknown. */
  language: string | null;
  format: DocumentFormat;
  originalName: string;
  originalHash: string;
  byteSize: number;
  importedAt: string;
  /** Reasons the import needs a human look (uncertain encoding, untrusted metadata…). */
  reviewFlags: string[];
  passageCount: number;
}

export interface DocumentFull extends DocumentSummary {
  text: string;
  /** SHA-256 of `text`: what a verification appendix proves a quote against. */
  contentHash: string;
  blocks: Block[];
  /** PDF only: the offset in `text` at which each page starts. */
  pageStarts: number[] | null;
  meta: Record<string, unknown>;
  /** HTML only: the sanitised article, for the read-only "original" view. */
  originalHtml: string | null;
}

export interface Tag {
  id: string;
  name: string;
  parentId: string | null;
  color: string;
  description: string;
  /** Distinct passages carrying this tag or one of its subtags. */
  passageCount: number;
  /** Passages carrying this tag itself (issue 14). */
  ownPassageCount: number;
}

export interface Passage {
  id: string;
  documentId: string;
  start: number;
  end: number;
  /** W3C TextQuoteSelector: the quoted text and up to 32 characters of context each side. */
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  tagIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** A passage with what a list needs to show it without another round trip. */
export interface PassageView extends Passage {
  /** Issue 21: the researcher who coded it; null for passages from before researcher names (shown as "unknown"). */
  author: string | null;
  documentTitle: string;
  documentPublishedAt: string | null;
}

export interface ImportedItem {
  id: string;
  path: string;
  title: string;
}

export interface ImportSummary {
  imported: ImportedItem[];
  duplicates: { path: string; existingId: string; existingTitle: string }[];
  failed: { path: string; code: string; message: string }[];
  /** Entries of a folder that were not imported, and why (links, FIFOs, devices, unreadable or unsupported files: issue 13). */
  skipped: SkippedEntry[];
  /** Issue 19: what a web capture held beyond the pages imported ("3 pages imported; 12 other records kept in the original"). */
  notes?: string[];
}

export interface SkippedEntry {
  path: string;
  reason: string;
}

export interface ImportProgress {
  done: number;
  total: number;
  currentFile: string;
  /** While a scan is recognised (issue 16): pages done and in all. */
  page?: number;
  pages?: number;
}

export interface Snippet {
  text: string;
  /** [start, end) ranges inside `text` to mark. */
  highlights: [number, number][];
  /** Offset of `text` in the document, so a click can open the reader there. */
  offset: number;
}

export interface SearchHit {
  documentId: string;
  title: string;
  score: number;
  snippets: Snippet[];
  source: string | null;
  publishedAt: string | null;
  language: string | null;
  format: DocumentFormat;
  /** Tagged passages inside this document (the first few), so the hit shows the coding already done. */
  passages?: { id: string; start: number; end: number; exact: string; tagIds: string[] }[];
  /** Issue 15: per query word, the words of the text it matched ("matched ئىنسانلار for ئىنسان"). */
  matched?: MatchedForms[];
}

/** The words of a document's text that one query word matched (other forms, scripts, alias names). */
export interface MatchedForms {
  /** The query word(s) as typed. */
  query: string;
  forms: string[];
}

/** Names the user declares to be one person or place (issue 15). */
export interface AliasGroup {
  id: string;
  label: string;
  names: string[];
}

export interface SearchFilters {
  tagIds?: string[];
  languages?: string[];
  formats?: DocumentFormat[];
  sources?: string[];
  /** Inclusive ISO dates (YYYY-MM-DD) on publishedAt. */
  dateFrom?: string;
  dateTo?: string;
  /** Issue 21: document attributes; each must hold. */
  attributes?: AttributeFilter[];
  /** Issue 18: documents that mention each of these entities (ids). */
  entityIds?: string[];
}

export interface FacetCount {
  value: string;
  /** What to show: a tag's name for tag facets, the value itself otherwise. */
  label: string;
  count: number;
}

export interface SearchFacets {
  tag: FacetCount[];
  language: FacetCount[];
  source: FacetCount[];
  year: FacetCount[];
  format: FacetCount[];
  /** Issue 21: per document attribute, the matching documents' values. */
  attributes?: AttributeFacet[];
  /** Issue 18: people, places, organisations and facilities named in the matching documents. */
  entity?: EntityFacetCount[];
}

/** An entity facet: the entity's id as value, its label, its type. */
export interface EntityFacetCount extends FacetCount {
  type: 'person' | 'place' | 'org' | 'facility';
}

export interface SearchResponse {
  query: string;
  total: number;
  results: SearchHit[];
  /** Counts over all matching documents, not only the returned page. Absent for an empty query. */
  facets?: SearchFacets;
  /** A one-line explanation when the query could not be understood; results are then empty. */
  error?: string;
  /** Issue 15: for a query that found nothing, queries that would find something (a prefix, a spelling from the index). */
  suggestions?: string[];
}

export interface WorkspaceStats {
  documents: number;
  passages: number;
  tags: number;
  reports: number;
  originalsBytes: number;
  indexedDocuments: number;
}

export interface VerifyReport {
  ok: boolean;
  documentsChecked: number;
  passagesChecked: number;
  indexedDocuments: number;
  problems: string[];
}

/** Why a backup was taken (issue 7). */
export type BackupReason = 'scheduled' | 'manual' | 'before-migration' | 'before-restore';

/** A backup of the store in the workspace's backups/ folder. */
export interface BackupInfo {
  name: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

/** What deleting documents takes with it, said before it happens (issue 14). */
export interface DeletionImpact {
  documents: { id: string; title: string }[];
  /** Passages that go with the documents. */
  passages: number;
  /** Reports quoting those passages; their quotes stay in them, marked as from a deleted source. */
  reports: { reportId: string; title: string; quotes: number }[];
}
