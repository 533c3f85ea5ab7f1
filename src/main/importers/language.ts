import { franc } from 'franc-all';

/** ISO 639-3 codes that franc returns, mapped to the BCP 47 codes the store keeps. */
const TO_BCP47: Record<string, string> = {
  eng: 'en',
  cmn: 'zh',
  uig: 'ug',
  kaz: 'kk',
  rus: 'ru',
  arb: 'ar',
  ukr: 'uk',
  kir: 'ky',
  uzn: 'uz',
  tur: 'tr',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  jpn: 'ja',
  kor: 'ko',
  pes: 'fa',
  bod: 'bo',
  urd: 'ur',
  mvf: 'mn',
  khk: 'mn',
};

/**
 * The document's language, offline. franc knows Uyghur and Kazakh; Chinese is decided by
 * script first because franc needs more Han text than a short article may have.
 */
export function detectLanguage(text: string): string | null {
  // 2,000 characters from the middle (past headers and bylines) are plenty for franc's trigrams
  // and keep detection near a millisecond (bench:import).
  const middle = Math.floor(text.length / 2);
  const sample = text.length > 2000 ? text.slice(middle - 1000, middle + 1000) : text;
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  if (han / letters > 0.3) return 'zh';
  // Only the languages Dossier's users work in: on short texts an open choice drifts to
  // near neighbours (Scots for English, Bulgarian for Russian).
  // Under 25 characters franc's guess is noise ("Plain text." reads as Turkish): unknown is more honest.
  const code = franc(sample, { minLength: 25, only: Object.keys(TO_BCP47) });
  if (code === 'und') return null;
  return TO_BCP47[code] ?? code;
}
