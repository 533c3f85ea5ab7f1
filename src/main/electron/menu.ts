import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importFiles(): void;
  importFolder(): void;
  about(): void;
  /** Issue 8: investigations. Absent entries are left out of the menu. */
  newInvestigation?(): void;
  openInvestigation?(): void;
  closeInvestigation?(): void;
  exportInvestigation?(): void;
  importInvestigation?(): void;
  settings?(): void;
}

/** The application menu: the usual entries and accelerators, with Dossier's own actions in File. */
export function menuTemplate(platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        ...investigationItems(actions),
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importFolder() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About Dossier', click: () => actions.about() }] },
  ];
}

/** File-menu entries for investigations (issue 8), each only when its action is wired. */
function investigationItems(actions: MenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  const add = (label: string, action: (() => void) | undefined, accelerator?: string) => {
    if (action) items.push({ label, click: () => action(), ...(accelerator ? { accelerator } : {}) });
  };
  add('New Investigation…', actions.newInvestigation, 'CmdOrCtrl+N');
  add('Open Investigation…', actions.openInvestigation, 'CmdOrCtrl+Shift+N');
  add('Close Investigation', actions.closeInvestigation, 'CmdOrCtrl+Shift+W');
  if (items.length) items.push({ type: 'separator' });
  add('Export Investigation…', actions.exportInvestigation, 'CmdOrCtrl+Shift+E');
  add('Import Investigation…', actions.importInvestigation);
  add('Settings…', actions.settings, 'CmdOrCtrl+,');
  if (items.length) items.push({ type: 'separator' });
  return items;
}
