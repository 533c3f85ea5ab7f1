import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../app/atomic-file.ts';
import { newId, nowIso } from '../store/ids.ts';

export const REGISTRY_FILE = 'investigations.json';

const entrySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  path: z.string().min(1),
  createdAt: z.string(),
  lastOpenedAt: z.string().nullable(),
  sample: z.boolean().default(false),
});
const fileSchema = z.object({ version: z.literal(1), investigations: z.array(entrySchema) });

export type RegistryEntry = z.output<typeof entrySchema>;

export interface Registry {
  /** Entries, most recently opened first (never-opened ones by creation). */
  list(): RegistryEntry[];
  get(id: string): RegistryEntry | undefined;
  findByPath(dir: string): RegistryEntry | undefined;
  /** Adds a folder (or returns its existing entry: a folder is listed once). */
  add(fields: { name: string; path: string; sample?: boolean }): RegistryEntry;
  update(id: string, fields: Partial<Pick<RegistryEntry, 'name' | 'lastOpenedAt'>>): RegistryEntry | undefined;
  remove(id: string): boolean;
  /** The investigation opened last, to reopen at start-up. */
  last(): RegistryEntry | undefined;
  /** A sentence when the file was unreadable and set aside, for the UI to show once. */
  problem: string | null;
}

/**
 * The list of investigations a user knows, as JSON in the user-data folder, written atomically
 * on every change. The folders are the truth: an entry whose folder is gone stays listed (marked
 * missing by the session) until the user forgets it, since a removable disk may come back.
 */
export function openRegistry(userDataDir: string): Registry {
  const file = path.join(userDataDir, REGISTRY_FILE);
  const { entries: loaded, problem } = load(file);
  let entries = loaded;
  // The app and the CLI may both hold the registry: re-read before each change and each listing,
  // so one never overwrites what the other just wrote (the file is small).
  const refresh = () => {
    const fresh = tryLoad(file);
    if (fresh) entries = fresh;
  };
  const save = () => writeFileAtomic(file, `${JSON.stringify({ version: 1, investigations: entries }, null, 2)}\n`);
  const same = (a: string, b: string) => normalize(a) === normalize(b);

  return {
    problem,
    list: () =>
      (refresh(), [...entries]).sort((a, b) => (b.lastOpenedAt ?? b.createdAt).localeCompare(a.lastOpenedAt ?? a.createdAt)),
    get: (id) => (refresh(), entries.find((e) => e.id === id)),
    findByPath: (dir) => (refresh(), entries.find((e) => same(e.path, dir))),
    add({ name, path: dir, sample = false }) {
      refresh();
      const existing = entries.find((e) => same(e.path, dir));
      if (existing) return existing;
      const entry: RegistryEntry = { id: newId(), name, path: path.resolve(dir), createdAt: nowIso(), lastOpenedAt: null, sample };
      entries = [...entries, entry];
      save();
      return entry;
    },
    update(id, fields) {
      refresh();
      const index = entries.findIndex((e) => e.id === id);
      if (index < 0) return undefined;
      const next = { ...entries[index]!, ...fields };
      entries = entries.map((e, i) => (i === index ? next : e));
      save();
      return next;
    },
    remove(id) {
      refresh();
      const before = entries.length;
      entries = entries.filter((e) => e.id !== id);
      if (entries.length === before) return false;
      save();
      return true;
    },
    last() {
      refresh();
      return entries
        .filter((e) => e.lastOpenedAt)
        .sort((a, b) => b.lastOpenedAt!.localeCompare(a.lastOpenedAt!))[0];
    },
  };
}

function normalize(dir: string): string {
  const resolved = path.resolve(dir);
  return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

function tryLoad(file: string): RegistryEntry[] | undefined {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.investigations : undefined;
  } catch {
    return undefined;
  }
}

/** A corrupt registry is set aside (never deleted: it may be the only record of where folders live). */
function load(file: string): { entries: RegistryEntry[]; problem: string | null } {
  if (!existsSync(file)) return { entries: [], problem: null };
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { entries: parsed.data.investigations, problem: null };
  } catch {
    // fall through: unreadable or not JSON
  }
  const aside = `${file}.corrupt-${Date.now()}`;
  try {
    renameSync(file, aside);
  } catch {
    // leave it where it is; the next save replaces it
  }
  return {
    entries: [],
    problem: `The list of investigations (${file}) was damaged and has been set aside as ${path.basename(aside)}. Your investigation folders were not touched: open them again with "Open folder".`,
  };
}
