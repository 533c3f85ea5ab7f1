/**
 * The gazetteer shipped with Dossier (issue 15): Xinjiang's divisions in seven spellings, from
 * gazetteer-xinjiang.json (source and licence in GAZETTEER-LICENCE.md beside it). Reusable by
 * any part of the app: `gazetteerGroups()` gives each place as a list of names.
 */
import data from './gazetteer-xinjiang.json' with { type: 'json' };

export interface GazetteerEntry {
  kind: 'prefecture' | 'city' | 'county';
  en: string[];
  zh: string;
  pinyin: string;
  ug: string;
  uly: string;
  kk: string | null;
  ru: string;
}

export const GAZETTEER: readonly GazetteerEntry[] = data.entries as GazetteerEntry[];

/** One place's names, English first (the label to show). */
export interface NameGroup {
  label: string;
  names: string[];
}

/** Every gazetteer place as a group of its names in every script. */
export function gazetteerGroups(): NameGroup[] {
  return GAZETTEER.map((entry) => ({
    label: entry.en[0]!,
    names: [...new Set([...entry.en, entry.zh, entry.pinyin, entry.ug, entry.uly, ...(entry.kk ? [entry.kk] : []), entry.ru])],
  }));
}
