/** Report types shared by main, renderer and CLI (issue 6). Pure TypeScript: no Node, no DOM. */

export const CITATION_STYLES = ['footnote', 'author-date'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

// docx: issue 21, item 4 (Word export)
export const EXPORT_FORMATS = ['pdf', 'html', 'md', 'csv', 'json', 'qdpx', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const REDACTION_KINDS = ['email', 'phone', 'term'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export interface ReportItem {
  /** Stable within the report, so a redaction decision or a drag can point at it. */
  id: string;
  passageId: string;
  commentary: string;
}

export interface ReportSection {
  id: string;
  heading: string;
  commentary: string;
  items: ReportItem[];
  /** Issue 21: a memo the section quotes after its commentary. */
  memoId?: string;
}

export interface ReportBody {
  sections: ReportSection[];
}

export interface RedactionRules {
  emails: boolean;
  phones: boolean;
  /** Names and terms to redact wherever they occur (case-insensitive). */
  terms: string[];
  /** Ids of detected hits the user chose to keep visible. */
  keep: string[];
}

/**
 * Issue 18: the timeline as a section of the report (after the sections), limited as the timeline
 * view is: to the documents of the tags (with their subtags) and to events naming each entity.
 */
export interface ReportTimelineSettings {
  include: boolean;
  tagIds: string[];
  /** Entity names as typed (any spelling), each resolved when the report is rendered. */
  entities: string[];
}

export interface ReportSettings {
  citationStyle: CitationStyle;
  pageSize: PageSize;
  /** Adds the appendix with each quote's source-file SHA-256 and anchor. */
  quoteChain: boolean;
  /** Issue 19: the appendix also lists each source's capture facts and custody summary. */
  custodyAppendix: boolean;
  /** Issue 18: the timeline section. */
  timeline: ReportTimelineSettings;
  redaction: RedactionRules;
}

export interface ReportSummary {
  id: string;
  title: string;
  subtitle: string;
  authorLine: string;
  reportDate: string | null;
  sectionCount: number;
  itemCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Report extends ReportSummary {
  body: ReportBody;
  settings: ReportSettings;
}

/** One detected piece of text to redact, shown for review (keep or redact). */
export interface RedactionHit {
  /** `field@start`, stable while the text it sits in does not change. */
  id: string;
  kind: RedactionKind;
  text: string;
  /** Where it was found, in words: "quote 3 (Radio Free Asia)", "report title"… */
  where: string;
  field: string;
  start: number;
  end: number;
  /** A little text around the hit, for the review list. */
  context: string;
  redact: boolean;
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  citationStyle: 'footnote',
  pageSize: 'A4',
  quoteChain: true,
  custodyAppendix: false,
  timeline: { include: false, tagIds: [], entities: [] },
  redaction: { emails: true, phones: true, terms: [], keep: [] },
};

/** A partial change of settings; redaction rules and the timeline section merge field by field. */
export type ReportSettingsPatch = Partial<Omit<ReportSettings, 'redaction' | 'timeline'>> & {
  redaction?: Partial<RedactionRules> | undefined;
  timeline?: Partial<ReportTimelineSettings> | undefined;
};

/**
 * `current` with `patch` applied; undefined fields keep their value. The store saves with it and the
 * report editor shows a change with it at once (a checkbox that waited for the save flickered back).
 */
export function mergeReportSettings(current: ReportSettings, patch: ReportSettingsPatch | undefined): ReportSettings {
  if (!patch) return current;
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    ...current,
    ...defined({ citationStyle: patch.citationStyle, pageSize: patch.pageSize, quoteChain: patch.quoteChain, custodyAppendix: patch.custodyAppendix }),
    redaction: { ...current.redaction, ...defined(patch.redaction ?? {}) },
    timeline: { ...current.timeline, ...defined(patch.timeline ?? {}) },
  };
}
