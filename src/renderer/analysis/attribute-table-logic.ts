/** The attribute table's sorting and filtering (issue 21), pure so that they are tested without a page. */
import type { Attribute, AttributeRow, AttributeType } from '../../shared/qda.ts';

/** Rows in which every word of `filter` is in the title or one of the values (case-insensitive). */
export function rowsMatching(rows: readonly AttributeRow[], attributes: readonly Attribute[], filter: string): AttributeRow[] {
  const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...rows];
  return rows.filter((row) => {
    const haystack = [row.title, ...attributes.map((a) => row.values[a.id] ?? '')].join('\n').toLocaleLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Order of two rows by a column ('title' or an attribute id): numbers as numbers, empty cells last. */
export function compareCells(a: AttributeRow, b: AttributeRow, column: string, type: AttributeType): number {
  const x = column === 'title' ? a.title : a.values[column];
  const y = column === 'title' ? b.title : b.values[column];
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
  if (type === 'number') return Number(x) - Number(y);
  return x.localeCompare(y, undefined, { sensitivity: 'base', numeric: true });
}
