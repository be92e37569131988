// Pure helpers of the audit trail: erasing personal values from JSON, and the diff the page shows.

export const ERASED = '[verwijderd]';

/** A copy of value with every string equal to one of `values` replaced by "[verwijderd]". */
export function eraseValues(value: unknown, values: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return values.has(value) ? ERASED : value;
  if (Array.isArray(value)) return value.map((v) => eraseValues(v, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, eraseValues(v, values)]));
  }
  return value;
}

/**
 * A copy of value with every occurrence of one of `values` inside any string replaced by
 * "[verwijderd]" (case-insensitive; values shorter than 3 characters are ignored): for free text that
 * mentions a person who has no account (e.g. a contact of the advice module).
 */
export function eraseWithin(value: unknown, values: readonly string[]): unknown {
  const patterns = values
    .map((v) => v.trim())
    .filter((v) => v.length >= 3)
    .map((v) => new RegExp(v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return patterns.reduce((text, p) => text.replace(p, ERASED), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** Keys whose values hold a person's identity in an account snapshot. */
export const PERSONAL_KEYS = ['email', 'name'] as const;

/** Strings found under the personal keys of an object snapshot. */
export function personalValuesIn(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: string[] = [];
  for (const key of PERSONAL_KEYS) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.trim() !== '') out.push(v);
  }
  return out;
}

export interface KeyChange {
  key: string;
  before: string;
  after: string;
}

function show(v: unknown): string {
  if (v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The top-level keys whose values differ between before and after (sorted by key). */
export function changedKeys(before: unknown, after: unknown): KeyChange[] {
  const b = before && typeof before === 'object' && !Array.isArray(before) ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === 'object' && !Array.isArray(after) ? (after as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ key: k, before: show(b[k]), after: show(a[k]) }));
}
