/**
 * Query expansion on the main thread (issue 15), between parsing and matching: each word is also
 * looked up in its other scripts (names/spellings.ts), a run of words that is one name of an alias
 * group or gazetteer place is looked up under every name of it, and Chinese also in its other
 * character set and in pinyin. Variants weigh less than the words typed, so exact matches rank
 * first. `=word` and field-restricted words are left as typed.
 */
import type { NameGroup } from './names/gazetteer.ts';
import { otherScripts } from './names/spellings.ts';
import type { Clause, ClauseVariant } from './query-parser.ts';
import { queryTerms } from './tokenizer.ts';

const BOOST = { group: 0.8, script: 0.7 };
const HAN = /^\p{Script=Han}+$/u;
/** A member of one group, as index terms. */
interface Member {
  terms: string[];
  group: number;
}

/** The alias groups and gazetteer places, keyed by their members' first term, for matching runs of query words. */
export class NameGroupIndex {
  private readonly byFirstTerm = new Map<string, Member[]>();
  private readonly members: string[][][] = [];

  constructor(groups: readonly NameGroup[]) {
    groups.forEach((group, g) => {
      const members = [...new Map(group.names.map((name) => queryTerms(name)).filter((t) => t.length > 0).map((t) => [t.join(' '), t])).values()];
      this.members.push(members);
      for (const terms of members) {
        const list = this.byFirstTerm.get(terms[0]!) ?? [];
        list.push({ terms, group: g });
        this.byFirstTerm.set(terms[0]!, list);
      }
    });
  }

  /** Members whose first term is `term`, longest first. */
  candidates(term: string): Member[] {
    return [...(this.byFirstTerm.get(term) ?? [])].sort((a, b) => b.terms.length - a.terms.length);
  }

  /** The other members of a group, as index terms. */
  othersOf(group: number, terms: string[]): string[][] {
    const key = terms.join(' ');
    return (this.members[group] ?? []).filter((m) => m.join(' ') !== key);
  }
}

const expandable = (c: Clause) => !c.exact && !c.field && (c.kind === 'term' || c.kind === 'phrase');

/** The clauses with their variants; clauses that form one name are merged into one phrase clause. */
export function expandClauses(clauses: Clause[], names: NameGroupIndex): Clause[] {
  const out: Clause[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    if (!expandable(clause)) {
      out.push(clause);
      continue;
    }
    const named = matchName(clauses, i, names);
    if (named) {
      out.push(named.clause);
      i += named.used - 1;
      continue;
    }
    out.push(withScriptVariants(clause));
  }
  return out;
}

function matchName(clauses: Clause[], at: number, names: NameGroupIndex): { clause: Clause; used: number } | undefined {
  const first = clauses[at]!;
  for (const member of names.candidates(first.terms[0]!)) {
    let terms: string[] = [];
    let used = 0;
    while (terms.length < member.terms.length && at + used < clauses.length) {
      const next = clauses[at + used]!;
      if (!expandable(next) || next.negated !== first.negated) break;
      terms = [...terms, ...next.terms];
      used++;
    }
    if (terms.join(' ') !== member.terms.join(' ')) continue;
    const text = clauses.slice(at, at + used).map((c) => c.text ?? c.terms.join(' ')).join(' ');
    const variants: ClauseVariant[] = names.othersOf(member.group, member.terms).map((t) => ({ terms: t, boost: BOOST.group }));
    const clause: Clause = { kind: terms.length === 1 ? 'term' : 'phrase', negated: first.negated, terms, text, variants };
    return { clause, used };
  }
  return undefined;
}

/** A word's spellings in its other scripts; a Chinese word's in the other character set and pinyin. */
function withScriptVariants(clause: Clause): Clause {
  const word = clause.kind === 'term' ? clause.terms[0]! : clause.text && HAN.test(clause.text) ? clause.text : undefined;
  if (!word) return clause;
  const variants: ClauseVariant[] = [];
  const seen = new Set([clause.terms.join(' ')]);
  for (const spelling of otherScripts(word)) {
    const terms = queryTerms(spelling);
    const key = terms.join(' ');
    if (terms.length === 0 || seen.has(key)) continue;
    seen.add(key);
    variants.push({ terms, boost: BOOST.script });
  }
  return variants.length > 0 ? { ...clause, variants: [...(clause.variants ?? []), ...variants] } : clause;
}
