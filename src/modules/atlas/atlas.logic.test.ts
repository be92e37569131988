// Date and merger rules on the real CBS lists, without a database.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { REFERENCE_DIR } from '../../../test/helpers/atlas.ts';
import { type AtlasFacts, AtlasIndex, validityOf } from './atlas.logic.ts';
import { parseMergers, parseMunicipalities } from './import/parse.ts';
import { normalizeName, searchNames } from './search.logic.ts';

const dir = REFERENCE_DIR;
const csv = parseMunicipalities(readFileSync(resolve(dir, 'gemeenten.csv'), 'utf8'));
const mergers = parseMergers(readFileSync(resolve(dir, 'herindelingen_2019_2025.csv'), 'utf8'), csv);
const HAAREN_SHARES: Record<string, number> = { GM0865: 0.42, GM0824: 0.28, GM0855: 0.18, GM0757: 0.12 };

function facts(): AtlasFacts {
  const renamed: Record<string, string> = {
    GM0164: 'Hengelo',
    GM0417: 'Laren',
    GM0603: 'Rijswijk',
    GM0687: 'Middelburg',
    GM0888: 'Beek',
    GM0971: 'Stein',
  };
  const municipalities = csv.map((m) => ({ code: m.code, name: m.name, provinceCode: m.province, ...validityOf(m, mergers) }));
  const names = municipalities.flatMap((m) =>
    renamed[m.code]
      ? [
          { code: m.code, name: renamed[m.code], validFrom: m.validFrom, validTo: '2025-01-01' },
          { code: m.code, name: m.name, validFrom: '2025-01-01', validTo: m.validTo },
        ]
      : [{ code: m.code, name: m.name, validFrom: m.validFrom, validTo: m.validTo }],
  );
  return {
    municipalities,
    names,
    mergers: mergers.map((r) => ({
      effectiveDate: r.effectiveDate,
      oldCode: r.oldCode,
      newCode: r.newCode,
      share: r.oldCode === 'GM0788' ? HAAREN_SHARES[r.newCode] : 1,
    })),
  };
}

const atlas = new AtlasIndex(facts());

describe('atlas logic: municipalities on a date', () => {
  const cases: [string, number][] = [
    ['2018-06-01', 355],
    ['2019-06-01', 355],
    ['2020-12-31', 355],
    ['2021-01-01', 352],
    ['2021-06-01', 352],
    ['2022-01-01', 345],
    ['2022-03-23', 345],
    ['2022-03-24', 344],
    ['2022-06-01', 344],
    ['2023-01-01', 342],
    ['2025-06-01', 342],
    ['2026-11-28', 342],
  ];
  for (const [date, count] of cases) {
    it(`${count} municipalities on ${date}`, () => assert.equal(atlas.municipalitiesOn(date).length, count));
  }
  it('valid_to is exclusive: Weesp exists on 2022-03-23, not on 2022-03-24', () => {
    assert.ok(atlas.municipalitiesOn('2022-03-23').some((m) => m.code === 'GM0457'));
    assert.ok(!atlas.municipalitiesOn('2022-03-24').some((m) => m.code === 'GM0457'));
  });
});

describe('atlas logic: successors and predecessors', () => {
  it('Appingedam → Eemsdelta from 2021-01-01, itself before', () => {
    assert.deepEqual(atlas.successorsOf('GM0003', '2020-12-31'), [{ code: 'GM0003', share: 1 }]);
    assert.deepEqual(atlas.successorsOf('GM0003', '2021-01-01'), [{ code: 'GM1979', share: 1 }]);
  });
  it('Haaren → Boxtel, Oisterwijk, Tilburg, Vught with shares, largest first', () => {
    const s = atlas.successorsOf('GM0788', '2025-06-01');
    assert.deepEqual(
      s.map((x) => x.code),
      ['GM0865', 'GM0824', 'GM0855', 'GM0757'],
    );
    assert.equal(Math.round(s.reduce((a, x) => a + x.share, 0) * 100), 100);
  });
  it('Weesp → Amsterdam only from 2022-03-24', () => {
    assert.deepEqual(atlas.successorsOf('GM0457', '2022-03-23'), [{ code: 'GM0457', share: 1 }]);
    assert.deepEqual(atlas.successorsOf('GM0457', '2022-03-24'), [{ code: 'GM0363', share: 1 }]);
  });
  it('a municipality that did not exist yet has no successors on that date', () => {
    assert.deepEqual(atlas.successorsOf('GM1979', '2019-06-01'), []);
    assert.deepEqual(atlas.successorsOf('GM9999', '2019-06-01'), []);
  });
  it('predecessors of Eemsdelta and Amsterdam', () => {
    assert.deepEqual(
      atlas.predecessorsOf('GM1979').map((r) => r.oldCode),
      ['GM0003', 'GM0010', 'GM0024'],
    );
    assert.deepEqual(
      atlas.predecessorsOf('GM0363').map((r) => [r.oldCode, r.effectiveDate]),
      [['GM0457', '2022-03-24']],
    );
  });
  it('mapToDate carries facts forward and backward', () => {
    assert.deepEqual(
      atlas.mapToDate('GM0003', '2019-06-01', '2025-06-01').map((x) => x.code),
      ['GM1979'],
    );
    assert.deepEqual(
      atlas
        .mapToDate('GM1979', '2025-06-01', '2019-06-01')
        .map((x) => x.code)
        .sort(),
      ['GM0003', 'GM0010', 'GM0024'],
    );
    const back = atlas.mapToDate('GM0855', '2025-06-01', '2019-06-01');
    assert.deepEqual(back.map((x) => x.code).sort(), ['GM0788', 'GM0855']);
  });
});

describe('atlas logic: name search', () => {
  it('Weesp today finds Amsterdam, saying why', () => {
    const [hit] = searchNames(atlas, 'Weesp', '2026-11-28');
    assert.equal(hit.code, 'GM0363');
    assert.equal(hit.name, 'Amsterdam');
    assert.equal(hit.matchedFormerName, 'Weesp');
    assert.deepEqual(hit.reason, {
      nl: 'Weesp is op 24 maart 2022 opgegaan in Amsterdam',
      en: 'Weesp merged into Amsterdam on 24 March 2022',
    });
  });
  it('Weesp in 2019 finds Weesp itself', () => {
    assert.equal(searchNames(atlas, 'weesp', '2019-06-01')[0].code, 'GM0457');
  });
  it("'Hengelo' finds 'Hengelo (O.)'", () => {
    const hits = searchNames(atlas, 'Hengelo', '2025-06-01');
    assert.equal(hits[0].code, 'GM0164');
    assert.equal(hits[0].name, 'Hengelo (O.)');
  });
  it('Haaren today lists its four successors', () => {
    const hits = searchNames(atlas, 'Haaren', '2025-06-01');
    assert.deepEqual(hits.map((h) => h.code).sort(), ['GM0757', 'GM0824', 'GM0855', 'GM0865']);
    assert.match(hits[0].reason!.nl, /^Haaren is op 1 januari 2021 opgeheven en verdeeld over /);
  });
  it('is accent- and case-insensitive', () => {
    assert.equal(normalizeName('Súdwest-Fryslân'), 'sudwest fryslan');
    assert.equal(searchNames(atlas, 'SUDWEST', '2025-06-01')[0].code, 'GM1900');
  });
});
