// Contacts through the staff pages: bad input, duplicates flagged and merged, the JSON export, and
// erasure everywhere (record, interaction texts, task titles, audit trail) with the counts kept and
// the erasure itself audited without the erased values.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postForm } from '../../../test/helpers/auth.ts';
import { listAudit } from '../audit/index.ts';
import { createInteraction, getInteraction } from './interactions.service.ts';
import { addTask, listTasks } from './tasks.service.ts';
import { type AdviceTest, adviceTest } from './test-kit.ts';

let a: AdviceTest;
before(async () => {
  a = await adviceTest(new Date('2019-11-01T10:00:00Z'));
});
after(() => a.t.close());

const form = (over: Record<string, string> = {}) => ({
  area: 'GM0513',
  name: 'Fatima el Amrani',
  role: 'aandachtsfunctionaris',
  email: 'f.elamrani@gouda.example',
  phone: '0182 123 456',
  since: '2018-03-01',
  lawful_basis: 'public-task',
  ...over,
});

async function create(fields: Record<string, string>) {
  const res = await postForm(a.t, await a.login(a.adviser), '/beheer/advies/contacten/nieuw', fields);
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  return Number(String(res.headers.location).match(/contacten\/(\d+)/)![1]);
}

describe('contact forms', () => {
  it('refuses bad input with a Dutch message beside the field and keeps what was typed', async () => {
    const s = await a.login(a.adviser);
    const res = await postForm(
      a.t,
      s,
      '/beheer/advies/contacten/nieuw',
      form({ email: 'geen-adres', until: '2017-01-01', area: 'GM9999', name: '' }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="field-email-error"[^>]*>.*Vul een geldig e-mailadres in, zoals naam@gemeente.nl\./s);
    assert.match(res.body, /id="field-until-error"[^>]*>.*De einddatum ligt vóór de begindatum/s);
    assert.match(res.body, /id="field-name-error"[^>]*>.*Vul dit veld in\./s);
    assert.match(res.body, /value="geen-adres"/);
    const unknown = await postForm(a.t, s, '/beheer/advies/contacten/nieuw', form({ area: 'GM9999' }));
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Kies een gemeente of regio uit de lijst\./);
    assert.match(unknown.body, /value="Fatima el Amrani"/);
    const anonymous = await a.t.app.inject({ url: '/beheer/advies/contacten' });
    assert.equal(anonymous.statusCode, 401);
    const municipality = await a.t.app.inject({ url: '/beheer/advies/contacten', cookies: (await a.login(a.amsterdam)).cookies });
    assert.equal(municipality.statusCode, 403);
  });

  it('flags the same email and the same name in the same municipality, and merges them', async () => {
    const first = await create(form());
    const sameName = await create(form({ name: 'fatima EL amrani', email: '', phone: '', since: '2019-01-01' }));
    const sameEmail = await create(form({ area: 'GM0014', name: 'F. el Amrani', email: 'F.ElAmrani@gouda.example ' }));
    const s = await a.login(a.adviser);
    const list = await a.t.app.inject({ url: '/beheer/advies/contacten?gebied=GM0513', cookies: s.cookies });
    assert.equal((list.body.match(/mogelijk dubbel/g) ?? []).length >= 1, true);
    assert.match(list.body, /zelfde naam in dezelfde gemeente of regio als/);
    const page = await a.t.app.inject({ url: `/beheer/advies/contacten/${sameEmail}`, cookies: s.cookies });
    assert.match(page.body, new RegExp(`zelfde e-mailadres als #${first}`));

    const interaction = await createInteraction(a.as(a.adviser), {
      date: '2019-05-01',
      type: 'phone',
      subject: 'Bel',
      summary: '',
      municipalityCodes: ['GM0513'],
      regionCode: null,
      adviserIds: [],
      contactIds: [sameName],
    });
    const merged = await postForm(a.t, s, `/beheer/advies/contacten/${first}/samenvoegen`, { other: String(sameName) });
    assert.equal(merged.statusCode, 303);
    assert.equal((await a.t.app.inject({ url: `/beheer/advies/contacten/${sameName}`, cookies: s.cookies })).statusCode, 404);
    const detail = await getInteraction(a.t.deps.db, interaction);
    assert.deepEqual(
      detail?.contacts.map((c) => c.id),
      [first],
      'the presence moved to the kept contact',
    );
    const exported = JSON.parse((await a.t.app.inject({ url: `/beheer/advies/contacten/${first}/export`, cookies: s.cookies })).body);
    assert.equal(exported.contact.since, '2018-03-01', 'the widest period is kept');
    assert.equal(exported.contact.phone, '0182 123 456');
    const self = await postForm(a.t, s, `/beheer/advies/contacten/${first}/samenvoegen`, { other: String(first) });
    assert.equal(self.statusCode, 400);
    assert.match(self.body, /Kies een andere contactpersoon\./);
  });
});

