import type { PassageView } from '../../shared/domain.ts';
import type { Database } from './database.ts';
import { libraryGeneration } from './library-cache.ts';
import { listPassageIds, listPassageViews } from './passages-repo.ts';

/**
 * The passages view's windows (issue 17). Its order (document title, then place in the text) spans
 * two tables, so no index gives it: every OFFSET window sorted all the passages the filter keeps, and
 * counted them again. Here the order is sorted once per filter and kept, as passage ids, until a
 * passage, a passage's tags or a document changes (migration 11's counters, bumped by triggers on any
 * connection); each later window is a slice of it and reads only its own rows.
 */
interface Kept {
  generation: string;
  /** Per filter, the ids in order; the most recently used last. */
  orders: Map<string, string[]>;
}

/** The filters of the last few views kept (typing a search makes one per word). */
const MAX_ORDERS = 8;

const kept = new WeakMap<Database, Kept>();


export function passageWindow(
  db: Database,
  where: string[],
  params: (string | number)[],
  offset: number,
  limit: number,
): { total: number; passages: PassageView[] } {
  // One read snapshot: the counters and the rows agree even if another connection writes meanwhile.
  const own = !db.isTransaction;
  if (own) db.exec('BEGIN');
  try {
    // The order follows the documents' titles too.
    const generation = `${libraryGeneration(db, 1)} ${libraryGeneration(db, 2)}`;
    let state = kept.get(db);
    if (!state || state.generation !== generation) kept.set(db, (state = { generation, orders: new Map() }));
    const key = JSON.stringify([where, params]);
    const ids = state.orders.get(key) ?? listPassageIds(db, where, params);
    state.orders.delete(key);
    state.orders.set(key, ids);
    if (state.orders.size > MAX_ORDERS) state.orders.delete(state.orders.keys().next().value!);
    const window = ids.slice(offset, offset + limit);
    const views = window.length ? listPassageViews(db, ['p.id IN (SELECT value FROM json_each(?))'], [JSON.stringify(window)]) : [];
    const byId = new Map(views.map((view) => [view.id, view]));
    return { total: ids.length, passages: window.flatMap((id) => byId.get(id) ?? []) };
  } finally {
    if (own) db.exec('COMMIT');
  }
}
