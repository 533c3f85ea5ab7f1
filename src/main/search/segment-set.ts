/**
 * The segments of the index and their life cycle, on the main thread (which only keeps ids and
 * bookkeeping; every Lunr index lives in a worker). A few large base segments are cached in the
 * workspace's index folder; one small delta segment holds what came since and is rebuilt on each
 * change; documents removed from the store are tombstones until their segment is compacted.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { currentGeneration, type Database } from '../store/database.ts';
import { documentChangesResetAt, documentsChangedBetween, latestDocumentChange } from '../store/document-changes-repo.ts';
import { builtAtOf, readManifest, removeUnlistedCaches, segmentFile, segmentNumberOf, writeManifest, type IndexPaths } from './search-manifest.ts';
import { DocTable, Owners, type DocMeta } from './doc-table.ts';
import type { WorkerPool } from './worker-pool.ts';
import { unpackIds, type SegmentReply } from './worker-protocol.ts';
import { pickMerge, spreadBySize, Turn } from './merge-policy.ts';

/**
 * Documents per segment a build writes: bounds a build's peak memory (a worker holds the postings of
 * the segment it builds), and lets the workers share the load; merges make the segments large
 * afterwards. Measured at 20,000 bench documents when segments were built in JavaScript arrays: peak
 * RSS 970 MB with 2,500, 784 MB with 1,000, 670 MB with 500. Since postings are built in one pool of
 * blocks (postings-pool.ts) a segment of 1,000 costs a few MB more than one of 500, and at 100,000
 * documents the full build's CPU time went from 80 s (500) to 60 s (1,000; 57 s with 2,000, for ~20 MB
 * more peak): half the merges, and each segment's per-term work (sorting, dictionary) done half as often.
 */
export const BASE_SIZE = 1000;
/** The delta becomes a base segment (cached) once it holds this many documents. */
export const DELTA_MAX = 500;
/** A base segment whose tombstones pass this share is rewritten without them (a merge of one segment). */
const COMPACT_SHARE = 0.25;
/**
 * Issue 17's merge policy: a worker's base segments merge two by two while two are of the same tier
 * (live documents / BASE_SIZE, rounded down to a power of two), as a binary counter, so a worker
 * holds about log2(N / BASE_SIZE) segments instead of N / BASE_SIZE, and a vocabulary is not
 * repeated in 40 segments at 100,000 documents. No merge makes a segment above MERGE_MAX documents:
 * a merge holds its inputs and its output at once.
 */
export const MERGE_MAX = 50_000;
/**
 * A full build's merges of this many base segments' worth of documents (4,000 at 1,000) or more are
 * written when made rather than at the build's end: at 100,000 documents each document is then written
 * about three times instead of once, and the build holds at most a few thousand documents' positions
 * and offsets per worker in memory instead of all of them.
 */
const SPILL_SEGMENTS = 4;

export interface SegmentInfo {
  id: number;
  worker: number;
  ids: string[];
  /** Each local document's ordinal in the engine's DocTable. */
  ordinals: Int32Array;
  /** Each field's average length in the segment (BM25's length normalisation uses their average over all segments). */
  averages: number[];
  base: boolean;
  cacheFile: string | null;
  tombstones: number;
  /** The store generation the segment was built at: documents edited later are re-indexed. */
  builtAt: number;
}

export interface IndexProgress {
  phase: 'load' | 'build';
  done: number;
  total: number;
}

