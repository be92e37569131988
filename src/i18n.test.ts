import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatNumber } from './i18n.ts';

test('numbers in Dutch and English, each number of digits its own formatter', () => {
  assert.equal(formatNumber(1234.5, 'nl', 1), '1.234,5');
  assert.equal(formatNumber(1234.5, 'en', 1), '1,234.5');
  assert.equal(formatNumber(1234.5, 'nl'), '1.235');
  assert.equal(formatNumber(0.125, 'nl', 2), '0,13');
  // Asked again after other styles, the kept formatters still give their own style.
  assert.equal(formatNumber(1234.5, 'nl', 1), '1.234,5');
  assert.equal(formatNumber(7, 'en', 3), '7.000');
});

test('dates in Amsterdam time, per language', () => {
  assert.equal(formatDate('2019-09-30', 'nl'), '30 september 2019');
  assert.equal(formatDate('2019-09-30', 'en'), '30 September 2019');
  // 23:30 UTC on 31 October is already 1 November in Amsterdam (winter time, UTC+1).
  assert.match(formatDateTime('2019-10-31T23:30:00Z', 'nl'), /1 nov 2019.*00:30/);
  assert.match(formatDateTime('2019-10-31T23:30:00Z', 'en'), /1 Nov 2019.*00:30/);
  assert.equal(formatDate('2019-09-30', 'nl'), '30 september 2019');
});
