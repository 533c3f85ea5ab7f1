/**
 * Entities, mentions and found dates (issue 18, migration 7). Extraction results are written per
 * document, replacing that document's earlier ones; the user's corrections (entity_corrections)
 * are applied on every write, so a rename, merge, split or wrong mention survives re-extraction.
 */
import type { EntityType, FoundDate } from '../../shared/entities.ts';
import type { ExtractedMention } from '../entities/extract-entities.ts';
import { normaliseTerm } from '../search/tokenizer.ts';
import type { Database } from './database.ts';
import { newId, nowIso } from './ids.ts';

/** The corrections as lookups, read once per batch of documents. */
export interface Corrections {
  merged: Map<string, string>;
  renamed: Map<string, string>;
  /** `key|surface` → the key of the entity split off. */
  split: Map<string, string>;
  /** `document|start|end` of mentions marked wrong. */
  wrong: Set<string>;
}

interface CorrectionRow {
  kind: 'rename' | 'merge' | 'split' | 'wrong';
  key: string;
  target: string | null;
  surface: string | null;
  document_id: string | null;
  start: number | null;
  end: number | null;
}

export const surfaceKey = (text: string) => text.split(/\s+/u).map(normaliseTerm).join(' ');

export function readCorrections(db: Database): Corrections {
  const c: Corrections = { merged: new Map(), renamed: new Map(), split: new Map(), wrong: new Set() };
  const rows = db.prepare('SELECT kind, key, target, surface, document_id, start, "end" FROM entity_corrections ORDER BY created_at, id').all() as unknown as CorrectionRow[];
  for (const r of rows) {
    if (r.kind === 'merge' && r.target) c.merged.set(r.key, r.target);
    if (r.kind === 'rename' && r.target) c.renamed.set(r.key, r.target);
    if (r.kind === 'split' && r.target && r.surface) c.split.set(`${r.key}|${r.surface}`, r.target);
    if (r.kind === 'wrong') c.wrong.add(`${r.document_id}|${r.start}|${r.end}`);
  }
  return c;
}

export function addCorrection(db: Database, row: Partial<CorrectionRow> & Pick<CorrectionRow, 'kind' | 'key'>): void {
  db.prepare('INSERT INTO entity_corrections (id, kind, key, target, surface, document_id, start, "end", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    newId(), row.kind, row.key, row.target ?? null, row.surface ?? null, row.document_id ?? null, row.start ?? null, row.end ?? null, nowIso(),
  );
}

/** The key a mention's entity has after the user's splits and merges (merges followed to their end). */
export function resolvedKey(c: Corrections, key: string, text: string): string {
  let k = c.split.get(`${key}|${surfaceKey(text)}`) ?? key;
  for (let hops = 0; hops < 20 && c.merged.has(k); hops++) k = c.merged.get(k)!;
  return k;
}

/** Replaces a document's mentions and dates with a new extraction, in the caller's transaction. */
export function saveExtraction(db: Database, c: Corrections, documentId: string, mentions: ExtractedMention[], dates: FoundDate[], version: number): void {
  db.prepare('DELETE FROM entity_mentions WHERE document_id = ?').run(documentId);
  db.prepare('DELETE FROM document_dates WHERE document_id = ?').run(documentId);
  const findEntity = db.prepare('SELECT id FROM entities WHERE key = ?');
  const addEntity = db.prepare('INSERT INTO entities (id, key, type, label, created_at) VALUES (?, ?, ?, ?, ?)');
  const addMention = db.prepare('INSERT INTO entity_mentions (entity_id, document_id, start, "end", text, key) VALUES (?, ?, ?, ?, ?, ?)');
  const ids = new Map<string, string>();
  for (const m of mentions) {
    if (c.wrong.has(`${documentId}|${m.start}|${m.end}`)) continue;
    const key = resolvedKey(c, m.key, m.text);
    let id = ids.get(key) ?? (findEntity.get(key) as { id: string } | undefined)?.id;
    if (!id) {
      id = newId();
      addEntity.run(id, key, m.type, c.renamed.get(key) ?? m.label, nowIso());
    }
    ids.set(key, id);
    addMention.run(id, documentId, m.start, m.end, m.text, m.key);
  }
  const addDate = db.prepare('INSERT INTO document_dates (document_id, start, "end", text, value, precision, relative) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const d of dates) addDate.run(documentId, d.start, d.end, d.text, d.value, d.precision, d.relative ? 1 : 0);
  db.prepare('INSERT INTO entity_extractions (document_id, version, extracted_at) VALUES (?, ?, ?) ON CONFLICT(document_id) DO UPDATE SET version = excluded.version, extracted_at = excluded.extracted_at').run(
    documentId, version, nowIso(),
  );
}

/** Documents not yet read by this version of the extractor, in the order they were stored. */
/** Documents not yet read by this version of the extractor, in rowid order (no sort); their texts are read by the entity worker. */
export function pendingDocumentIds(db: Database, version: number, limit: number): string[] {
  const rows = db
    .prepare(
      `SELECT d.id FROM documents d LEFT JOIN entity_extractions e ON e.document_id = d.id
       WHERE e.version IS NULL OR e.version <> ? ORDER BY d.rowid LIMIT ?`,
    )
    .all(version, limit) as { id: string }[];
  return rows.map((r) => r.id);
}

export const documentExists = (db: Database, id: string): boolean => db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;

export function extractionCounts(db: Database, version: number): { done: number; total: number } {
  const total = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  const done = (db.prepare('SELECT count(*) AS n FROM entity_extractions e JOIN documents d ON d.id = e.document_id WHERE e.version = ?').get(version) as { n: number }).n;
  return { done, total };
}

export interface EntityRow {
  id: string;
  key: string;
  type: EntityType;
  label: string;
}

export function getEntity(db: Database, id: string): EntityRow | undefined {
  return db.prepare('SELECT id, key, type, label FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
}