export class SegmentSet {
  readonly segments = new Map<number, SegmentInfo>();
  /** Which segment owns each live document (by ordinal): a document anywhere else is a tombstone. */
  private readonly owner = new Owners();
  /** Segments whose entry of a document predates an edit of its indexed fields. */
  private readonly superseded = new Map<string, number[]>();
  /** Live documents' filter and facet values (a document absent or removed there is a tombstone everywhere). */
  readonly table = new DocTable();
  private delta: SegmentInfo | null = null;
  private nextSegment = 1;
  private syncedGeneration = -1;
  /** The last change-log entry applied; -1 while unknown (then the next sync reads every document id once). */
  private changeSeq = -1;
  /** The change-log entry the base segments cover (the delta holds what came after); written to the manifest. */
  private baseSeq = -1;
  private started = false;
  private chain: Promise<void> = Promise.resolve();
  /** A merge or compaction is running (one at a time, off the sync chain). */
  private background = false;
  /**
   * During a full build: the segments not written yet. Its segments and their merges are written once,
   * at its end (writing every 500-document segment and every merge, fsynced, wrote the index ~7 times).
   */
  private unsaved: Set<number> | undefined;
  /**
   * During a full build, a merge making at least this many documents writes its file at once, and the
   * worker then holds it with its positions and offsets on disk (issue 17: the build's peak memory was
   * the whole index resident until its end). Smaller ones wait for the end, as above. Never for a
   * locked investigation: its files are decrypted whole to be read, so writing early saves no memory.
   */
  private readonly spillSize: number;
  /** Held by the worker merging during a full build. */
  private readonly mergeTurn = new Turn();
  private readonly mergeMax: number;
  private readonly db: Database;
  private readonly pool: WorkerPool;
  private readonly paths: IndexPaths;
  private readonly onProgress: (p: IndexProgress) => void;

  private readonly baseSize: number;
  private readonly deltaMax: number;

  constructor(
    db: Database,
    pool: WorkerPool,
    paths: IndexPaths,
    onProgress: (p: IndexProgress) => void,
    sizes: { baseSize?: number | undefined; deltaMax?: number | undefined; mergeMax?: number | undefined } = {},
  ) {
    this.baseSize = sizes.baseSize ?? BASE_SIZE;
    this.spillSize = paths.indexKey ? Infinity : SPILL_SEGMENTS * this.baseSize;
    this.mergeMax = sizes.mergeMax ?? MERGE_MAX;
    this.deltaMax = sizes.deltaMax ?? DELTA_MAX;
    this.db = db;
    this.pool = pool;
    this.paths = paths;
    this.onProgress = onProgress;
  }

  /** Brings the segments up to date with the store; calls are serialised. */
  fresh(): Promise<void> {
    if (this.started && currentGeneration(this.db) === this.syncedGeneration) return this.chain;
    this.chain = this.chain.then(() => this.sync());
    return this.chain;
  }

  private async sync(): Promise<void> {
    const generation = currentGeneration(this.db);
    // Read before the store's documents are: a change committed meanwhile is applied again next time, never missed.
    const seq = latestDocumentChange(this.db);
    if (!this.started) {
      this.started = true;
      if (!(await this.loadCaches())) await this.rebuild(generation, seq);
    }
    if (generation === this.syncedGeneration) return;
    // The store was replaced (a backup restored): the log's numbers tell another history.
    if (this.changeSeq >= 0 && this.changeSeq < documentChangesResetAt(this.db)) this.changeSeq = this.baseSeq = -1;
    const added = [...(this.changeSeq >= 0 ? this.applyChanges(seq) : this.reconcile()), ...this.replaceEdited()];
    this.changeSeq = seq;
    this.loadMeta(added);
    const delta = this.delta;
    const deltaIds = [...(delta?.ids.filter((_, local) => this.owner.get(delta.ordinals[local]) === delta.id) ?? []), ...added];
    if (added.length > 0 || (this.delta && this.delta.tombstones > 0)) {
      if (await this.rebuildDelta(deltaIds, generation)) {
        // The delta became a base segment: the cached segments now cover every change so far.
        this.baseSeq = seq;
        await this.writeManifest(generation);
      }
    }
    this.syncedGeneration = generation;
    this.mergeInBackground(generation);
  }

