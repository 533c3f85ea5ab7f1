/**
 * Entity extraction of one text (issue 18): the gazetteer and the user's alias groups first (each
 * place or group is one entity whatever the script), then patterns for names they do not hold.
 * A pattern's name that is a gazetteer place ("Toli County", "托里县", "تولى ناھىيىسى") is that
 * place; any other is keyed by its cross-script skeleton (entity-key.ts), so a person written in
 * Latin, Cyrillic and Arabic script meets as one entity when the transliterations agree.
 */
import type { AliasGroup } from '../../shared/domain.ts';
import type { EntityType } from '../../shared/entities.ts';
import { gazetteerGroups, type NameGroup } from '../search/names/gazetteer.ts';
import { tokenize } from '../search/tokenizer.ts';
import { nameKey } from './entity-key.ts';
import { EXTRA_PLACES, EXTRA_SPELLINGS } from './extra-places.ts';
import { NameMatcher } from './name-matcher.ts';
import type { PatternHit } from './pattern-types.ts';
import { latinCyrillicPatterns } from './patterns-latin.ts';
import { scriptPatterns } from './patterns-scripts.ts';

export interface ExtractedMention {
  /** Identifies the entity across documents and runs: `gaz:<label>`, `alias:<id>` or `<type>:<skeleton>`. */
  key: string;
  type: EntityType;
  label: string;
  start: number;
  end: number;
  text: string;
}

interface KeyedGroup {
  key: string;
  type: EntityType;
  label: string;
}

/** Which kind of hit wins an overlap: generic-word places and facilities over organisations over people. */
const PRIORITY: Record<EntityType, number> = { place: 3, facility: 2, org: 1, person: 0 };

export class EntityExtractor {
  private readonly matcher: NameMatcher;
  private readonly groups: KeyedGroup[];

  constructor(aliases: readonly AliasGroup[] = []) {
    const places: NameGroup[] = [...gazetteerGroups(), ...EXTRA_PLACES].map((g) => ({ ...g, names: [...g.names, ...(EXTRA_SPELLINGS[g.label] ?? [])] }));
    const placeMatcher = new NameMatcher(places);
    const aliasType = (group: AliasGroup): EntityType => (group.names.some((n) => placeMatcher.find(n).length > 0) ? 'place' : 'person');
    this.groups = [
      ...places.map((g) => ({ key: `gaz:${g.label}`, type: 'place' as const, label: g.label })),
      ...aliases.map((a) => ({ key: `alias:${a.id}`, type: aliasType(a), label: a.label })),
    ];
    // Alias groups come after the places: a user's group naming a place wins nothing it does not add.
    this.matcher = new NameMatcher([...places, ...aliases.map((a) => ({ label: a.label, names: a.names }))]);
  }

  extract(text: string): ExtractedMention[] {
    const tokens = tokenize(text);
    const known: ExtractedMention[] = this.matcher.find(text, tokens).map((hit) => this.mention(this.groups[hit.group]!, hit.start, hit.end, text));
    const patterns = [...latinCyrillicPatterns(text), ...scriptPatterns(text)].sort(
      (a, b) => PRIORITY[b.type] - PRIORITY[a.type] || b.end - b.start - (a.end - a.start) || a.start - b.start,
    );
    const out = [...known];
    for (const found of patterns) {
      const hit = found.type === 'person' ? trimBefore(found, out, text) : found;
      if (!hit) continue;
      const inside = out.filter((k) => k.start >= hit.start && k.end <= hit.end);
      const crossing = out.some((m) => hit.start < m.end && m.start < hit.end && !inside.includes(m) && !(m.start <= hit.start && m.end >= hit.end && m.type === hit.type));
      const covered = out.some((m) => m.start <= hit.start && m.end >= hit.end);
      if (covered || crossing) continue;
      const place = this.placeOf(hit);
      if (place && inside.length === 1 && inside[0]!.key === place.key) {
        // "Toli County": the gazetteer's Toli, its mention widened to the generic word.
        const at = out.indexOf(inside[0]!);
        out[at] = this.mention(place, hit.start, hit.end, text);
        continue;
      }
      // Organisations and facilities may contain a place ("Toli County Public Security Bureau"); nothing else nests.
      if (inside.length > 0 && hit.type !== 'org' && hit.type !== 'facility') continue;
      const key = nameKey(hit.name);
      if (!key) continue;
      out.push({ key: `${hit.type}:${key}`, type: hit.type, label: hit.name, start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end) });
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  private placeOf(hit: PatternHit): KeyedGroup | undefined {
    if (hit.type !== 'place' || !hit.core) return undefined;
    const found = this.matcher.find(hit.core);
    const only = found.length === 1 ? found[0]! : undefined;
    return only && only.start === 0 && only.end >= hit.core.replace(/\s+$/u, '').length - 1 ? this.groups[only.group] : undefined;
  }

  private mention(group: KeyedGroup, start: number, end: number, text: string): ExtractedMention {
    return { key: group.key, type: group.type, label: group.label, start, end, text: text.slice(start, end) };
  }
}

/** A run of capitalised words that runs into a known name ("Sayragul Sauytbay Ghulja …") keeps the words before it, if two or more. */
function trimBefore(hit: PatternHit, taken: readonly ExtractedMention[], text: string): PatternHit | undefined {
  const next = taken.filter((m) => m.start > hit.start && m.start < hit.end).sort((a, b) => a.start - b.start)[0];
  if (!next) return hit;
  const name = text.slice(hit.start, next.start).replace(/[\s,.;:]+$/u, '');
  if (name.split(/\s+/u).length < 2) return undefined;
  return { ...hit, end: hit.start + name.length, name };
}
