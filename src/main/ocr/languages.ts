/**
 * The languages Dossier recognises (issue 16) and where their Tesseract data lies: npm packages
 * for five (`@tesseract.js-data/*`, LSTM "best_int" models), resources/tessdata for Russian
 * (Debian's tesseract-ocr-rus, from tessdata_fast; Apache-2.0, notice beside it). Nothing is fetched.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const OCR_LANGUAGES = ['en', 'ru', 'zh', 'kk', 'ug', 'ar'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

/** BCP 47 → Tesseract's code. */
export const TESSERACT_CODE: Record<OcrLanguage, string> = { en: 'eng', ru: 'rus', zh: 'chi_sim', kk: 'kaz', ug: 'uig', ar: 'ara' };

/** Where resources/ is in a source run; the packaged app passes its own (process.resourcesPath). */
export const DEFAULT_RESOURCES_DIR = fileURLToPath(new URL('../../../resources/', import.meta.url));

/** The gzipped traineddata of a language. */
export function traineddataFile(language: OcrLanguage, resourcesDir = DEFAULT_RESOURCES_DIR): string {
  const code = TESSERACT_CODE[language];
  if (language === 'ru') return path.join(resourcesDir, 'tessdata', `${code}.traineddata.gz`);
  const require = createRequire(import.meta.url);
  const pkg = path.dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  const file = path.join(pkg, '4.0.0_best_int', `${code}.traineddata.gz`);
  if (!existsSync(file)) throw new Error(`The ${language} recognition data is missing (${file}); reinstall Dossier.`);
  return file;
}

// Letters of Uyghur's alphabet that Arabic does not use (ى, ھ and ئ occur in Arabic too).
const UYGHUR_LETTERS = /[ۇۆۈېڭۋە]/;
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

/**
 * The language of a page from a first pass's text, by script: Han → Chinese, Arabic script →
 * Uyghur where its own letters show, else Arabic; Cyrillic → Kazakh where its letters show, else
 * Russian; otherwise English.
 */
export function guessLanguage(text: string): OcrLanguage {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const han = count(/\p{Script=Han}/gu);
  const arabic = count(/\p{Script=Arabic}/gu);
  const cyrillic = count(/\p{Script=Cyrillic}/gu);
  const latin = count(/\p{Script=Latin}/gu);
  const most = Math.max(han, arabic, cyrillic, latin);
  if (most === 0 || most === latin) return 'en';
  if (most === han) return 'zh';
  if (most === arabic) return UYGHUR_LETTERS.test(text) ? 'ug' : 'ar';
  return KAZAKH_LETTERS.test(text) ? 'kk' : 'ru';
}
