import type { BrowserWindow, Dialog } from 'electron';

export const IMPORT_FILTERS = [
  { name: 'Documents', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'xhtml', 'pdf', 'docx', 'eml', 'mbox', 'png', 'jpg', 'jpeg', 'tif', 'tiff', 'webp'] },
  // Issue 21: a REFI-QDA project (QualCoder, ATLAS.ti, MAXQDA, NVivo) imports its documents, codebook and codings.
  { name: 'REFI-QDA projects', extensions: ['qdpx'] },
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

/** Issue 8: the folder of an investigation to open, or an empty one to create it in. */
export async function chooseFolder(dialog: Dialog, window: BrowserWindow | null, title: string): Promise<string | null> {
  const options = { title, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export const ARCHIVE_FILTERS = [{ name: 'Dossier investigation', extensions: ['dossier'] }];

/** Issue 8: an investigation archive to import. */
export async function chooseArchive(dialog: Dialog, window: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Import an investigation', properties: ['openFile'] as 'openFile'[], filters: ARCHIVE_FILTERS };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Issue 8: where to write an investigation archive; the dialog itself asks before replacing a file. */
export async function chooseExportPath(dialog: Dialog, window: BrowserWindow | null, defaultPath: string): Promise<string | null> {
  const options = { title: 'Export the investigation', defaultPath, filters: ARCHIVE_FILTERS };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
