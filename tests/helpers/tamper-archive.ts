import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { strToU8, unzipSync, zipSync } from 'fflate';

interface Manifest {
  entries: { name: string; size: number; sha256: string }[];
  counts: Record<string, number>;
}

/**
 * A real exported archive with its store altered by `tamper` (what someone holding the file could
 * do with the sqlite3 shell), re-zipped with a manifest whose checksums match again, so that only
 * Dossier's checks of the store itself stand between the archive and the user's data.
 */
export function tamperArchive(
  archive: Uint8Array,
  scratchDir: string,
  tamper: (db: DatabaseSync) => void,
  editManifest: (manifest: Manifest) => void = () => undefined,
): Uint8Array {
  const entries = unzipSync(archive);
  const file = path.join(scratchDir, `tamper-${randomUUID()}.sqlite`);
  writeFileSync(file, entries['store/dossier.sqlite']!);
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: false });
  try {
    tamper(db);
  } finally {
    db.close();
  }
  const store = new Uint8Array(readFileSync(file));
  rmSync(file, { force: true });
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as Manifest;
  manifest.entries = [{ name: 'store/dossier.sqlite', size: store.byteLength, sha256: createHash('sha256').update(store).digest('hex') }];
  editManifest(manifest);
  return zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'store/dossier.sqlite': store }, { level: 1 });
}
