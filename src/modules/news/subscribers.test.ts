// Subscribing on a real database: double opt-in with a consent record at each step, the same
// answer whatever the address's state, honeypot and per-address limit, expiry of unconfirmed
// sign-ups, preferences through the personal link, one-click unsubscribe (RFC 8058), export and
// erasure, the staff import (never confirmed), and the API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { formBody, type LoggedIn, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { emailsTo } from '../../../test/helpers/records.ts';
import { anonymousCsrf } from '../../../test/helpers/routes.ts';
import { selectConsents, selectSubscriberByEmail } from './subscribers.queries.ts';
import { expireUnconfirmed } from './subscribers.service.ts';

let clock = new Date('2019-09-02T09:00:00Z');
let t: TestApp;
let address = 0;

before(async () => {
  t = await createTestApp({ now: () => clock });
});
after(async () => {
  await t?.close();
});

/** Posts the public sign-up form as an anonymous visitor from its own address. */
async function signUp(fields: Record<string, string>) {
  const { cookies, csrf } = anonymousCsrf(t.app);
  address += 1;
  return t.app.inject({
    method: 'POST',
    url: '/nieuwsbrief/aanmelden',
    cookies,
    remoteAddress: `10.9.0.${address}`,
    ...formBody({ _csrf: csrf, ...fields }),
  });
}

function linkIn(text: string, path: string): string {
  const m = new RegExp(`http://localhost:3000(${path}[^\\s"<]+)`).exec(text);
  assert.ok(m, `no ${path} link in: ${text}`);
  return m[1];
}

describe('double opt-in', () => {
  test('sign up → confirmation email → confirm: consent recorded at each step with the text shown', async () => {
    const res = await signUp({ email: 'Anna@Example.org', name: 'Anna', topics: 'care', consent: 'on' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/nieuwsbrief/aangemeld');
    const s = await selectSubscriberByEmail(t.deps.db, 'anna@example.org');
    assert.equal(s?.status, 'pending');
    const [mail] = await emailsTo(t, 'anna@example.org');
    assert.equal(mail.subject, 'Bevestig uw aanmelding voor de nieuwsbrief');
    const confirm = await t.app.inject({ url: linkIn(mail.text, '/nieuwsbrief/bevestigen/') });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Uw aanmelding is bevestigd/);
    assert.equal((await selectSubscriberByEmail(t.deps.db, 'anna@example.org'))?.status, 'confirmed');
    const consents = await selectConsents(t.deps.db, Number(s!.id));
    assert.deepEqual(
      consents.map((c) => [c.action, c.method, c.topics]),
      [
        ['sign-up', 'web-form', 'care'],
        ['confirm', 'email-link', 'care'],
      ],
    );
    assert.match(consents[0].text, /Ik wil de nieuwsbrief van Gemeenten aan zet ontvangen/);
    assert.equal(consents[0].text_version, '2026-12-v1');
    const again = await t.app.inject({ url: linkIn(mail.text, '/nieuwsbrief/bevestigen/') });
    assert.equal(again.statusCode, 200, 'a second click is harmless');
    assert.equal((await selectConsents(t.deps.db, Number(s!.id))).length, 2);
  });

  test('the answer never reveals whether an address is subscribed; the owner is told by email', async () => {
    const known = await signUp({ email: 'anna@example.org', consent: 'on' });
    const unknown = await signUp({ email: 'nieuw@example.org', consent: 'on' });
    assert.equal(known.statusCode, unknown.statusCode);
    assert.equal(known.headers.location, unknown.headers.location);
    const page = (await t.app.inject({ url: String(known.headers.location) })).body;
    assert.match(page, /Als dit adres zich kan aanmelden, ontvangt u binnen enkele minuten een e-mail/);
    const mails = await emailsTo(t, 'anna@example.org');
    assert.equal(mails.at(-1)?.subject, 'U ontvangt de nieuwsbrief al');
    const api1 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      payload: { email: 'anna@example.org', consent: true },
      remoteAddress: '10.9.1.1',
    });
    const api2 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      payload: { email: 'api@example.org', consent: true, topics: ['municipalities'] },
      remoteAddress: '10.9.1.2',
    });
    assert.equal(api1.statusCode, 202);
    assert.equal(api1.body, api2.body);
    assert.equal((await selectSubscriberByEmail(t.deps.db, 'api@example.org'))?.source, 'api');
  });
});

