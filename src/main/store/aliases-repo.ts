/**
 * Alias groups (issue 15): names the user declares to be one person or place, in any scripts.
 * Search expands a query for one name to all of them (search/expansion.ts). Names are kept as
 * typed; the search normalises them.
 */
import type { AliasGroup } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Database } from './database.ts';
import { newId, nowIso } from './ids.ts';

interface AliasRow {
  id: string;
  label: string;
  names: string;
}

const toGroup = (row: AliasRow): AliasGroup => ({ id: row.id, label: row.label, names: JSON.parse(row.names) as string[] });

export function listAliasGroups(db: Database): AliasGroup[] {
  return (db.prepare('SELECT id, label, names FROM alias_groups ORDER BY label COLLATE NOCASE, id').all() as unknown as AliasRow[]).map(toGroup);
}

/** A new group of at least two distinct names; the label is the first name. */
export function addAliasGroup(db: Database, names: string[]): AliasGroup {
  const distinct = [...new Set(names.map((n) => n.trim().replace(/\s+/g, ' ')).filter(Boolean))];
  if (distinct.length < 2) throw new DossierError('BAD_INPUT', 'An alias group needs at least two different names, e.g. "Ilham Tohti" "伊力哈木·土赫提".');
  const group: AliasGroup = { id: newId(), label: distinct[0]!, names: distinct };
  db.prepare('INSERT INTO alias_groups (id, label, names, created_at) VALUES (?, ?, ?, ?)').run(group.id, group.label, JSON.stringify(distinct), nowIso());
  return group;
}

export function removeAliasGroup(db: Database, id: string): void {
  const { changes } = db.prepare('DELETE FROM alias_groups WHERE id = ?').run(id);
  if (Number(changes) === 0) throw new DossierError('NOT_FOUND', `No alias group has the id ${id}.`);
}
