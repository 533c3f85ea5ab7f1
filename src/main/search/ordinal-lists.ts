/**
 * Per document ordinal (doc-table.ts), a short list: its tags, its entities, its attribute values.
 * An array indexed by ordinal rather than a Map: a facet count looks up every matching document, and
 * at 100,000 documents the Map's lookups were a broad query's largest cost after the match (issue 17).
 */
export class OrdinalLists<T> {
  private readonly lists: (T[] | undefined)[] = [];
  private count = 0;

  /** How many documents have a list. */
  get size(): number {
    return this.count;
  }

  get(ordinal: number): readonly T[] | undefined {
    return this.lists[ordinal];
  }

  /** The document's list, made empty on first use. */
  listOf(ordinal: number): T[] {
    // Grown by appending, so the array keeps V8's fast elements (a write far past its end would make it a dictionary).
    while (this.lists.length <= ordinal) this.lists.push(undefined);
    let list = this.lists[ordinal];
    if (!list) {
      this.lists[ordinal] = list = [];
      this.count++;
    }
    return list;
  }

  /** The ordinals that have a list, ascending. */
  ordinals(): number[] {
    const out: number[] = [];
    this.lists.forEach((list, ordinal) => list && out.push(ordinal));
    return out;
  }
}