describe('sign-up safeguards', () => {
  test('bad input: 400 with the message beside the field and what was typed kept; API problem details name the field', async () => {
    const res = await signUp({ email: 'geen-adres', name: 'Bert', consent: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Vul een geldig e-mailadres in, zoals naam@gemeente\.nl\./);
    assert.match(res.body, /Vink aan dat u de nieuwsbrief wilt ontvangen\./);
    assert.match(res.body, /value="Bert"/);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', payload: { email: 'x' }, remoteAddress: '10.9.1.3' });
    assert.equal(api.statusCode, 400);
    assert.deepEqual(
      api.json().errors.map((e: { field: string }) => e.field),
      ['email', 'consent'],
    );
  });

  test('a filled honeypot and the per-address limit: same answer, nothing sent', async () => {
    const bot = await signUp({ email: 'bot@example.org', consent: 'on', website: 'http://spam.example' });
    assert.equal(bot.statusCode, 303);
    assert.equal(await selectSubscriberByEmail(t.deps.db, 'bot@example.org'), undefined);
    for (let i = 0; i < 5; i++) assert.equal((await signUp({ email: 'veel@example.org', consent: 'on' })).statusCode, 303);
    assert.equal((await emailsTo(t, 'veel@example.org')).length, 3, 'at most three confirmation emails a day');
  });

  test('unconfirmed sign-ups expire: the link stops working and the address is deleted', async () => {
    await signUp({ email: 'laat@example.org', consent: 'on' });
    const [mail] = await emailsTo(t, 'laat@example.org');
    clock = new Date(clock.getTime() + 73 * 3600_000);
    const late = await t.app.inject({ url: linkIn(mail.text, '/nieuwsbrief/bevestigen/') });
    assert.equal(late.statusCode, 404);
    assert.match(late.body, /De link is verlopen of al gebruikt/);
    assert.ok((await expireUnconfirmed(t.deps.db, clock)) >= 1);
    assert.equal(await selectSubscriberByEmail(t.deps.db, 'laat@example.org'), undefined);
    assert.equal((await selectSubscriberByEmail(t.deps.db, 'anna@example.org'))?.status, 'confirmed', 'confirmed ones stay');
  });
});

describe('the personal link', () => {
  let manage: string;
  before(async () => {
    await signUp({ email: 'bob@example.org', consent: 'on' });
    const [mail] = await emailsTo(t, 'bob@example.org');
    const page = await t.app.inject({ url: linkIn(mail.text, '/nieuwsbrief/bevestigen/') });
    manage = /href="(\/nieuwsbrief\/voorkeuren\/[^"]+)"/.exec(page.body)![1];
  });

  test('preferences change with a consent record; a forged link is refused', async () => {
    const page = await t.app.inject({ url: manage });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /bob@example\.org/);
    const { cookies, csrf } = anonymousCsrf(t.app);
    const saved = await t.app.inject({
      method: 'POST',
      url: manage,
      cookies,
      ...formBody({ _csrf: csrf, topics: 'municipalities', organisation: 'GGD' }),
    });
    assert.equal(saved.statusCode, 303);
    const s = await selectSubscriberByEmail(t.deps.db, 'bob@example.org');
    assert.equal(s?.topics, 'municipalities');
    assert.equal((await selectConsents(t.deps.db, Number(s!.id))).at(-1)?.action, 'change');
    assert.equal((await t.app.inject({ url: manage.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })).statusCode, 404);
  });

  test('export gives everything kept; one-click unsubscribe needs no cookie or token (RFC 8058)', async () => {
    const data = await t.app.inject({ url: `${manage}/gegevens.json` });
    assert.equal(data.statusCode, 200);
    const json = data.json();
    assert.equal(json.subscriber.email, 'bob@example.org');
    assert.ok(json.consents.length >= 3);
    const unsubscribe = manage.replace('/voorkeuren/', '/afmelden/');
    const res = await t.app.inject({ method: 'POST', url: `${unsubscribe}?editie=1`, ...formBody({ 'List-Unsubscribe': 'One-Click' }) });
    assert.equal(res.statusCode, 200);
    const s = await selectSubscriberByEmail(t.deps.db, 'bob@example.org');
    assert.equal(s?.status, 'unsubscribed');
    assert.deepEqual((await selectConsents(t.deps.db, Number(s!.id))).at(-1)?.method, 'one-click');
    assert.equal((await t.app.inject({ method: 'GET', url: unsubscribe })).statusCode, 303, 'a GET changes nothing, it shows the page');
  });

  test('erasure on request deletes the subscriber and the consent records', async () => {
    const s = await selectSubscriberByEmail(t.deps.db, 'bob@example.org');
    const { cookies, csrf } = anonymousCsrf(t.app);
    const res = await t.app.inject({ method: 'POST', url: `${manage}/verwijderen`, cookies, ...formBody({ _csrf: csrf }) });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Uw gegevens zijn verwijderd/);
    assert.equal(await selectSubscriberByEmail(t.deps.db, 'bob@example.org'), undefined);
    assert.deepEqual(await selectConsents(t.deps.db, Number(s!.id)), []);
    assert.equal((await t.app.inject({ url: manage })).statusCode, 404);
  });
});

