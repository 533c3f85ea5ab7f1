/**
 * `dossier alias add|list|remove` (issue 15): alias groups of names for one person or place. A
 * search for any name of a group finds the documents that use any of them.
 */
import { DossierError } from '../shared/errors.ts';
import type { OpenedApp } from '../main/app/open-app.ts';
import { call } from '../main/dispatch.ts';


interface Output {
  json: unknown;
  text: string;
}

export async function runAliasCommand(app: OpenedApp, command: string, args: string[]): Promise<Output | undefined> {
  if (command !== 'alias') return undefined;
  const [verb, ...rest] = args;
  const h = app.handlers;
  switch (verb) {
    case 'add': {
      const group = await call(h, 'aliases:add', { names: rest });
      return { json: group, text: `Alias group ${group.id}: ${group.names.join(' = ')}` };
    }
    case 'list': {
      const groups = await call(h, 'aliases:list', {});
      return { json: { groups }, text: groups.length ? groups.map((g) => `${g.id}  ${g.names.join(' = ')}`).join('\n') : 'No alias groups yet.' };
    }
    case 'remove': {
      if (rest.length !== 1) throw new DossierError('BAD_INPUT', 'Give the id of one alias group to remove (see: dossier alias list).');
      const result = await call(h, 'aliases:remove', { id: rest[0]! });
      return { json: result, text: `Removed alias group ${result.removed}.` };
    }
    default:
      throw new DossierError('BAD_INPUT', `"dossier alias" takes add, list or remove (not "${verb ?? ''}").`);
  }
}
