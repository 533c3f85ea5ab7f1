/**
 * Timeline zoom (issue 18): events cut into periods of a decade, a year, a month or a day. An
 * event known only to the year sits in its year at every finer zoom (it cannot be placed in a
 * month), so a zoom never invents precision the text does not give.
 */
import type { TimelineEvent } from '../../shared/entities.ts';

export const ZOOMS = ['decade', 'year', 'month', 'day'] as const;
export type Zoom = (typeof ZOOMS)[number];

const LENGTH: Record<Exclude<Zoom, 'decade'>, number> = { year: 4, month: 7, day: 10 };

/** The period of a date at a zoom: 2010s, 2018, 2018-06, 2018-06-04. */
export function periodOf(date: string, zoom: Zoom): string {
  if (zoom === 'decade') return `${date.slice(0, 3)}0s`;
  return date.slice(0, Math.min(LENGTH[zoom], date.length));
}

export interface Bucket {
  period: string;
  events: TimelineEvent[];
}

/** Events in periods, in date order; `within` keeps only those inside a period chosen before (a zoom in). */
export function bucketsOf(events: readonly TimelineEvent[], zoom: Zoom, within: string | null = null): Bucket[] {
  const out = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    if (within && !inside(e.date, within)) continue;
    const period = periodOf(e.date, zoom);
    out.set(period, [...(out.get(period) ?? []), e]);
  }
  return [...out].sort(([a], [b]) => a.localeCompare(b)).map(([period, list]) => ({ period, events: list }));
}

function inside(date: string, period: string): boolean {
  if (period.endsWith('0s')) return date.startsWith(period.slice(0, 3));
  return date.startsWith(period) || (date.length < period.length && period.startsWith(date));
}

/** One zoom finer, or null at days. */
export function finer(zoom: Zoom): Zoom | null {
  return ZOOMS[ZOOMS.indexOf(zoom) + 1] ?? null;
}
