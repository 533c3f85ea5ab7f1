/**
 * `dossier entities`, `dossier entity NAME`, `dossier timeline` (issue 18). Each first reads the
 * documents the entity job has not read yet (the CLI has no background), then answers.
 */
import { ENTITY_TYPES, type EntityType } from '../shared/entities.ts';
import { DossierError } from '../shared/errors.ts';
import type { OpenedApp } from '../main/app/open-app.ts';
import { call } from '../main/dispatch.ts';

interface Output {
  json: unknown;
  text: string;
}

interface EntityValues {
  type?: string | undefined;
  tag?: string[] | undefined;
  entity?: string[] | undefined;
  out?: string | undefined;
  force?: boolean | undefined;
}

const typeName: Record<EntityType, string> = { person: 'person', place: 'place', org: 'organisation', facility: 'facility' };

export async function runEntityCommand(app: OpenedApp, command: string, args: string[], values: EntityValues): Promise<Output | undefined> {
  if (command !== 'entities' && command !== 'entity' && command !== 'timeline') return undefined;
  const h = app.handlers;
  await call(h, 'entities:extract', { wait: true });
  if (command === 'entities') {
    const type = values.type;
    if (type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(type)) {
      throw new DossierError('BAD_INPUT', `--type is one of ${ENTITY_TYPES.join(', ')} (not "${type}").`);
    }
    const entities = await call(h, 'entities:list', { ...(type ? { type: type as EntityType } : {}), limit: 5000 });
    const text = entities.length
      ? entities.map((e) => `${e.label}  (${typeName[e.type]}, ${e.documents} document${e.documents === 1 ? '' : 's'}, ${e.mentions} mention${e.mentions === 1 ? '' : 's'})  ${e.spellings.join(' · ')}`).join('\n')
      : 'No entities found (yet).';
    return { json: { entities }, text };
  }
  if (command === 'entity') {
    const name = args.join(' ').trim();
    if (!name) throw new DossierError('BAD_INPUT', 'Give the name of an entity, in any spelling: dossier entity "Ürümqi".');
    const { ids } = await call(h, 'entities:resolve', { name });
    if (ids.length === 0) throw new DossierError('NOT_FOUND', `No entity is called “${name}” in this investigation (see: dossier entities).`);
    const details = await Promise.all(ids.map((id) => call(h, 'entities:get', { id })));
    const text = details
      .map((d) =>
        [
          `${d.label} (${typeName[d.type]}) — ${d.documents} document${d.documents === 1 ? '' : 's'}, ${d.mentions} mention${d.mentions === 1 ? '' : 's'}; written ${d.spellings.join(' · ')}`,
          ...d.byDocument.flatMap((doc) => [`  ${doc.title} [${doc.documentId}]`, ...doc.mentions.map((m) => `    ${m.start}: ${m.before.trimStart()}[${m.text}]${m.after.trimEnd()}`)]),
        ].join('\n'),
      )
      .join('\n\n');
    return { json: details.length === 1 ? details[0] : { entities: details }, text };
  }
  const tags = values.tag?.length ? await tagIds(app, values.tag) : undefined;
  const filter = { ...(tags ? { tagIds: tags } : {}), ...(values.entity?.length ? { entities: values.entity } : {}) };
  if (values.out) {
    const result = await call(h, 'timeline:export', { path: values.out, ...filter });
    return { json: result, text: `Wrote ${result.events} events to ${result.path}.` };
  }
  const timeline = await call(h, 'timeline:get', filter);
  const lines = timeline.events.map(
    (e) => `${e.date.padEnd(10)}  ${e.kind === 'published' ? 'published' : 'mentioned'}  ${e.title}${e.dateText ? `: “${e.context.trim().slice(0, 160)}”` : ''}${e.entities.length ? `  [${e.entities.map((x) => x.label).join(', ')}]` : ''}`,
  );
  const groups = timeline.groups.map((g) => `${g.period}  ${g.label}: ${g.documentIds.length} documents`);
  const text = [lines.length ? lines.join('\n') : 'No dated events.', ...(groups.length ? ['', 'Given by several documents:', ...groups] : [])].join('\n');
  return { json: timeline, text };
}

async function tagIds(app: OpenedApp, names: string[]): Promise<string[]> {
  const tags = await call(app.handlers, 'tags:list', {});
  return names.map((name) => {
    const tag = tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!tag) throw new DossierError('NOT_FOUND', `No tag is called “${name}”.`);
    return tag.id;
  });
}
