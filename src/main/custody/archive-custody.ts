/**
 * The custody log in investigation archives (issue 19). The manifest repeats the log's head, so
 * an archive whose store lost its last entries (or whose log was rewritten) is refused at import;
 * after import the log goes on from where it ended, with an 'archive-import' entry.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { CustodyHead } from '../../shared/custody.ts';
import type { ArchiveManifest } from '../../shared/investigations.ts';
import { readValidCustodyRows } from './copy.ts';
import { backupHead } from './verify.ts';

const headSchema = z.object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export const manifestCustodySchema = z.object({ head: headSchema.nullable(), entries: z.number().int().min(0) }).strict();

/** What the manifest says about the log of the store it carries. */
export function manifestCustody(storeFile: string): NonNullable<ArchiveManifest['custody']> {
  const head = backupHead(storeFile);
  return { head, entries: head?.seq ?? 0 };
}

/**
 * Checks the staged store's log: an unbroken chain, ending where the manifest says (archives
 * made before issue 19 carry no head; their chain is still checked). Returns a sentence, or null.
 */
export function archiveCustodyProblem(storeFile: string, manifest: ArchiveManifest): string | null {
  const db = new DatabaseSync(storeFile, { readOnly: true });
  let head: CustodyHead | null;
  try {
    head = readValidCustodyRows(db, 'the store').head;
  } catch (error) {
    return (error as Error).message.replace(/^the store: /, '');
  } finally {
    db.close();
  }
  return custodyHeadProblem(head, manifest);
}

/** Whether a log that ends at `head` ends where the manifest says; a sentence, or null. */
export function custodyHeadProblem(head: CustodyHead | null, manifest: ArchiveManifest): string | null {
  if (manifest.custody === undefined) return null;
  const parsed = manifestCustodySchema.safeParse(manifest.custody);
  if (!parsed.success) return 'its manifest’s custody head is damaged.';
  const said = parsed.data.head;
  if (said?.seq !== head?.seq || said?.hash !== head?.hash) {
    return `its custody log ends at ${head ? `entry #${head.seq}` : 'no entry'}, but its manifest says #${said?.seq ?? 0}: entries were removed or rewritten.`;
  }
  return null;
}

/** SHA-256 of a file read in 1 MB pieces (archives can be large). */
export function fileSha256(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
