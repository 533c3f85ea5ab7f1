/** Messages between the entity job (main thread) and its extraction worker (issue 18). */
import type { AliasGroup } from '../../shared/domain.ts';
import type { FoundDate } from '../../shared/entities.ts';
import type { ExtractedMention } from './extract-entities.ts';

export interface EntityWorkerConfig {
  /** The store's file, or a locked investigation's in-memory store name (a memdb URI, issue 20). */
  databaseFile: string;
}

export interface EntityWorkerRequest {
  id: number;
  /** Sent when the user's alias groups changed since the last request (and with the first). */
  aliases?: AliasGroup[] | undefined;
  /** Documents to read from the store and extract. */
  documentIds: string[];
}

/** One document's result; a document deleted since it was chosen is absent. */
export interface DocumentExtraction {
  documentId: string;
  mentions: ExtractedMention[];
  dates: FoundDate[];
  /** Set when extraction of this document failed: it is recorded as read with nothing found. */
  error?: string | undefined;
}

export type EntityWorkerReply = { id: number; ok: true; value: DocumentExtraction[] } | { id: number; ok: false; message: string };
