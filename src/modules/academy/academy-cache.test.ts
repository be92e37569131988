// The academy's catalogue, course pages and courses API in the public cache (ADR 0016), over real
// HTTP with two app instances on one database (SQLite, or PostgreSQL with TEST_DATABASE_URL): kept
// (the second answer from the edge cache, ETag and 304); a course changed through the staff service
// is seen at once on the writing instance and within the 2 s trust on the other; a classroom
// session's event changing (another module) changes the course page too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { assertKept, bodyText, type TwoInstances, twoInstances, until } from '../../../test/helpers/two-instances.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { changeEvent, createEvent } from '../events/index.ts';
import { changeCourse } from './courses.service.ts';
import { ELEARNING, makeCourse } from './testing/kit.ts';

let now = new Date('2019-10-01T10:00:00Z');
type EventInput = Parameters<typeof createEvent>[1];
const SESSION: EventInput = {
  title: 'Klassikale sessie',
  type: 'workshop',
  audiences: ['frontline-staff'],
  description: 'Oefenen met casussen.',
  date: '2019-10-31',
  startTime: '13:30',
  endTime: '15:00',
  place: 'Utrecht',
  onlineUrl: undefined,
  organisers: 'Gemeenten aan zet',
  capacity: 20,
  registrationOpens: '2019-09-01',
  registrationCloses: '2019-10-30',
  access: 'public',
  questions: '',
  targetProvince: undefined,
  targetCodes: [],
  status: 'published',
};
let t: TestApp;
let two: TwoInstances;
let courseId: number;
let eventId: number;
const later = () => {
  // Each save is a moment later, as in life (the course's updated_at is part of its version).
  now = new Date(now.getTime() + 1000);
  return { db: t.deps.db, actor: SYSTEM_ACTOR, now };
};

before(async () => {
  t = await createAtlasTestApp(() => now);
  two = await twoInstances(t);
  eventId = await createEvent(later(), SESSION);
  courseId = await makeCourse(t, { title: 'Signalen herkennen', kind: 'classroom', eventIds: [eventId], lessons: '', quiz: '' });
});
after(async () => {
  await two?.close();
  await t?.close();
});

const COURSE = '/academy/cursussen/signalen-herkennen';

describe('the academy in the public cache, on two instances', () => {
  test('catalogue, course page and API are kept; a change is seen at once here and within seconds there', async () => {
    const routes = ['/academy', COURSE, '/api/v1/courses'];
    for (const path of routes) assert.match(await assertKept(two, path, { 'accept-encoding': 'br' }), /Signalen herkennen/);
    assert.match(await assertKept(two, COURSE), /Klassikale sessie/);

    await changeCourse(later(), courseId, {
      ...ELEARNING,
      title: 'Signalen herkennen',
      summary: 'Nieuwe samenvatting.',
      kind: 'classroom',
      eventIds: [eventId],
      lessons: '',
      quiz: '',
    });
    for (const path of routes)
      assert.match(bodyText(await two.getA(path, { 'accept-encoding': 'br' })), /Nieuwe samenvatting/, `${path} at once on A`);
    for (const path of routes) {
      assert.ok(
        (await until(
          () => two.getB(path),
          (a) => /Nieuwe samenvatting/.test(bodyText(a)),
        )) > 0,
        `${path} on B`,
      );
    }
  });

  test('the session on the course page follows the events module', async () => {
    await changeEvent(later(), eventId, { ...SESSION, title: 'Klassikale sessie in Utrecht' });
    assert.match(bodyText(await two.getA(COURSE)), /Klassikale sessie in Utrecht/);
    assert.ok(
      (await until(
        () => two.getB(COURSE),
        (a) => /Klassikale sessie in Utrecht/.test(bodyText(a)),
      )) > 0,
    );
  });
});
