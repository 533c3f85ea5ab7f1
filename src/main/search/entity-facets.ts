/**
 * The entities each document mentions, by ordinal (issue 18), for the entity facet and the
 * `entity:` filter. Like the tag index it lives beside the search index and is read from the
 * store when the store changed; while the entity job writes, at most once every REFRESH_MS, so a
 * search during the job never waits for more than one read of the table.
 */
import type { EntityFacetCount } from '../../shared/domain.ts';
import type { Database } from '../store/database.ts';
import { Dictionary, type DocTable } from './doc-table.ts';
import { OrdinalLists } from './ordinal-lists.ts';
import { changeStamp } from '../store/change-stamp.ts';

const REFRESH_MS = 2000;
const PER_TYPE = 30;

/**
 * Deletions and updates of mentions made through this connection, counted by a TEMP trigger (on
 * the connection only: nothing in the store's schema). Issue 18's search latency during the entity
 * job: telling appends from deletions by `count(*)` over entity_mentions took 26–115 ms at a million
 * rows, on every search after a write; `max(id)` and this counter take microseconds.
 */
const REMOVALS_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS entity_mention_removals (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
  INSERT OR IGNORE INTO entity_mention_removals (id, n) VALUES (1, 0);
  CREATE TEMP TRIGGER IF NOT EXISTS entity_mentions_deleted AFTER DELETE ON main.entity_mentions
    BEGIN UPDATE entity_mention_removals SET n = n + 1 WHERE id = 1; END;
  CREATE TEMP TRIGGER IF NOT EXISTS entity_mentions_updated AFTER UPDATE ON main.entity_mentions
    BEGIN UPDATE entity_mention_removals SET n = n + 1 WHERE id = 1; END;`;

/** What tells an append from any other change: the last mention id, this connection's deletions and updates, the small tables' counts. */
interface StoreState {
  last: number;
  removals: number;
  corrections: number;
  entities: number;
}

const sameState = (a: StoreState, b: StoreState) => a.last === b.last && a.removals === b.removals && a.corrections === b.corrections && a.entities === b.entities;

export class EntityIndex {
  private state: StoreState | null = null;
  private readAt = 0;
  private stamp = '';
  private version = -1;
  private byOrdinal = new OrdinalLists<number>();
  private codes = new Dictionary();
  private info = new Map<string, { label: string; type: EntityFacetCount['type'] }>();
  private infoKey = '';

  private readonly db: Database;
  private readonly table: DocTable;

  constructor(db: Database, table: DocTable) {
    this.db = db;
    this.table = table;
  }

  private readState(): StoreState {
    if (!this.state) this.db.exec(REMOVALS_SQL);
    return this.db
      .prepare(
        `SELECT (SELECT ifnull(max(id), 0) FROM entity_mentions) AS last, (SELECT n FROM entity_mention_removals WHERE id = 1) AS removals,
           (SELECT count(*) FROM entity_corrections) AS corrections, (SELECT count(*) FROM entities) AS entities`,
      )
      .get() as unknown as StoreState;
  }

  /**
   * Reads the store again if it changed. While mentions are only added (the entity job reading new
   * documents) only the new rows are read; anything else (a correction, a document read again or
   * deleted, a write by another connection) reads the whole table, at most once every REFRESH_MS.
   */
  refresh(): void {
    // Nothing written since the last look (this connection's changes, another's through data_version): nothing to read.
    const { changes, version } = changeStamp(this.db);
    const stamp = `${changes}:${version}`;
    if (stamp === this.stamp) return;
    const before = this.state;
    const now = this.readState();
    // Another connection wrote (the CLI beside the app, a restored backup): its deletions passed no trigger of this one.
    const foreign = before !== null && version !== this.version;
    if (before && !foreign && sameState(before, now)) {
      this.stamp = stamp;
      return;
    }
    const appended = before !== null && !foreign && now.last >= before.last && now.removals === before.removals && now.corrections === before.corrections;
    if (!appended && before && performance.now() - this.readAt < REFRESH_MS) return;
    const since = appended ? before.last : 0;
    if (!appended) {
      this.byOrdinal = new OrdinalLists();
      this.readAt = performance.now();
    }
    this.state = now;
    this.stamp = stamp;
    this.version = version;
    // New rows by their rowid range, without DISTINCT: with it SQLite scans the whole (entity_id, document_id)
    // index instead (720 ms at a million mentions, on every search while the job wrote). Pairs repeat; the lists dedupe.
    // The whole table is read as distinct pairs, which is what that index scan is good for.
    const rows = (
      since > 0
        ? this.db.prepare('SELECT document_id AS doc, entity_id AS entity FROM entity_mentions WHERE id > ?').iterate(since)
        : this.db.prepare('SELECT DISTINCT document_id AS doc, entity_id AS entity FROM entity_mentions').iterate()
    ) as Iterable<{ doc: string; entity: string }>;
    for (const { doc, entity } of rows) {
      const list = this.byOrdinal.listOf(this.table.ordinal(doc));
      const code = this.codes.code(entity);
      if (!list.includes(code)) list.push(code);
    }
    // Labels and types change only with a new entity or a correction (rename, merge, split).
    const infoKey = `${now.entities}:${now.corrections}`;
    if (infoKey !== this.infoKey || !appended) {
      this.infoKey = infoKey;
      this.info = new Map((this.db.prepare('SELECT id, label, type FROM entities').all() as { id: string; label: string; type: EntityFacetCount['type'] }[]).map((e) => [e.id, e]));
    }
  }

  /** A test on ordinals: the document mentions one of each group of ids. */
  filter(groups: string[][]): (ordinal: number) => boolean {
    const wanted = groups.map((ids) => new Set(ids.map((id) => this.codes.code(id))));
    return (o) => {
      const have = this.byOrdinal.get(o);
      return !!have && wanted.every((set) => have.some((c) => set.has(c)));
    };
  }

  /** Ordinals of documents that mention one of each group (an entity-only query). */
  ordinals(groups: string[][]): number[] {
    const test = this.filter(groups);
    return this.byOrdinal.ordinals().filter((o) => this.table.live[o] && test(o));
  }

  /** The most named entities of each type among the documents, with counts. */
  facets(ordinals: ArrayLike<number>): EntityFacetCount[] {
    const counts = new Map<number, number>();
    if (this.byOrdinal.size === 0) return [];
    for (let i = 0; i < ordinals.length; i++) for (const code of this.byOrdinal.get(ordinals[i]!) ?? []) counts.set(code, (counts.get(code) ?? 0) + 1);
    const all: EntityFacetCount[] = [];
    for (const [code, count] of counts) {
      const id = this.codes.values[code]!;
      const info = this.info.get(id);
      if (info) all.push({ value: id, label: info.label, type: info.type, count });
    }
    all.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    const perType = new Map<string, number>();
    return all.filter((f) => {
      const n = (perType.get(f.type) ?? 0) + 1;
      perType.set(f.type, n);
      return n <= PER_TYPE;
    });
  }
}
