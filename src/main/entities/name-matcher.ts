/**
 * Names of the gazetteer and of the user's alias groups found in a text (issue 18), with their
 * offsets. The text is cut by the search tokeniser (so a name matches as the search would find
 * it: folded, Han text as overlapping two-character words); a run of terms equal to a member of a
 * group is a mention of that group. The last word may carry a case or possessive ending in
 * Uyghur, Kazakh and Russian (ئۈرۈمچىدە, Үрімжіде), or an English 's.
 */
import type { NameGroup } from '../search/names/gazetteer.ts';
import { NameGroupIndex } from '../search/expansion.ts';
import { tokenize, normaliseTerm, type TextToken } from '../search/tokenizer.ts';

export interface NameHit {
  group: number;
  start: number;
  end: number;
}

/** Endings a name takes in running text, as the tokeniser normalises them, longest first. */
const ENDINGS = [
  // Uyghur (Arabic script): locative, ablative, dative, genitive, accusative, -diki, plural, possessive + case
  'دىكى', 'تىكى', 'دىن', 'تىن', 'نىڭ', 'غىچە', 'گىچە', 'دا', 'دە', 'تا', 'تە', 'غا', 'گە', 'قا', 'كە', 'نى', 'لىق', 'لىك', 'لىقلار', 'لىكلەر',
  // Kazakh (Cyrillic)
  'дағы', 'дегі', 'тағы', 'тегі', 'ндағы', 'ндегі', 'нда', 'нде', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'ның', 'нің', 'дың', 'дің', 'тың', 'тің',
  'ға', 'ге', 'қа', 'ке', 'на', 'не', 'да', 'де', 'та', 'те', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'лық', 'лік', 'дық', 'дік', 'тық', 'тік',
  // Russian: the case endings of a name declined as a noun, and the adjective -ский
  'ского', 'скому', 'ском', 'ский', 'ская', 'ской', 'ом', 'ой', 'ем', 'е', 'а', 'у', 'ы', 'и', 'ю', 'я',
  // English possessive
  "'s", '’s',
].map((e) => normaliseTerm(e) || e).sort((a, b) => b.length - a.length);

const MIN_STEM_FOR_ENDING = 3;
const MAX_CACHED = 200_000;

/** Whether a text term is the member term, or it plus an ending. */
function termMatches(textTerm: string, memberTerm: string, last: boolean): boolean {
  if (textTerm === memberTerm) return true;
  if (!last || [...memberTerm].length < MIN_STEM_FOR_ENDING || !textTerm.startsWith(memberTerm)) return false;
  return ENDINGS.includes(textTerm.slice(memberTerm.length));
}

/** Stems a term might be: itself, and itself without each ending it has. */
function stemsOf(term: string): string[] {
  const out = [term];
  for (const ending of ENDINGS) {
    if (term.length > ending.length + 1 && term.endsWith(ending)) out.push(term.slice(0, -ending.length));
  }
  return out;
}

export class NameMatcher {
  private readonly index: NameGroupIndex;
  /** candidates() copies and sorts on every call: its answers kept per term (misses too, up to MAX_CACHED). */
  private readonly cache = new Map<string, ReturnType<NameGroupIndex['candidates']>>();

  constructor(groups: readonly NameGroup[]) {
    this.index = new NameGroupIndex(groups);
  }

  /** Every non-overlapping mention of a group, longest first at each place. */
  find(text: string, tokens: TextToken[] = tokenize(text)): NameHit[] {
    const hits: NameHit[] = [];
    let i = 0;
    while (i < tokens.length) {
      const hit = this.matchAt(tokens, i);
      if (hit) {
        hits.push({ group: hit.group, start: tokens[i]!.start, end: tokens[i + hit.length - 1]!.end });
        // Han bigrams overlap: skip every token that starts inside the match.
        const end = tokens[i + hit.length - 1]!.end;
        i += hit.length;
        while (i < tokens.length && tokens[i]!.start < end) i++;
      } else i++;
    }
    return hits;
  }

  private candidates(term: string): ReturnType<NameGroupIndex['candidates']> {
    let found = this.cache.get(term);
    if (!found) {
      found = this.index.candidates(term);
      if (found.length > 0 || this.cache.size < MAX_CACHED) this.cache.set(term, found);
    }
    return found;
  }

  private matchAt(tokens: TextToken[], at: number): { group: number; length: number } | undefined {
    const first = tokens[at]!.term;
    const seen = new Set<string>();
    let best: { group: number; length: number; chars: number } | undefined;
    for (const stem of stemsOf(first)) {
      for (const member of this.candidates(stem)) {
        const key = member.terms.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        const n = member.terms.length;
        if (at + n > tokens.length) continue;
        let ok = true;
        for (let j = 0; j < n && ok; j++) ok = termMatches(tokens[at + j]!.term, member.terms[j]!, j === n - 1);
        // Adjacent words only: a name does not run across a sentence break or a gap of other text.
        for (let j = 1; j < n && ok; j++) ok = tokens[at + j]!.start - tokens[at + j - 1]!.end <= 2 || tokens[at + j]!.start < tokens[at + j - 1]!.end;
        if (!ok) continue;
        const chars = tokens[at + n - 1]!.end - tokens[at]!.start;
        if (!best || chars > best.chars) best = { group: member.group, length: n, chars };
      }
    }
    return best;
  }
}
