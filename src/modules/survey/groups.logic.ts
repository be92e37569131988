// The groups results are shown for — the country, each province, each CBS size class — and the
// response rate per group and over time. Pure: no I/O.
import type { Localized } from '../../i18n.ts';

/**
 * CBS gemeentegrootteklassen (municipalities by number of inhabitants on the reference date,
 * StatLine "Regionale kerncijfers": 1 < 5,000; 2 5,000–10,000; 3 10,000–20,000; 4 20,000–50,000;
 * 5 50,000–100,000; 6 100,000–150,000; 7 150,000–250,000; 8 250,000 or more). Lower bound inclusive.
 */
export const SIZE_CLASSES: readonly { key: string; min: number; label: Localized }[] = [
  { key: 'k1', min: 0, label: { nl: 'Minder dan 5.000 inwoners', en: 'Fewer than 5,000 inhabitants' } },
  { key: 'k2', min: 5_000, label: { nl: '5.000 tot 10.000 inwoners', en: '5,000 to 10,000 inhabitants' } },
  { key: 'k3', min: 10_000, label: { nl: '10.000 tot 20.000 inwoners', en: '10,000 to 20,000 inhabitants' } },
  { key: 'k4', min: 20_000, label: { nl: '20.000 tot 50.000 inwoners', en: '20,000 to 50,000 inhabitants' } },
  { key: 'k5', min: 50_000, label: { nl: '50.000 tot 100.000 inwoners', en: '50,000 to 100,000 inhabitants' } },
  { key: 'k6', min: 100_000, label: { nl: '100.000 tot 150.000 inwoners', en: '100,000 to 150,000 inhabitants' } },
  { key: 'k7', min: 150_000, label: { nl: '150.000 tot 250.000 inwoners', en: '150,000 to 250,000 inhabitants' } },
  { key: 'k8', min: 250_000, label: { nl: '250.000 inwoners of meer', en: '250,000 inhabitants or more' } },
];

export const UNKNOWN_SIZE_CLASS = { key: 'k0', label: { nl: 'Inwonertal onbekend', en: 'Population unknown' } } as const;

export const COUNTRY_LABEL: Localized = { nl: 'Nederland', en: 'The Netherlands' };

/** The size class key of a population (null: unknown). */
export function sizeClassOf(population: number | null): string {
  if (population === null || !Number.isFinite(population)) return UNKNOWN_SIZE_CLASS.key;
  let key: string = SIZE_CLASSES[0].key;
  for (const c of SIZE_CLASSES) if (population >= c.min) key = c.key;
  return key;
}

export function sizeClassLabel(key: string): Localized {
  return SIZE_CLASSES.find((c) => c.key === key)?.label ?? UNKNOWN_SIZE_CLASS.label;
}

/** A group of a breakdown: its key and label. */
export interface Group {
  key: string;
  label: Localized;
}

/** Provinces in name order and size classes in class order, as present among the invited. */
export function groupsOf(invited: readonly { provinceCode: string; provinceName: string; sizeClass: string }[]): {
  provinces: Group[];
  sizeClasses: Group[];
} {
  const provinces = new Map<string, Group>();
  const sizes = new Set<string>();
  for (const m of invited) {
    if (!provinces.has(m.provinceCode))
      provinces.set(m.provinceCode, { key: m.provinceCode, label: { nl: m.provinceName, en: m.provinceName } });
    sizes.add(m.sizeClass);
  }
  const order = [UNKNOWN_SIZE_CLASS.key, ...SIZE_CLASSES.map((c) => c.key)];
  return {
    provinces: [...provinces.values()].sort((a, b) => a.label.nl.localeCompare(b.label.nl, 'nl')),
    sizeClasses: order.filter((k) => sizes.has(k)).map((key) => ({ key, label: sizeClassLabel(key) })),
  };
}

export interface RateRow {
  key: string;
  label: Localized;
  invited: number;
  started: number;
  submitted: number;
  /** submitted / invited (0–1), null when nobody was invited. */
  rate: number | null;
}

export interface Participation {
  code: string;
  provinceCode: string;
  sizeClass: string;
  started: boolean;
  submitted: boolean;
}

export function rateOf(submitted: number, invited: number): number | null {
  return invited === 0 ? null : Math.round((submitted / invited) * 1000) / 1000;
}

/** Invited, started and submitted for the country and per province and size class. */
export function responseRates(
  invited: readonly Participation[],
  groups: { provinces: Group[]; sizeClasses: Group[] },
): { total: RateRow; byProvince: RateRow[]; bySizeClass: RateRow[] } {
  const row = (key: string, label: Localized, members: readonly Participation[]): RateRow => {
    const started = members.filter((m) => m.started || m.submitted).length;
    const submitted = members.filter((m) => m.submitted).length;
    return { key, label, invited: members.length, started, submitted, rate: rateOf(submitted, members.length) };
  };
  return {
    total: row('NL', COUNTRY_LABEL, invited),
    byProvince: groups.provinces.map((g) =>
      row(
        g.key,
        g.label,
        invited.filter((m) => m.provinceCode === g.key),
      ),
    ),
    bySizeClass: groups.sizeClasses.map((g) =>
      row(
        g.key,
        g.label,
        invited.filter((m) => m.sizeClass === g.key),
      ),
    ),
  };
}

export interface DayPoint {
  date: string;
  started: number;
  submitted: number;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Cumulative started and submitted responses per day from `from` through `to` (at most 400 days). */
export function dailySeries(from: string, to: string, started: readonly string[], submitted: readonly string[]): DayPoint[] {
  const points: DayPoint[] = [];
  const s = [...started].map((d) => d.slice(0, 10)).sort();
  const u = [...submitted].map((d) => d.slice(0, 10)).sort();
  let i = 0;
  let j = 0;
  for (let date = from; date <= to && points.length < 400; date = nextDay(date)) {
    while (i < s.length && s[i] <= date) i++;
    while (j < u.length && u[j] <= date) j++;
    points.push({ date, started: i, submitted: j });
  }
  return points;
}

/** The day `days` before `date` (YYYY-MM-DD). */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Parses "7, 2" into [7, 2] (distinct, 1–60, largest first); null when the text is not such a list. */
export function parseReminderDays(text: string): number[] | null {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const parts = trimmed.split(/[\s,;]+/).filter(Boolean);
  const days = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : Number.NaN));
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 60)) return null;
  return [...new Set(days)].sort((a, b) => b - a);
}
