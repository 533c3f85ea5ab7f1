/** Investigations (issue 8): what the registry, the session and the archive tell the UI. Pure TypeScript. */

export interface InvestigationInfo {
  id: string;
  /** The display name, also stored in the investigation's own store (store_meta 'name'). */
  name: string;
  /** The workspace folder: dossier.sqlite, index/, backups/, tmp/. */
  path: string;
  createdAt: string;
  lastOpenedAt: string | null;
  /** Built by 'investigations:createSample'. */
  sample: boolean;
  /** False when the folder was moved or removed outside Dossier: the UI offers to forget it. */
  exists: boolean;
  current: boolean;
  /** Issue 20: encrypted at rest; opening it needs its passphrase. */
  locked?: boolean;
}

export interface ArchiveManifest {
  format: 'dossier-investigation';
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  name: string;
  schemaVersion: number;
  counts: { documents: number; passages: number; tags: number; reports: number };
  entries: { name: string; size: number; sha256: string }[];
  /** Issue 19: the head of the store's custody log, repeated so a truncated log is refused at import. */
  custody?: { head: { seq: number; hash: string } | null; entries: number };
  /** Issue 20: the store entry is sealed with the investigation's data key, wrapped in `store/lock.json`; the name is not written. */
  locked?: boolean;
}

export interface ExportResult {
  path: string;
  bytes: number;
  manifest: ArchiveManifest;
}

/** A dialog the user cancelled: nothing was done. */
export interface Canceled {
  canceled: true;
}
