/**
 * Chinese spellings of a term (issue 15): traditional ⇄ simplified characters through opencc-js
 * (Open Chinese Convert's dictionaries, Apache-2.0), and pinyin with and without tones through
 * pinyin-pro (MIT). Converters are built on first use: opencc's dictionaries take a few MB.
 */
import { createRequire } from 'node:module';
import type * as OpenCCModule from 'opencc-js';
import type * as PinyinModule from 'pinyin-pro';

/**
 * Both packages load on the first Chinese term (issue 17): loading them takes ~50 ms (pinyin-pro
 * builds its dictionary at import), which every search of other scripts, and the CLI, do without.
 */
const load = createRequire(import.meta.url);
let opencc: typeof OpenCCModule | undefined;
let pinyinModule: typeof PinyinModule | undefined;
const OpenCC = () => (opencc ??= load('opencc-js') as typeof OpenCCModule);
const PinyinPro = () => (pinyinModule ??= load('pinyin-pro') as typeof PinyinModule);

let toSimplified: ((text: string) => string) | undefined;
let toTraditional: ((text: string) => string) | undefined;

/** The simplified (mainland) spelling of a Chinese text. */
export function simplifiedChinese(text: string): string {
  toSimplified ??= OpenCC().Converter({ from: 'tw', to: 'cn' });
  return toSimplified(text);
}

/** The traditional (Taiwan standard) spelling of a Chinese text. */
export function traditionalChinese(text: string): string {
  toTraditional ??= OpenCC().Converter({ from: 'cn', to: 'tw' });
  return toTraditional(text);
}

/** Pinyin of a Chinese text as one word per name: 乌鲁木齐 → "wulumuqi" (tones: "wūlǔmùqí"). */
export function pinyinOf(text: string, tones = false): string {
  return PinyinPro().pinyin(text, { toneType: tones ? 'symbol' : 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
}
