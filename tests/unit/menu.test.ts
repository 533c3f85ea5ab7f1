import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../src/main/electron/menu.ts';

const fileItems = (template: MenuItemConstructorOptions[]) =>
  (template.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[]).filter((i) => i.label);

describe('application menu: investigations (issue 8)', () => {
  const base = { importFiles: () => undefined, importFolder: () => undefined, about: () => undefined };

  it('lists the investigation entries with their accelerators when they are wired', () => {
    const called: string[] = [];
    const template = menuTemplate('linux', {
      ...base,
      newInvestigation: () => called.push('new'),
      openInvestigation: () => called.push('open'),
      closeInvestigation: () => called.push('close'),
      exportInvestigation: () => called.push('export'),
      importInvestigation: () => called.push('import'),
      settings: () => called.push('settings'),
    });
    const items = fileItems(template);
    expect(items.map((i) => [i.label, i.accelerator])).toEqual([
      ['New Investigation…', 'CmdOrCtrl+N'],
      ['Open Investigation…', 'CmdOrCtrl+Shift+N'],
      ['Close Investigation', 'CmdOrCtrl+Shift+W'],
      ['Export Investigation…', 'CmdOrCtrl+Shift+E'],
      ['Import Investigation…', undefined],
      ['Settings…', 'CmdOrCtrl+,'],
      ['Import Files…', 'CmdOrCtrl+O'],
      ['Import Folder…', 'CmdOrCtrl+Shift+O'],
    ]);
    for (const item of items.slice(0, 6)) (item.click as () => void)();
    expect(called).toEqual(['new', 'open', 'close', 'export', 'import', 'settings']);
    const accelerators = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('leaves them out where they are not wired', () => {
    expect(fileItems(menuTemplate('linux', base)).map((i) => i.label)).toEqual(['Import Files…', 'Import Folder…']);
  });
});
