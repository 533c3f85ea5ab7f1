import type { Tag } from '../../shared/domain.ts';

export interface TreeRow {
  tag: Tag;
  depth: number;
}

/** The codebook as rows in tree order (children under their parent, in codebook order). */
export function tagTree(tags: readonly Tag[]): TreeRow[] {
  const children = new Map<string | null, Tag[]>();
  const ids = new Set(tags.map((t) => t.id));
  for (const t of tags) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const rows: TreeRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const tag of children.get(parent) ?? []) {
      rows.push({ tag, depth });
      walk(tag.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** The tag and all tags under it. */
export function subtree(tags: readonly Tag[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tags) {
      if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}
