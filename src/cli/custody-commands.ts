/** `dossier custody …` (issue 19): the chain of custody, whole or of one document, its check and a CSV. */
import type { CustodyEntry } from '../shared/custody.ts';
import { DossierError } from '../shared/errors.ts';
import { call } from '../main/dispatch.ts';
import type { Handlers } from '../main/service.ts';


interface Output {
  json: unknown;
  text: string;
  exitCode?: number;
}

const short = (hash: string) => hash.slice(0, 12);

/** One line a terminal can show: what happened, to what, by whom. */
export function describeEntry(e: CustodyEntry): string {
  const d = e.details as Record<string, unknown> & {
    file?: { name?: string; sha256?: string; size?: number };
    files?: { path?: string; sha256?: string }[];
    changes?: Record<string, { old: unknown; new: unknown }>;
  };
  const what = (() => {
    switch (e.kind) {
      case 'import':
        return `imported ${d.file?.name ?? '?'} (${d.file?.size ?? '?'} bytes, SHA-256 ${short(d.file?.sha256 ?? '')}…) as “${String(d.title)}”`;
      case 'metadata-edit':
        return `edited ${Object.entries(d.changes ?? {})
          .map(([f, c]) => `${f}: ${JSON.stringify(c.old)} → ${JSON.stringify(c.new)}`)
          .join('; ')}`;
      case 'export':
        return `exported ${String(d.format)}: ${(d.files ?? []).map((f) => `${f.path} (SHA-256 ${short(f.sha256 ?? '')}…)`).join(', ')}`;
      case 'document-delete':
        return `deleted “${String(d.title)}” (original SHA-256 ${short(String(d.originalHash))}…, ${String(d.passagesRemoved)} passages)`;
      default:
        return `${e.kind} ${JSON.stringify(d)}`;
    }
  })();
  return `#${e.seq}  ${e.at}  ${e.researcher ?? '-'}  ${e.documentId ? `[${e.documentId}] ` : ''}${what}`;
}

export async function runCustodyCommand(
  h: Handlers,
  args: string[],
  values: { doc?: string | undefined; out?: string | undefined; force?: boolean | undefined },
): Promise<Output> {
  const [sub] = args;
  if (sub === 'verify') {
    const report = await call(h, 'custody:verify', {});
    const text = report.ok
      ? `OK: ${report.entries} custody entries, chain intact${report.head ? ` (head #${report.head.seq} ${short(report.head.hash)}…)` : ''}.${report.anchors.map((a) => `\n  ${a}`).join('')}`
      : `The chain of custody is broken:\n${report.problems.map((p) => `  - ${p}`).join('\n')}`;
    return { json: report, text, exitCode: report.ok ? 0 : 4 };
  }
  if (sub === 'export') {
    if (!values.out) throw new DossierError('BAD_INPUT', 'Missing --out FILE.csv.');
    const result = await call(h, 'custody:exportCsv', { path: values.out, force: values.force ?? false });
    return { json: result, text: `Wrote ${result.entries} custody entries to ${result.path}.` };
  }
  if (sub !== undefined) throw new DossierError('BAD_INPUT', `Unknown custody command "${sub}". Use: custody, custody verify, custody export.`);
  const entries = await call(h, 'custody:list', values.doc ? { documentId: values.doc } : {});
  return { json: { entries }, text: entries.length ? entries.map(describeEntry).join('\n') : 'The custody log is empty.' };
}