  /** Applies the change log since the last sync: documents deleted become tombstones; returns the new ones to index. */
  private applyChanges(throughSeq: number): string[] {
    const added: string[] = [];
    for (const { id, present } of documentsChangedBetween(this.db, this.changeSeq, throughSeq)) {
      if (present) {
        // Inserted (or restored by an undo); one the index holds already is an edit, which replaceEdited() handles.
        if (!this.table.isLive(id) && !this.owner.has(this.table.find(id))) added.push(id);
        continue;
      }
      this.forget(id);
    }
    return added;
  }

  /** A document gone from the store: a tombstone in its segment until that is compacted. */
  private forget(id: string): void {
    const ordinal = this.table.find(id);
    const segmentId = this.owner.get(ordinal);
    this.table.remove(id);
    if (segmentId === undefined) return;
    this.owner.delete(ordinal);
    const segment = this.segments.get(segmentId);
    if (segment) segment.tombstones++;
  }

  /** The segment holding a live document's entry, if any. */
  ownerOf(id: string): number | undefined {
    return this.owner.get(this.table.find(id));
  }

  /** How many documents the index holds. */
  get indexedCount(): number {
    return this.owner.size;
  }

  /** Brings owner and table in line with the store's documents by reading every id (when the change log cannot tell); returns the documents to (re)index. */
  private reconcile(): string[] {
    const storeIds = (this.db.prepare('SELECT id FROM documents').all() as { id: string }[]).map((r) => r.id);
    const unknown = storeIds.filter((id) => !this.table.isLive(id));
    // Every live document still in the store: nothing was removed, and only the unknown ones are new.
    if (storeIds.length - unknown.length !== this.table.liveSize) {
      const live = new Set(storeIds);
      for (const ordinal of this.owner.ordinals()) if (!live.has(this.table.ids[ordinal]!)) this.forget(this.table.ids[ordinal]!);
    }
    return unknown;
  }

  /** Documents whose indexed fields were edited after their segment was built lose that entry (then re-added); returns them. */
  private replaceEdited(): string[] {
    if (this.segments.size === 0) return [];
    const edited: string[] = [];
    const oldest = Math.min(...[...this.segments.values()].map((s) => s.builtAt));
    const rows = this.db.prepare('SELECT id, index_generation AS changedAt FROM documents WHERE index_generation > ?').all(oldest) as {
      id: string;
      changedAt: number;
    }[];
    for (const { id, changedAt } of rows) {
      const ordinal = this.table.find(id);
      const segment = this.segments.get(this.owner.get(ordinal) ?? -1);
      if (!segment || segment.builtAt >= changedAt) continue;
      this.owner.delete(ordinal);
      segment.tombstones++;
      this.superseded.set(id, [...(this.superseded.get(id) ?? []), segment.id]);
      edited.push(id);
    }
    return edited;
  }

  /** True when `segmentId` holds an older entry of a document edited since (segment ids are never reused). */
  isSuperseded(docId: string, segmentId: number): boolean {
    // Asked for every matching document: without edits pending compaction it is no lookup at all.
    return this.superseded.size > 0 && (this.superseded.get(docId)?.includes(segmentId) ?? false);
  }

  /** Whether any segment holds a superseded entry (then isSuperseded must be asked). */
  get hasSuperseded(): boolean {
    return this.superseded.size > 0;
  }

