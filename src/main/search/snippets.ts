import type { Snippet } from '../../shared/domain.ts';
import { WORD } from './tokenizer.ts';

const WINDOW = 80;
const MAX_SNIPPETS = 3;

/** A matched word in a document's text: its index term and where it lies. */
export interface TextMatch {
  term: string;
  start: number;
  end: number;
}

const WORD_AT = new RegExp(WORD.source, 'uy');
const HAN_CHAR = /\p{Script=Han}/u;

/**
 * Where the token starting at `start` ends: a Han character and its neighbour are one bigram
 * token, anything else the word the tokeniser matched there.
 */
export function tokenEnd(text: string, start: number): number {
  if (HAN_CHAR.test(text[start] ?? '')) return HAN_CHAR.test(text[start + 1] ?? '') ? start + 2 : start + 1;
  WORD_AT.lastIndex = start;
  const word = WORD_AT.exec(text);
  return word ? start + word[0].length : start + 1;
}

/**
 * The best passages of a text for its matched words (found by the index's offsets, so the text is
 * never tokenised again): windows around the densest clusters of matches, each with the matched
 * words marked.
 */
export function buildSnippets(text: string, matches: TextMatch[]): Snippet[] {
  if (matches.length === 0) return [];
  matches = [...matches].sort((a, b) => a.start - b.start);
  // Score each match by how many distinct terms fall in its window; take the best non-overlapping ones.
  const scored = matches.map((match, index) => {
    const inWindow = new Set<string>();
    for (let j = index; j < matches.length && matches[j]!.start < match.start + WINDOW * 2; j++) inWindow.add(matches[j]!.term);
    return { match, score: inWindow.size };
  });
  scored.sort((a, b) => b.score - a.score || a.match.start - b.match.start);
  const chosen: { start: number; end: number }[] = [];
  for (const { match } of scored) {
    if (chosen.length >= MAX_SNIPPETS) break;
    const start = wordBoundaryBefore(text, Math.max(0, match.start - WINDOW));
    const end = wordBoundaryAfter(text, Math.min(text.length, match.end + WINDOW));
    if (chosen.some((c) => start < c.end && end > c.start)) continue;
    chosen.push({ start, end });
  }
  chosen.sort((a, b) => a.start - b.start);
  return chosen.map(({ start, end }) => ({
    offset: start,
    // Raw text, so highlight offsets stay exact; the UI collapses whitespace when it renders.
    text: text.slice(start, end),
    highlights: mergeRanges(
      matches.filter((m) => m.start >= start && m.end <= end).map((m) => [m.start - start, m.end - start] as [number, number]),
    ),
  }));
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function wordBoundaryBefore(text: string, index: number): number {
  if (index === 0) return 0;
  const space = text.lastIndexOf(' ', index);
  return space >= 0 && index - space < 20 ? space + 1 : index;
}

function wordBoundaryAfter(text: string, index: number): number {
  if (index >= text.length) return text.length;
  const space = text.indexOf(' ', index);
  return space >= 0 && space - index < 20 ? space : index;
}
