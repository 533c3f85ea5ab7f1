import type { StringKey } from '../strings/en.ts';

/**
 * Every action of the command palette (Ctrl/Cmd+K), in one list: a new action is one line here
 * plus its handler where it lives (the shell or the workspace view). Commands without a handler
 * at the moment (e.g. "Undo" on the start screen) are not offered.
 */
export const COMMANDS = [
  { id: 'import', label: 'cmd.import' },
  { id: 'importFolder', label: 'cmd.importFolder' },
  { id: 'search', label: 'cmd.search', keys: '/' },
  { id: 'passages', label: 'cmd.passages' },
  { id: 'reports', label: 'cmd.reports' },
  // Issue 21: memos, document attributes and analysis tables.
  { id: 'analysis', label: 'cmd.analysis' },
  { id: 'team', label: 'cmd.team' },
  { id: 'mergeInvestigation', label: 'cmd.merge' },
  { id: 'entities', label: 'cmd.entities' },
  { id: 'undo', label: 'cmd.undo', keys: 'Ctrl+Z' },
  { id: 'redo', label: 'cmd.redo', keys: 'Ctrl+Shift+Z' },
  { id: 'help', label: 'cmd.help', keys: '?' },
  { id: 'settings', label: 'cmd.settings', keys: 'Ctrl+,' },
  { id: 'theme', label: 'cmd.theme' },
  { id: 'newInvestigation', label: 'cmd.newInvestigation' },
  { id: 'openFolder', label: 'cmd.openFolder' },
  { id: 'importArchive', label: 'cmd.importArchive' },
  { id: 'exportInvestigation', label: 'cmd.exportInvestigation' },
  { id: 'renameInvestigation', label: 'cmd.renameInvestigation' },
  { id: 'revealInvestigation', label: 'cmd.revealInvestigation' },
  { id: 'closeInvestigation', label: 'cmd.closeInvestigation' },
  { id: 'sample', label: 'cmd.sample' },
  { id: 'about', label: 'cmd.about' },
] as const satisfies readonly { id: string; label: StringKey; keys?: string }[];

export type CommandId = (typeof COMMANDS)[number]['id'];
export type CommandHandlers = Partial<Record<CommandId, () => void>>;

/** Entries built from data: open a document by title, switch to an investigation. */
export interface DynamicCommand {
  id: string;
  label: string;
  run(): void;
}

/**
 * Fuzzy match of `query` in `text`: every query character in order (case-insensitive), scored
 * higher for consecutive runs and word starts. Null when it does not match.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return 0;
  const s = text.toLocaleLowerCase();
  const whole = s.indexOf(q);
  if (whole >= 0) return 1000 - whole + (whole === 0 || /\W/.test(s[whole - 1]!) ? 100 : 0);
  let score = 0;
  let at = 0;
  let previous = -2;
  for (const ch of q) {
    if (ch === ' ') continue;
    const found = s.indexOf(ch, at);
    if (found < 0) return null;
    score += found === previous + 1 ? 5 : 1;
    if (found === 0 || /[\s\-:(]/.test(s[found - 1]!)) score += 3;
    previous = found;
    at = found + 1;
  }
  return score;
}

/** The entries that match, best first; ties keep the list's order. */
export function filterCommands<T extends { label: string }>(entries: T[], query: string): T[] {
  return entries
    .map((entry, i) => ({ entry, i, score: fuzzyScore(query, entry.label) }))
    .filter((x): x is { entry: T; i: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.entry);
}
