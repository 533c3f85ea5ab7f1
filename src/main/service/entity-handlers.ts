/**
 * The handlers of issue 18's channels (entities:*, timeline:*), over the store and the entity job.
 */
import type { ParsedInput } from '../../shared/contract.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Database } from '../store/database.ts';
import type { EntityJob } from '../entities/entity-job.ts';
import { safeOutputPath, writeExport } from '../reports/write-export.ts';
import { entityDetail, listEntities, markMentionWrong, mergeEntities, renameEntity, resolveEntityName, splitEntity } from './entities.ts';
import { buildTimeline, timelineCsv } from './timeline.ts';

export interface EntityHandlerDeps {
  db: Database;
  job: EntityJob;
  pickSavePath?: ((suggestedName: string) => Promise<string | null>) | undefined;
  /** Tells the library and search that entities changed. */
  changed: (reason: string) => void;
}

/** Entity names as typed → the ids each stands for; a name that stands for nothing is an error naming it. */
export function resolveNames(db: Database, names: string[] | undefined): string[][] | undefined {
  if (!names?.length) return undefined;
  return names.map((name) => {
    const ids = resolveEntityName(db, name);
    if (ids.length === 0) throw new DossierError('NOT_FOUND', `No entity is called “${name}” in this investigation.`);
    return ids;
  });
}

export function entityHandlers({ db, job, pickSavePath, changed }: EntityHandlerDeps) {
  const after = <T>(value: T): T => (changed('entities'), value);
  return {
    'entities:list': ({ type, documentIds, limit }: ParsedInput<'entities:list'>) => listEntities(db, { type, documentIds, limit }),
    'entities:get': ({ id }: ParsedInput<'entities:get'>) => entityDetail(db, id),
    'entities:resolve': ({ name }: ParsedInput<'entities:resolve'>) => ({ ids: resolveEntityName(db, name) }),
    'entities:rename': ({ id, label }: ParsedInput<'entities:rename'>) => after(renameEntity(db, id, label)),
    'entities:merge': ({ sourceId, targetId }: ParsedInput<'entities:merge'>) => after(mergeEntities(db, sourceId, targetId)),
    'entities:split': ({ id, spellings, label }: ParsedInput<'entities:split'>) => after(splitEntity(db, id, spellings, label)),
    'entities:markWrong': ({ mentionId }: ParsedInput<'entities:markWrong'>) => after(markMentionWrong(db, mentionId)),
    'entities:extract': async ({ wait, again }: ParsedInput<'entities:extract'>) => {
      if (again) job.restart();
      if (wait) return job.runAll();
      job.schedule();
      return job.progress();
    },
    'entities:progress': () => job.progress(),
    'timeline:get': ({ tagIds, entities, limit }: ParsedInput<'timeline:get'>) => buildTimeline(db, { tagIds, entityIds: resolveNames(db, entities), limit }),
    'timeline:export': async ({ path: given, tagIds, entities }: ParsedInput<'timeline:export'>) => {
      const timeline = buildTimeline(db, { tagIds, entityIds: resolveNames(db, entities) });
      let out = given;
      let confirmed = false;
      if (!out) {
        if (!pickSavePath) throw new DossierError('FORBIDDEN', 'There is no window to show a save dialog in; give a path.');
        const picked = await pickSavePath('timeline.csv');
        if (!picked) return { path: null, bytes: 0, events: 0 };
        out = picked;
        confirmed = true;
      }
      const file = safeOutputPath(out, 'csv');
      const bytes = new TextEncoder().encode(timelineCsv(timeline));
      await writeExport(file, bytes, { force: confirmed && file === out, hint: confirmed ? 'app' : 'cli' });
      return { path: file, bytes: bytes.byteLength, events: timeline.events.length };
    },
  };
}
