// Pure input rules and timeline bounds of the network, without a database.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BOUNDARY_STROKE, contrastRatio } from '../../views/choropleth/index.ts';
import { CAPACITY_CLASSES } from './map.ts';
import { activePeriodProblems, isValidFte, isValidNorm, parseDecimal } from './rules.ts';
import { MAX_TIMELINE_MONTHS, monthlyPoints, monthStartBefore, monthsInRange, supportedFrom, timelineStart } from './timeline.logic.ts';

describe('decimal numbers as people type them', () => {
  test('a comma or a point; nothing else', () => {
    assert.equal(parseDecimal('0,8'), 0.8);
    assert.equal(parseDecimal('0.8'), 0.8);
    assert.equal(parseDecimal(' 10 '), 10);
    for (const bad of ['', ' ', '0x10', '1e-320', '1e1', '-1', '+1', '0,8 FTE', '1,2,3', 'NaN', 'Infinity', '.5', '5.'])
      assert.equal(parseDecimal(bad), null, bad);
  });
  test('FTE from 0 to 10, the norm from 0,001 to 10', () => {
    assert.deepEqual([0, 0.8, 10, 10.001, -0.1].map(isValidFte), [true, true, true, false, false]);
    assert.deepEqual([0.001, 0.1, 10, 0.0001, 16, 1e-320].map(isValidNorm), [true, true, true, false, false, false]);
  });
});

describe('a coordinator’s active period', () => {
  test('activeTo (exclusive) must come after activeFrom', () => {
    assert.deepEqual(activePeriodProblems('2019-01-01', null), []);
    assert.deepEqual(activePeriodProblems('2019-01-01', '2019-01-02'), []);
    assert.deepEqual(
      activePeriodProblems('2019-01-01', '2018-12-31').map((p) => p.field),
      ['activeTo'],
    );
    assert.match(activePeriodProblems('2019-01-01', '2019-01-01')[0].message.nl, /kies een dag na/);
    assert.deepEqual(
      activePeriodProblems('0000-01-01', '2100-01-01').map((p) => p.field),
      ['activeFrom', 'activeTo'],
    );
  });
});

describe('timeline bounds', () => {
  test('months in a range count both ends', () => {
    assert.equal(monthsInRange('2019-01-31', '2019-01-01'), 0);
    assert.equal(monthsInRange('2019-01-01', '2019-01-31'), 1);
    assert.equal(monthsInRange('2009-10-01', '2019-09-30'), 120);
    assert.equal(monthlyPoints('2009-10-01', '2019-09-30').length, 120);
    assert.equal(monthStartBefore('2019-09-30', 119), '2009-10-01');
  });
  test('/netwerk’s chart starts where the network started, within 13 to 120 months, never before 2000', () => {
    assert.equal(timelineStart('2019-09-30', '2017-03-01'), '2017-03-01');
    assert.equal(timelineStart('2019-09-30', '2019-05-01'), '2018-09-01');
    assert.equal(timelineStart('2029-06-15', '2017-03-01'), '2019-07-01');
    assert.equal(monthsInRange(timelineStart('2029-06-15', '2017-03-01'), '2029-06-15'), MAX_TIMELINE_MONTHS);
    assert.equal(timelineStart('2000-05-01', null), '2000-01-01');
    assert.equal(supportedFrom('1999-05-01'), '2000-01-01');
  });
});

describe('the map legend', () => {
  test('every capacity fill keeps 3:1 contrast with the boundary stroke (WCAG 1.4.11) and classes differ by texture too', () => {
    for (const [level, c] of Object.entries(CAPACITY_CLASSES))
      assert.ok(contrastRatio(c.fill, BOUNDARY_STROKE) >= 3, `${level}: ${contrastRatio(c.fill, BOUNDARY_STROKE).toFixed(2)}`);
    assert.equal(new Set(Object.values(CAPACITY_CLASSES).map((c) => c.pattern)).size, 3);
  });
});
