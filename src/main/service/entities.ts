/**
 * Entity channels (issue 18): lists with counts (the facets of the library), an entity's mentions
 * grouped by document, and the user's corrections. Each correction changes the stored mentions now
 * and is recorded in entity_corrections so the next extraction makes the same change.
 */
import type { EntityDetail, EntitySummary, EntityType } from '../../shared/entities.ts';
import { DossierError } from '../../shared/errors.ts';
import { transaction, type Database } from '../store/database.ts';
import { addCorrection, getEntity, readCorrections, resolvedKey, surfaceKey } from '../store/entities-repo.ts';
import { listAliasGroups } from '../store/aliases-repo.ts';
import { newId, nowIso } from '../store/ids.ts';
import { contextAround } from '../entities/context.ts';
import { EntityExtractor } from '../entities/extract-entities.ts';

export interface EntityListOptions {
  type?: EntityType | undefined;
  /** Only mentions in these documents (a library filter); all documents when absent. */
  documentIds?: string[] | undefined;
  limit?: number | undefined;
}

interface SummaryRow {
  id: string;
  type: EntityType;
  label: string;
  documents: number;
  mentions: number;
  spellings: string;
}

const SUMMARY = `SELECT e.id, e.type, e.label, count(DISTINCT m.document_id) AS documents, count(*) AS mentions,
    (SELECT json_group_array(text) FROM (SELECT text FROM entity_mentions WHERE entity_id = e.id GROUP BY text ORDER BY count(*) DESC, text LIMIT 8)) AS spellings
  FROM entities e JOIN entity_mentions m ON m.entity_id = e.id`;

const toSummary = (r: SummaryRow): EntitySummary => ({ ...r, spellings: JSON.parse(r.spellings) as string[] });

