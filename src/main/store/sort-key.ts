import { transaction, type Database } from './database.ts';

/**
 * A sort key whose plain binary order (SQLite's default) follows Intl.Collator's base-sensitivity,
 * numeric order closely enough for a library list, in every script: node:sqlite cannot register a
 * collation (DatabaseSync has function() and aggregate(), no collation()), so the key is computed
 * here and stored. Letters lose their accents and case ("Émile" sorts with "emile"), digit runs are
 * padded so "Report 2" comes before "Report 10", and scripts keep Unicode's order (Latin, Greek,
 * Cyrillic, Arabic, … Han), which is also the order of the root collation between scripts.
 */
export function sortKey(text: string | null): string | null {
  if (text === null) return null;
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\d+/g, (digits) => {
      const bare = digits.replace(/^0+(?=\d)/, '');
      return bare.length >= 20 ? bare : bare.padStart(20, '0');
    });
}

/**
 * Fills the sort keys of documents that have none yet (imported by a path that did not set them,
 * retitled, or stored before migration 10). An index holds exactly those rows, so this costs nothing
 * when none is pending.
 */
export function fillSortKeys(db: Database): number {
  const pending = db.prepare('SELECT id, title, source FROM documents WHERE title_key IS NULL').all() as {
    id: string;
    title: string;
    source: string | null;
  }[];
  if (pending.length === 0) return 0;
  const update = db.prepare('UPDATE documents SET title_key = ?, source_key = ? WHERE id = ?');
  transaction(db, () => {
    for (const row of pending) update.run(sortKey(row.title) ?? '', sortKey(row.source), row.id);
  });
  return pending.length;
}
