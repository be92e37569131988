// Unit tests (no database): aggregation per country, province and size class; the suppression rule
// (primary and complementary); size classes, response rates and the daily series; the report.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aggregate, shareOf, suppressResults, textQuestionIdsOf } from './aggregate.logic.ts';
import { dailySeries, groupsOf, parseReminderDays, responseRates, sizeClassOf } from './groups.logic.ts';
import { buildReport } from './report.logic.ts';
import { suppressBreakdown } from './suppress.logic.ts';
import { options, question, surveyOf } from './testing/defs.ts';

const yesno = question(1, { type: 'yesno', allowUnknown: true });
const multi = question(2, { type: 'multiple', options: options('x', 'y') });
const scale = question(3, { type: 'scale' });
const open = question(4, { type: 'long_text' });
const questions = [yesno, multi, scale, open];

const P = (key: string) => ({ key, label: { nl: key, en: key } });
const groups = { provinces: [P('PV1'), P('PV2')], sizeClasses: [P('k3'), P('k5')] };

function responses() {
  const list = [];
  for (let i = 0; i < 12; i++) {
    list.push({
      provinceCode: i < 9 ? 'PV1' : 'PV2',
      sizeClass: i % 2 === 0 ? 'k3' : 'k5',
      answers: { 1: i === 0 ? null : i < 8 ? 'ja' : 'nee', 2: i < 6 ? ['x', 'y'] : ['y'], 3: (i % 5) + 1, 4: `tekst ${i}` },
    });
  }
  return list;
}

describe('aggregation', () => {
  const results = aggregate(questions, responses(), groups);

  test('counts per choice for the country, provinces and size classes; "weet niet" apart', () => {
    const q1 = results.questions[0];
    assert.equal(q1.country.respondents, 12);
    assert.equal(q1.country.unknown, 1);
    assert.deepEqual(q1.country.counts, [7, 4]);
    assert.deepEqual(
      q1.provinces.map((p) => [p.key, p.respondents, p.counts]),
      [
        ['PV1', 9, [7, 1]],
        ['PV2', 3, [0, 3]],
      ],
    );
    assert.equal(shareOf(q1.country, 0), 7 / 11);
    assert.deepEqual(results.responses, { country: 12, provinces: { PV1: 9, PV2: 3 }, sizeClasses: { k3: 6, k5: 6 } });
  });

  test('multiple choice counts every option chosen; a scale has statistics', () => {
    assert.deepEqual(results.questions[1].country.counts, [6, 12]);
    const s = results.questions[2].country.stats!;
    assert.equal(s.n, 12);
    assert.equal(s.min, 1);
    assert.equal(s.max, 5);
    assert.equal(s.median, 2.5);
    assert.deepEqual(results.questions[2].country.counts, [3, 3, 2, 2, 2]);
  });

  test('outside the staff area: groups under the threshold hidden, and text answers left out', () => {
    const shown = suppressResults(results, 5, textQuestionIdsOf(questions));
    assert.equal(shown.threshold, 5);
    assert.equal(
      shown.questions.some((q) => q.questionId === 4),
      false,
    );
    const q1 = shown.questions[0];
    const pv2 = q1.provinces.find((p) => p.key === 'PV2')!;
    assert.equal(pv2.suppressed, 'small');
    assert.deepEqual(pv2.counts, []);
    // PV1 alone would give PV2 away by subtraction from the country: hidden too.
    assert.equal(q1.provinces.find((p) => p.key === 'PV1')!.suppressed, 'complementary');
    assert.equal(q1.country.suppressed, null);
    assert.deepEqual(
      q1.sizeClasses.map((s) => s.suppressed),
      [null, null],
    );
  });

  test('a country under the threshold hides everything', () => {
    const few = aggregate(questions, responses().slice(0, 4), groups);
    const shown = suppressResults(few, 5, new Set());
    assert.equal(shown.questions[0].country.suppressed, 'small');
    assert.ok(shown.questions[0].provinces.every((p) => p.suppressed !== null || p.respondents === 0));
  });
});

