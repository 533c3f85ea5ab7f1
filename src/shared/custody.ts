/**
 * Chain of custody and capture provenance (issue 19). Pure TypeScript: main, renderer and CLI
 * share these shapes.
 */

/** Every kind of event the custody log records; each has one call site in main. */
export const CUSTODY_KINDS = [
  'import',
  'metadata-edit',
  'passage-create',
  'passage-edit',
  'passage-delete',
  'tags-apply',
  'tag-merge',
  'tag-delete',
  'document-delete',
  'undo',
  // issue 14: redo of what undo took back
  'redo',
  'export',
  'archive-export',
  'archive-import',
  'restore',
] as const;
export type CustodyKind = (typeof CUSTODY_KINDS)[number];

/** One entry of the log as stored and shown. `details` is the event's own facts. */
export interface CustodyEntry {
  seq: number;
  at: string;
  kind: CustodyKind;
  documentId: string | null;
  researcher: string | null;
  appVersion: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** The newest entry: what backups, archive manifests and the head file repeat. */
export interface CustodyHead {
  seq: number;
  hash: string;
}

export interface CustodyVerifyReport {
  ok: boolean;
  entries: number;
  head: CustodyHead | null;
  /** Sentences, the first naming the first broken entry. */
  problems: string[];
  /** What the log was compared against (the head file, the newest backup). */
  anchors: string[];
}

/**
 * What a web capture says about where and when a page was taken (issue 19), kept read-only in
 * the document's meta.capture: nothing edits it after import.
 */
export interface CaptureFacts {
  container: 'warc' | 'wacz' | 'mhtml' | 'singlefile';
  url: string | null;
  capturedAt: string | null;
  tool: string | null;
  httpStatus: number | null;
  httpHeaders: Record<string, string> | null;
  payloadDigest: string | null;
  /** WARC-Record-ID of the page's response record. */
  recordId: string | null;
  /** WACZ only: whether datapackage.json's hashes matched the files, and its signature where present. */
  wacz?: {
    hashesChecked: number;
    hashMismatches: string[];
    datapackageDigest: string | null;
    signature: { present: boolean; verified: boolean | null; software: string | null; domain: string | null; created: string | null } | null;
  };
}

/** The researcher's name is at most this long (settings and the log). */
export const RESEARCHER_NAME_MAX = 200;
