import { cloneElement, isValidElement, type ReactNode } from 'react';
import { en, type StringKey } from './en.ts';

/** The UI languages: add a translation here (a `Record<StringKey, string>`), nothing else changes. */
const LANGUAGES: Record<string, Record<StringKey, string>> = { en };
let current: Record<StringKey, string> = en;
let pluralRules = new Intl.PluralRules('en');

export function setLanguage(code: string): void {
  current = LANGUAGES[code] ?? en;
  pluralRules = new Intl.PluralRules(code in LANGUAGES ? code : 'en');
}

/** The string for `key` in the current language, with `{name}` filled from `vars`. */
export function t(key: StringKey, vars?: Record<string, string | number>): string {
  const text = current[key] ?? en[key];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

/** A key that has a `.one` and an `.other` form, e.g. 'library.count' for 'library.count.one'. */
export type PluralKey = { [K in StringKey]: K extends `${infer Base}.one` ? Base : never }[StringKey];

/**
 * The plural form of `base` for `n`: `{base}.one` or `{base}.other`, chosen by the language's plural
 * rules, with `{n}` and `vars` filled in. A language with more forms (few, many) falls back to other.
 */
export function tn(base: PluralKey, n: number, vars?: Record<string, string | number>): string {
  const form = pluralRules.select(n) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}` as StringKey, { n, ...vars });
}

/**
 * Like t(), for sentences that wrap a value in markup (e.g. `<bdi>` around a query): the result is
 * a list of text and the given nodes, in the order the language's sentence puts them.
 */
export function tNodes(key: StringKey, nodes: Record<string, ReactNode>, vars?: Record<string, string | number>): ReactNode[] {
  return t(key, vars)
    .split(/\{(\w+)\}/)
    .map((part, i) => {
      if (i % 2 === 0) return part;
      const node = part in nodes ? nodes[part] : `{${part}}`;
      return isValidElement(node) ? cloneElement(node, { key: i }) : node;
    });
}
