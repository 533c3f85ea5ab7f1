/**
 * Document attributes as search filters and facets (issue 21, item 2). Like the tags (facets.ts),
 * attribute values live in the store and change without the index, so they are read again only when
 * the store changed, and matched on document ordinals.
 */
import type { AttributeFacet, AttributeFilter, AttributeType } from '../../shared/qda.ts';
import type { Database } from '../store/database.ts';
import type { DocTable } from '../search/doc-table.ts';
import { periodEnd } from '../search/facets.ts';
import { OrdinalLists } from '../search/ordinal-lists.ts';
import { changeStamp } from '../store/change-stamp.ts';

interface Value {
  attribute: string;
  value: string;
}

export class AttributeIndex {
  private key = '';
  private byOrdinal = new OrdinalLists<Value>();
  private attributes: { id: string; name: string; type: AttributeType; choices: string[] }[] = [];

  private readonly db: Database;
  private readonly table: DocTable;

  constructor(db: Database, table: DocTable) {
    this.db = db;
    this.table = table;
  }

  refresh(): void {
    const { changes, version } = changeStamp(this.db);
    const key = `${changes}:${version}`;
    if (key === this.key) return;
    this.key = key;
    this.byOrdinal = new OrdinalLists();
    for (const { doc, attribute, value } of this.db.prepare('SELECT document_id AS doc, attribute_id AS attribute, value FROM document_attributes').all() as {
      doc: string;
      attribute: string;
      value: string;
    }[]) {
      this.byOrdinal.listOf(this.table.ordinal(doc)).push({ attribute, value });
    }
    this.attributes = (this.db.prepare('SELECT id, name, type, choices FROM attributes ORDER BY position, name').all() as { id: string; name: string; type: AttributeType; choices: string }[]).map(
      (a) => ({ ...a, choices: JSON.parse(a.choices) as string[] }),
    );
  }

  private valueOf(ordinal: number, attribute: string): string | undefined {
    return this.byOrdinal.get(ordinal)?.find((v) => v.attribute === attribute)?.value;
  }

  /** A test on ordinals for all of `filters` (each must hold); undefined when there is none. Call refresh() first. */
  compile(filters: readonly AttributeFilter[] | undefined): ((ordinal: number) => boolean) | undefined {
    if (!filters?.length) return undefined;
    const tests = filters.map((f) => {
      const type = this.attributes.find((a) => a.id === f.attributeId)?.type ?? 'text';
      const wanted = f.values?.length ? new Set(f.values.map((v) => v.toLowerCase())) : undefined;
      const inRange = rangeTest(type, f.min, f.max);
      return (o: number) => {
        const value = this.valueOf(o, f.attributeId);
        if (value === undefined) return false;
        return (!wanted || wanted.has(value.toLowerCase())) && inRange(value);
      };
    });
    return (o) => tests.every((test) => test(o));
  }

  /** Per attribute, how many matching documents have each value; choices in their order, other values most frequent first. */
  facets(ordinals: ArrayLike<number>): AttributeFacet[] {
    const counts = new Map<string, Map<string, number>>();
    if (this.byOrdinal.size === 0) return [];
    for (let i = 0; i < ordinals.length; i++) {
      for (const { attribute, value } of this.byOrdinal.get(ordinals[i]!) ?? []) {
        let byValue = counts.get(attribute);
        if (!byValue) counts.set(attribute, (byValue = new Map()));
        byValue.set(value, (byValue.get(value) ?? 0) + 1);
      }
    }
    return this.attributes.flatMap((a) => {
      const byValue = counts.get(a.id);
      if (!byValue) return [];
      const values = [...byValue].map(([value, count]) => ({ value, label: value, count }));
      const order = (v: string) => a.choices.indexOf(v);
      values.sort((x, y) => (a.type === 'choice' ? order(x.value) - order(y.value) : y.count - x.count || x.value.localeCompare(y.value)));
      return [{ attributeId: a.id, name: a.name, values }];
    });
  }
}

/** Numbers compare as numbers, dates as ISO text (a "to" of 2019 includes all of 2019), text as text. */
function rangeTest(type: AttributeType, min: string | undefined, max: string | undefined): (value: string) => boolean {
  if (min === undefined && max === undefined) return () => true;
  if (type === 'number') {
    const lo = min === undefined ? -Infinity : Number(min);
    const hi = max === undefined ? Infinity : Number(max);
    return (v) => Number(v) >= lo && Number(v) <= hi;
  }
  const hi = max === undefined ? undefined : type === 'date' ? periodEnd(max) : max;
  return (v) => !(min !== undefined && v < min) && !(hi !== undefined && v > hi);
}
