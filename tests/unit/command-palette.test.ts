import { describe, expect, it } from 'vitest';
import { COMMANDS, filterCommands, fuzzyScore } from '../../src/renderer/shell/commands.ts';
import { en } from '../../src/renderer/strings/en.ts';
import { t } from '../../src/renderer/strings/t.ts';

const entries = COMMANDS.map((c) => ({ id: c.id, label: t(c.label) }));

describe('command palette filter', () => {
  it('finds commands by a fragment, by initials in order, and ranks word starts first', () => {
    expect(filterCommands(entries, 'sett')[0]!.id).toBe('settings');
    expect(filterCommands(entries, 'exp inv')[0]!.id).toBe('exportInvestigation');
    expect(filterCommands(entries, 'undo')[0]!.id).toBe('undo');
    expect(filterCommands(entries, 'theme')[0]!.id).toBe('theme');
    expect(filterCommands(entries, 'zzzz')).toEqual([]);
  });

  it('keeps the list order when nothing is typed, and matches any script case-insensitively', () => {
    expect(filterCommands(entries, '').map((e) => e.id)).toEqual(COMMANDS.map((c) => c.id));
    expect(fuzzyScore('ئىنسان', 'Open document: ئىنسانلار')).not.toBeNull();
    expect(fuzzyScore('ПРАВА', 'Open document: права человека')).not.toBeNull();
  });
});

describe('UI strings', () => {
  it('fills placeholders and every command has its string', () => {
    expect(t('status.documents', { n: 3 })).toBe('3 documents');
    expect(t('inv.deleteTitle', { name: 'Camps' })).toBe('Delete "Camps"?');
    for (const command of COMMANDS) expect(en[command.label]).toBeTruthy();
  });
});
