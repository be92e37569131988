// Pure rules for contacts (no I/O): duplicates, merging, the current contacts on a date, and erasing
// a person's values from free text.

export interface ContactLike {
  id: number;
  municipalityCode: string | null;
  regionCode: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  since: string | null;
  until: string | null;
  erasedAt: string | null;
}

/** A name without accents, case or punctuation: "José  de Vries" and "jose de vries" match. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The lower-cased, trimmed email used to find duplicates. */
export function emailKey(email: string | null | undefined): string | null {
  const e = (email ?? '').trim().toLowerCase();
  return e === '' ? null : e;
}

/** In post on `date`: since ≤ date (or no since) and date < until (or no until). */
export function inPostOn(c: Pick<ContactLike, 'since' | 'until'>, date: string): boolean {
  return (c.since === null || c.since <= date) && (c.until === null || date < c.until);
}

export interface DuplicateGroup {
  reason: 'email' | 'name';
  ids: number[];
}

/** Groups of contacts that are probably one person: the same email, or the same name in the same area. */
export function duplicateGroups(contacts: readonly ContactLike[]): DuplicateGroup[] {
  const groups: DuplicateGroup[] = [];
  const byEmail = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  for (const c of contacts) {
    if (c.erasedAt) continue;
    const key = emailKey(c.email);
    if (key) byEmail.set(key, [...(byEmail.get(key) ?? []), c.id]);
    if (c.name) {
      const areaName = `${c.municipalityCode ?? c.regionCode}|${nameKey(c.name)}`;
      byName.set(areaName, [...(byName.get(areaName) ?? []), c.id]);
    }
  }
  const seen = new Set<string>();
  for (const [reason, map] of [
    ['email', byEmail],
    ['name', byName],
  ] as const) {
    for (const ids of map.values()) {
      if (ids.length < 2) continue;
      const sorted = [...ids].sort((a, b) => a - b);
      const id = sorted.join(',');
      if (seen.has(id)) continue;
      seen.add(id);
      groups.push({ reason, ids: sorted });
    }
  }
  return groups;
}

/** The ids of contacts flagged as a possible duplicate of another. */
export function flaggedIds(groups: readonly DuplicateGroup[]): Map<number, DuplicateGroup> {
  const out = new Map<number, DuplicateGroup>();
  for (const g of groups) for (const id of g.ids) if (!out.has(id)) out.set(id, g);
  return out;
}

/** The kept contact after a merge: its own values, with empty ones filled from the other; the widest period. */
export function mergeContact<T extends ContactLike>(keep: T, other: T): T {
  const earliest = keep.since === null || other.since === null ? null : [keep.since, other.since].sort()[0];
  const latest = keep.until === null || other.until === null ? null : [keep.until, other.until].sort()[1];
  return {
    ...keep,
    name: keep.name ?? other.name,
    email: keep.email ?? other.email,
    phone: keep.phone ?? other.phone,
    since: earliest,
    until: latest,
  };
}

export const ERASED_TEXT = '[verwijderd]';

/** Replaces every occurrence of the values (case-insensitive, at least 3 characters) in text. */
export function eraseFromText(text: string, values: readonly string[]): string {
  let out = text;
  for (const v of values) {
    const value = v.trim();
    if (value.length < 3) continue;
    out = out.replace(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ERASED_TEXT);
  }
  return out;
}
