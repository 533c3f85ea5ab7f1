/**
 * Writing an export safely: a file name every platform accepts, never overwriting unless asked,
 * and never a half-written file (temp file, fsync, rename: STYLE.md rule 9).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../../shared/errors.ts';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_NAME_BYTES = 200;

/**
 * A file name safe on Windows, macOS and Linux: no path separators or characters Windows refuses,
 * no control or bidi-override characters (which can disguise an extension), no reserved device
 * names, no trailing dots or spaces, at most 200 bytes of UTF-8; the extension kept.
 */
export function sanitiseFileName(name: string, fallback = 'report'): string {
  let clean = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '');
  if (!clean) clean = fallback;
  if (WINDOWS_RESERVED.test(clean)) clean = `_${clean}`;
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(clean)?.[0] ?? '';
  let stem = clean.slice(0, clean.length - ext.length);
  const encoder = new TextEncoder();
  while (encoder.encode(stem + ext).byteLength > MAX_NAME_BYTES) stem = [...stem].slice(0, -1).join('');
  return `${stem.trimEnd()}${ext}`;
}

/** The output path with its file name sanitised and the format's extension added when missing. */
export function safeOutputPath(out: string, extension: string): string {
  const dir = path.dirname(out);
  let base = sanitiseFileName(path.basename(out));
  if (!base.toLowerCase().endsWith(`.${extension}`)) base = sanitiseFileName(`${base}.${extension}`);
  return path.join(dir, base);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `bytes` to `file` atomically: a reader sees the old file or the new one, never a part.
 * `force` replaces an existing file (the CLI's --force; the app's save dialog after it asked).
 * `hint` only words the refusal for where it is read.
 */
export async function writeExport(file: string, bytes: Uint8Array, { force = false, hint = 'cli' as 'cli' | 'app' } = {}): Promise<void> {
  if (!force && (await exists(file))) {
    const how = hint === 'cli' ? 'choose another name or allow replacing it (--force)' : 'choose another name';
    throw new DossierError('CONFLICT', `${path.basename(file)} already exists; ${how}.`);
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (!force && (await exists(file))) {
      throw new DossierError('CONFLICT', `${path.basename(file)} appeared while exporting; nothing was replaced.`);
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
