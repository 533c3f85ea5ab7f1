/**
 * Stemming and stop words per document language: English from Lunr itself, Russian from
 * lunr-languages, Kazakh and Uyghur from our own rule-based stemmers (issue 15, stemmers/).
 * Chinese has none: its terms are bigrams.
 *
 * Choice (docs/notes/issue-4.md): one index field per kind of text, and each document's terms
 * are stemmed with its own language's stemmer at index time. A query term is expanded into its
 * surface form plus its stem in every stemming language whose script it is written in; the
 * alternatives are OR-ed inside the term's clause. So "prisoners" finds "prisoner" in an
 * English document and "лагере" finds "лагерь" in a Russian one, while a Kazakh document
 * (unstemmed) is still found by the exact surface form.
 */
import { createRequire } from 'node:module';
import lunr from 'lunr';
import { stemKazakh } from './stemmers/kazakh.ts';
import { stemUyghur } from './stemmers/uyghur.ts';

const require = createRequire(import.meta.url);
type LunrPlugin = (l: typeof lunr) => void;
(require('lunr-languages/lunr.stemmer.support.js') as LunrPlugin)(lunr);
(require('lunr-languages/lunr.ru.js') as LunrPlugin)(lunr);

type TokenFn = (token: lunr.Token) => lunr.Token | undefined;
interface LanguageTools {
  script: RegExp;
  stem: TokenFn;
  /** Absent where Dossier has no stop list (Kazakh, Uyghur): every word is indexed. */
  stop?: TokenFn;
}

/** A stemmer of ours (stemmers/) as a Lunr token function. */
const ownStemmer =
  (stem: (word: string) => string): TokenFn =>
  (token) =>
    new lunr.Token(stem(token.toString()), {});

const ru = (lunr as unknown as { ru: { stemmer: TokenFn } }).ru;

/**
 * Russian stop words: the Snowball list of function words. lunr-languages' own list also drops
 * content words such as «человек» and «жизнь», which a researcher of human rights must find.
 */
const RUSSIAN_STOP_WORDS = new Set(
  `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня
  еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там
  потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже
  себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас
  были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего
  них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более
  всегда конечно всю между`.split(/\s+/),
);
const russianStop: TokenFn = (token) => (RUSSIAN_STOP_WORDS.has(token.toString()) ? undefined : token);

const LANGUAGES: Record<string, LanguageTools> = {
  en: { script: /^[\p{Script=Latin}\p{N}'’-]+$/u, stem: lunr.stemmer as TokenFn, stop: lunr.stopWordFilter as TokenFn },
  ru: { script: /^[\p{Script=Cyrillic}\p{N}-]+$/u, stem: ru.stemmer, stop: russianStop },
  // Issue 15: rule-based stemmers of our own (stemmers/kazakh.ts, stemmers/uyghur.ts).
  kk: { script: /^[\p{Script=Cyrillic}\p{N}-]+$/u, stem: ownStemmer(stemKazakh) },
  ug: { script: /^(?:[\u0600-\u06FF\p{N}]+|[\p{Script=Latin}\p{N}'’-]+|[\p{Script=Cyrillic}\p{N}-]+)$/u, stem: ownStemmer(stemUyghur) },
};

function apply(fn: TokenFn, term: string): string | undefined {
  const token = fn(new lunr.Token(term, {}));
  return token ? token.toString() : undefined;
}

/** The primary subtag of a BCP 47 code, when Dossier has a stemmer for it. */
export function stemmingLanguage(language: string | null | undefined): string | undefined {
  const primary = language?.toLowerCase().split(/[-_]/)[0];
  return primary && Object.hasOwn(LANGUAGES, primary) ? primary : undefined;
}

/** Stems are memoised per language: a corpus has far fewer distinct words than words. */
const memo = new Map<string, Map<string, string | null>>();
const MEMO_LIMIT = 50_000;

/** The term as indexed for a document in `language`: undefined for a stop word of that language. */
export function indexTerm(term: string, language: string | undefined): string | undefined {
  if (!language) return term;
  let cache = memo.get(language);
  if (!cache) memo.set(language, (cache = new Map()));
  let indexed = cache.get(term);
  if (indexed === undefined) {
    if (cache.size > MEMO_LIMIT) cache.clear();
    cache.set(term, (indexed = computeIndexTerm(term, language) ?? null));
  }
  return indexed ?? undefined;
}

function computeIndexTerm(term: string, language: string): string | undefined {
  const tools = LANGUAGES[language]!;
  if (!tools.script.test(term)) return term;
  if (tools.stop && apply(tools.stop, term) === undefined) return undefined;
  return apply(tools.stem, term) ?? term;
}

/** Whether every stemming language whose script the term is written in drops it as a stop word. */
export function isStopWord(term: string): boolean {
  let applies = false;
  for (const tools of Object.values(LANGUAGES)) {
    // Only languages with a stop list have a say: Kazakh and Uyghur index every word.
    if (!tools.stop || !tools.script.test(term)) continue;
    applies = true;
    if (apply(tools.stop, term) !== undefined) return false;
  }
  return applies;
}

const alternativesMemo = new Map<string, string[]>();

/** The surface form and its stems in every stemming language of its script. */
export function termAlternatives(term: string): string[] {
  let memoised = alternativesMemo.get(term);
  if (!memoised) {
    if (alternativesMemo.size > MEMO_LIMIT) alternativesMemo.clear();
    alternativesMemo.set(term, (memoised = computeAlternatives(term)));
  }
  return memoised;
}

function computeAlternatives(term: string): string[] {
  const out = new Set([term]);
  for (const tools of Object.values(LANGUAGES)) {
    if (!tools.script.test(term)) continue;
    const stem = apply(tools.stem, term);
    if (stem) out.add(stem);
  }
  return [...out];
}