  private ordinalsOf(ids: string[]): Int32Array {
    const ordinals = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) ordinals[i] = this.table.ordinal(ids[i]!);
    return ordinals;
  }

  /** A worker's answer for a segment: its ids and their ordinals, and the filter values it read with them recorded. */
  private received(reply: SegmentReply): { ids: string[]; ordinals: Int32Array; averages: number[] } {
    const ids = unpackIds(reply.ids);
    const ordinals = this.ordinalsOf(ids);
    // The filter values the worker read with the documents (a null format: the store no longer holds one).
    if (reply.meta) this.table.setCoded(ordinals, reply.meta);
    return { ids, ordinals, averages: reply.averages };
  }

  /** Each field's average length over every segment, weighted by their documents (Lunr's one index has one average). */
  fieldAverages(): number[] {
    const sums: number[] = [];
    let documents = 0;
    for (const segment of this.segments.values()) {
      documents += segment.ids.length;
      segment.averages.forEach((average, f) => (sums[f] = (sums[f] ?? 0) + average * segment.ids.length));
    }
    return sums.map((sum) => sum / Math.max(1, documents));
  }


  private loadMeta(ids: string[]): void {
    if (ids.length === 0) return;
    const columns = 'id, language, format, source, published_at AS publishedAt';
    const rows =
      ids.length > 200
        ? (this.db.prepare(`SELECT ${columns} FROM documents`).all() as unknown as (DocMeta & { id: string })[])
        : ids.map((id) => this.db.prepare(`SELECT ${columns} FROM documents WHERE id = ?`).get(id) as unknown as (DocMeta & { id: string }) | undefined);
    const wanted = new Set(ids);
    for (const row of rows) {
      if (!row || !wanted.has(row.id)) continue;
      this.table.set(row.id, { language: row.language, format: row.format, source: row.source, publishedAt: row.publishedAt });
    }
  }

  /** Rebuilds the delta segment; true when it grew into a (cached) base segment. */
  private async rebuildDelta(ids: string[], generation: number): Promise<boolean> {
    const old = this.delta;
    const promote = ids.length >= this.deltaMax;
    const segment = await this.build(ids, promote, generation, old?.worker ?? this.leastLoadedWorker());
    if (old) await this.drop(old);
    this.delta = promote ? null : segment;
    return promote;
  }

  private leastLoadedWorker(): number {
    const load = new Array<number>(this.pool.size).fill(0);
    for (const s of this.segments.values()) load[s.worker]! += s.ids.length;
    return load.indexOf(Math.min(...load));
  }

  /** Builds a segment in a worker and makes it the owner of its documents. */
  private async build(ids: string[], base: boolean, generation: number, worker: number, moreToCome = false): Promise<SegmentInfo> {
    const id = this.nextSegment++;
    const cacheFile = base ? segmentFile(this.paths, id, generation) : null;
    const reply = await this.pool.call<SegmentReply>(worker, {
      type: 'build',
      segment: id,
      ids,
      generation,
      moreToCome,
      ...(cacheFile && !this.unsaved ? { cacheFile } : {}),
    });
    if (cacheFile && this.unsaved) this.unsaved.add(id);
    const built = this.received(reply);
    const segment: SegmentInfo = { id, worker, ...built, base, cacheFile, tombstones: 0, builtAt: generation };
    this.segments.set(id, segment);
    // A document removed from the store while the segment was built is born a tombstone.
    for (const ordinal of built.ordinals) {
      if (this.table.live[ordinal]) this.owner.set(ordinal, id);
      else segment.tombstones++;
    }
    return segment;
  }

  private async drop(segment: SegmentInfo): Promise<void> {
    this.segments.delete(segment.id);
    await this.pool.call(segment.worker, { type: 'drop', segment: segment.id });
    if (segment.cacheFile) rmSync(segment.cacheFile, { force: true });
  }

  /** Full build from the store, base segments spread over the workers. */
  private async rebuild(generation: number, seq: number): Promise<void> {
    this.changeSeq = seq;
    this.baseSeq = seq;
    const ids = (this.db.prepare('SELECT id FROM documents ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
    // The documents' filter values come back with each built segment (read in the workers).
    let done = 0;
    this.onProgress({ phase: 'build', done, total: ids.length });
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += this.baseSize) chunks.push(ids.slice(i, i + this.baseSize));
    // Each worker builds its chunks in turn and merges them as it goes (merging is a copy of bytes, not a
    // re-tokenising), so the build ends with the index in its merged shape and few segments held at once.
    const workers = Array.from({ length: this.pool.size }, (_, w) => chunks.filter((_, i) => i % this.pool.size === w));
    const unsaved = (this.unsaved = new Set());
    await Promise.all(
      workers.map(async (mine, worker) => {
        for (const [n, chunk] of mine.entries()) {
          await this.build(chunk, true, generation, worker, n < mine.length - 1);
          done += chunk.length;
          this.onProgress({ phase: 'build', done, total: ids.length });
          // One worker merges at a time (two large merges at once doubled a build's peak memory); the other builds on meanwhile.
          const last = n === mine.length - 1;
          if (!last && !this.mergeTurn.tryAcquire()) continue;
          if (last) await this.mergeTurn.acquire();
          try {
            for (let pair = this.mergeCandidate(worker); pair; pair = this.mergeCandidate(worker)) await this.merge(pair, generation);
          } finally {
            this.mergeTurn.release();
          }
        }
      }),
    );
    this.unsaved = undefined;
    // One segment at a time: a segment's file is made whole in memory before it is written (index-files.ts).
    for (const segment of this.segments.values()) {
      if (!unsaved.has(segment.id) || !segment.cacheFile) continue;
      await this.pool.call(segment.worker, { type: 'save', segment: segment.id, cacheFile: segment.cacheFile, generation });
    }
    await this.writeManifest(generation);
    this.removeStaleCaches();
  }

  /** Segment caches no manifest lists any more: disk space, nothing else. */
  private removeStaleCaches(): void {
    removeUnlistedCaches(this.paths, new Set([...this.segments.values()].flatMap((s) => (s.cacheFile ? [path.basename(s.cacheFile)] : []))));
  }

  /** Loads the cached base segments; false when they are missing, stale or corrupt (then the store is indexed again). */
  private async loadCaches(): Promise<boolean> {
    const manifest = readManifest(this.paths, currentGeneration(this.db));
    if (!manifest) return false;
    // New segments are numbered past every cached file's number: a file name (segment-<id>-<generation>) is never reused.
    for (const file of manifest.files) this.nextSegment = Math.max(this.nextSegment, segmentNumberOf(file) + 1);
    let done = 0;
    this.onProgress({ phase: 'load', done, total: manifest.files.length });
    try {
      const workers = spreadBySize(manifest.files.map((file) => path.join(this.paths.indexDir, file)), this.pool.size);
      const loaded = await Promise.all(
        manifest.files.map(async (file, i) => {
          const id = this.nextSegment++;
          const cacheFile = path.join(this.paths.indexDir, file);
          const worker = workers[i]!;
          const loaded = this.received(await this.pool.call<SegmentReply>(worker, { type: 'load', segment: id, cacheFile }));
          this.onProgress({ phase: 'load', done: ++done, total: manifest.files.length });
          return { id, worker, ...loaded, base: true, cacheFile, tombstones: 0, builtAt: builtAtOf(cacheFile) } satisfies SegmentInfo;
        }),
      );
      for (const segment of loaded) {
        this.segments.set(segment.id, segment);
        for (const ordinal of segment.ordinals) {
          if (this.owner.has(ordinal)) segment.tombstones++;
          else this.owner.set(ordinal, segment.id);
        }
      }
      // Removed from the store since the caches were written (before the change log's window): tombstones.
      for (const ordinal of this.owner.ordinals()) if (!this.table.live[ordinal]) this.forget(this.table.ids[ordinal]!);
      const seq = manifest.changeSeq;
      const trusted = typeof seq === 'number' && seq <= latestDocumentChange(this.db) && seq >= documentChangesResetAt(this.db);
      this.changeSeq = trusted ? seq : -1;
      this.baseSeq = this.changeSeq;
      return true;
    } catch {
      for (const segment of [...this.segments.values()]) await this.drop({ ...segment, cacheFile: null });
      this.owner.clear();
      this.table.clear();
      return false;
    }
  }

  private async writeManifest(generation: number): Promise<void> {
    const files = [...this.segments.values()].filter((s) => s.base && s.cacheFile).map((s) => path.basename(s.cacheFile!));
    writeManifest(this.paths, { generation, files, ...(this.baseSeq >= 0 ? { changeSeq: this.baseSeq } : {}) });
  }

  /** Two base segments of one worker to merge, or one to compact, or nothing (merge-policy.ts). */
  private mergeCandidate(worker?: number): SegmentInfo[] | undefined {
    const base = [...this.segments.values()].filter((s) => s.base && s !== this.delta && (worker === undefined || s.worker === worker));
    return pickMerge(base, { baseSize: this.baseSize, mergeMax: this.mergeMax, compactShare: COMPACT_SHARE });
  }

  /**
   * Merges segments of one worker into one, without their tombstones and superseded entries (one input:
   * a compaction). The inputs serve queries until the merged segment replaces them, in one step here.
   */
  private async merge(inputs: SegmentInfo[], generation: number, manifest = false): Promise<void> {
    const keep = inputs.map((segment) => segment.ids.flatMap((_, local) => (this.owner.get(segment.ordinals[local]) === segment.id ? [local] : [])));
    if (keep.every((k) => k.length === 0)) {
      for (const segment of inputs) this.segments.delete(segment.id);
      if (manifest) await this.writeManifest(this.syncedGeneration);
      await Promise.all(inputs.map((segment) => this.drop(segment)));
      return;
    }
    const worker = inputs[0]!.worker;
    const id = this.nextSegment++;
    // An entry is as old as the oldest input: an edit after that is checked again (replaceEdited), never missed.
    const builtAt = Math.min(...inputs.map((s) => s.builtAt));
    const cacheFile = segmentFile(this.paths, id, builtAt);
    const spill = keep.reduce((n, k) => n + k.length, 0) >= this.spillSize;
    const reply = await this.pool.call<SegmentReply>(worker, {
      type: 'merge',
      segment: id,
      inputs: inputs.map((segment, i) => ({ segment: segment.id, keep: keep[i]! })),
      ...(this.unsaved && !spill ? {} : { cacheFile }),
      generation,
    });
    if (!spill) this.unsaved?.add(id);
    const merged: SegmentInfo = { id, worker, ...this.received(reply), base: true, cacheFile, tombstones: 0, builtAt };
    const inputIds = new Set(inputs.map((s) => s.id));
    this.segments.set(id, merged);
    for (const [local, docId] of merged.ids.entries()) {
      const ordinal = merged.ordinals[local]!;
      if (inputIds.has(this.owner.get(ordinal) ?? -1)) this.owner.set(ordinal, id);
      else {
        // Removed or edited while the merge ran: a tombstone here too, and its old entry superseded like the input's.
        merged.tombstones++;
        const superseded = this.superseded.get(docId);
        if (superseded?.some((s) => inputIds.has(s))) superseded.push(id);
      }
    }
    // Gone from the set at once, before any await: a query sees the inputs or the merged segment, not a mix.
    for (const segment of inputs) this.segments.delete(segment.id);
    // The manifest lists the merged file before the inputs' files go: a crash in between leaves a valid set.
    if (manifest) await this.writeManifest(this.syncedGeneration);
    await Promise.all(inputs.map((segment) => this.drop(segment)));
  }

  /** Merges and compactions after a sync, one at a time, in the workers; the old segments serve queries meanwhile. */
  private mergeInBackground(generation: number): void {
    if (this.background) return;
    const candidate = this.mergeCandidate();
    if (!candidate) return;
    this.background = true;
    // Not on the sync chain: searches go on against the old segments while the worker merges.
    // The next one after it; after a failure (the engine closed, a full disk) none until the next sync.
    this.merge(candidate, generation, true).then(
      () => {
        this.background = false;
        this.mergeInBackground(this.syncedGeneration);
      },
      () => {
        this.background = false;
      },
    );
  }
}

