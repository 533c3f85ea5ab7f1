import type { BrowserWindow, Dialog } from 'electron';

export const IMPORT_FILTERS = [
  { name: 'Documents', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'xhtml', 'pdf', 'docx', 'eml', 'mbox'] },
  { name: 'All files', extensions: ['*'] },
];

/** The native dialog for choosing files (and, where the platform allows in one dialog, folders). */
export async function pickImportPaths(dialog: Dialog, window: BrowserWindow | null, folders = false): Promise<string[]> {
  const options = {
    title: folders ? 'Import a folder' : 'Import files',
    properties: folders ? (['openDirectory', 'multiSelections'] as const) : (['openFile', 'multiSelections'] as const),
    filters: folders ? [] : IMPORT_FILTERS,
  };
  const result = window
    ? await dialog.showOpenDialog(window, { ...options, properties: [...options.properties] })
    : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
  return result.canceled ? [] : result.filePaths;
}
