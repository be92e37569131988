import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CoverageInput, computeCoverage, fteOn, gapList, inForce, summarize } from './network.logic.ts';
import { monthlyPoints } from './timeline.logic.ts';

const munis = [
  { code: 'GM0001', name: 'Aa', population: 100_000 },
  { code: 'GM0002', name: 'Bee', population: 300_000 },
  { code: 'GM0003', name: 'Cee', population: 50_000 },
];

function base(overrides: Partial<CoverageInput> = {}): CoverageInput {
  return {
    date: '2019-06-01',
    municipalities: munis,
    coordinators: [{ id: 1, name: 'Regio Oost (voorbeeld)', activeFrom: '2018-01-01', activeTo: null }],
    assignments: [
      { coordinatorId: 1, municipalityCode: 'GM0001', validFrom: '2018-01-01', validTo: null },
      { coordinatorId: 1, municipalityCode: 'GM0002', validFrom: '2018-01-01', validTo: null },
    ],
    fteChanges: [{ coordinatorId: 1, effectiveFrom: '2018-01-01', fte: 2 }],
    norm: 0.5,
    ...overrides,
  };
}

describe('coverage status', () => {
  test('covered where a coordinator is assigned, remote elsewhere', () => {
    const r = computeCoverage(base());
    assert.deepEqual(
      r.municipalities.map((m) => [m.code, m.status]),
      [
        ['GM0001', 'covered'],
        ['GM0002', 'covered'],
        ['GM0003', 'remote'],
      ],
    );
    assert.equal(r.municipalities[2].capacity, 'none');
  });

  test('intervals: from inclusive, to exclusive', () => {
    assert.equal(inForce('2019-01-01', '2019-02-01', '2019-01-01'), true);
    assert.equal(inForce('2019-01-01', '2019-02-01', '2019-01-31'), true);
    assert.equal(inForce('2019-01-01', '2019-02-01', '2019-02-01'), false);
    assert.equal(inForce('2019-01-01', null, '2030-01-01'), true);
    assert.equal(inForce('2019-01-01', null, '2018-12-31'), false);
  });

  test('dated changes: ending an assignment keeps the past', () => {
    const input = base({
      assignments: [
        { coordinatorId: 1, municipalityCode: 'GM0001', validFrom: '2018-01-01', validTo: '2019-03-01' },
        { coordinatorId: 1, municipalityCode: 'GM0003', validFrom: '2019-03-01', validTo: null },
      ],
    });
    const before = computeCoverage({ ...input, date: '2019-02-28' });
    const after = computeCoverage({ ...input, date: '2019-03-01' });
    assert.deepEqual(
      before.municipalities.filter((m) => m.status === 'covered').map((m) => m.code),
      ['GM0001'],
    );
    assert.deepEqual(
      after.municipalities.filter((m) => m.status === 'covered').map((m) => m.code),
      ['GM0003'],
    );
  });

  test('an inactive coordinator covers nothing', () => {
    const r = computeCoverage(base({ coordinators: [{ id: 1, name: 'X', activeFrom: '2018-01-01', activeTo: '2019-01-01' }] }));
    assert.equal(
      r.municipalities.every((m) => m.status === 'remote'),
      true,
    );
    assert.equal(r.coordinators.length, 0);
  });
});

