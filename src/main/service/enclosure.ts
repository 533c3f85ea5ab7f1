/**
 * Passages lying inside other passages of the same document (issue 14): a report section or a merged
 * tag holding both would quote the same words twice.
 */
export interface Span {
  id: string;
  documentId: string;
  start: number;
  end: number;
}

/**
 * Ids of the spans that lie inside another kept span of their document (of identical spans, the first
 * given stays). `counts(outer, inner)` may restrict which pairs count.
 */
export function enclosedIds<S extends Span>(spans: S[], counts: (outer: S, inner: S) => boolean = () => true): Set<string> {
  const byDocument = new Map<string, S[]>();
  for (const s of spans) byDocument.set(s.documentId, [...(byDocument.get(s.documentId) ?? []), s]);
  const enclosed = new Set<string>();
  for (const list of byDocument.values()) {
    // by start, longest first (a stable sort keeps the given order of identical spans)
    const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: S[] = [];
    for (const s of sorted) {
      if (kept.some((k) => k.end >= s.end && counts(k, s))) enclosed.add(s.id);
      else kept.push(s);
    }
  }
  return enclosed;
}
