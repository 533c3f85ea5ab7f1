/**
 * Issue 17's merge policy, for segment-set.ts: which segments a worker merges, how cached files are
 * spread over the workers at load, and the turn that lets one worker merge at a time during a build.
 */
import { statSync } from 'node:fs';

interface MergeableSegment {
  worker: number;
  ids: string[];
  tombstones: number;
}

/**
 * Among one worker's base segments: one whose tombstones pass `compactShare` (compacted alone), else
 * the two smallest of the smallest tier holding two (tier: live documents / baseSize, rounded down to
 * a power of two, so merges go as a binary counter's carries), unless together above mergeMax.
 */
export function pickMerge<S extends MergeableSegment>(base: S[], limits: { baseSize: number; mergeMax: number; compactShare: number }): S[] | undefined {
  const victim = base.find((s) => s.tombstones > 0 && s.tombstones >= s.ids.length * limits.compactShare);
  if (victim) return [victim];
  const live = (s: S) => s.ids.length - s.tombstones;
  const tiers = new Map<string, S[]>();
  for (const segment of base) {
    const tier = Math.floor(Math.log2(Math.max(1, live(segment) / limits.baseSize)));
    const key = `${segment.worker}:${tier}`;
    tiers.set(key, [...(tiers.get(key) ?? []), segment]);
  }
  let best: S[] | undefined;
  let bestSize = Infinity;
  for (const group of tiers.values()) {
    if (group.length < 2) continue;
    const [a, b] = group.sort((x, y) => live(x) - live(y));
    const size = live(a!) + live(b!);
    if (size > limits.mergeMax || size >= bestSize) continue;
    best = [a!, b!];
    bestSize = size;
  }
  return best;
}

/** A worker for each cache file, largest files first to the least loaded worker: merged segments differ in size. */
export function spreadBySize(files: string[], workers: number): number[] {
  const sizes = files.map((file) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  });
  const load = new Array<number>(workers).fill(0);
  const out = new Array<number>(files.length).fill(0);
  for (const i of files.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]!)) {
    const worker = load.indexOf(Math.min(...load));
    out[i] = worker;
    load[worker]! += sizes[i]!;
  }
  return out;
}

/** A lock for one holder at a time, taken in the order asked. */
export class Turn {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  tryAcquire(): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }

  acquire(): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}
