/**
 * The head file (issue 19): `custody-head.json` beside the store in the investigation's folder,
 * naming the newest custody entry the store has committed. It lives outside the database, so
 * someone holding only the database file cannot remove the last entries and rewrite it to match.
 * It only ever moves forward along the chain (or past a restore that says what it replaced).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CustodyHead } from '../../shared/custody.ts';

export const CUSTODY_HEAD_FILE = 'custody-head.json';
const FORMAT = 'dossier-custody-head';

const headSchema = z
  .object({
    format: z.literal(FORMAT),
    seq: z.number().int().min(1),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    writtenAt: z.string().max(100),
  })
  .strict();

/** The recorded head, null when there is no file, or 'unreadable' when it is not one of ours. */
export function readHeadFile(file: string): CustodyHead | null | 'unreadable' {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT' ? null : 'unreadable';
  }
  try {
    const parsed = headSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { seq: parsed.data.seq, hash: parsed.data.hash } : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/**
 * Written by rename, so a reader sees the old head or the new one. Not fsynced: a head lost in a
 * power cut only makes the check weaker (an older head is still on the chain), never wrong.
 */
export function writeHeadFile(file: string, head: CustodyHead, now = new Date()): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, `${JSON.stringify({ format: FORMAT, seq: head.seq, hash: head.hash, writtenAt: now.toISOString() }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}
