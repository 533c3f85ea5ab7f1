import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { readError } from '../../../src/main/importers/file-access.ts';
import { importSources } from '../../../src/main/service/import-files.ts';
import { tempApps } from '../../helpers/temp-apps.ts';

// Issue 13, item 5: special files never hang an import or grow memory, and nothing in a folder is dropped in silence.
const newApp = tempApps();

/** The test (never the app) makes a named pipe with the system's mkfifo. */
const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

describe.skipIf(process.platform === 'win32')('special files', () => {
  it('refuses a FIFO given directly at once, with a sentence, and imports the rest of the batch', async () => {
    const app = newApp();
    const fifo = path.join(app.dir, 'pipe.txt');
    mkfifo(fifo);
    const good = path.join(app.dir, 'good.txt');
    writeFileSync(good, 'A witness statement from Ghulja.');
    // No writer ever opens the pipe: before the fix, reading it waited for one for ever.
    const summary = await call(app.handlers, 'documents:import', { paths: [fifo, good] });
    expect(summary.failed).toEqual([
      { path: fifo, code: 'UNSUPPORTED_FORMAT', message: 'pipe.txt is a named pipe (FIFO), not a regular file; it was not imported.' },
    ]);
    expect(summary.imported.map((i) => i.title)).toEqual(['A witness statement from Ghulja.']);
  });

  it('refuses a symbolic link to /dev/zero given directly without reading from it', async () => {
    const app = newApp();
    const link = path.join(app.dir, 'zero.txt');
    symlinkSync('/dev/zero', link);
    const summary = await call(app.handlers, 'documents:import', { paths: [link] });
    expect(summary.failed).toEqual([
      { path: link, code: 'UNSUPPORTED_FORMAT', message: 'zero.txt is a device, not a regular file; it was not imported.' },
    ]);
    expect(await call(app.handlers, 'documents:list', {})).toEqual([]);
  });

  it('names every entry of a folder it skipped, and why, and imports the regular files', async () => {
    const app = newApp();
    const folder = path.join(app.dir, 'tips');
    mkdirSync(path.join(folder, 'nested'), { recursive: true });
    writeFileSync(path.join(folder, 'a.txt'), 'First tip about the camp.');
    writeFileSync(path.join(folder, 'nested', 'b.md'), '# Second tip\n\nAbout the transfer.');
    writeFileSync(path.join(folder, 'photo.heic'), new Uint8Array([0, 0, 0, 0x18]));
    writeFileSync(path.join(folder, '.hidden.txt'), 'not listed');
    symlinkSync(path.join(folder, 'a.txt'), path.join(folder, 'link-to-a.txt'));
    symlinkSync('/dev/zero', path.join(folder, 'zero.txt'));
    symlinkSync(path.join(folder, 'gone.txt'), path.join(folder, 'dangling.txt'));
    mkfifo(path.join(folder, 'pipe.txt'));
    const summary = await call(app.handlers, 'documents:import', { paths: [folder] });
    expect(summary.failed).toEqual([]);
    expect(summary.imported.map((i) => path.relative(folder, i.path)).sort()).toEqual(['a.txt', path.join('nested', 'b.md')]);
    const skipped = Object.fromEntries(summary.skipped.map((s) => [path.relative(folder, s.path), s.reason]));
    expect(skipped).toEqual({
      'dangling.txt': 'dangling.txt is a symbolic link: links inside a folder are not followed (import the file it points to directly).',
      'link-to-a.txt': 'link-to-a.txt is a symbolic link: links inside a folder are not followed (import the file it points to directly).',
      'photo.heic': 'photo.heic is not a format Dossier imports.',
      'pipe.txt': 'pipe.txt is a named pipe (FIFO): only regular files are imported.',
      'zero.txt': 'zero.txt is a symbolic link: links inside a folder are not followed (import the file it points to directly).',
    });
  });

  it.skipIf(!existsSync('/proc/self/status'))('reads a file whose size says 0 (a /proc file) to its end, and never past the limit', async () => {
    const app = newApp();
    const status = path.join(app.dir, 'status.txt');
    symlinkSync('/proc/self/status', status);
    const summary = await call(app.handlers, 'documents:import', { paths: [status] });
    expect(summary.failed).toEqual([]);
    const doc = await call(app.handlers, 'documents:get', { id: summary.imported[0]!.id });
    // The content was read although stat() gave a size of 0.
    expect(doc.text).toMatch(/^Name:/);
    expect(doc.byteSize).toBeGreaterThan(100);
    const bounded = await importSources(app.workspace.db, [{ path: status }], { maxFileBytes: 64 });
    expect(bounded.failed).toEqual([
      { path: status, code: 'TOO_LARGE', message: 'status.txt is larger than the 64 bytes import limit. Split it, or raise the limit in Settings.' },
    ]);
  });

  it('says why a file could not be read, naming it', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(readError('secret.txt', denied).message).toBe('secret.txt could not be read: permission denied.');
    const gone = Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    expect(readError('moved.pdf', gone).message).toBe('moved.pdf could not be read: it no longer exists.');
  });
});
