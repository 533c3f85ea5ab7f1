import type { Database } from './database.ts';
import type { SortKey } from './library-seek.ts';

/**
 * What the library keeps between windows while the documents stay the same (issue 17): the total of
 * each filtered list, and seek points (a row's place in an order and its sort key, learnt
 * from the windows served). SQLite counts by walking an index, ~100,000 entries at 100,000 documents,
 * so a scroll window that counted again would pay for the whole list each time.
 *
 * Everything is keyed by the store's library generation (migration 11), which triggers bump on every
 * change to the documents' listed or counted columns, by any connection: an import here, a delete by
 * the CLI, an undo (and by a restored backup: libraryGeneration). Reading it is one row by primary
 * key. One cache per connection.
 */
export interface SeekPoint {
  position: number;
  key: SortKey;
}

interface Cache {
  generation: string;
  totals: Map<string, number>;
  /** Per order and filter, sorted by position. */
  seekPoints: Map<string, SeekPoint[]>;
}

/** Enough to stay within a few hundred rows of any window at 100,000 documents; a fuller list keeps every other point. */
const MAX_SEEK_POINTS = 2048;

const caches = new WeakMap<Database, Cache>();

/**
 * The counter `id` of library_generation (1: documents, 2: passages), with the change log's last
 * number: a restored backup moves that past every number used before (resetDocumentChanges), so a
 * store put back under the open connection never passes for the one the cache was filled from.
 */
export function libraryGeneration(db: Database, id = 1): string {
  const row = db
    .prepare(
      "SELECT (SELECT value FROM library_generation WHERE id = ?) AS value, (SELECT seq FROM sqlite_sequence WHERE name = 'document_changes') AS seq",
    )
    .get(id) as { value: number | null; seq: number | null };
  return `${row.value ?? -1}:${row.seq ?? 0}`;
}

/** The connection's cache for the store as it is now: emptied when the documents changed since it was filled. */
export function libraryCache(db: Database) {
  const generation = libraryGeneration(db);
  let cache = caches.get(db);
  if (!cache || cache.generation !== generation) {
    cache = { generation, totals: new Map(), seekPoints: new Map() };
    caches.set(db, cache);
  }
  const current = cache;
  return {
    total(list: string, count: () => number): number {
      let total = current.totals.get(list);
      if (total === undefined) {
        total = count();
        current.totals.set(list, total);
      }
      return total;
    },
    seekPoints(list: string): readonly SeekPoint[] {
      return current.seekPoints.get(list) ?? [];
    },
    addSeekPoint(list: string, point: SeekPoint): void {
      let points = current.seekPoints.get(list);
      if (!points) current.seekPoints.set(list, (points = []));
      const at = firstAtOrAfter(points, point.position);
      if (points[at]?.position === point.position) return;
      points.splice(at, 0, point);
      if (points.length > MAX_SEEK_POINTS) current.seekPoints.set(list, points.filter((_, i) => i % 2 === 0));
    },
  };
}

/** The index of the first point at or after `position` (points.length if none). */
export function firstAtOrAfter(points: readonly SeekPoint[], position: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.position < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many documents there are, or in one language: the counts the triggers keep (migration 11), one row each. */
export function storedCount(db: Database, language?: string): number {
  const row = db.prepare('SELECT n FROM library_counts WHERE key = ?').get(language === undefined ? '*' : `language:${language}`) as { n: number } | undefined;
  return row?.n ?? 0;
}

/** The languages present with their counts, in the binary order of their names. */
export function storedLanguageCounts(db: Database): { value: string; count: number }[] {
  return (
    db.prepare("SELECT substr(key, 10) AS value, n AS count FROM library_counts WHERE key > 'language:' AND key < 'language;' AND n > 0 ORDER BY key").all() as {
      value: string;
      count: number;
    }[]
  ).map(({ value, count }) => ({ value, count }));
}
