/**
 * The gazetteer shipped with Dossier (issue 15): Xinjiang's prefecture-level and county-level
 * divisions in seven spellings, from gazetteer-xinjiang.json (source and licence in
 * GAZETTEER-LICENCE.md beside it). Reusable by any part of the app: `gazetteerGroups()` gives
 * each place as a list of names; a spelling not recorded (null) is left out.
 */
import data from './gazetteer-xinjiang.json' with { type: 'json' };

export interface GazetteerEntry {
  kind: 'prefecture' | 'city' | 'county';
  en: string[];
  zh: string;
  pinyin: string;
  /** A null is a spelling not recorded (not known with confidence). */
  ug: string | null;
  uly: string | null;
  kk: string | null;
  ru: string | null;
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
    names: [...new Set([...entry.en, entry.zh, entry.pinyin, entry.ug, entry.uly, entry.kk, entry.ru].filter((name): name is string => name !== null))],
  }));
}