describe('export', () => {
  it('exports everything kept about a contact as JSON', async () => {
    const id = await create(form({ area: 'GM0363', name: 'Piet Export', email: 'piet.export@example.org' }));
    await createInteraction(a.as(a.adviser), {
      date: '2019-06-01',
      type: 'advice-conversation',
      subject: 'Gesprek over de meldroute',
      summary: 'x',
      municipalityCodes: ['GM0363'],
      regionCode: null,
      adviserIds: [],
      contactIds: [id],
    });
    const res = await a.t.app.inject({ url: `/beheer/advies/contacten/${id}/export`, cookies: (await a.login(a.adviser)).cookies });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="contactpersoon-\d+\.json"/);
    const body = JSON.parse(res.body);
    assert.deepEqual(body.contact, {
      name: 'Piet Export',
      role: 'aandachtsfunctionaris',
      email: 'piet.export@example.org',
      phone: '0182 123 456',
      municipalityOrRegion: { code: 'GM0363', name: 'Amsterdam' },
      since: '2018-03-01',
      until: null,
      lawfulBasis: 'public-task',
      erasedAt: null,
    });
    assert.deepEqual(body.interactions, [{ date: '2019-06-01', type: 'advice-conversation', subject: 'Gesprek over de meldroute' }]);
  });
});

describe('erasure', () => {
  it('erases the person everywhere, keeps the counts, and audits the erasure without the values', async () => {
    const s = await a.login(a.adviser);
    const id = await create(form({ area: 'GM0363', name: 'Jan Wisser', email: 'jan.wisser@example.org', phone: '020 555 1234' }));
    const ctx = a.as(a.adviser);
    const other = await create(form({ area: 'GM0363', name: 'Blijft Staan', email: 'blijft@example.org' }));
    const iid = await createInteraction(ctx, {
      date: '2019-07-01',
      type: 'phone',
      subject: 'Bellen met Jan Wisser',
      summary: 'Jan Wisser (jan.wisser@example.org, 020 555 1234) belt terug; Blijft Staan ook.',
      municipalityCodes: ['GM0363'],
      regionCode: null,
      adviserIds: [],
      contactIds: [id, other],
    });
    await addTask(ctx, iid, { title: 'Jan Wisser terugbellen', ownerId: null, dueDate: '2019-12-01' });

    const noConfirm = await postForm(a.t, s, `/beheer/advies/contacten/${id}/verwijderen`, {});
    assert.equal(noConfirm.statusCode, 400);
    assert.match(noConfirm.body, /Vink aan dat u deze persoon overal wilt verwijderen\./);
    const res = await postForm(a.t, s, `/beheer/advies/contacten/${id}/verwijderen`, { confirm: '1' });
    assert.equal(res.statusCode, 303);

    const detail = await getInteraction(a.t.deps.db, iid);
    assert.equal(detail?.subject, 'Bellen met [verwijderd]');
    assert.equal(detail?.summary, '[verwijderd] ([verwijderd], [verwijderd]) belt terug; Blijft Staan ook.');
    assert.equal(detail?.contacts.length, 2, 'the interaction still counts two contacts present');
    assert.deepEqual(
      detail?.contacts.find((c) => c.id === id),
      { id, name: null, erased: true },
    );
    const tasks = await listTasks(a.t.deps.db, { interactionId: iid }, '2019-11-01');
    assert.equal(tasks[0].title, '[verwijderd] terugbellen');
    const page = await a.t.app.inject({ url: `/beheer/advies/contacten/${id}`, cookies: s.cookies });
    assert.doesNotMatch(page.body, /Jan Wisser|jan\.wisser|555 1234/);
    assert.match(page.body, /Deze contactpersoon is verwijderd/);

    const { entries } = await listAudit(a.t.deps.db, { pageSize: 1000 });
    const trail = JSON.stringify(entries);
    assert.doesNotMatch(trail, /Jan Wisser|jan\.wisser@example\.org|020 555 1234/);
    assert.match(trail, /Blijft Staan/, 'other people stay in the trail');
    const erase = entries.find((e) => e.action === 'erase' && e.entity === 'advice_contact' && e.entityId === String(id));
    assert.ok(erase, 'the erasure is audited');
    assert.equal(erase.before, null);
    assert.equal(erase.after, null);
    const again = await postForm(a.t, s, `/beheer/advies/contacten/${id}/verwijderen`, { confirm: '1' });
    assert.equal(again.statusCode, 409);
  });
});