describe('staff', () => {
  let adviser: LoggedIn;
  before(async () => {
    adviser = await loginAs(t, 'adviser');
  });

  test('an imported list becomes "to be confirmed", never confirmed; known addresses are left alone', async () => {
    assert.equal((await t.app.inject({ url: '/beheer/nieuwsbrief/abonnees/importeren' })).statusCode, 401);
    const empty = await postForm(t, adviser, '/beheer/nieuwsbrief/abonnees/importeren', { csv: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /CSV-inhoud: Vul dit veld in\./);
    const csv = 'email;naam;gemeente\nimport1@example.org;Ina;GM0363\nANNA@example.org;Anna;\nkapot;;\n';
    const res = await postForm(t, adviser, '/beheer/nieuwsbrief/abonnees/importeren', { csv });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /1 toegevoegd als te bevestigen, 1 al bekend, 1 ongeldig\./);
    const s = await selectSubscriberByEmail(t.deps.db, 'import1@example.org');
    assert.equal(s?.status, 'pending');
    assert.equal(s?.source, 'import');
    assert.equal((await selectConsents(t.deps.db, Number(s!.id)))[0].action, 'import');
    assert.match((await emailsTo(t, 'import1@example.org'))[0].text, /U ontvangt niets tenzij u dit bevestigt/);
  });

  test('staff search, export and erase a subscriber; a municipality account may not', async () => {
    const list = await t.app.inject({ url: '/beheer/nieuwsbrief/abonnees?q=anna', cookies: adviser.cookies });
    assert.equal(list.statusCode, 200);
    const id = /abonnees\/(\d+)\/gegevens\.json/.exec(list.body)![1];
    assert.equal(
      (await t.app.inject({ url: `/beheer/nieuwsbrief/abonnees/${id}/gegevens.json`, cookies: adviser.cookies })).json().subscriber.email,
      'anna@example.org',
    );
    const muni = await loginAs(t, 'municipality');
    assert.equal((await t.app.inject({ url: `/beheer/nieuwsbrief/abonnees/${id}/gegevens.json`, cookies: muni.cookies })).statusCode, 403);
    assert.equal((await postForm(t, adviser, `/beheer/nieuwsbrief/abonnees/${id}/wissen`, {})).statusCode, 303);
    assert.equal(await selectSubscriberByEmail(t.deps.db, 'anna@example.org'), undefined);
  });
});