describe('the suppression rule', () => {
  test('primary: 1 … threshold−1 hidden, 0 and ≥ threshold shown', () => {
    assert.deepEqual(suppressBreakdown([0, 4, 5, 9, 30], 5).slice(0, 1), [null]);
    assert.equal(suppressBreakdown([0, 4, 5, 9, 30], 5)[1], 'small');
  });

  test('complementary: the smallest shown groups join until the hidden ones hold at least the threshold', () => {
    assert.deepEqual(suppressBreakdown([4, 5, 9, 30], 5), ['small', 'complementary', null, null]);
    assert.deepEqual(suppressBreakdown([3, 3, 9, 30], 5), ['small', 'small', null, null], 'two hidden groups of 3 hold 6: enough');
    assert.deepEqual(suppressBreakdown([1, 1, 9, 30], 5), ['small', 'small', 'complementary', null]);
    assert.deepEqual(suppressBreakdown([10, 20, 30], 5), [null, null, null], 'nothing small: nothing hidden');
    assert.deepEqual(suppressBreakdown([2, 0, 0], 5), ['small', null, null], 'nothing left to hide');
  });

  test('threshold 1 hides nothing', () => {
    assert.deepEqual(suppressBreakdown([1, 2], 1), [null, null]);
  });
});

describe('groups and response rates', () => {
  test('CBS size classes by inhabitants on the reference date', () => {
    assert.equal(sizeClassOf(947), 'k1');
    assert.equal(sizeClassOf(5_000), 'k2');
    assert.equal(sizeClassOf(49_999), 'k4');
    assert.equal(sizeClassOf(872_680), 'k8');
    assert.equal(sizeClassOf(null), 'k0');
  });

  test('response rates per group; provinces by name, size classes in class order', () => {
    const invited = [
      { code: 'a', provinceCode: 'PV2', provinceName: 'Zeeland', sizeClass: 'k5', started: true, submitted: true },
      { code: 'b', provinceCode: 'PV1', provinceName: 'Drenthe', sizeClass: 'k2', started: true, submitted: false },
      { code: 'c', provinceCode: 'PV1', provinceName: 'Drenthe', sizeClass: 'k5', started: false, submitted: false },
    ];
    const g = groupsOf(invited);
    assert.deepEqual(
      g.provinces.map((p) => p.label.nl),
      ['Drenthe', 'Zeeland'],
    );
    assert.deepEqual(
      g.sizeClasses.map((s) => s.key),
      ['k2', 'k5'],
    );
    const r = responseRates(invited, g);
    assert.deepEqual([r.total.invited, r.total.started, r.total.submitted, r.total.rate], [3, 2, 1, 0.333]);
    assert.deepEqual(
      r.byProvince.map((x) => [x.key, x.submitted, x.rate]),
      [
        ['PV1', 0, 0],
        ['PV2', 1, 1],
      ],
    );
  });

  test('the daily series is cumulative; reminder days parse', () => {
    const s = dailySeries('2019-04-01', '2019-04-04', ['2019-04-01T08:00:00Z', '2019-04-03T09:00:00Z'], ['2019-04-03T10:00:00Z']);
    assert.deepEqual(
      s.map((p) => [p.date, p.started, p.submitted]),
      [
        ['2019-04-01', 1, 0],
        ['2019-04-02', 1, 0],
        ['2019-04-03', 2, 1],
        ['2019-04-04', 2, 1],
      ],
    );
    assert.deepEqual(parseReminderDays('2, 7 7'), [7, 2]);
    assert.equal(parseReminderDays('7, morgen'), null);
    assert.deepEqual(parseReminderDays(''), []);
  });
});

describe('the feedback report', () => {
  test('own answer beside province, size class and country, with an explanation and hidden groups marked', () => {
    const def = surveyOf([[yesno, multi, scale, open]]);
    const shown = suppressResults(aggregate(questions, responses(), groups), 5, textQuestionIdsOf(questions));
    const m = { code: 'GM1', name: 'Testdorp', provinceCode: 'PV1', provinceName: 'PV1', population: 12_000, sizeClass: 'k3' };
    const report = buildReport(def, shown, m, { 1: 'ja', 2: ['y'], 3: 4, 4: 'eigen tekst' }, null);
    const [q1, q2, q3, q4] = report.sections[0].items;
    assert.equal(q1.own?.nl, 'Ja');
    assert.deepEqual(
      q1.groups.map((g) => g.suppressed),
      [true, false, false],
    );
    assert.match(q1.explanation.nl, /Uw gemeente antwoordde ‘Ja’/);
    assert.match(q1.explanation.nl, /in PV1: te weinig respondenten om te tonen/);
    assert.match(q1.explanation.nl, /in heel Nederland 64%/);
    assert.deepEqual(
      q2.rows.map((r) => r.own),
      [false, true],
    );
    assert.equal(q3.means.length, 3);
    assert.equal(q4.kind, 'text');
    assert.equal(q4.own?.nl, 'eigen tekst');
    assert.equal(report.municipality.sizeClass.nl, '10.000 tot 20.000 inwoners');
  });
});
