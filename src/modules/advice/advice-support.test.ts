// Support requests from /ondersteuning without an account: an intake interaction with an open task for
// the adviser responsible for the municipality (safety region before province before the fallback),
// a confirmation to the requester and a notice to the adviser through the outbox; the advisers shown
// as each publishes; bad input, the honeypot, and the limits per email address and per client address.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, postForm, publicForm } from '../../../test/helpers/auth.ts';
import { emailsTo } from '../../../test/helpers/records.ts';
import { saveOwnProfile, saveSettings } from './settings.service.ts';
import { SUPPORT_RATE_LIMIT } from './support.routes.tsx';
import { REQUEST_LIMIT } from './support.service.ts';
import { listTasks, taskOverview } from './tasks.service.ts';
import { type AdviceTest, adviceTest } from './test-kit.ts';

let a: AdviceTest;
let address = 0;
/** The app's clock; only the last test moves it. */
let clock = new Date('2019-11-01T10:00:00Z');
before(async () => {
  a = await adviceTest(() => clock);
  // Amsterdam lies in safety region VR13 and province PV27; Groningen in VR01 / PV20.
  await saveSettings(a.as(a.admin), { threshold: 3, advisers: { VR13: a.adviser.id, PV27: a.admin.id }, fallback: a.admin.id });
  await saveOwnProfile(a.as(a.adviser), a.adviser.id, {
    displayName: 'Ad Advies',
    roleTitle: 'Adviseur gemeenten',
    organisation: 'Het programma',
    published: true,
  });
  await saveOwnProfile(a.as(a.admin), a.admin.id, {
    displayName: 'Bea Verborgen',
    roleTitle: 'Programmaleider',
    organisation: 'VNG',
    published: false,
  });
});
after(() => a.t.close());

function send(fields: Record<string, string>, from?: string) {
  address += 1;
  return a.t.app.inject({
    method: 'POST',
    url: '/ondersteuning',
    remoteAddress: from ?? `10.77.${address >> 8}.${address & 255}`,
    ...publicForm(fields),
  });
}

const request = (over: Record<string, string> = {}) => ({
  municipality: 'GM0363',
  name: 'Vera Vraag',
  role: 'aandachtsfunctionaris',
  email: 'vera@amsterdam.example',
  question: 'Hoe zetten wij een meldroute op?',
  ...over,
});

