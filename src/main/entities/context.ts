/** The words around an offset range of a text, cut at word boundaries, for reading a mention or a date in context. */
export function contextAround(text: string, start: number, end: number, width = 80): { before: string; after: string } {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  if (from > 0) from = text.slice(from, start).search(/\s/u) >= 0 ? from + text.slice(from, start).search(/\s/u) + 1 : from;
  if (to < text.length) {
    const cut = text.slice(end, to).lastIndexOf(' ');
    if (cut > 0) to = end + cut;
  }
  return { before: (from > 0 ? '…' : '') + text.slice(from, start), after: text.slice(end, to) + (to < text.length ? '…' : '') };
}

/** The sentence holding an offset range: from the last sentence end before it to the next one after it. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const ENDS = /[.!?。！？؟\n]/u;
  let s = start;
  while (s > 0 && !ENDS.test(text[s - 1]!) && start - s < 400) s--;
  let e = end;
  while (e < text.length && !ENDS.test(text[e]!) && e - end < 400) e++;
  if (e < text.length) e++;
  while (s < e && /\s/u.test(text[s]!)) s++;
  return { start: s, end: e };
}
