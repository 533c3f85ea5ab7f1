import { createHash } from 'node:crypto';
import type { DocumentFormat } from '../../../src/shared/domain.ts';
import { transaction, type Database } from '../../../src/main/store/database.ts';
import { insertDocument } from '../../../src/main/store/documents-repo.ts';
import { newId, nowIso } from '../../../src/main/store/ids.ts';

export interface CorpusDocument {
  title: string;
  language: string | null;
  source: string | null;
  author: string | null;
  publishedAt: string | null;
  format: DocumentFormat;
  text: string;
}

/** Stores documents with exact metadata (as an importer would have filled it); returns name → id. */
export function insertCorpus(db: Database, corpus: Record<string, CorpusDocument>): Map<string, string> {
  const ids = new Map<string, string>();
  transaction(db, () => {
    for (const [name, doc] of Object.entries(corpus)) {
      const id = newId();
      const bytes = new TextEncoder().encode(doc.text);
      const hash = createHash('sha256').update(bytes).digest('hex');
      insertDocument(
        db,
        id,
        {
          ...doc,
          url: null,
          blocks: [],
          pageStarts: null,
          meta: {},
          originalHtml: null,
          reviewFlags: [],
          contentHash: hash,
          originalHash: hash,
          originalName: `${name}.${doc.format}`,
          originalBytes: bytes,
        },
        nowIso(),
      );
      ids.set(name, id);
    }
  });
  return ids;
}