describe('the support page', () => {
  it('names the advisers who publish, and only them', async () => {
    const res = await a.t.app.inject({ url: '/ondersteuning?gemeente=GM0014' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<strong>Ad Advies<\/strong>, Adviseur gemeenten, Het programma/);
    assert.doesNotMatch(res.body, /Bea Verborgen/);
    assert.doesNotMatch(res.body, /@example\.org/, 'no email address of an adviser');
    assert.match(res.body, /<option value="GM0014" selected>Groningen<\/option>/);
  });

  it('turns a request into an open task for the responsible adviser, with two emails', async () => {
    const res = await send(request());
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/ondersteuning/verzonden');
    const open = await taskOverview(a.t.deps.db, a.adviser.id, '2019-11-01');
    const task = open.mine.find((t) => t.interaction.origin === 'support-request');
    assert.ok(task, 'an open task for the adviser of safety region Amsterdam-Amstelland');
    assert.equal(task.title, 'Beantwoord de ondersteuningsvraag van Amsterdam');
    assert.equal(task.dueDate, '2019-11-06');
    assert.deepEqual(
      open.supportRequests.map((t) => t.id),
      [task.id],
    );
    const confirmation = await emailsTo(a.t, 'vera@amsterdam.example');
    assert.equal(confirmation.length, 1);
    assert.match(confirmation[0].text, /Beste Vera Vraag/);
    assert.match(confirmation[0].text, /Hoe zetten wij een meldroute op\?/);
    const notice = await emailsTo(a.t, a.adviser.email);
    assert.equal(notice.length, 1);
    assert.match(notice[0].text, /\/beheer\/advies\/interacties\/\d+/);

    const s = await a.login(a.adviser);
    const requests = await a.t.app.inject({ url: '/beheer/advies/aanvragen', cookies: s.cookies });
    assert.match(requests.body, /Ondersteuningsvraag van Amsterdam/);
    const contacts = await a.t.app.inject({ url: '/beheer/advies/contacten?gebied=GM0363', cookies: s.cookies });
    assert.match(contacts.body, /Vera Vraag/);
    const detail = await a.t.app.inject({ url: `/beheer/advies/interacties/${task.interaction.id}`, cookies: s.cookies });
    assert.match(detail.body, /Binnengekomen via het ondersteuningsformulier\./);
  });

  it('falls back to the province, then the fallback adviser', async () => {
    await saveSettings(a.as(a.admin), { threshold: 3, advisers: { PV27: a.adviser.id }, fallback: a.admin.id });
    await send(request({ email: 'piet@amsterdam.example' }));
    await send(request({ municipality: 'GM0014', email: 'greet@groningen.example' }));
    const byCode = async (email: string) => {
      const tasks = await listTasks(a.t.deps.db, { open: true, supportRequests: true }, '2019-11-01');
      return tasks.filter((t) => t.interaction.subject.includes(email.includes('groningen') ? 'Groningen' : 'Amsterdam')).at(-1)?.owner?.id;
    };
    assert.equal(await byCode('piet@amsterdam.example'), a.adviser.id);
    assert.equal(await byCode('greet@groningen.example'), a.admin.id);
  });
});

describe('bad input and abuse', () => {
  it('answers bad input with a Dutch message beside the field and keeps what was typed', async () => {
    const res = await send(request({ email: 'geen adres', municipality: 'GM9999', question: '' }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="field-email-error"[^>]*>.*Vul een geldig e-mailadres in/s);
    assert.match(res.body, /id="field-question-error"[^>]*>.*Vul dit veld in\./s);
    assert.match(res.body, /value="Vera Vraag"/);
    const gone = await send(request({ municipality: 'GM1980' }));
    assert.equal(gone.statusCode, 400, 'Dijk en Waard did not exist yet in 2019');
    assert.match(gone.body, /Kies uw gemeente uit de lijst\./);
  });

  it('answers a filled honeypot as if sent, and stores and sends nothing', async () => {
    const before = (await listTasks(a.t.deps.db, { supportRequests: true }, '2019-11-01')).length;
    const res = await send(request({ email: 'robot@spam.example', website: 'https://spam.example' }));
    assert.equal(res.statusCode, 303);
    assert.equal((await listTasks(a.t.deps.db, { supportRequests: true }, '2019-11-01')).length, before);
    assert.deepEqual(await emailsTo(a.t, 'robot@spam.example'), []);
  });

  it('limits requests per email address and per client address', async () => {
    for (let i = 0; i < REQUEST_LIMIT.max; i++) assert.equal((await send(request({ email: 'Veel@Vragen.example' }))).statusCode, 303);
    const tooMany = await send(request({ email: 'veel@vragen.example ' }));
    assert.equal(tooMany.statusCode, 429);
    assert.match(tooMany.body, /U heeft vandaag al 3 vragen gestuurd vanaf dit e-mailadres/);
    const from = '10.99.0.1';
    for (let i = 0; i < SUPPORT_RATE_LIMIT.max; i++)
      assert.equal((await send(request({ email: `adres-${i}@vragen.example` }), from)).statusCode, 303);
    const limited = await send(request({ email: 'nog-een@vragen.example' }), from);
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /Te veel pogingen/);
  });

  it('never needs an account, and staff forms stay closed to anonymous visitors', async () => {
    assert.equal((await a.t.app.inject({ url: '/ondersteuning/verzonden' })).statusCode, 200);
    const s = await a.login(a.amsterdam);
    assert.equal((await postForm(a.t, s, '/beheer/advies/interacties/nieuw', { date: '2019-01-01' })).statusCode, 403);
  });
});

describe('open requests', () => {
  it('shows each open request with its age, oldest first, until its task is done', async () => {
    clock = new Date('2019-11-02T09:00:00Z');
    assert.equal((await send(request({ municipality: 'GM0599', email: 'rob@rotterdam.example', name: 'Rob Rotterdam' }))).statusCode, 303);
    clock = new Date('2019-11-05T09:00:00Z');
    const s = await loginAs(a.t, a.adviser);
    const page = async () => (await a.t.app.inject({ url: '/beheer/advies/aanvragen', cookies: s.cookies })).body;
    const rows = (await page()).split('<tr').filter((r) => r.includes('Ondersteuningsvraag van'));
    const rotterdam = rows.findIndex((r) => r.includes('Ondersteuningsvraag van Rotterdam'));
    assert.ok(rotterdam > 0, 'after the older requests');
    assert.match(rows[rotterdam], />3 dagen</);
    assert.match(rows[0], />4 dagen</, 'the requests of 1 November are 4 days old');
    const task = (await taskOverview(a.t.deps.db, a.adviser.id, '2019-11-05')).supportRequests.find(
      (t) => t.title === 'Beantwoord de ondersteuningsvraag van Rotterdam',
    );
    assert.ok(task);
    assert.equal(
      (await postForm(a.t, s, `/beheer/advies/taken/${task.id}/afgerond`, { terug: '/beheer/advies/aanvragen' })).statusCode,
      303,
    );
    assert.doesNotMatch(await page(), /Ondersteuningsvraag van Rotterdam/);
  });
});
