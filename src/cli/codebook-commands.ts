/**
 * Codebook commands of the CLI (issue 5): list the tag tree, rename, merge and delete tags by name.
 * Undo is not offered here: the undo history lives with a running service, and each CLI call is one.
 */
import type { Tag } from '../shared/domain.ts';
import { DossierError } from '../shared/errors.ts';
import type { OpenedApp } from '../main/app/open-app.ts';
import { call } from '../main/dispatch.ts';


const passages = (n: number) => `${n} passage${n === 1 ? '' : 's'}`;

function byName(tags: Tag[], name: string | undefined): Tag {
  if (!name?.trim()) throw new DossierError('BAD_INPUT', 'Give a tag name.');
  const found = tags.filter((t) => t.name.toLowerCase() === name.trim().toLowerCase());
  if (found.length === 0) throw new DossierError('NOT_FOUND', `There is no tag named "${name}".`);
  if (found.length > 1)
    throw new DossierError(
      'AMBIGUOUS',
      `${found.length} tags are named "${name}" (under different parents); rename one in the app first.`,
    );
  return found[0]!;
}

function tree(tags: Tag[]): string {
  const lines: string[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const t of tags.filter((x) => x.parentId === parent)) {
      lines.push(`${'  '.repeat(depth)}${t.name} (${t.passageCount})`);
      walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines.join('\n') || 'No tags yet.';
}

/** Runs a codebook command, or returns undefined when `command` is not one of them. */
export async function runCodebookCommand(
  app: OpenedApp,
  command: string,
  args: string[],
): Promise<{ json: unknown; text: string } | undefined> {
  const h = app.handlers;
  const tags = await call(h, 'tags:list', {});
  switch (command) {
    case 'tags':
      return { json: { tags }, text: tree(tags) };
    case 'tag-rename': {
      const tag = await call(h, 'tags:update', { id: byName(tags, args[0]).id, name: args[1] ?? '' });
      return { json: tag, text: `Renamed to "${tag.name}" (${passages(tag.passageCount)}).` };
    }
    case 'tag-merge': {
      const source = byName(tags, args[0]);
      const result = await call(h, 'tags:merge', { sourceId: source.id, targetId: byName(tags, args[1]).id });
      return {
        json: result,
        text: `Merged "${source.name}" into "${result.tag.name}", which now has ${passages(result.tag.passageCount)}.`,
      };
    }
    case 'tag-delete': {
      const tag = byName(tags, args[0]);
      const result = await call(h, 'tags:delete', { id: tag.id });
      return { json: result, text: `Deleted "${tag.name}"; ${passages(result.passagesAffected)} lost it.` };
    }
    default:
      return undefined;
  }
}
