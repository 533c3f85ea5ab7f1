/**
 * A small seeded generator (mulberry32, public domain): the same numbers for the same seed on every
 * run and machine, for the benches' corpora and the crash test's kill points (a failing run replays
 * with its seed).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
