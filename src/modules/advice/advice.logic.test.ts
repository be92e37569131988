// Unit tests of the advice module's pure rules (no database).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ContactLike, duplicateGroups, eraseFromText, flaggedIds, inPostOn, mergeContact, nameKey } from './contacts.logic.ts';
import {
  type CountedInteraction,
  countByType,
  engagementClass,
  intensiveContacts,
  membersOn,
  partiesOf,
  reachByGroup,
  reachByMunicipality,
  sizeClassOf,
} from './engagement.logic.ts';
import { awaitsReview, maturityClass, maturityOf, reviewSource, type StatusRecord, statusesOn, tallyByBlock } from './policy.logic.ts';

let n = 0;
function ia(over: Partial<CountedInteraction>): CountedInteraction {
  n += 1;
  return {
    key: `advice:${n}`,
    source: 'advice',
    date: '2019-03-01',
    type: 'advice-conversation',
    municipalityCodes: [],
    regionCode: null,
    regionMembers: [],
    ...over,
  };
}
const names: Record<string, string> = {
  GM0106: 'Assen',
  GM0114: 'Emmen',
  GM0392: 'Haarlem',
  GM0363: 'Amsterdam',
  VR03: 'Drenthe',
  VR12: 'Kennemerland',
};
const nameOf = (c: string) => names[c] ?? c;

describe('reach', () => {
  it('counts each interaction once per municipality, a region for its members, feed apart', () => {
    const list = [
      ia({ municipalityCodes: ['GM0106'], regionCode: 'VR03', regionMembers: ['GM0106', 'GM0114'] }),
      ia({ municipalityCodes: ['GM0363'] }),
      ia({ key: 'events:1', source: 'events', type: 'workshop', municipalityCodes: ['GM0363', 'GM0114'] }),
    ];
    const reach = reachByMunicipality(list);
    assert.deepEqual(reach.get('GM0106'), { advice: 1, feed: 0 });
    assert.deepEqual(reach.get('GM0114'), { advice: 1, feed: 1 });
    assert.deepEqual(reach.get('GM0363'), { advice: 1, feed: 1 });
    assert.equal(reach.size, 3);
    assert.deepEqual(countByType(list), [
      { type: 'advice-conversation', advice: 2, feed: 0 },
      { type: 'workshop', advice: 0, feed: 1 },
    ]);
  });
});

describe('region members on a date', () => {
  it('takes a membership from its first day up to the day before it ends, open ends open', () => {
    const memberships = [
      { municipalityCode: 'GM0001', validFrom: null, validTo: null },
      { municipalityCode: 'GM0002', validFrom: '2019-01-01', validTo: '2021-01-01' },
      { municipalityCode: 'GM0003', validFrom: '2021-01-01', validTo: null },
    ];
    assert.deepEqual(membersOn(memberships, '2018-12-31'), ['GM0001']);
    assert.deepEqual(membersOn(memberships, '2019-01-01'), ['GM0001', 'GM0002']);
    assert.deepEqual(membersOn(memberships, '2020-12-31'), ['GM0001', 'GM0002']);
    assert.deepEqual(membersOn(memberships, '2021-01-01'), ['GM0001', 'GM0003']);
    assert.deepEqual(membersOn([], '2021-01-01'), []);
  });
});

