/**
 * Teamwork commands of the CLI (issue 21): merge a colleague's archive, inter-coder agreement, and
 * this investigation's researcher name. `--researcher NAME` (main.ts) names the coder of one command.
 */
import type { OpenedApp } from '../main/app/open-app.ts';
import path from 'node:path';
import { call } from '../main/dispatch.ts';
import { DossierError } from '../shared/errors.ts';
import type { AgreementReport, MergeSummary } from '../shared/team.ts';
import { lockedArchiveForMerge } from '../main/team/merge/merge-source.ts';
import { secretFrom, type LockValues, type Prompt } from './lock-commands.ts';

const counts = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, n]) => `${n} ${n === 1 ? k.replace(/s$/, '') : k}`)
    .join(', ') || 'nothing';
const figure = (v: number | null, percent = false) => (v === null ? 'n/a' : percent ? `${(v * 100).toFixed(1)} %` : v.toFixed(3));

export function formatMerge(s: MergeSummary): string {
  const lines = [`Merged ${s.archive}: added ${counts(s.added)}; updated ${counts(s.updated)}.`];
  if (s.conflicts.length) {
    lines.push(`${s.conflicts.length} conflict${s.conflicts.length === 1 ? '' : 's'} to settle:`);
    for (const c of s.conflicts) lines.push(`  - ${c.kind} ${c.what}: here “${c.ours}”, there “${c.theirs}” → ${c.resolution}`);
  }
  return lines.join('\n');
}

export function formatAgreement(r: AgreementReport): string {
  const lines = [
    `Agreement on “${r.tagPath}” between ${r.coders[0]} and ${r.coders[1]} over ${r.documents.length} document${r.documents.length === 1 ? '' : 's'} both coded:`,
    `  percentage agreement ${figure(r.percent, true)}   Cohen's kappa ${figure(r.kappa)}   Krippendorff's alpha ${figure(r.alpha)}`,
    `  units: ${r.unit} (both ${r.counts.both}, ${r.coders[0]} only ${r.counts.firstOnly}, ${r.coders[1]} only ${r.counts.secondOnly}, neither ${r.counts.neither})`,
  ];
  if (r.disagreements.length) {
    lines.push(`${r.disagreements.length} disagreement${r.disagreements.length === 1 ? '' : 's'}:`);
    for (const d of r.disagreements)
      lines.push(
        `  [${d.documentId}] ${d.start}–${d.end} ${d.codedBy} only: “${d.text.length > 80 ? `${d.text.slice(0, 77)}…` : d.text}”`,
      );
  }
  return lines.join('\n');
}

/** Runs a team command, or returns undefined when `command` is not one of them. */
export async function runTeamCommand(
  app: OpenedApp,
  command: string,
  args: string[],
  values: { tag?: string[] | undefined; coders?: string | undefined; csv?: string | undefined; force?: boolean | undefined } & LockValues,
  prompt?: Prompt,
): Promise<{ json: unknown; text: string; exitCode?: number } | undefined> {
  const h = app.handlers;
  switch (command) {
    case 'merge': {
      if (!args[0]) throw new DossierError('BAD_INPUT', 'Give the archive to merge (a .dossier file).');
      const file = args[0];
      const mergeWith = async (secret?: { passphrase: string } | { recoveryKey: string }) =>
        call(h, 'team:merge', { path: file, ...(secret ?? {}) });
      let summary: Awaited<ReturnType<typeof mergeWith>>;
      try {
        summary = await mergeWith(values['passphrase-file'] || values['recovery-key-file'] ? await secretFrom(values, prompt) : undefined);
      } catch (error) {
        // A locked archive: ask for its passphrase (at a terminal) and try once more.
        if (!(error instanceof DossierError) || error.message !== lockedArchiveForMerge(path.basename(path.resolve(file)))) throw error;
        if (!prompt)
          throw new DossierError('FORBIDDEN', `${error.message} Give --passphrase-file FILE or --recovery-key-file FILE, or run the command in a terminal to be asked.`);
        summary = await mergeWith(await secretFrom(values, prompt));
      }
      if ('canceled' in summary) return { json: summary, text: 'Canceled.' };
      return { json: summary, text: formatMerge(summary) };
    }
    case 'agreement': {
      const name = values.tag?.[0];
      if (!name?.trim()) throw new DossierError('BAD_INPUT', 'Give the tag: --tag NAME.');
      const tags = await call(h, 'tags:list', {});
      const found = tags.filter((t) => t.name.toLowerCase() === name.trim().toLowerCase());
      if (!found.length) throw new DossierError('NOT_FOUND', `There is no tag named "${name}".`);
      if (found.length > 1)
        throw new DossierError(
          'AMBIGUOUS',
          `${found.length} tags are named "${name}" (under different parents); rename one first.`,
        );
      const pair = values.coders
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (pair && pair.length !== 2) throw new DossierError('BAD_INPUT', 'Give two researchers: --coders NAME,NAME.');
      const coders = pair ? ([pair[0]!, pair[1]!] as [string, string]) : undefined;
      const report = await call(h, 'team:agreement', { tagId: found[0]!.id, ...(coders ? { coders } : {}) });
      let text = formatAgreement(report);
      if (values.csv) {
        const written = await call(h, 'team:exportAgreement', {
          tagId: found[0]!.id,
          ...(coders ? { coders } : {}),
          path: values.csv,
          force: values.force ?? false,
        });
        text += `\nWrote ${written.path}.`;
      }
      return { json: report, text };
    }
    case 'researcher': {
      const view = args.length ? await call(h, 'team:setResearcher', { name: args[0]! }) : await call(h, 'team:researcher', {});
      const text = view.investigation
        ? `This investigation's researcher: ${view.investigation}.`
        : `No researcher name set for this investigation${view.effective ? `; Settings' name applies: ${view.effective}` : ''}.`;
      return { json: view, text };
    }
    default:
      return undefined;
  }
}
