/**
 * The index folder's manifest (which cached segment files make the index, issue 4 and 17) and the
 * names of those files. Read and written through index-files.ts, so a locked investigation's is sealed.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readIndexFile, writeIndexFile, type IndexKey } from './index-files.ts';
import { SEGMENT_FORMAT } from './segment-cache.ts';
import { PIPELINE_VERSION } from './tokenizer.ts';

const MANIFEST = 'search-manifest.json';

export interface IndexPaths {
  indexDir: string;
  tmpDir: string;
  indexKey?: IndexKey;
}

export interface Manifest {
  pipelineVersion: number;
  /** The segment files' layout (segment-cache.ts); absent before issue 17's: such caches are rebuilt. */
  format?: number;
  generation: number;
  files: string[];
  /** The change-log sequence number the cached base segments cover (issue 17): every document inserted or
   * deleted after it is in the log. Absent in manifests written before the log existed. */
  changeSeq?: number;
}

/** A segment's cache file: its number (never reused) and the store generation its entries date from. */
export const segmentFile = (paths: IndexPaths, segment: number, builtAt: number) => path.join(paths.indexDir, `segment-${segment}-${builtAt}.bin`);
/** The segment number in a cache file's name (0 when it has none). */
export const segmentNumberOf = (file: string) => Number(/^segment-(\d+)-/.exec(path.basename(file))?.[1] ?? 0);
/** The store generation in a cache file's name. */
export const builtAtOf = (file: string) => Number(/-(\d+)\.bin$/.exec(file)?.[1] ?? 0);

/**
 * The manifest, when it describes caches this code can use: this pipeline and file format, written at
 * or before the store's `generation`. Undefined when it is missing, damaged or stale (then the index is built again).
 */
export function readManifest(paths: IndexPaths, generation: number): Manifest | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readIndexFile(path.join(paths.indexDir, MANIFEST), paths.indexKey).toString('utf8')) as Manifest;
  } catch {
    return undefined;
  }
  const usable = manifest.pipelineVersion === PIPELINE_VERSION && manifest.format === SEGMENT_FORMAT && manifest.generation <= generation && Array.isArray(manifest.files);
  return usable ? { ...manifest, files: manifest.files.map((file) => path.basename(String(file))) } : undefined;
}

export function writeManifest(paths: IndexPaths, manifest: Omit<Manifest, 'pipelineVersion' | 'format'>): void {
  const whole: Manifest = { pipelineVersion: PIPELINE_VERSION, format: SEGMENT_FORMAT, ...manifest };
  writeIndexFile(path.join(paths.indexDir, MANIFEST), Buffer.from(JSON.stringify(whole), 'utf8'), paths.tmpDir, paths.indexKey);
}

/** Segment caches the manifest does not list (another pipeline version, a damaged set): disk space, nothing else. */
export function removeUnlistedCaches(paths: IndexPaths, listed: ReadonlySet<string>): void {
  for (const name of readdirSync(paths.indexDir)) {
    if (/^segment-\d+-\d+\.(?:bin|json)$/.test(name) && !listed.has(name)) rmSync(path.join(paths.indexDir, name), { force: true });
  }
}
