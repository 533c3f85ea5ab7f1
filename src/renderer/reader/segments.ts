/** A stretch of a block covered by the same set of passages. */
export interface Segment {
  start: number;
  end: number;
  passageIds: string[];
}

export interface Span {
  id: string;
  start: number;
  end: number;
}

/**
 * Cuts [start, end) at every passage boundary so overlapping passages (nested or crossing)
 * each stay visible: every piece knows all the passages that cover it.
 */
export function segmentRange(start: number, end: number, spans: readonly Span[]): Segment[] {
  const inside = spans.filter((s) => s.start < end && s.end > start);
  const cuts = new Set<number>([start, end]);
  for (const s of inside) {
    if (s.start > start) cuts.add(s.start);
    if (s.end < end) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    segments.push({ start: a, end: b, passageIds: inside.filter((s) => s.start <= a && s.end >= b).map((s) => s.id) });
  }
  return segments;
}
