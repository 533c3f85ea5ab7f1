/**
 * The short forms Chicago (The Chicago Manual of Style, 17th ed.) uses after a first citation, in
 * every script our users write: a short title of at most four words (14.30: an initial A, An or
 * The left out, the subtitle dropped), and an author's surname (14.29, 15.21). Never cut inside a
 * word: words are what spaces separate (Latin, Cyrillic, Arabic script) or what Intl.Segmenter
 * finds in scripts written without spaces (Chinese, Japanese), where a title is kept whole up to
 * twelve characters and otherwise cut after whole words at ten.
 */

const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const MAX_WORDS = 4;
const HAN_WHOLE = 12;
const HAN_CUT = 10;
/** Words a short title should not end on (English function words; Chinese particles and conjunctions). */
const DANGLING = new Set([
  ...['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'and', 'or', 'as', '—', '–', '-'],
  ...['и', 'в', 'во', 'на', 'о', 'об', 'с', 'со', 'по', 'к', 'из', 'для', 'және', 'мен', 'пен', 'бен', 'туралы'],
  ...['ۋە', 'ھەم', 'بىلەن', 'ھەققىدە', 'و', 'في', 'من', 'على', 'عن'],
  ...['的', '之', '与', '和', '及', '在', '对', '了', '中', '是'],
]);
const CONJUNCTIONS = new Set(['and', 'or', 'и', 'или', 'және', 'мен', 'ۋە', 'ھەم', 'و']);
const LEADING_ARTICLE = /^(?:a|an|the)\s+/i;
/** A subtitle starts at a colon (Latin, full-width, Arabic-script forms are all ":" or "："). */
const SUBTITLE = /\s*[:：].*$/su;

const trimPunctuation = (s: string) => s.replace(/^[\s\p{P}]+|[\s,;:，；：、.。"'“”‘’«»「」『』-]+$/gu, '');
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** The title shortened per CMOS 14.30, whole when it is short already. */
export function shortTitle(title: string): string {
  const full = title.trim();
  const main = full.replace(SUBTITLE, '').trim() || full;
  if (NO_SPACES.test(main) && !/\s/.test(main.trim())) return shortHanTitle(main);
  const bare = main.replace(LEADING_ARTICLE, '');
  const words = bare.split(/\s+/).filter(Boolean);
  let kept = words.slice(0, MAX_WORDS);
  // "Days in the camps and their end" is shortened before the "and", not after it
  const conjunction = kept.findIndex((w, i) => i >= 2 && CONJUNCTIONS.has(w.toLowerCase()));
  if (words.length > MAX_WORDS && conjunction > 0) kept = kept.slice(0, conjunction);
  while (kept.length > 1 && words.length > MAX_WORDS && DANGLING.has(trimPunctuation(kept.at(-1)!).toLowerCase())) kept.pop();
  const short = trimPunctuation(kept.join(' ')) || main;
  return bare === main ? short : capitalise(short);
}

function shortHanTitle(title: string): string {
  const chars = [...title];
  if (chars.length <= HAN_WHOLE) return title;
  const words = [...segmenter.segment(title)].map((s) => s.segment);
  const kept: string[] = [];
  let length = 0;
  for (const word of words) {
    const n = [...word].length;
    if (length + n > HAN_CUT && kept.length) break;
    kept.push(word);
    length += n;
  }
  while (kept.length > 1 && DANGLING.has(kept.at(-1)!)) kept.pop();
  return trimPunctuation(kept.join(''));
}

/**
 * Words that say an author is an organisation, cited by its whole name; a person is cited by the
 * surname (the last word: how Chicago, and most of our users' sources in Latin, Cyrillic and
 * Arabic script, write names). Names in Chinese or Japanese script are kept whole.
 */
const ORGANISATION =
  /\b(?:watch|international|council|committee|association|radio|news|service|agency|institute|foundation|project|ministry|office|network|cent(?:re|er)|union|society|congress|amnesty|university|times|post|press|group|commission|organi[sz]ation|bureau|department|government|court|tribunal|nations|initiative|league|coalition|trust|media|daily|tv|bbc|rfa|voa)\b/i;

function isPerson(author: string): boolean {
  const words = author.trim().split(/\s+/);
  if (words.length < 2 || words.length > 3) return false;
  if (/[,;&()（）、/]|\band\b/i.test(author) || NO_SPACES.test(author) || ORGANISATION.test(author)) return false;
  // an acronym is an organisation (HRW, ОБСЕ)
  return !words.some((w) => /^\p{Lu}{2,}$/u.test(w));
}

/** The name an author is cited by in a short note or an author-date citation. */
export function authorShort(author: string): string {
  const name = author.trim();
  return isPerson(name) ? name.split(/\s+/).at(-1)! : name;
}

/** The name as it leads a bibliography or reference-list entry: "Tursun, Ablimit" (CMOS 14.63). */
export function authorInverted(author: string): string {
  const name = author.trim();
  if (!isPerson(name) || !/^[\p{Script=Latin}\p{Script=Cyrillic}\s.'’-]+$/u.test(name)) return name;
  const words = name.split(/\s+/);
  return `${words.at(-1)!}, ${words.slice(0, -1).join(' ')}`;
}
