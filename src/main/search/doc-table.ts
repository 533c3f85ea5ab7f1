/**
 * The engine's table of documents, on the main thread: every document the index has seen gets a
 * small integer (its ordinal, never reused) and its filter and facet values are kept as codes in
 * typed arrays. Merging, filtering and counting a query's matches then work on integers instead
 * of Maps keyed by id strings: at 10,000 documents that was most of a broad query's time.
 */
import type { CodedColumn, CodedMeta } from './worker-protocol.ts';

export interface DocMeta {
  language: string | null;
  format: string;
  source: string | null;
  publishedAt: string | null;
}

/** One facet's distinct values, each with a code (its index). */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      this.codes.set(value, (code = this.values.length));
      this.values.push(value);
    }
    return code;
  }
}

const NONE = -1;

export class DocTable {
  /** ordinal → document id. */
  readonly ids: string[] = [];
  private readonly ordinals = new Map<string, number>();
  live = new Uint8Array(1024);
  language = new Int32Array(1024);
  format = new Int32Array(1024);
  source = new Int32Array(1024);
  year = new Int32Array(1024);
  /** The publication date as written (YYYY, YYYY-MM or YYYY-MM-DD), for date filters. */
  readonly dates: (string | null)[] = [];
  readonly dictionaries = { language: new Dictionary(), format: new Dictionary(), source: new Dictionary(), year: new Dictionary() };
  private liveCount = 0;

  get size(): number {
    return this.ids.length;
  }

  get liveSize(): number {
    return this.liveCount;
  }

  /** The document's ordinal, given one on first sight. */
  ordinal(id: string): number {
    let ordinal = this.ordinals.get(id);
    if (ordinal === undefined) {
      this.ordinals.set(id, (ordinal = this.ids.length));
      this.ids.push(id);
      this.dates.push(null);
      if (ordinal >= this.live.length) this.grow();
    }
    return ordinal;
  }

  /** The document's ordinal, or undefined when the table has never seen it (no ordinal is given). */
  find(id: string): number | undefined {
    return this.ordinals.get(id);
  }

  isLive(id: string): boolean {
    const ordinal = this.ordinals.get(id);
    return ordinal !== undefined && this.live[ordinal] === 1;
  }

  /** Records a document of the store (live from now on). */
  set(id: string, meta: DocMeta): void {
    const o = this.ordinal(id);
    if (!this.live[o]) this.liveCount++;
    this.live[o] = 1;
    const { dictionaries: d } = this;
    this.language[o] = meta.language ? d.language.code(meta.language) : NONE;
    this.format[o] = d.format.code(meta.format);
    this.source[o] = meta.source ? d.source.code(meta.source) : NONE;
    this.year[o] = meta.publishedAt ? d.year.code(meta.publishedAt.slice(0, 4)) : NONE;
    this.dates[o] = meta.publishedAt;
  }

  /**
   * Records documents of the store from dictionary-coded columns (a segment's values from its worker):
   * each distinct value is looked up once, not once per document. A null format: not in the store.
   */
  setCoded(ordinals: Int32Array, meta: CodedMeta): void {
    const d = this.dictionaries;
    // An empty value counts as none, as set() has it (the format excepted: every document has one).
    const recode = (column: CodedColumn, dictionary: Dictionary, key: (value: string) => string = (v) => v) =>
      column.values.map((value) => (value === '' ? NONE : dictionary.code(key(value))));
    const language = recode(meta.language, d.language);
    const format = meta.format.values.map((value) => d.format.code(value));
    const source = recode(meta.source, d.source);
    const year = recode(meta.publishedAt, d.year, (date) => date.slice(0, 4));
    const code = (codes: number[], at: number) => (at < 0 ? NONE : codes[at]!);
    for (let i = 0; i < ordinals.length; i++) {
      const f = meta.format.codes[i]!;
      if (f < 0) continue;
      const o = ordinals[i]!;
      if (!this.live[o]) this.liveCount++;
      this.live[o] = 1;
      this.language[o] = code(language, meta.language.codes[i]!);
      this.format[o] = format[f]!;
      this.source[o] = code(source, meta.source.codes[i]!);
      const date = meta.publishedAt.codes[i]!;
      this.year[o] = code(year, date);
      this.dates[o] = date < 0 ? null : meta.publishedAt.values[date]!;
    }
  }

  /** The document left the store. */
  remove(id: string): void {
    const o = this.ordinals.get(id);
    if (o === undefined || !this.live[o]) return;
    this.live[o] = 0;
    this.liveCount--;
  }

  clear(): void {
    for (const id of this.ids) this.remove(id);
  }

  private grow(): void {
    const size = this.live.length * 2;
    const grow = <T extends Uint8Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.live = grow(this.live, (n) => new Uint8Array(n));
    this.language = grow(this.language, (n) => new Int32Array(n));
    this.format = grow(this.format, (n) => new Int32Array(n));
    this.source = grow(this.source, (n) => new Int32Array(n));
    this.year = grow(this.year, (n) => new Int32Array(n));
  }
}

/**
 * Which segment owns each live document, by ordinal (0: none; segment ids start at 1). Issue 17: a Map
 * keyed by 100,000 id strings, filled and walked at every cold start, was its largest main-thread cost.
 */
export class Owners {
  private of = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(ordinal: number | undefined): number | undefined {
    const segment = ordinal === undefined ? 0 : (this.of[ordinal] ?? 0);
    return segment === 0 ? undefined : segment;
  }

  has(ordinal: number | undefined): boolean {
    return this.get(ordinal) !== undefined;
  }

  set(ordinal: number, segment: number): void {
    if (ordinal >= this.of.length) {
      const next = new Int32Array(Math.max(ordinal + 1, this.of.length * 2));
      next.set(this.of);
      this.of = next;
    }
    if (this.of[ordinal] === 0) this.count++;
    this.of[ordinal] = segment;
  }

  delete(ordinal: number | undefined): void {
    if (ordinal === undefined || !this.of[ordinal]) return;
    this.of[ordinal] = 0;
    this.count--;
  }

  /** The ordinals that have an owner, ascending. */
  ordinals(): number[] {
    const out: number[] = [];
    for (let o = 0; o < this.of.length; o++) if (this.of[o]) out.push(o);
    return out;
  }

  clear(): void {
    this.of.fill(0);
    this.count = 0;
  }
}
