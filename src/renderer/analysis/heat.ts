/**
 * Heat-map colouring of a count (issue 21): the share of the table's largest count sets the
 * opacity of one hue, so the scale reads the same in light and dark themes; text stays readable
 * by switching to white above the middle.
 */
export function heat(count: number, max: number): { backgroundColor: string; color?: string } | undefined {
  if (count <= 0 || max <= 0) return undefined;
  const share = Math.min(1, count / max);
  const alpha = 0.12 + 0.78 * share;
  return share > 0.55
    ? { backgroundColor: `rgba(178, 34, 34, ${alpha.toFixed(2)})`, color: '#fff' }
    : { backgroundColor: `rgba(178, 34, 34, ${alpha.toFixed(2)})` };
}
