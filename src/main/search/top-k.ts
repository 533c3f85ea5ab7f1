/**
 * The `k` best of `n` candidates, best first, without sorting all of them: a broad query matches
 * thousands of documents and shows a page of fifty. A bounded min-heap keeps the best k seen.
 * `better(a, b)` is a strict order (ties already broken), so the result is deterministic.
 */
export function topK(candidates: ArrayLike<number>, k: number, better: (a: number, b: number) => boolean): number[] {
  const heap: number[] = [];
  // heap[0] is the worst of the kept ones.
  const siftDown = (at: number) => {
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && better(heap[worst]!, heap[left]!)) worst = left;
      if (right < heap.length && better(heap[worst]!, heap[right]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  const siftUp = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!better(heap[parent]!, heap[at]!)) return;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  };
  if (k <= 0) return [];
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    if (heap.length < k) {
      heap.push(candidate);
      siftUp(heap.length - 1);
    } else if (better(candidate, heap[0]!)) {
      heap[0] = candidate;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