describe('intensive contacts', () => {
  it('joins a region to the member named in every one of its interactions', () => {
    const drenthe = { regionCode: 'VR03', regionMembers: ['GM0106', 'GM0114'] };
    const list = [
      ia({ municipalityCodes: ['GM0106'] }),
      ia({ municipalityCodes: ['GM0106'], ...drenthe }),
      ia({ municipalityCodes: ['GM0106'], ...drenthe }),
      ia({ municipalityCodes: ['GM0363'] }),
      ia({ municipalityCodes: ['GM0363'] }),
      ia({ key: 'events:9', source: 'events', municipalityCodes: ['GM0363'] }),
    ];
    const parties = partiesOf(list, nameOf, nameOf);
    assert.deepEqual(
      parties.map((p) => [p.code, p.name, p.kind, p.interactions]),
      [
        ['GM0106', 'Assen/Drenthe', 'municipality-with-region', 3],
        ['GM0363', 'Amsterdam', 'municipality', 2],
      ],
    );
    assert.deepEqual(
      intensiveContacts(parties, 3).map((p) => p.name),
      ['Assen/Drenthe'],
    );
    assert.deepEqual(
      intensiveContacts(parties, 2).map((p) => p.name),
      ['Amsterdam', 'Assen/Drenthe'],
      'feed items never count towards intensive contacts',
    );
  });

  it('keeps a region on its own when its interactions named no single member every time', () => {
    const k = { regionCode: 'VR12', regionMembers: ['GM0392', 'GM0363'] };
    const list = [ia({ ...k }), ia({ municipalityCodes: ['GM0392'], ...k }), ia({ ...k })];
    const parties = partiesOf(list, nameOf, nameOf);
    assert.deepEqual(
      parties.map((p) => [p.code, p.kind, p.interactions]),
      [
        ['VR12', 'region', 3],
        ['GM0392', 'municipality', 1],
      ],
    );
  });

  it('does not join a municipality that is not a member of the region on the date', () => {
    const list = [ia({ municipalityCodes: ['GM0363'], regionCode: 'VR03', regionMembers: ['GM0106'] })];
    assert.deepEqual(
      partiesOf(list, nameOf, nameOf).map((p) => p.kind),
      ['municipality', 'region'],
    );
  });
});

describe('size classes and groups', () => {
  it('follows the CBS classes', () => {
    assert.equal(sizeClassOf(932), 'lt5k');
    assert.equal(sizeClassOf(5_000), '5k-10k');
    assert.equal(sizeClassOf(49_999), '20k-50k');
    assert.equal(sizeClassOf(872_757), 'ge250k');
    assert.equal(sizeClassOf(null), 'unknown');
  });
  it('counts reached and total per province and size class', () => {
    const ms = [
      { code: 'A', provinceCode: 'PV22', provinceName: 'Drenthe', population: 68_000 },
      { code: 'B', provinceCode: 'PV22', provinceName: 'Drenthe', population: 100_000 },
      { code: 'C', provinceCode: 'PV27', provinceName: 'Noord-Holland', population: 870_000 },
    ];
    const g = reachByGroup(ms, new Set(['A', 'C']));
    assert.deepEqual(
      g.provinces.map((p) => [p.key, p.reached, p.total]),
      [
        ['PV22', 1, 2],
        ['PV27', 1, 1],
      ],
    );
    assert.deepEqual(
      g.sizeClasses.map((s) => [s.key, s.reached, s.total]),
      [
        ['50k-100k', 1, 1],
        ['100k-150k', 0, 1],
        ['ge250k', 1, 1],
      ],
    );
  });
  it('classes engagement for the map', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 9].map((c) => engagementClass(c, 3)),
      ['none', 'one', 'some', 'intensive', 'intensive'],
    );
  });
});

function rec(over: Partial<StatusRecord>): StatusRecord {
  n += 1;
  return {
    id: n,
    municipalityCode: 'GM0363',
    blockId: 'policy-adopted',
    blocksVersion: 1,
    status: 'not-started',
    evidenceUrl: null,
    evidenceNote: null,
    effectiveDate: '2019-01-01',
    source: 'adviser',
    reviewsId: null,
    setBy: 1,
    setByLabel: 'a@x',
    recordedAt: '2019-01-01T10:00:00.000Z',
    ...over,
  };
}

