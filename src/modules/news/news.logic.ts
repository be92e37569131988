// Pure rules of the news module: slugs, whether an article is visible, segments, revision diffs,
// personal-link tokens, the send schedule at a set rate, and CSV rows of an import. No I/O.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ArticleStatus, SubscriberStatus, Topic } from './tables.ts';

// ------------------------------------------------------------------ slugs

/** A URL slug from a title: lower case ASCII words joined by hyphens, at most 80 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'artikel';
}

/** The first of slug, slug-2, slug-3, … that is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// ------------------------------------------------------------------ publication

export type Visibility = 'draft' | 'scheduled' | 'published' | 'withdrawn';

/** Publication is computed when read: a published article with a future publish date is scheduled. */
export function visibilityOf(status: ArticleStatus, publishAt: string | null, now: Date): Visibility {
  if (status === 'draft') return 'draft';
  if (status === 'withdrawn') return 'withdrawn';
  return publishAt !== null && publishAt > now.toISOString() ? 'scheduled' : 'published';
}

// ------------------------------------------------------------------ segments

export interface Segment {
  /** Subscribers with one of these topics (or topic 'all') receive it; empty = everyone. */
  topics: Topic[];
  /** CBS codes; empty = no restriction. */
  municipalities: string[];
  /** Province codes (PV..); empty = no restriction. */
  provinces: string[];
}

export const EVERYONE: Segment = { topics: [], municipalities: [], provinces: [] };

export interface SegmentSubject {
  status: SubscriberStatus;
  topics: readonly string[];
  municipalityCode: string | null;
  provinceCode: string | null;
}

/** True when a subscriber receives an edition sent to this segment. Only confirmed subscribers ever do. */
export function inSegment(segment: Segment, s: SegmentSubject): boolean {
  if (s.status !== 'confirmed') return false;
  if (segment.topics.length > 0 && !s.topics.includes('all') && !segment.topics.some((t) => s.topics.includes(t))) return false;
  const places = segment.municipalities.length + segment.provinces.length;
  if (places === 0) return true;
  return (
    (s.municipalityCode !== null && segment.municipalities.includes(s.municipalityCode)) ||
    (s.provinceCode !== null && segment.provinces.includes(s.provinceCode))
  );
}

export function parseSegment(json: string): Segment {
  try {
    const v = JSON.parse(json) as Partial<Segment>;
    return {
      topics: Array.isArray(v.topics) ? (v.topics as Topic[]) : [],
      municipalities: Array.isArray(v.municipalities) ? v.municipalities.map(String) : [],
      provinces: Array.isArray(v.provinces) ? v.provinces.map(String) : [],
    };
  } catch {
    return EVERYONE;
  }
}

// ------------------------------------------------------------------ revision diff

export type DiffLine = { op: 'same' | 'add' | 'del'; text: string };

/** A line diff (longest common subsequence) between two texts, for the revision history. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Bounded: a diff of two very long bodies falls back to "all removed, all added".
  if (a.length * b.length > 4_000_000)
    return [...a.map((text) => ({ op: 'del' as const, text })), ...b.map((text) => ({ op: 'add' as const, text }))];
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ op: 'del', text: a[i++] });
    else out.push({ op: 'add', text: b[j++] });
  }
  while (i < a.length) out.push({ op: 'del', text: a[i++] });
  while (j < b.length) out.push({ op: 'add', text: b[j++] });
  return out;
}

// ------------------------------------------------------------------ personal links

export type TokenPurpose = 'confirm' | 'manage';

/**
 * A personal link token: `id.version.mac`. Nothing secret is stored; raising the subscriber's
 * token_version invalidates every earlier link. The key is the app's secret, separated by purpose.
 */
export function personalToken(secret: string, purpose: TokenPurpose, id: number, version: number): string {
  const mac = createHmac('sha256', secret).update(`news:${purpose}:${id}:${version}`).digest('base64url').slice(0, 32);
  return `${id}.${version}.${mac}`;
}

/** The subscriber id and version a token names, when its MAC is right; otherwise null. */
export function readPersonalToken(secret: string, purpose: TokenPurpose, token: string): { id: number; version: number } | null {
  const m = /^([1-9]\d{0,9})\.(\d{1,6})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const id = Number(m[1]);
  const version = Number(m[2]);
  if (id > 2_147_483_647) return null;
  const expected = Buffer.from(personalToken(secret, purpose, id, version));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { id, version } : null;
}

export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/** Constant-time comparison of a presented secret with a stored sha256 hash of it. */
export function secretMatches(presented: string, storedHash: string | null): boolean {
  if (!storedHash || presented.length === 0) return false;
  const a = Buffer.from(createHash('sha256').update(presented).digest('hex'));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

// ------------------------------------------------------------------ sending

/** When the n-th message (0-based) of a send may leave, at `ratePerMinute` from `start`. */
export function sendAt(start: Date, n: number, ratePerMinute: number): Date {
  if (ratePerMinute <= 0) return start;
  return new Date(start.getTime() + Math.floor((n * 60_000) / ratePerMinute));
}

/** Unconfirmed sign-ups expire after this many hours. */
export const CONFIRM_HOURS = 72;

export function confirmationExpired(createdAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(createdAt) > CONFIRM_HOURS * 3600_000;
}

/** At most this many confirmation emails per address per 24 hours. */
export const SIGNUPS_PER_EMAIL_PER_DAY = 3;

/** After this many soft bounces in a row a subscriber is marked bounced (settings may change it). */
export const DEFAULT_SOFT_BOUNCE_LIMIT = 3;

// ------------------------------------------------------------------ CSV import

/** Parses CSV (comma or semicolon, quotes, a header row) into records keyed by lower-case header. */
export function parseCsv(text: string): Record<string, string>[] {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = clean.split('\n', 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (quoted) {
      if (c === '"' && clean[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.some((f) => f.trim() !== ''));
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return body.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? '').trim()])));
}

/** A plausible email address (the same rule as the forms: something@domain.tld, no spaces). */
export function isEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}$/i.test(value);
}

/** "september 2019" for 2019-09-01. */
export function monthLabel(isoDate: string, locale: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 7)}-01T12:00:00Z`),
  );
}
