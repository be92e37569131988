// The jobs module's pure rules, without a database: backoff, periods, what is kept of an error,
// and the checks on what a module enqueues.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  afterFailure,
  backoffMs,
  checkJobInput,
  errorMessage,
  handlerProblems,
  percentOf,
  periodStart,
  scheduleKey,
} from './jobs.logic.ts';

describe('backoff', () => {
  test('doubles from 30 seconds and stops at one hour', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map(backoffMs), [30_000, 60_000, 120_000, 240_000, 480_000]);
    assert.equal(backoffMs(8), 3600_000);
    assert.equal(backoffMs(1000), 3600_000);
  });
  test('never shrinks and never passes the cap', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => backoffMs(n) <= backoffMs(n + 1) && backoffMs(n) <= 3600_000));
  });
  test('after the last attempt a job is failed; before it, queued again after the backoff', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    assert.deepEqual(afterFailure(5, 5, at), { status: 'failed' });
    assert.deepEqual(afterFailure(2, 5, at), { status: 'queued', runAt: new Date('2026-12-01T00:01:00Z') });
  });
});

describe('recurring periods', () => {
  test('periods start at whole multiples since 1970 (UTC): hours on the hour, days at midnight', () => {
    assert.equal(periodStart(new Date('2026-12-01T10:59:59.999Z'), 60).toISOString(), '2026-12-01T10:00:00.000Z');
    assert.equal(periodStart(new Date('2026-12-01T11:00:00.000Z'), 60).toISOString(), '2026-12-01T11:00:00.000Z');
    assert.equal(periodStart(new Date('2026-12-01T23:30:00Z'), 24 * 60).toISOString(), '2026-12-01T00:00:00.000Z');
    assert.equal(periodStart(new Date('2026-12-01T10:07:00Z'), 15).toISOString(), '2026-12-01T10:00:00.000Z');
    assert.equal(scheduleKey('survey.reminders', new Date('2026-12-01T00:00:00Z')), 'survey.reminders@2026-12-01T00:00:00.000Z');
  });
  test('every moment lies in its period, and the period is no longer than asked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 1, max: 60 * 24 * 31 }), (ms, minutes) => {
        const start = periodStart(new Date(ms), minutes).getTime();
        return start <= ms && ms < start + minutes * 60_000;
      }),
    );
  });
});

describe('what is kept of an error', () => {
  test('the message only, on one line, at most 500 characters; never the stack', () => {
    const err = new Error('Kan rapport niet maken:\n  schijf vol');
    assert.equal(errorMessage(err), 'Kan rapport niet maken: schijf vol');
    assert.doesNotMatch(errorMessage(err), /at .*\.ts/);
    assert.equal(errorMessage('plain'), 'plain');
    assert.equal(errorMessage({ any: 'thing' }), 'Unknown error');
    assert.equal(errorMessage(new Error('')), 'Error');
    const long = errorMessage(new Error('x'.repeat(2000)));
    assert.equal(long.length, 500);
    assert.ok(long.endsWith('…'));
  });
});

describe('checks on enqueue input', () => {
  const ok = (input: Parameters<typeof checkJobInput>[0], payload = 'null') => assert.doesNotThrow(() => checkJobInput(input, payload));
  const bad = (input: Parameters<typeof checkJobInput>[0], pattern: RegExp, payload = 'null') =>
    assert.throws(() => checkJobInput(input, payload), pattern);
  test('kinds look like module.action', () => {
    ok({ kind: 'survey.reminders' });
    ok({ kind: 'newsletter.sendEdition' });
    ok({ kind: 'jobs.walk-example' });
    bad({ kind: 'survey' }, /module\.action/);
    bad({ kind: 'Survey.reminders' }, /module\.action/);
    bad({ kind: 'survey.' }, /module\.action/);
  });
  test('keys, attempts, run-at and payload size are bounded', () => {
    bad({ kind: 'a.b', key: '' }, /key/);
    bad({ kind: 'a.b', key: 'k'.repeat(201) }, /key/);
    bad({ kind: 'a.b', maxAttempts: 1.5 }, /maxAttempts/);
    bad({ kind: 'a.b', maxAttempts: 101 }, /maxAttempts/);
    bad({ kind: 'a.b', runAt: new Date(Number.NaN) }, /runAt/);
    bad({ kind: 'a.b' }, /payload/, 'x'.repeat(65_537));
    ok({ kind: 'a.b', key: 'event.reminder:42', maxAttempts: 1, runAt: new Date() });
  });
});

describe('checks on declared handlers', () => {
  test('a wrong kind, attempts or period is named; a good handler has no problems', () => {
    assert.deepEqual(handlerProblems({ kind: 'events.reminders', maxAttempts: 5, every: { minutes: 15 } }), []);
    assert.deepEqual(handlerProblems({ kind: 'news.send_edition' }), []);
    assert.deepEqual(handlerProblems({ kind: 'reminders', maxAttempts: 0, every: { minutes: 0.5 } }), [
      'kind "reminders" must look like module.action',
      'maxAttempts must be a whole number from 1 to 100',
      'every.minutes must be a whole number of at least 1',
    ]);
  });
});

describe('progress', () => {
  test('whole percent, bounded, null without a total', () => {
    assert.equal(percentOf(120, 342), 35);
    assert.equal(percentOf(342, 342), 100);
    assert.equal(percentOf(0, 0), null);
    assert.equal(percentOf(null, 10), null);
    assert.equal(percentOf(20, 10), 100);
  });
});
