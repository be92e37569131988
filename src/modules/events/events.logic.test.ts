import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  amsterdamIso,
  amsterdamLocal,
  amsterdamToUtc,
  attendanceFigures,
  parseQuestions,
  registrationWindow,
  reminderDue,
  retentionCutoff,
} from './events.logic.ts';

test('Amsterdam wall times become the right UTC instants in winter and summer time', () => {
  // 31 October 2019 is after the autumn change (27 October): CET, UTC+1.
  assert.equal(amsterdamToUtc('2019-10-31T13:30').toISOString(), '2019-10-31T12:30:00.000Z');
  // 12 September 2019: CEST, UTC+2.
  assert.equal(amsterdamToUtc('2019-09-12T09:00').toISOString(), '2019-09-12T07:00:00.000Z');
  assert.equal(amsterdamLocal('2019-09-12T07:00:00.000Z'), '2019-09-12T09:00');
  assert.equal(amsterdamIso('2019-10-31T12:30:00.000Z'), '2019-10-31T13:30:00+01:00');
  assert.equal(amsterdamIso('2019-09-12T07:00:00.000Z'), '2019-09-12T09:00:00+02:00');
});

test('the hour that occurs twice takes summer time; a missing spring hour moves on', () => {
  assert.equal(amsterdamToUtc('2019-10-27T02:30').toISOString(), '2019-10-27T00:30:00.000Z');
  assert.equal(amsterdamLocal(amsterdamToUtc('2019-03-31T02:30')), '2019-03-31T03:30');
});

test('the registration window is inclusive in Amsterdam dates and closes at the start', () => {
  const e = { registration_opens: '2019-09-01', registration_closes: '2019-10-30', starts_at: '2019-10-31T12:30:00.000Z' };
  assert.equal(registrationWindow(e, new Date('2019-08-31T21:59:00Z')), 'not-yet');
  assert.equal(registrationWindow(e, new Date('2019-08-31T22:00:00Z')), 'open'); // 1 Sep 00:00 in Amsterdam
  assert.equal(registrationWindow(e, new Date('2019-10-30T22:59:00Z')), 'open');
  assert.equal(registrationWindow(e, new Date('2019-10-30T23:00:00Z')), 'closed');
  assert.equal(registrationWindow(e, new Date('2019-10-31T12:30:00Z')), 'past');
});

test('attendance: no-shows are registered people who did not come; walk-ins are counted apart', () => {
  const f = attendanceFigures([
    { status: 'registered', attended: 1, walk_in: 0 },
    { status: 'registered', attended: 0, walk_in: 0 },
    { status: 'registered', attended: 1, walk_in: 0 },
    { status: 'registered', attended: 0, walk_in: 0 },
    { status: 'cancelled', attended: 0, walk_in: 0 },
    { status: 'waiting', attended: 0, walk_in: 0 },
    { status: 'registered', attended: 1, walk_in: 1 },
  ]);
  assert.deepEqual(f, { registered: 4, attended: 3, walkIns: 1, noShows: 2, noShowRate: 0.5 });
  assert.equal(attendanceFigures([]).noShowRate, null);
});

test('retention and reminders are computed from the clock', () => {
  assert.equal(retentionCutoff(new Date('2020-10-31T00:00:00Z'), 365), '2019-11-01T00:00:00.000Z');
  const start = '2019-10-31T12:30:00.000Z';
  assert.equal(reminderDue(start, new Date('2019-10-28T12:00:00Z'), 2), false);
  assert.equal(reminderDue(start, new Date('2019-10-29T13:00:00Z'), 2), true);
  assert.equal(reminderDue(start, new Date('2019-10-31T13:00:00Z'), 2), false);
});

test('questions: one per line, at most ten, each at most 200 characters', () => {
  assert.deepEqual(parseQuestions('Dieetwensen\n\n  Organisatie  \n'), {
    ok: true,
    questions: [
      { id: 'q1', label: 'Dieetwensen' },
      { id: 'q2', label: 'Organisatie' },
    ],
  });
  assert.equal(parseQuestions(Array.from({ length: 11 }, (_, i) => `v${i}`).join('\n')).ok, false);
  const long = parseQuestions(`kort\n${'x'.repeat(201)}`);
  assert.equal(long.ok, false);
  assert.match(long.ok ? '' : long.message.nl, /Vraag 2/);
});
