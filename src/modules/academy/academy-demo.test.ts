// The 2019 demo scenario of issue 10, loaded with everything it builds on (accounts, reference data,
// the advice module): the events of the news item (heads of public safety, regional meetings in
// Rotterdam and Alkmaar, the 31 October 2019 congress workshop, the police liaison meeting) with
// registrations and attendance from municipalities, and an academy of at least four courses with
// enrolments and completions spread over municipalities. Loading twice changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { loadDemo } from '../../demo/index.ts';
import { attendanceByMunicipality, listEvents } from '../events/index.ts';
import { academyReach } from './reach.service.ts';

let t: TestApp;
before(async () => {
  t = await createAtlasTestApp(new Date('2026-12-02T10:00:00Z'));
  await loadDemo(t.deps, () => {});
  await loadDemo(t.deps, () => {}); // idempotent
});
after(async () => {
  await t?.close();
});

test('the 2019 events of the news item, with registrations and attendance from several municipalities', async () => {
  const events = await listEvents(t.deps.db);
  const in2019 = events.filter((e) => e.starts_at.startsWith('2019'));
  for (const [words, date] of [
    [/hoofden openbare orde en veiligheid/, null],
    [/Rotterdam/, null],
    [/Alkmaar/, null],
    [/congres/, '2019-10-31'],
    [/politie/, null],
  ] as const) {
    const e = in2019.find((x) => words.test(x.title));
    assert.ok(e, `an event matching ${words}`);
    if (date) assert.equal(e.starts_at.slice(0, 10), date);
  }
  assert.equal(in2019.length, 5, 'each event once after loading twice');
  const attended = await attendanceByMunicipality(t.deps.db, '2019-01-01', '2019-12-31');
  assert.ok(attended.size >= 10, `attendance from ${attended.size} municipalities`);
  assert.ok(
    [...attended.values()].some((a) => a.events >= 2),
    'some municipalities came more than once',
  );
  const page = await t.app.inject({ url: '/bijeenkomsten' });
  assert.match(page.body, /Workshop mensenhandel op het congres criminaliteitspreventie/, 'past events are listed');
});

test('an academy of at least four courses of every kind, with enrolments and completions over municipalities', async () => {
  const courses = (await t.app.inject({ url: '/api/v1/courses' })).json() as { data: { kind: string }[] } | { kind: string }[];
  const list = Array.isArray(courses) ? courses : courses.data;
  assert.ok(list.length >= 4, `${list.length} courses`);
  assert.deepEqual([...new Set(list.map((c) => c.kind))].sort(), ['classroom', 'elearning', 'external']);
  const reach = await academyReach(t.deps.db, { from: '2019-01-01', to: '2019-12-31' });
  const municipalities = new Set(reach.filter((r) => r.completions > 0).map((r) => r.municipalityCode));
  assert.ok(municipalities.size >= 5, `completions in ${municipalities.size} municipalities`);
  assert.ok(new Set(reach.map((r) => r.courseId)).size >= 3, 'spread over courses');
  assert.ok(
    reach.some((r) => r.enrolments > r.completions),
    'some enrolled without completing',
  );
});
