/**
 * Chinese spellings of a term (issue 15): traditional ⇄ simplified characters through opencc-js
 * (Open Chinese Convert's dictionaries, Apache-2.0), and pinyin with and without tones through
 * pinyin-pro (MIT). Converters are built on first use: opencc's dictionaries take a few MB.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

let toSimplified: ((text: string) => string) | undefined;
let toTraditional: ((text: string) => string) | undefined;

/** The simplified (mainland) spelling of a Chinese text. */
export function simplifiedChinese(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return toSimplified(text);
}

/** The traditional (Taiwan standard) spelling of a Chinese text. */
export function traditionalChinese(text: string): string {
  toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return toTraditional(text);
}

/** Pinyin of a Chinese text as one word per name: 乌鲁木齐 → "wulumuqi" (tones: "wūlǔmùqí"). */
export function pinyinOf(text: string, tones = false): string {
  return pinyin(text, { toneType: tones ? 'symbol' : 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
}
