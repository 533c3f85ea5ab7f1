import { en, type StringKey } from './en.ts';

/** The UI languages: add a translation here (a `Record<StringKey, string>`), nothing else changes. */
const LANGUAGES: Record<string, Record<StringKey, string>> = { en };
let current: Record<StringKey, string> = en;

export function setLanguage(code: string): void {
  current = LANGUAGES[code] ?? en;
}

/** The string for `key` in the current language, with `{name}` filled from `vars`. */
export function t(key: StringKey, vars?: Record<string, string | number>): string {
  const text = current[key] ?? en[key];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}