describe('capacity', () => {
  test('a coordinator FTE is spread by population; per 100k is uniform over its area', () => {
    const r = computeCoverage(base());
    const [a, b] = r.municipalities;
    assert.equal(a.fte, 0.5);
    assert.equal(b.fte, 1.5);
    assert.equal(a.ftePer100k, 0.5);
    assert.equal(b.ftePer100k, 0.5);
    assert.equal(a.capacity, 'adequate'); // exactly at the norm
  });

  test('shared coverage: a municipality sums the shares of several coordinators', () => {
    const r = computeCoverage(
      base({
        coordinators: [
          { id: 1, name: 'Een', activeFrom: '2018-01-01', activeTo: null },
          { id: 2, name: 'Twee', activeFrom: '2018-01-01', activeTo: null },
        ],
        assignments: [
          { coordinatorId: 1, municipalityCode: 'GM0001', validFrom: '2018-01-01', validTo: null },
          { coordinatorId: 1, municipalityCode: 'GM0002', validFrom: '2018-01-01', validTo: null },
          { coordinatorId: 2, municipalityCode: 'GM0001', validFrom: '2018-01-01', validTo: null },
        ],
        fteChanges: [
          { coordinatorId: 1, effectiveFrom: '2018-01-01', fte: 0.8 },
          { coordinatorId: 2, effectiveFrom: '2018-01-01', fte: 0.3 },
        ],
      }),
    );
    const a = r.municipalities[0];
    const b = r.municipalities[1];
    // Coordinator 1: 0.8 over 400k → 0.2 to Aa, 0.6 to Bee; coordinator 2: 0.3 all to Aa.
    assert.deepEqual(a.coordinatorIds, [1, 2]);
    assert.equal(a.fte, 0.5);
    assert.equal(a.ftePer100k, 0.5);
    assert.equal(a.capacity, 'adequate');
    assert.equal(b.fte, 0.6);
    assert.equal(b.ftePer100k, 0.2);
    assert.equal(b.capacity, 'insufficient');
  });

  test('FTE history: the change in force on the date applies', () => {
    const changes = [
      { coordinatorId: 1, effectiveFrom: '2018-01-01', fte: 1 },
      { coordinatorId: 1, effectiveFrom: '2019-05-01', fte: 0.4 },
    ];
    assert.equal(fteOn(changes, '2019-04-30').get(1), 1);
    assert.equal(fteOn(changes, '2019-05-01').get(1), 0.4);
    assert.equal(fteOn(changes, '2017-12-31').has(1), false);
    const r = computeCoverage(base({ fteChanges: changes }));
    assert.equal(r.municipalities[1].capacity, 'insufficient');
  });

  test('gap list: remote and insufficient, most inhabitants first, with extra FTE to the norm', () => {
    const r = computeCoverage(base({ fteChanges: [{ coordinatorId: 1, effectiveFrom: '2018-01-01', fte: 1 }] }));
    const gaps = gapList(r);
    assert.deepEqual(
      gaps.map((g) => g.code),
      ['GM0002', 'GM0001', 'GM0003'],
    );
    // Bee gets 0.75 FTE, needs 1.5 → 0.75 extra; Cee is remote and needs 0.25.
    assert.equal(gaps[0].extraFte, 0.75);
    assert.equal(gaps[2].status, 'remote');
    assert.equal(gaps[2].extraFte, 0.25);
  });
});

describe('mergers', () => {
  test('coverage recorded on an old code applies to its successor on a later date', () => {
    const after = [
      { code: 'GM1979', name: 'Eemsdelta', population: 45_000 },
      { code: 'GM0002', name: 'Bee', population: 300_000 },
    ];
    const r = computeCoverage(
      base({
        date: '2021-06-01',
        municipalities: after,
        assignments: [
          { coordinatorId: 1, municipalityCode: 'GM0003', validFrom: '2018-01-01', validTo: null },
          { coordinatorId: 1, municipalityCode: 'GM0001', validFrom: '2018-01-01', validTo: null },
        ],
        successors: { GM0003: ['GM1979'], GM0001: ['GM1979'] },
      }),
    );
    assert.equal(r.municipalities.find((m) => m.code === 'GM1979')?.status, 'covered');
    assert.equal(r.municipalities.find((m) => m.code === 'GM0002')?.status, 'remote');
    // Two old codes both mapping to one successor count it once.
    assert.deepEqual(r.coordinators[0].municipalityCodes, ['GM1979']);
  });

  test('a split: coverage of a dissolved municipality applies to every successor', () => {
    const r = computeCoverage(
      base({
        date: '2021-06-01',
        assignments: [{ coordinatorId: 1, municipalityCode: 'GM0788', validFrom: '2018-01-01', validTo: null }],
        successors: { GM0788: ['GM0001', 'GM0003'] },
      }),
    );
    assert.deepEqual(
      r.municipalities.filter((m) => m.status === 'covered').map((m) => m.code),
      ['GM0001', 'GM0003'],
    );
  });
});

describe('summary and timeline', () => {
  test('summary counts coordinators, municipalities and inhabitants', () => {
    const s = summarize(computeCoverage(base()));
    assert.deepEqual(
      {
        c: s.coordinators,
        mc: s.municipalitiesCovered,
        mt: s.municipalitiesTotal,
        pc: s.populationCovered,
        pt: s.populationTotal,
        closed: s.closed,
      },
      { c: 1, mc: 2, mt: 3, pc: 400_000, pt: 450_000, closed: false },
    );
  });

  test('monthly points end each month, the last is the end date', () => {
    assert.deepEqual(monthlyPoints('2018-11-15', '2019-02-10'), [
      { month: '2018-11', date: '2018-11-30' },
      { month: '2018-12', date: '2018-12-31' },
      { month: '2019-01', date: '2019-01-31' },
      { month: '2019-02', date: '2019-02-10' },
    ]);
    assert.deepEqual(monthlyPoints('2019-02-01', '2019-01-01'), []);
    assert.equal(monthlyPoints('2019-02-01', '2019-02-28')[0].date, '2019-02-28');
  });
});