export function listEntities(db: Database, { type, documentIds, limit = 200 }: EntityListOptions = {}): EntitySummary[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (type) {
    where.push('e.type = ?');
    params.push(type);
  }
  if (documentIds) {
    where.push('m.document_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(documentIds));
  }
  const sql = `${SUMMARY} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY e.id ORDER BY documents DESC, mentions DESC, e.label LIMIT ?`;
  return (db.prepare(sql).all(...params, limit) as unknown as SummaryRow[]).map(toSummary);
}

export function entityDetail(db: Database, id: string): EntityDetail {
  const row = db.prepare(`${SUMMARY} WHERE e.id = ? GROUP BY e.id`).get(id) as SummaryRow | undefined;
  if (!row) throw new DossierError('NOT_FOUND', 'That entity is no longer in the investigation (it may have been merged).');
  const mentions = db
    .prepare(
      `SELECT m.id, m.document_id AS documentId, m.start, m."end", m.text, d.title, d.text AS docText
       FROM entity_mentions m JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ? ORDER BY d.title, d.id, m.start LIMIT 2000`,
    )
    .all(id) as { id: number; documentId: string; start: number; end: number; text: string; title: string; docText: string }[];
  const byDocument: EntityDetail['byDocument'] = [];
  for (const m of mentions) {
    let group = byDocument[byDocument.length - 1];
    if (group?.documentId !== m.documentId) byDocument.push((group = { documentId: m.documentId, title: m.title, mentions: [] }));
    group.mentions.push({ id: m.id, documentId: m.documentId, start: m.start, end: m.end, text: m.text, ...contextAround(m.docText, m.start, m.end) });
  }
  return { ...toSummary(row), byDocument };
}

export function renameEntity(db: Database, id: string, label: string): EntitySummary {
  const entity = mustGet(db, id);
  transaction(db, () => {
    db.prepare('UPDATE entities SET label = ? WHERE id = ?').run(label, id);
    addCorrection(db, { kind: 'rename', key: entity.key, target: label });
  });
  return summaryOf(db, id);
}

/** Folds `sourceId` into `targetId`: its mentions move, it is removed, and later extractions send its key to the target. */
export function mergeEntities(db: Database, sourceId: string, targetId: string): EntitySummary {
  if (sourceId === targetId) throw new DossierError('BAD_INPUT', 'An entity cannot be merged into itself.');
  const source = mustGet(db, sourceId);
  const target = mustGet(db, targetId);
  transaction(db, () => {
    db.prepare('UPDATE entity_mentions SET entity_id = ? WHERE entity_id = ?').run(targetId, sourceId);
    db.prepare('DELETE FROM entities WHERE id = ?').run(sourceId);
    addCorrection(db, { kind: 'merge', key: source.key, target: target.key });
  });
  return summaryOf(db, targetId);
}

/** Moves the mentions written as one of `spellings` to a new entity named `label`. */
export function splitEntity(db: Database, id: string, spellings: string[], label: string): EntitySummary {
  const entity = mustGet(db, id);
  const wanted = new Set(spellings.map(surfaceKey));
  const mentions = (db.prepare('SELECT id, text, key FROM entity_mentions WHERE entity_id = ?').all(id) as { id: number; text: string; key: string }[]).filter((m) =>
    wanted.has(surfaceKey(m.text)),
  );
  if (mentions.length === 0) throw new DossierError('BAD_INPUT', `“${entity.label}” has no mention written ${spellings.map((s) => `“${s}”`).join(' or ')}.`);
  const newKey = `split:${newId()}`;
  const newEntityId = newId();
  transaction(db, () => {
    db.prepare('INSERT INTO entities (id, key, type, label, created_at) VALUES (?, ?, ?, ?, ?)').run(newEntityId, newKey, entity.type, label, nowIso());
    const move = db.prepare('UPDATE entity_mentions SET entity_id = ? WHERE id = ?');
    const recorded = new Set<string>();
    for (const m of mentions) {
      move.run(newEntityId, m.id);
      const k = `${m.key}|${surfaceKey(m.text)}`;
      if (!recorded.has(k)) addCorrection(db, { kind: 'split', key: m.key, surface: surfaceKey(m.text), target: newKey });
      recorded.add(k);
    }
  });
  return summaryOf(db, newEntityId);
}

/** A mention that is not that entity (or no entity at all): removed now and never extracted again. */
export function markMentionWrong(db: Database, mentionId: number): { removed: number } {
  const m = db.prepare('SELECT document_id AS documentId, start, "end", key FROM entity_mentions WHERE id = ?').get(mentionId) as
    | { documentId: string; start: number; end: number; key: string }
    | undefined;
  if (!m) throw new DossierError('NOT_FOUND', 'That mention is no longer there (the document may have been read again).');
  transaction(db, () => {
    db.prepare('DELETE FROM entity_mentions WHERE id = ?').run(mentionId);
    addCorrection(db, { kind: 'wrong', key: m.key, document_id: m.documentId, start: m.start, end: m.end });
  });
  return { removed: mentionId };
}

/**
 * The entities a name the user typed stands for: the entity the extractor would make of it (so
 * `entity:乌鲁木齐` is the gazetteer's Ürümqi), and those labelled or written that way.
 */
export function resolveEntityName(db: Database, name: string): string[] {
  const keys = new Set<string>();
  const corrections = readCorrections(db);
  for (const m of extractorFor(db).extract(name)) keys.add(resolvedKey(corrections, m.key, m.text));
  const ids = new Set<string>();
  const byKey = db.prepare('SELECT id FROM entities WHERE key = ?');
  for (const key of keys) {
    const row = byKey.get(key) as { id: string } | undefined;
    if (row) ids.add(row.id);
  }
  const wanted = surfaceKey(name);
  for (const row of db.prepare('SELECT id, label FROM entities').all() as { id: string; label: string }[]) if (surfaceKey(row.label) === wanted) ids.add(row.id);
  const written = db.prepare('SELECT DISTINCT entity_id AS id FROM entity_mentions WHERE text = ?').all(name.trim()) as { id: string }[];
  for (const row of written) ids.add(row.id);
  return [...ids];
}

/** Ids of the documents that mention every one of the entities (each given as a set of ids standing for one name). */
export function documentsWithEntities(db: Database, groups: string[][]): Set<string> | undefined {
  let out: Set<string> | undefined;
  const stmt = db.prepare('SELECT DISTINCT document_id AS id FROM entity_mentions WHERE entity_id IN (SELECT value FROM json_each(?))');
  for (const ids of groups) {
    const docs = new Set((stmt.all(JSON.stringify(ids)) as { id: string }[]).map((r) => r.id));
    out = out ? new Set([...out].filter((d) => docs.has(d))) : docs;
  }
  return out;
}

/** The extractor over the gazetteer and this store's alias groups, built again only when the groups change. */
const extractors = new WeakMap<Database, { key: string; extractor: EntityExtractor }>();
function extractorFor(db: Database): EntityExtractor {
  const aliases = listAliasGroups(db);
  const key = JSON.stringify(aliases);
  let cached = extractors.get(db);
  if (cached?.key !== key) extractors.set(db, (cached = { key, extractor: new EntityExtractor(aliases) }));
  return cached.extractor;
}

function mustGet(db: Database, id: string) {
  const entity = getEntity(db, id);
  if (!entity) throw new DossierError('NOT_FOUND', 'That entity is no longer in the investigation (it may have been merged).');
  return entity;
}

function summaryOf(db: Database, id: string): EntitySummary {
  const row = db.prepare(`${SUMMARY} WHERE e.id = ? GROUP BY e.id`).get(id) as SummaryRow | undefined;
  const entity = mustGet(db, id);
  return row ? toSummary(row) : { id, type: entity.type, label: entity.label, documents: 0, mentions: 0, spellings: [] };
}