describe('policy status on a date', () => {
  const history = [
    rec({ status: 'not-started', effectiveDate: '2018-11-01', recordedAt: '2018-11-01T09:00:00Z' }),
    rec({ status: 'in-progress', effectiveDate: '2019-03-01', recordedAt: '2019-03-02T09:00:00Z' }),
    rec({ status: 'in-place', effectiveDate: '2019-03-01', recordedAt: '2019-03-05T09:00:00Z' }),
    rec({ status: 'in-place', effectiveDate: '2019-06-01', source: 'self', blockId: 'signal-route' }),
  ];
  it('takes the newest record in force on the date; later corrections of the same day win', () => {
    assert.equal(statusesOn(history, '2018-10-31').size, 0);
    assert.equal(statusesOn(history, '2019-02-28').get('policy-adopted')?.status, 'not-started');
    assert.equal(statusesOn(history, '2019-03-01').get('policy-adopted')?.status, 'in-place');
    assert.equal(statusesOn(history, '2019-05-31').get('signal-route'), undefined);
    assert.equal(awaitsReview(statusesOn(history, '2019-06-01').get('signal-route')), true);
  });
  it('confirms the same status and corrects another', () => {
    assert.equal(reviewSource('in-place', 'in-place'), 'confirmed');
    assert.equal(reviewSource('in-place', 'in-progress'), 'corrected');
  });
  it('computes maturity, its map class and the national tally', () => {
    const s = new Map([
      ['a', 'in-place' as const],
      ['b', 'in-progress' as const],
    ]);
    assert.equal(maturityOf(s, ['a', 'b', 'c']), 1 / 3);
    assert.deepEqual([0, 0.2, 1 / 3, 0.5, 0.9, 1].map(maturityClass), ['m0', 'm1', 'm1', 'm2', 'm3', 'm4']);
    const tally = tallyByBlock(new Map([['X', s]]), ['X', 'Y'], ['a', 'b']);
    assert.deepEqual(tally, [
      { blockId: 'a', 'not-started': 0, 'in-progress': 0, 'in-place': 1, unknown: 1 },
      { blockId: 'b', 'not-started': 0, 'in-progress': 1, 'in-place': 0, unknown: 1 },
    ]);
  });
});

function contact(over: Partial<ContactLike>): ContactLike {
  n += 1;
  return {
    id: n,
    municipalityCode: 'GM0363',
    regionCode: null,
    name: null,
    email: null,
    phone: null,
    since: null,
    until: null,
    erasedAt: null,
    ...over,
  };
}

describe('contacts', () => {
  it('flags the same email anywhere and the same name in the same area', () => {
    const a = contact({ name: 'José de Vries', email: 'J.deVries@example.org' });
    const b = contact({ name: 'jose de vries', email: null });
    const c = contact({ name: 'Other', email: 'j.devries@example.org ', municipalityCode: 'GM0014' });
    const d = contact({ name: 'José de Vries', municipalityCode: 'GM0014' });
    const e = contact({ name: 'Gone', email: 'j.devries@example.org', erasedAt: '2020-01-01' });
    const groups = duplicateGroups([a, b, c, d, e]);
    assert.deepEqual(groups, [
      { reason: 'email', ids: [a.id, c.id] },
      { reason: 'name', ids: [a.id, b.id] },
    ]);
    assert.deepEqual([...flaggedIds(groups).keys()].sort(), [a.id, b.id, c.id].sort());
    assert.equal(nameKey('  José  DE Vries! '), 'jose de vries');
  });
  it('merges by filling empty fields and widening the period', () => {
    const keep = contact({ name: 'A', email: null, since: '2019-01-01', until: '2020-01-01' });
    const other = contact({ name: 'B', email: 'a@x.nl', phone: '06', since: '2018-01-01', until: null });
    assert.deepEqual(mergeContact(keep, other), { ...keep, email: 'a@x.nl', phone: '06', since: '2018-01-01', until: null });
  });
  it('is in post from since up to (not including) until', () => {
    assert.equal(inPostOn({ since: '2019-01-01', until: '2020-01-01' }, '2019-12-31'), true);
    assert.equal(inPostOn({ since: '2019-01-01', until: '2020-01-01' }, '2020-01-01'), false);
    assert.equal(inPostOn({ since: null, until: null }, '2000-01-01'), true);
  });
  it('erases a person’s values from free text', () => {
    assert.equal(
      eraseFromText('Gesprek met Jan Jansen (jan@x.nl); JAN JANSEN belt terug.', ['Jan Jansen', 'jan@x.nl', 'J']),
      'Gesprek met [verwijderd] ([verwijderd]); [verwijderd] belt terug.',
    );
  });
});
