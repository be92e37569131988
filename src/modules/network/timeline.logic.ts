// Pure rules of the network's growth timeline: the monthly points of a range, the bound on a range
// (public work must be bounded: a timeline is at most MAX_TIMELINE_MONTHS points) and where the
// chart on /netwerk starts. No I/O.
import { MIN_DATE } from '../../http/route-kit.ts';
import type { CoverageSummary } from './network.logic.ts';

/** The most monthly points one timeline may have (ten years). */
export const MAX_TIMELINE_MONTHS = 120;

export interface TimelinePoint {
  month: string;
  date: string;
  coordinators: number;
  municipalitiesCovered: number;
  municipalitiesTotal: number;
  populationCovered: number;
}

export function timelinePoint(month: string, summary: CoverageSummary): TimelinePoint {
  return {
    month,
    date: summary.date,
    coordinators: summary.coordinators,
    municipalitiesCovered: summary.municipalitiesCovered,
    municipalitiesTotal: summary.municipalitiesTotal,
    populationCovered: summary.populationCovered,
  };
}

/** How many monthly points from..to has: months from `from`'s month to `to`'s, both included (0 when from > to). */
export function monthsInRange(from: string, to: string): number {
  if (from > to) return 0;
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** The first day of the month `n` months before `date`'s month. */
export function monthStartBefore(date: string, n: number): string {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 - n, 1)).toISOString().slice(0, 10);
}

/** The last day of each month from `from` to `to` (the last point is `to` itself). */
export function monthlyPoints(from: string, to: string): { month: string; date: string }[] {
  if (from > to) return [];
  const out: { month: string; date: string }[] = [];
  let y = Number(from.slice(0, 4));
  let mo = Number(from.slice(5, 7));
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(mo).padStart(2, '0')}`;
    const last = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
    const date = last < to ? last : to;
    out.push({ month, date });
    if (date === to) break;
    mo++;
    if (mo > 12) {
      mo = 1;
      y++;
    }
  }
  return out;
}

/**
 * Where the growth chart of `date` starts: the month the network started, but covering at least the
 * twelve months before the date and at most MAX_TIMELINE_MONTHS points, never before the supported
 * range of dates.
 */
export function timelineStart(date: string, networkStart: string | null): string {
  const yearBefore = monthStartBefore(date, 12);
  const longest = monthStartBefore(date, MAX_TIMELINE_MONTHS - 1);
  const start = !networkStart || networkStart >= yearBefore ? yearBefore : networkStart < longest ? longest : networkStart;
  return supportedFrom(start);
}

/** `date`, or the first supported date when it lies before it (dates compare as text). */
export function supportedFrom(date: string): string {
  return date.localeCompare(MIN_DATE) < 0 ? MIN_DATE : date;
}
