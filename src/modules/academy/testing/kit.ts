// Test kit of the academy: a course made through the staff service.
import type { TestApp } from '../../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../../http/request-user.ts';
import { createCourse } from '../courses.service.ts';
import type { CourseInput } from '../schema.ts';

export const ELEARNING: CourseInput = {
  title: 'Signalen herkennen',
  summary: 'De basis.',
  kind: 'elearning',
  roles: ['frontline'],
  externalUrl: undefined,
  provider: undefined,
  eventIds: [],
  passMark: 70,
  durationMinutes: 30,
  lessons: '# Wat is mensenhandel?\nUitbuiting.\n# Signalen\nLet op.\nVideo: https://video.example.org/1',
  quiz: '? Wie coördineert de zorg?\n- De politie\n* De zorgcoördinator\n? Alleen seksuele uitbuiting?\n- Ja\n* Nee\n? Wat doet u met een signaal?\n* Melden volgens de route\n- Niets',
  status: 'published',
};

let n = 0;
export async function makeCourse(t: TestApp, overrides: Partial<CourseInput> = {}): Promise<number> {
  n += 1;
  return createCourse(
    { db: t.deps.db, actor: SYSTEM_ACTOR, now: t.deps.now() },
    { ...ELEARNING, title: `${ELEARNING.title} ${n}`, ...overrides },
  );
}
