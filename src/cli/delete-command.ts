/**
 * `dossier delete ID… [--yes]` (issue 14): says what goes with the documents (passages, and the
 * reports that quote them, whose quotes stay marked as from a deleted source), then asks, unless --yes.
 * Without a terminal to ask at and without --yes nothing is deleted.
 */
import { createInterface } from 'node:readline/promises';
import type { DeletionImpact } from '../shared/domain.ts';
import { DossierError } from '../shared/errors.ts';
import type { Handlers } from '../main/service.ts';
import { call } from '../main/dispatch.ts';


/** Asks a yes/no question and answers true for "y" or "yes". */
export type Ask = (question: string) => Promise<boolean>;

/** A question on the terminal, or undefined when there is none (a script, CI): then --yes is needed. */
export function terminalAsk(): Ask | undefined {
  if (!process.stdin.isTTY) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await rl.question(question)).trim());
    } finally {
      rl.close();
    }
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The impact in sentences, as the app's delete dialog says it. */
export function describeImpact(impact: DeletionImpact): string {
  const lines = [
    `${plural(impact.documents.length, 'document')} and ${plural(impact.passages, 'passage')} in ${impact.documents.length === 1 ? 'it' : 'them'} will be deleted:`,
    ...impact.documents.map((d) => `  ${d.title}  [${d.id}]`),
  ];
  if (impact.reports.length) {
    lines.push('Reports quoting them keep the quotes and citations, marked as from a deleted source:');
    for (const r of impact.reports) lines.push(`  ${r.title}: ${plural(r.quotes, 'quote')}`);
  }
  return lines.join('\n');
}

export async function runDeleteCommand(
  h: Handlers,
  ids: string[],
  options: { yes: boolean; json: boolean; ask?: Ask | undefined },
): Promise<{ json: unknown; text: string; exitCode?: number }> {
  if (ids.length === 0) throw new DossierError('BAD_INPUT', 'Give the id of at least one document to delete (see dossier list).');
  const impact = await call(h, 'documents:deleteImpact', { ids });
  const missing = ids.filter((id) => !impact.documents.some((d) => d.id === id));
  if (missing.length) throw new DossierError('NOT_FOUND', `No document has the id ${missing.join(', ')}; nothing was deleted.`);
  const description = describeImpact(impact);
  if (!options.yes) {
    if (!options.ask || options.json) {
      return { json: { deleted: 0, impact }, text: `${description}\nNothing was deleted: run again with --yes to delete.`, exitCode: 2 };
    }
    if (!(await options.ask(`${description}\nDelete? [y/N] `))) return { json: { deleted: 0, impact }, text: 'Nothing was deleted.', exitCode: 1 };
  }
  const result = await call(h, 'documents:delete', { ids });
  const kept = result.quotesKept ? ` ${plural(result.quotesKept, 'quote')} stay in reports, marked as from a deleted source.` : '';
  return {
    json: { ...result, impact },
    text: `${options.yes ? `${description}\n` : ''}Deleted ${plural(result.deleted, 'document')} and ${plural(result.passagesRemoved, 'passage')}.${kept}`,
  };
}
