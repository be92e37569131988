// The advice module's contract with other modules: contactsForMunicipality (survey invitations) and
// the two extension points, proven with a probe module that contributes policy evidence and an
// interaction feed: evidence beside its block on the scorecard, feed items marked with their source
// in the interaction list and on the municipality page, counted as "reached" but never as intensive
// contacts; a contribution that fails leaves the page standing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defineModule } from '../../module.ts';
import { createContact, eraseContact } from './contacts.write.ts';
import { engagementFor } from './engagement.service.ts';
import { contactsForMunicipality, type FeedInteraction, type InteractionFeed, type PolicyEvidenceProvider } from './index.ts';
import { createInteraction } from './interactions.service.ts';
import { type AdviceTest, adviceTest } from './test-kit.ts';

const FEED: FeedInteraction[] = [
  {
    sourceId: 'w1',
    date: '2019-03-14',
    type: 'workshop',
    title: { nl: 'Workshop hoofden OOV', en: 'Workshop heads of public safety' },
    municipalityCodes: ['GM0363', 'GM0014', 'GM0034'],
    url: '/evenementen/w1',
  },
  {
    sourceId: 'w2',
    date: '2019-05-20',
    type: 'workshop',
    title: { nl: 'Regionale bijeenkomst', en: 'Regional meeting' },
    municipalityCodes: ['GM0363'],
  },
  { sourceId: 'w3', date: '2019-06-20', type: 'workshop', title: { nl: 'Congres', en: 'Congress' }, municipalityCodes: ['GM0363'] },
  { sourceId: 'old', date: '2017-01-01', type: 'workshop', title: { nl: 'Oud', en: 'Old' }, municipalityCodes: ['GM0363'] },
];

const feed: InteractionFeed = {
  source: 'probe-events',
  label: { nl: 'Evenementen (probe)', en: 'Events (probe)' },
  list: async (_db, q) =>
    FEED.filter((f) => f.date >= q.from && f.date <= q.to && (!q.codes || f.municipalityCodes.some((c) => q.codes!.includes(c)))),
};
const broken: InteractionFeed = {
  source: 'probe-broken',
  label: { nl: 'Kapotte bron', en: 'Broken source' },
  list: async () => Promise.reject(new Error('down')),
};
const evidence: PolicyEvidenceProvider = {
  id: 'probe.trained',
  block: 'frontline-trained',
  evidenceOn: async (_db, code) =>
    code === 'GM0363'
      ? {
          summary: { nl: '14 frontlijnmedewerkers getraind (probe)', en: '14 front-line workers trained (probe)' },
          count: 14,
          url: '/academy/probe',
        }
      : null,
};
const failing: PolicyEvidenceProvider = {
  id: 'probe.failing',
  block: 'signal-route',
  evidenceOn: async () => Promise.reject(new Error('down')),
};

const probe = defineModule({ name: 'probe', extensions: { policyEvidence: [evidence, failing], interactionFeed: [feed, broken] } });

let a: AdviceTest;
before(async () => {
  a = await adviceTest(new Date('2019-11-01T10:00:00Z'), [probe]);
});
after(() => a.t.close());

describe('contactsForMunicipality', () => {
  it('gives the current contacts with an email, contact official first; never erased or past ones', async () => {
    const ctx = a.as(a.adviser);
    const base = { area: 'GM0363', phone: null, lawfulBasis: 'public-task' as const };
    await createContact(ctx, {
      ...base,
      name: 'Zeno Wethouder',
      role: 'alderman',
      email: 'zeno@example.org',
      since: '2018-01-01',
      until: null,
    });
    await createContact(ctx, {
      ...base,
      name: 'Anna Aandacht',
      role: 'aandachtsfunctionaris',
      email: 'anna@example.org',
      since: null,
      until: null,
    });
    await createContact(ctx, { ...base, name: 'Zonder Mail', role: 'mayor', email: null, since: null, until: null });
    await createContact(ctx, {
      ...base,
      name: 'Oud Gediend',
      role: 'mayor',
      email: 'oud@example.org',
      since: '2010-01-01',
      until: '2019-01-01',
    });
    const gone = await createContact(ctx, {
      ...base,
      name: 'Weg Ermee',
      role: 'mayor',
      email: 'weg@example.org',
      since: null,
      until: null,
    });
    await eraseContact(ctx, gone);
    const list = await contactsForMunicipality(a.t.deps.db, 'GM0363', '2019-06-01');
    assert.deepEqual(
      list.map((c) => [c.name, c.email, c.role]),
      [
        ['Anna Aandacht', 'anna@example.org', 'aandachtsfunctionaris'],
        ['Zeno Wethouder', 'zeno@example.org', 'alderman'],
      ],
    );
    assert.deepEqual(
      (await contactsForMunicipality(a.t.deps.db, 'GM0363', '2018-06-01')).map((c) => c.name),
      ['Anna Aandacht', 'Zeno Wethouder', 'Oud Gediend'],
      'by role (contact official, …, alderman, mayor), then name',
    );
    assert.deepEqual(await contactsForMunicipality(a.t.deps.db, 'GM0014', '2019-06-01'), []);
  });
});

