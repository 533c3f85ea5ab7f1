/**
 * `dossier`: the headless command line over the same service as the app.
 * Every command takes `--workspace DIR` and `--json` (one JSON document on stdout; errors as
 * JSON with a code and a message, and a non-zero exit).
 */
import { parseArgs } from 'node:util';
import { DossierError, toErrorInfo } from '../shared/errors.ts';
import { openApp, type OpenedApp } from '../main/app/open-app.ts';
import { defaultUserDataDir } from '../main/app/default-workspace.ts';
import { call } from '../main/dispatch.ts';
import { anchorQuote } from '../main/service/tagging.ts';
import { formatDocuments, formatImportSummary, formatPassages, formatSearch } from './format.ts';
import { defaultInvestigationDir, INVESTIGATION_COMMANDS, runInvestigationCommand } from './investigation-commands.ts';

const USAGE = `Usage: dossier <command> [options]

Commands:
  import PATH...                       import files and folders (recursively)
  list                                 documents with their metadata
  show ID                              metadata, text and blocks of one document
  search QUERY                         search the documents
  stats                                counts of documents, passages and tags
  tag --doc ID --quote TEXT --tag NAME [--note TEXT]
                                       tag the passage that quotes TEXT exactly
  passages [--tag NAME]                passages, of one tag or all
  verify                               check that passages match their text and the index the store

Investigations:
  investigations                       the investigations this user knows, most recent first
  investigation create NAME [--folder DIR]
                                       a new, empty investigation (in DIR, or under the user-data folder)
  export-investigation --out FILE [--force]
                                       the investigation (--workspace, or the last opened) as one .dossier archive
  import-investigation FILE            check an archive whole, then add it as a new investigation; prints its folder
  sample [--workspace DIR]             the sample investigation (UDHR in six languages), or fill DIR with it

Options:
  --workspace DIR   the investigation folder (default: the one the app opened last)
  --user-data DIR   the user-data folder holding settings and the list of investigations (default: the app's own)
  --json            print one JSON document
  --help            this text`;

const OPTIONS = {
  workspace: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  doc: { type: 'string' },
  quote: { type: 'string' },
  tag: { type: 'string' },
  note: { type: 'string' },
  limit: { type: 'string' },
  'user-data': { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean', default: false },
  folder: { type: 'string' },
} as const;

interface Output {
  json: unknown;
  text: string;
  exitCode?: number;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export interface CliIo {
  stdout: Pick<NodeJS.WritableStream, 'write'>;
  stderr: Pick<NodeJS.WritableStream, 'write'>;
}

export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [command, ...args] = positionals;
  if (values.help || !command) {
    io.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const userDataDir = values['user-data'] ?? process.env.DOSSIER_USER_DATA ?? defaultUserDataDir();
  let app: OpenedApp | undefined;
  try {
    if (INVESTIGATION_COMMANDS.includes(command)) {
      const output = await runInvestigationCommand(command, args, values, userDataDir);
      io.stdout.write(values.json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
      return output.exitCode ?? 0;
    }
    app = openApp(values.workspace ?? defaultInvestigationDir(userDataDir), {
      emit: (event, payload) => {
        if (event !== 'evt:import:progress' || values.json) return;
        const p = payload as { done: number; total: number; currentFile: string };
        if (p.currentFile) io.stderr.write(`[${p.done + 1}/${p.total}] ${p.currentFile}\n`);
      },
    });
    const output = await runCommand(app, command, args, values);
    io.stdout.write(values.json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
    return output.exitCode ?? 0;
  } catch (error) {
    const info = toErrorInfo(error);
    if (values.json) io.stdout.write(`${JSON.stringify({ error: info }, null, 2)}\n`);
    else io.stderr.write(`Error: ${info.message}\n`);
    return 1;
  } finally {
    app?.close();
  }
}

async function runCommand(app: OpenedApp, command: string, args: string[], values: Values): Promise<Output> {
  const h = app.handlers;
  switch (command) {
    case 'import': {
      if (args.length === 0) throw new DossierError('BAD_INPUT', 'Give at least one file or folder to import.');
      const summary = await call(h, 'documents:import', { paths: args });
      return { json: summary, text: formatImportSummary(summary), exitCode: summary.failed.length ? 3 : 0 };
    }
    case 'list': {
      const documents = await call(h, 'documents:list', {});
      return { json: { documents }, text: formatDocuments(documents) };
    }
    case 'show': {
      const doc = await call(h, 'documents:get', { id: need(args[0], 'a document id') });
      const header = `${doc.title}\n${[doc.format, doc.language, doc.source, doc.author, doc.publishedAt, doc.url].filter(Boolean).join(' · ')}`;
      return { json: doc, text: `${header}\n\n${doc.text}` };
    }
    case 'search': {
      const query = args.join(' ');
      if (!query.trim()) throw new DossierError('BAD_INPUT', 'Give something to search for.');
      const limit = values.limit ? Number(values.limit) : undefined;
      const response = await call(h, 'search:query', { query, ...(limit ? { limit } : {}) });
      return { json: response, text: formatSearch(response) };
    }
    case 'stats': {
      const stats = await call(h, 'workspace:stats', {});
      return { json: stats, text: Object.entries(stats).map(([k, v]) => `${k}: ${v}`).join('\n') };
    }
    case 'tag': {
      const documentId = need(values.doc, '--doc ID');
      const doc = await call(h, 'documents:get', { id: documentId });
      const { start, end } = anchorQuote(doc.text, need(values.quote, '--quote TEXT'));
      const passage = await call(h, 'passages:create', {
        documentId,
        start,
        end,
        tagNames: [need(values.tag, '--tag NAME')],
        ...(values.note ? { note: values.note } : {}),
      });
      return { json: passage, text: `Tagged ${passage.start}–${passage.end} of "${passage.documentTitle}" [${passage.id}]` };
    }
    case 'passages': {
      const tags = await call(h, 'tags:list', {});
      let tagId: string | undefined;
      if (values.tag) {
        tagId = tags.find((t) => t.name.toLowerCase() === values.tag!.trim().toLowerCase())?.id;
        if (!tagId) throw new DossierError('NOT_FOUND', `There is no tag named "${values.tag}".`);
      }
      const passages = await call(h, 'passages:list', tagId ? { tagId } : {});
      return { json: { passages }, text: formatPassages(passages, tags) };
    }
    case 'verify': {
      const report = await call(h, 'workspace:verify', {});
      const text = report.ok
        ? `OK: ${report.documentsChecked} documents, ${report.passagesChecked} passages, ${report.indexedDocuments} indexed.`
        : `Problems found:\n${report.problems.map((p) => `  - ${p}`).join('\n')}`;
      return { json: report, text, exitCode: report.ok ? 0 : 4 };
    }
    default:
      throw new DossierError('BAD_INPUT', `Unknown command "${command}". Run dossier --help for the list.`);
  }
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new DossierError('BAD_INPUT', `Missing ${what}.`);
  return value;
}
