import type { Database } from '../store/database.ts';

/** A row as SQLite returns it; kept verbatim so undo can put it back exactly. */
export type Row = Record<string, string | number | Uint8Array | null>;

export function selectRows(db: Database, sql: string, ...params: (string | number | null)[]): Row[] {
  return db.prepare(sql).all(...params) as unknown as Row[];
}

/** Re-inserts rows captured by selectRows. `table` is always a constant of our own code. */
export function insertRows(db: Database, table: 'tags' | 'passages' | 'passage_tags', rows: Row[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(
      `INSERT OR IGNORE INTO ${table}(${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...columns.map((c) => row[c] ?? null));
  }
}
