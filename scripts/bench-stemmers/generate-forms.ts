/**
 * Forward generation of noun forms (plural, possessive, case and their combinations) from a base,
 * with vowel harmony, consonant assimilation, final-consonant voicing and Uyghur vowel raising, as
 * the grammars describe them (the same sources as src/main/search/stemmers/). It is the oracle of
 * `npm run bench:stemmers`: which words of a text are inflected forms of which others. It builds
 * words up from the grammar, where the stemmer cuts them down: the two are written apart, so the
 * bench measures the stemmer's cutting (its order, lengths, alternations), not its suffix list alone.
 */

const KZ_BACK = /[аоұыя]/u;
const KZ_FRONT = /[әөүіеи]/u;
const KZ_VOWELS = /[аәеиоөұүыіуэюя]$/u;
const KZ_VOICELESS = /[кқпстшфхцчщ]$/u;

function kazakhBack(base: string): boolean {
  for (let i = base.length - 1; i >= 0; i--) {
    if (KZ_BACK.test(base[i]!)) return true;
    if (KZ_FRONT.test(base[i]!)) return false;
  }
  return true;
}

/** Before a vowel, final к қ п are voiced (мектеп → мектебі). */
const voiceKazakh = (base: string) => base.replace(/к$/u, 'г').replace(/қ$/u, 'ғ').replace(/п$/u, 'б');

export function kazakhForms(base: string): Set<string> {
  const back = kazakhBack(base);
  const v = (b: string, f: string) => (back ? b : f);
  const out = new Set<string>();
  const withCase = (stem: string, afterPoss3: boolean) => {
    out.add(stem);
    if (afterPoss3) {
      for (const s of [v('ның', 'нің'), v('на', 'не'), 'н', v('нда', 'нде'), v('нан', 'нен'), 'мен']) out.add(stem + s);
      return;
    }
    const vowelFinal = KZ_VOWELS.test(stem);
    const voiceless = KZ_VOICELESS.test(stem);
    const nasal = /[мнң]$/u.test(stem);
    const gen = vowelFinal || nasal ? v('ның', 'нің') : voiceless ? v('тың', 'тің') : v('дың', 'дің');
    const dat = voiceless ? v('қа', 'ке') : v('ға', 'ге');
    const acc = vowelFinal ? v('ны', 'ні') : voiceless ? v('ты', 'ті') : v('ды', 'ді');
    const loc = voiceless ? v('та', 'те') : v('да', 'де');
    const abl = nasal ? v('нан', 'нен') : voiceless ? v('тан', 'тен') : v('дан', 'ден');
    const ins = vowelFinal || /[рлйумнң]$/u.test(stem) ? 'мен' : voiceless ? 'пен' : 'бен';
    for (const s of [gen, dat, acc, loc, abl, ins]) out.add(stem + s);
  };
  const withPossessive = (stem: string) => {
    withCase(stem, false);
    const vowelFinal = KZ_VOWELS.test(stem);
    const voiced = voiceKazakh(stem);
    // The UDHR speaks in the third person: first and second person possessives (-ым, -ың) would only
    // pair words by accident (адам is not ада + м), so the oracle leaves them out; the stemmer's tables test them.
    withCase(vowelFinal ? stem + v('сы', 'сі') : voiced + v('ы', 'і'), true);
    if (!vowelFinal && voiced !== stem) withCase(stem + v('ы', 'і'), true);
  };
  withPossessive(base);
  const plural = KZ_VOWELS.test(base) || /[руй]$/u.test(base) ? v('лар', 'лер') : KZ_VOICELESS.test(base) || /[бвгд]$/u.test(base) ? v('тар', 'тер') : v('дар', 'дер');
  withPossessive(base + plural);
  return out;
}

const UG_VOWELS = 'aeiouöüé';
const isVowel = (c: string | undefined) => c !== undefined && UG_VOWELS.includes(c);

/** Harmony by the last vowel that has one (i and é are neutral); undefined when every vowel is neutral and no q, gh, x decides: then both occur. */
function uyghurBack(base: string): boolean | undefined {
  for (let i = base.length - 1; i >= 0; i--) {
    if ('aou'.includes(base[i]!)) return true;
    if ('eöü'.includes(base[i]!)) return false;
  }
  return /q|gh|x/u.test(base) ? true : undefined;
}

/** Vowel raising: a or e of a polysyllabic word's last syllable becomes i when the syllable opens (bala → balilar, döwlet → döwliti). */
function raise(base: string): string {
  const vowels = [...base].filter(isVowel).length;
  if (vowels < 2) return base;
  const i = Math.max(base.lastIndexOf('a'), base.lastIndexOf('e'));
  const last = Math.max(...[...UG_VOWELS].map((v) => base.lastIndexOf(v)));
  return i >= 0 && i === last ? base.slice(0, i) + 'i' + base.slice(i + 1) : base;
}

const voiceUyghur = (base: string) => base.replace(/k$/u, 'g').replace(/q$/u, 'gh');

/** Forms of a ULY noun. Raised and unraised spellings both occur in texts, so both are generated. */
export function uyghurForms(base: string): Set<string> {
  const back = uyghurBack(base);
  if (back !== undefined) return uyghurFormsWith(base, back);
  return new Set([...uyghurFormsWith(base, true), ...uyghurFormsWith(base, false)]);
}

function uyghurFormsWith(base: string, back: boolean): Set<string> {
  const v = (b: string, f: string) => (back ? b : f);
  const out = new Set<string>();
  const withCase = (stem: string) => {
    out.add(stem);
    const voiceless = /[ptkqfsx]$|ch$|sh$/u.test(stem);
    for (const s of ['ning', 'ni', voiceless ? v('qa', 'ke') : v('gha', 'ge'), voiceless ? v('ta', 'te') : v('da', 'de'), voiceless ? 'tin' : 'din', voiceless ? 'tiki' : 'diki', voiceless ? 'tek' : 'dek']) out.add(stem + s);
  };
  const withPossessive = (stem: string) => {
    withCase(stem);
    const vowelFinal = isVowel(stem.at(-1));
    // Third person only, as for Kazakh (see kazakhForms).
    for (const s of vowelFinal ? ['si'] : ['i']) {
      // Loans (ھوقۇق, from Arabic) keep their final q and k: both spellings are generated.
      for (const host of vowelFinal ? [stem, raise(stem)] : [stem, raise(stem), voiceUyghur(stem), voiceUyghur(raise(stem))]) withCase(host + s);
    }
  };
  withPossessive(base);
  // A final a or e is raised before a suffix too (xitabname → xitabnamide).
  if (isVowel(base.at(-1))) withCase(raise(base));
  const plural = v('lar', 'ler');
  for (const host of [base, raise(base)]) {
    withPossessive(host + plural);
    withCase(host + v('liri', 'liri'));
  }
  for (const host of [base, voiceUyghur(base), voiceUyghur(raise(base))]) out.add(host + 'iy');
  return out;
}
