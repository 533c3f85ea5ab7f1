/**
 * `dossier search` (issue 17: its JSON in under 700 ms on 10,000 documents, process start included).
 * It opens the store and the app's search engine alone (open-search.ts): none of the service's other
 * parts (importers, reports, the entity job) is loaded or started for a read-only query, and the
 * input is validated against the contract as every channel's is (dispatch.ts).
 */
import { DOCUMENT_FORMATS, type DocumentFormat, type SearchFilters } from '../shared/domain.ts';
import { DossierError } from '../shared/errors.ts';
import type { AttributeFilter } from '../shared/qda.ts';
import { openSearch, type OpenedSearch } from '../main/app/open-search.ts';
import { callHandler } from '../main/dispatch.ts';
import type { Database } from '../main/store/database.ts';
import { listTags } from '../main/store/tags-repo.ts';
import { formatSearch } from './format.ts';
import { unlockFor } from './lock-commands.ts';
import { defaultInvestigationDir } from './cli-defaults.ts';
import type { Values } from './options.ts';
import { writeFailure, writeOutput, type CliIo, type CliWorkers, type Output } from './cli-io.ts';

/** Runs `dossier search WORDS…` and writes its results; returns the exit code. */
export async function runSearchCommand(
  args: string[],
  values: Values,
  userDataDir: string,
  io: CliIo,
  workers: CliWorkers,
): Promise<number> {
  const steps = stepTimes(io);
  let opened: OpenedSearch | undefined;
  try {
    const dir = values.workspace ?? defaultInvestigationDir(userDataDir);
    const unlock = await unlockFor(dir, values, io.prompt);
    steps.mark('loaded');
    opened = openSearch(dir, workers.searchWorkerUrl ? { workerUrl: workers.searchWorkerUrl } : {}, unlock);
    steps.mark('opened');
    const output = await search(opened, args, values);
    steps.mark('answered');
    writeOutput(io, values.json, output);
    return output.exitCode ?? 0;
  } catch (error) {
    return writeFailure(io, values.json, error);
  } finally {
    await opened?.close();
    steps.mark('closed');
    steps.print();
  }
}

/**
 * With DOSSIER_CLI_TIMING=1 (npm run bench:cli), one line on stderr saying when each step ended, in
 * milliseconds since the process started: modules loaded, store and engine open, answer, closed.
 */
function stepTimes(io: CliIo): { mark(step: string): void; print(): void } {
  if (!process.env.DOSSIER_CLI_TIMING) return { mark: () => undefined, print: () => undefined };
  const marks: string[] = [];
  return {
    mark: (step) => void marks.push(`${step} ${Math.round(performance.now())}`),
    print: () => void io.stderr.write(`dossier-timing: ${marks.join(', ')}\n`),
  };
}

async function search({ workspace, search }: OpenedSearch, args: string[], values: Values): Promise<Output> {
  const query = args.join(' ');
  if (!query.trim()) throw new DossierError('BAD_INPUT', 'Give something to search for.');
  const limit = values.limit ? Number(values.limit) : undefined;
  const filters = await searchFilters(workspace.db, values);
  // The service's search:query handler, over the same engine.
  const response = await callHandler(
    'search:query',
    (input) => search.search(input.query, { limit: input.limit, filters: input.filters as SearchFilters | undefined }),
    {
      query,
      ...(limit ? { limit } : {}),
      ...(filters ? { filters } : {}),
    },
  );
  // A malformed query: its one-line explanation, and a non-zero exit.
  if (response.error) return { json: response, text: `Cannot search: ${response.error}`, exitCode: 2 };
  return { json: response, text: formatSearch(response) };
}

/** The search filters of the command line (--tag, --lang, --format, --source, --from, --to, --attr), or undefined. */
async function searchFilters(db: Database, values: Values): Promise<SearchFilters | undefined> {
  const filters: SearchFilters = {};
  if (values.tag?.length) {
    const tags = await callHandler('tags:list', () => listTags(db), {});
    filters.tagIds = values.tag.map((name) => {
      const tag = tags.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
      if (!tag) throw new DossierError('NOT_FOUND', `There is no tag named "${name}".`);
      return tag.id;
    });
  }
  if (values.lang?.length) filters.languages = values.lang;
  if (values.format?.length) {
    for (const f of values.format) {
      if (!(DOCUMENT_FORMATS as readonly string[]).includes(f)) {
        throw new DossierError('BAD_INPUT', `Unknown format "${f}"; use one of ${DOCUMENT_FORMATS.join(', ')}.`);
      }
    }
    filters.formats = values.format as DocumentFormat[];
  }
  if (values.source?.length) filters.sources = values.source;
  if (values.from) filters.dateFrom = values.from;
  if (values.to) filters.dateTo = values.to;
  // Issue 21: document attributes (--attr NAME=VALUE).
  const attributes = await attributeSearchFilters(db, values.attr);
  if (attributes) filters.attributes = attributes;
  return Object.keys(filters).length ? filters : undefined;
}

/**
 * `dossier search … --attr NAME=VALUE` (repeatable): document attributes as search filters. Values of
 * one attribute are alternatives; `NAME>=N`, `NAME<=N` give a range (numbers, dates).
 */
async function attributeSearchFilters(
  db: Database,
  specs: readonly string[] | undefined,
): Promise<AttributeFilter[] | undefined> {
  if (!specs?.length) return undefined;
  // Loaded for --attr alone: attributes parse typed dates (chrono-node), which a plain search does without.
  const { attributeByName } = await import('../main/qda/attributes.ts');
  const byId = new Map<string, AttributeFilter>();
  for (const spec of specs) {
    const m = /^(.+?)(>=|<=|=)(.*)$/.exec(spec);
    if (!m) throw new DossierError('BAD_INPUT', `--attr takes NAME=VALUE, NAME>=VALUE or NAME<=VALUE (not "${spec}").`);
    const [, name, op, value] = m as unknown as [string, string, string, string];
    const attribute = attributeByName(db, name);
    const filter = byId.get(attribute.id) ?? { attributeId: attribute.id };
    if (op === '=') filter.values = [...(filter.values ?? []), value.trim()];
    else if (op === '>=') filter.min = value.trim();
    else filter.max = value.trim();
    byId.set(attribute.id, filter);
  }
  return [...byId.values()];
}