describe('extension points', () => {
  it('shows evidence beside the block it names on the scorecard, and survives a failing provider', async () => {
    const s = await a.login(a.adviser);
    const res = await a.t.app.inject({ url: '/beheer/advies/gemeente/GM0363?datum=2019-06-01', cookies: s.cookies });
    assert.equal(res.statusCode, 200);
    const row = res.body.split('<tr').find((r) => r.includes('Frontlijnmedewerkers getraind')) ?? '';
    assert.match(row, /14 frontlijnmedewerkers getraind \(probe\)/);
    assert.match(row, /href="\/academy\/probe"/);
    assert.doesNotMatch(res.body.split('<tr').find((r) => r.includes('interne route')) ?? '', /probe/);
    const own = await a.t.app.inject({ url: '/gemeente/GM0363/beleid?datum=2019-06-01', cookies: (await a.login(a.amsterdam)).cookies });
    assert.match(own.body, /14 frontlijnmedewerkers getraind/);
  });

  it('lists feed items read-only with their source, and names a source that failed', async () => {
    const s = await a.login(a.adviser);
    const res = await a.t.app.inject({
      url: '/beheer/advies/interacties?van=2019-01-01&tot=2019-12-31&gemeente=GM0363',
      cookies: s.cookies,
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Evenementen \(probe\)/);
    assert.match(res.body, /<a class="utrecht-link" href="\/evenementen\/w1">Workshop hoofden OOV<\/a>/);
    assert.doesNotMatch(res.body, />Oud</);
    assert.match(res.body, /Niet beschikbaar: Kapotte bron/);
    const page = await a.t.app.inject({ url: '/beheer/advies/gemeente/GM0014', cookies: s.cookies });
    assert.match(page.body, /Workshop hoofden OOV/);
    assert.doesNotMatch(page.body, /Congres/, 'Groningen did not attend the congress');
  });

  it('counts feed items as reached, never towards intensive contacts', async () => {
    const ctx = a.as(a.adviser);
    for (const date of ['2019-02-01', '2019-04-01']) {
      await createInteraction(ctx, {
        date,
        type: 'phone',
        subject: 'Bel',
        summary: '',
        municipalityCodes: ['GM0363'],
        regionCode: null,
        adviserIds: [],
        contactIds: [],
      });
    }
    const e = await engagementFor(a.t.deps, a.t.deps.db, '2019-01-01', '2019-12-31');
    assert.equal(e.totals.interactions, 2);
    assert.equal(e.totals.feedInteractions, 3);
    assert.deepEqual(
      e.perMunicipality.map((m) => [m.code, m.advice, m.feed]),
      [
        ['GM0363', 2, 3],
        ['GM0034', 0, 1],
        ['GM0014', 0, 1],
      ],
    );
    assert.equal(e.totals.reached, 3);
    assert.deepEqual(e.intensive, [], 'two advice interactions plus three feed items are not three advice interactions');
    assert.deepEqual(e.feedFailed, [{ nl: 'Kapotte bron', en: 'Broken source' }]);
    assert.deepEqual(
      e.perType.find((x) => x.type === 'workshop'),
      { type: 'workshop', advice: 0, feed: 3 },
    );
  });
});
