/**
 * The entity worker (issue 18): extraction of entities and dates, the CPU part of the entity job,
 * off the main thread. Like the search workers it reads the documents' texts itself through its
 * own read-only connection to the store, so texts never cross the thread boundary; results go
 * back to the main thread, which writes them (the store's only writer).
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import type { AliasGroup } from '../../shared/domain.ts';
import { findDates } from './dates.ts';
import type { DocumentExtraction, EntityWorkerConfig, EntityWorkerReply, EntityWorkerRequest } from './entity-worker-protocol.ts';
import { EntityExtractor } from './extract-entities.ts';

const config = workerData as EntityWorkerConfig;
let db: DatabaseSync | undefined;
let readStatement: StatementSync | undefined;
let extractor: EntityExtractor | undefined;
let aliases: AliasGroup[] = [];

function readDocument(id: string): { text: string; publishedAt: string | null } | undefined {
  db ??= new DatabaseSync(config.databaseFile, { readOnly: true, timeout: 5000 });
  readStatement ??= db.prepare('SELECT text, published_at AS publishedAt FROM documents WHERE id = ?');
  return readStatement.get(id) as { text: string; publishedAt: string | null } | undefined;
}

function extractAll(request: EntityWorkerRequest): DocumentExtraction[] {
  if (request.aliases) {
    aliases = request.aliases;
    extractor = undefined;
  }
  extractor ??= new EntityExtractor(aliases);
  const out: DocumentExtraction[] = [];
  for (const documentId of request.documentIds) {
    const doc = readDocument(documentId);
    if (!doc) continue;
    try {
      out.push({ documentId, mentions: extractor.extract(doc.text), dates: findDates(doc.text, doc.publishedAt) });
    } catch (error) {
      // One text the extractor cannot read must not stop the job for every other document.
      out.push({ documentId, mentions: [], dates: [], error: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

parentPort!.on('message', (request: EntityWorkerRequest) => {
  let reply: EntityWorkerReply;
  try {
    reply = { id: request.id, ok: true, value: extractAll(request) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
