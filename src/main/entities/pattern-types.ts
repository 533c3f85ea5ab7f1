import type { EntityType } from '../../shared/entities.ts';

/** A name found by a pattern: its span in the text (title and generic word included where they name it, e.g. "Toli County"). */
export interface PatternHit {
  type: EntityType;
  start: number;
  end: number;
  /** The part that names it, for the key and the label ("Toli County", "Ilham Tohti" without "Mr."). */
  name: string;
  /** The place a "X County" names, without the generic word, to find it in the gazetteer. */
  core?: string;
}

/** Pushes a hit for a regular expression's named group `name` (the whole match when absent). */
export function hitsOf(text: string, pattern: RegExp, type: EntityType, out: PatternHit[], core?: (m: RegExpExecArray) => string | undefined): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const name = m.groups?.name ?? m[0];
    const offset = m.index + (m.groups?.name !== undefined ? m[0].indexOf(name) : 0);
    const trimmed = name.replace(/[\s,.;:]+$/u, '');
    if (trimmed.length < 2) continue;
    const c = core?.(m);
    out.push({ type, start: offset, end: offset + trimmed.length, name: trimmed, ...(c ? { core: c } : {}) });
    if (m[0].length === 0) pattern.lastIndex++;
  }
}

const compiled = new Map<string, RegExp>();
/** A regular expression built once per source (the patterns are built from tables, and extraction runs per document). */
export function rx(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) compiled.set(key, (re = new RegExp(source, flags)));
  return re;
}
