/**
 * Canonical JSON for hashing (issue 19): object keys sorted by UTF-16 code units, no whitespace,
 * `undefined` members dropped, strings and numbers as JSON.stringify writes them (the JSON
 * Canonicalization Scheme, RFC 8785, agrees for every value the log stores). The same value
 * always gives the same bytes, on every machine, so an entry's hash can be recomputed anywhere.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('Canonical JSON has no form for NaN or Infinity.');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`Canonical JSON has no form for a ${typeof value}.`);
  }
}
