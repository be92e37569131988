// View models of the academy (never a row as is).
import type { Locale } from '../../i18n.ts';
import type { CourseRow } from './queries.ts';
import type { AimedRole, CourseKind } from './tables.ts';
import { am } from './views/messages.ts';

export interface CourseView {
  id: number;
  slug: string;
  title: string;
  summary: string;
  kind: CourseKind;
  kindLabel: string;
  roles: string[];
  externalUrl: string | null;
  provider: string | null;
  eventIds: number[];
  passMark: number;
  durationMinutes: number;
  url: string;
}

export function presentCourse(c: CourseRow, locale: Locale): CourseView {
  const t = am(locale);
  return {
    id: Number(c.id),
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    kind: c.kind,
    kindLabel: t[c.kind],
    roles: c.roles
      .split(' ')
      .filter(Boolean)
      .map((r) => t[r as AimedRole] ?? r),
    externalUrl: c.external_url,
    provider: c.provider,
    eventIds: c.event_ids.split(' ').filter(Boolean).map(Number),
    passMark: c.pass_mark,
    durationMinutes: c.duration_minutes,
    url: `/academy/cursussen/${c.slug}`,
  };
}

/** The public fields of a course in the API. */
export function presentApiCourse(c: CourseRow, baseUrl: string, lessons: number) {
  return {
    id: Number(c.id),
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    kind: c.kind,
    roles: c.roles.split(' ').filter(Boolean),
    lessons,
    durationMinutes: c.duration_minutes,
    passMark: c.kind === 'elearning' ? c.pass_mark : null,
    externalUrl: c.external_url,
    provider: c.provider,
    url: `${baseUrl}/academy/cursussen/${c.slug}`,
  };
}
