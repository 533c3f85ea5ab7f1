/**
 * Tags of a merge (issue 21): matched by their path in the tree ("Detention/Conditions"), case-
 * insensitively as tag names are unique; a path this copy lacks is created under the matching
 * parent. A tag both copies hold keeps one colour and both descriptions (merge-context `settle`).
 * The same tag (same id) at two paths means one copy renamed or moved it: both paths are kept,
 * and the conflict listed, since a merge cannot tell which was meant.
 */
import { newId } from '../../store/ids.ts';
import { count, idMap, settle, type MergeStep } from './merge-context.ts';

interface TagRow {
  id: string;
  name: string;
  parent_id: string | null;
  color: string;
  description: string;
  position: number;
  created_at: string;
}

const SELECT = 'SELECT id, name, parent_id, color, description, position, created_at FROM tags';

/** Each tag's path, its names from the root joined by "/" (what the user sees and what is matched, folded). */
export function tagPaths(rows: TagRow[]): Map<string, string> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const paths = new Map<string, string>();
  const pathOf = (row: TagRow, depth = 0): string => {
    const known = paths.get(row.id);
    if (known !== undefined) return known;
    const parent = row.parent_id ? byId.get(row.parent_id) : undefined;
    const value = parent && depth < 100 ? `${pathOf(parent, depth + 1)}/${row.name}` : row.name;
    paths.set(row.id, value);
    return value;
  };
  for (const row of rows) pathOf(row);
  return paths;
}

const fold = (path: string) => path.normalize('NFC').toLowerCase();

export const mergeTags: MergeStep = {
  kind: 'tags',
  run(ctx) {
    const ids = idMap(ctx, 'tags');
    const theirs = ctx.source.prepare(`${SELECT} ORDER BY position, id`).all() as unknown as TagRow[];
    const theirPaths = tagPaths(theirs);
    const ours = ctx.target.prepare(SELECT).all() as unknown as TagRow[];
    const ourPaths = tagPaths(ours);
    const ourByPath = new Map(ours.map((t) => [fold(ourPaths.get(t.id)!), t]));
    const ourById = new Map(ours.map((t) => [t.id, t]));
    const insert = ctx.target.prepare(
      'INSERT INTO tags(id, name, parent_id, color, description, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const update = ctx.target.prepare('UPDATE tags SET color = ?, description = ? WHERE id = ?');
    // Parents before children: sort by depth.
    const depth = (t: TagRow) => theirPaths.get(t.id)!.split('/').length;
    for (const tag of [...theirs].sort((a, b) => depth(a) - depth(b))) {
      const path = theirPaths.get(tag.id)!;
      const match = ourByPath.get(fold(path));
      if (match) {
        ids.set(tag.id, match.id);
        const color = settle(match.color, tag.color, false);
        const description = settle(match.description, tag.description, true);
        if (color.conflict)
          ctx.conflicts.push({
            kind: 'tag',
            what: path,
            ours: match.color,
            theirs: tag.color,
            resolution: `colour ${color.value} kept`,
          });
        if (description.conflict)
          ctx.conflicts.push({
            kind: 'tag',
            what: `${path} (description)`,
            ours: match.description,
            theirs: tag.description,
            resolution: 'both descriptions kept, one after the other',
          });
        if (color.value !== match.color || description.value !== match.description) {
          update.run(color.value, description.value, match.id);
          match.color = color.value;
          match.description = description.value;
          count(ctx.updated, 'tags');
        }
        continue;
      }
      const sameId = ourById.get(tag.id);
      if (sameId) {
        ctx.conflicts.push({
          kind: 'tag',
          what: path,
          ours: ourPaths.get(sameId.id)!,
          theirs: path,
          resolution: 'one copy renamed or moved this tag; both are kept: merge or delete one in the codebook',
        });
      }
      const parentId = tag.parent_id ? (ids.get(tag.parent_id) ?? null) : null;
      const id = sameId || ourById.has(tag.id) ? newId() : tag.id;
      insert.run(id, tag.name, parentId, tag.color, tag.description, tag.position, tag.created_at);
      const row = { ...tag, id, parent_id: parentId };
      ourById.set(id, row);
      ourByPath.set(fold(path), row);
      ids.set(tag.id, id);
      count(ctx.added, 'tags');
    }
  },
};
