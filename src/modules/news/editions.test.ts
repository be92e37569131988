// Editions on a real database: made and previewed by staff, sent through the jobs module and the
// outbox to a segment at a set rate, resumable after a crash (neither skipping nor doubling
// anyone), delivered through a real SMTP peer with List-Unsubscribe and a plain-text part, then
// archived, shown on its articles, counted. Bounces: bounces.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { type LoggedIn, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { emailsTo } from '../../../test/helpers/records.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { runDueJobs } from '../jobs/index.ts';
import { getOutboxMessage, queueEmails } from '../outbox/index.ts';
// biome-ignore lint/style/noRestrictedImports: the delivery test drives the outbox's own sender against a real SMTP peer
import { createOutboxSender } from '../outbox/sender.ts';
// biome-ignore lint/style/noRestrictedImports: as above
import { smtpTransport } from '../outbox/transport.ts';
import { saveArticle } from './articles.service.ts';
import { saveEdition, startSend } from './editions.service.ts';
import { sendEdition } from './send.ts';
import { insertSubscriber } from './subscribers.queries.ts';
import type { SubscriberStatus } from './tables.ts';

let clock = new Date('2019-09-25T08:00:00Z');
let t: TestApp;
let adviser: LoggedIn;
let articleId: number;
const ctx = () => ({ db: t.deps.db, actor: { ...SYSTEM_ACTOR, label: 'test' }, now: clock });

async function subscriber(
  email: string,
  status: SubscriberStatus,
  extra: { topics?: string; municipality?: string; province?: string } = {},
) {
  const at = clock.toISOString();
  return insertSubscriber(t.deps.db, {
    email,
    name: null,
    organisation: null,
    municipality_code: extra.municipality ?? null,
    province_code: extra.province ?? null,
    topics: extra.topics ?? 'all',
    status,
    source: 'web',
    token_version: 1,
    soft_bounces: 0,
    created_at: at,
    confirmed_at: status === 'pending' ? null : at,
    unsubscribed_at: null,
    unsubscribed_edition_id: null,
    bounced_at: null,
    updated_at: at,
  });
}

async function deliveriesOf(editionId: number) {
  return t.deps.db.selectFrom('news_deliveries').selectAll().where('edition_id', '=', editionId).orderBy('subscriber_id').execute();
}

async function edition(title: string, over: Partial<Parameters<typeof saveEdition>[3]> = {}) {
  return saveEdition(ctx(), t.deps, null, {
    title,
    issueDate: '2019-09-01',
    introMd: 'Welkom bij de **nieuwsbrief**.',
    articleIds: [articleId],
    segment: { topics: [], municipalities: [], provinces: [] },
    ratePerMinute: 6000,
    ...over,
  });
}

before(async () => {
  t = await createTestApp({ now: () => clock });
  adviser = await loginAs(t, 'adviser');
  articleId = await saveArticle(ctx(), t.deps, null, 'article', {
    title: 'Workshops voor gemeenten',
    summary: 'In het najaar volgen regionale bijeenkomsten.',
    bodyMd: 'Tekst',
    tags: ['events'],
    authorName: 'Redactie',
    action: 'publish',
    consentConfirmed: false,
  });
  for (let i = 1; i <= 40; i++)
    await subscriber(`lezer${String(i).padStart(2, '0')}@example.org`, 'confirmed', {
      topics: i % 2 === 0 ? 'care' : 'municipalities',
      province: i <= 10 ? 'PV27' : 'PV30',
    });
  await subscriber('wacht@example.org', 'pending');
  await subscriber('weg@example.org', 'unsubscribed');
  await subscriber('kapot@example.org', 'bounced');
});
after(async () => {
  await t?.close();
});

describe('making an edition', () => {
  test('401 → 400 with the exact message → 403 → 303, then a preview and a test email', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/beheer/nieuwsbrief/nieuw' })).statusCode, 401);
    const bad = await postForm(t, adviser, '/beheer/nieuwsbrief/nieuw', {
      title: 'Nieuwsbrief september 2019',
      issueDate: '2019-09-01',
      ratePerMinute: '600',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Berichten: Kies minstens één bericht\./);
    const coordinator = await loginAs(t, 'coordinator');
    assert.equal((await t.app.inject({ url: '/beheer/nieuwsbrief/nieuw', cookies: coordinator.cookies })).statusCode, 403);
    const ok = await postForm(t, adviser, '/beheer/nieuwsbrief/nieuw', {
      title: 'Nieuwsbrief september 2019',
      issueDate: '2019-09-01',
      articleIds: String(articleId),
      introMd: 'Welkom',
      ratePerMinute: '600',
    });
    assert.equal(ok.statusCode, 303);
    const page = await t.app.inject({ url: String(ok.headers.location), cookies: adviser.cookies });
    assert.match(page.body, /Workshops voor gemeenten/);
    const html = await t.app.inject({ url: `${ok.headers.location}/voorbeeld.html`, cookies: adviser.cookies });
    assert.match(html.body, /<h1[^>]*>Nieuwsbrief september 2019<\/h1>/);
    assert.equal((await postForm(t, adviser, `${ok.headers.location}/test`, {})).statusCode, 303);
    assert.equal((await emailsTo(t, adviser.user.email))[0].subject, '[TEST] Nieuwsbrief september 2019');
  });
});

describe('sending', () => {
  test('to a segment through the jobs module: exactly one message per matching confirmed subscriber, at the set rate, with List-Unsubscribe', async () => {
    const id = await edition('Zorg in Zuid-Holland', {
      segment: { topics: ['care'], municipalities: [], provinces: ['PV27'] },
      ratePerMinute: 60,
    });
    const res = await postForm(t, adviser, `/beheer/nieuwsbrief/${id}/versturen`, {});
    assert.equal(res.statusCode, 303);
    assert.equal((await postForm(t, adviser, `/beheer/nieuwsbrief/${id}/versturen`, {})).statusCode, 409, 'a second send is refused');
    await runDueJobs(t.deps);
    const deliveries = await deliveriesOf(id);
    const expected = ['lezer02', 'lezer04', 'lezer06', 'lezer08', 'lezer10'];
    const messages = await Promise.all(deliveries.map((d) => getOutboxMessage(t.deps.db, Number(d.outbox_id))));
    assert.deepEqual(messages.map((m) => m?.to.slice(0, 7)).sort(), expected);
    const times = messages.map((m) => Date.parse(m!.nextAttemptAt)).sort();
    assert.deepEqual(
      times.map((x) => x - times[0]),
      [0, 1000, 2000, 3000, 4000],
      'one message a second at 60 a minute',
    );
    assert.match(messages[0]!.headers['List-Unsubscribe'], /^<http:\/\/localhost:3000\/nieuwsbrief\/afmelden\/[^>]+\?editie=\d+>$/);
    assert.equal(messages[0]!.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    const e = await t.deps.db.selectFrom('news_editions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(e.status, 'sent');
    assert.equal(Number(e.recipients), 5);
  });

  test('resumable: a crash inside a batch rolls it back, a stop between batches resumes after the last one; nobody is skipped or doubled', async () => {
    const id = await edition('Hervatten');
    await startSend(ctx(), id, async () => 0);
    await assert.rejects(sendEdition(t.deps, id, { batchSize: 15, crashAfter: 7 }), /simulated crash/);
    assert.equal((await deliveriesOf(id)).length, 0, 'the crashed batch left nothing');
    assert.equal(await sendEdition(t.deps, id, { batchSize: 15, maxBatches: 1 }), 15);
    await assert.rejects(sendEdition(t.deps, id, { batchSize: 15, crashAfter: 3 }), /simulated crash/);
    assert.equal((await deliveriesOf(id)).length, 15);
    // Two runners at once (a lease that ran out while the first still worked): one of them loses.
    const results = await Promise.allSettled([sendEdition(t.deps, id, { batchSize: 15 }), sendEdition(t.deps, id, { batchSize: 15 })]);
    if (results.some((r) => r.status === 'rejected')) await sendEdition(t.deps, id, { batchSize: 15 });
    const deliveries = await deliveriesOf(id);
    const ids = deliveries.map((d) => Number(d.subscriber_id));
    assert.equal(ids.length, 40);
    assert.equal(new Set(ids).size, 40, 'one delivery per subscriber');
    const outboxIds = new Set(deliveries.map((d) => Number(d.outbox_id)));
    assert.equal(outboxIds.size, 40, 'one message per subscriber');
  });
});

describe('delivery and after', () => {
  test('through a real SMTP peer: each subscriber receives exactly one message, with a plain-text and an HTML part', async () => {
    const received: { to: string; data: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      hideSTARTTLS: true,
      disableReverseLookup: true,
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          for (const r of session.envelope.rcptTo) received.push({ to: r.address, data: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.server.address() as { port: number }).port;
      clock = new Date(clock.getTime() + 3600_000);
      const sender = createOutboxSender({
        db: t.deps.db,
        transport: smtpTransport(`smtp://127.0.0.1:${port}`),
        from: 'Nieuwsbrief <noreply@example.org>',
        now: () => clock,
      });
      await sender.drain();
      const newsletter = received.filter((r) => /Subject: Hervatten/.test(r.data));
      assert.equal(newsletter.length, 40);
      assert.equal(new Set(newsletter.map((r) => r.to)).size, 40);
      const one = newsletter[0].data.replace(/\r\n[ \t]+/g, ' ');
      assert.match(one, /^List-Unsubscribe: <http:\/\/localhost:3000\/nieuwsbrief\/afmelden\//m);
      assert.match(one, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      assert.match(one, /Content-Type: multipart\/alternative/);
      assert.match(one, /Content-Type: text\/plain/);
      assert.match(one, /Content-Type: text\/html/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('once sent: archived as a web page, named on its articles, counted', async () => {
    assert.match((await t.app.inject({ url: '/nieuwsbrief' })).body, /Hervatten/);
    const page = await t.app.inject({ url: '/nieuws/workshops-voor-gemeenten' });
    assert.match(page.body, /Opgenomen in de nieuwsbrief van september 2019/);
    const archive = await t.app.inject({ url: '/nieuwsbrief/2019-09-3' });
    assert.equal(archive.statusCode, 200);
    assert.match(archive.body, /<h1 class="utrecht-heading-1">Hervatten<\/h1>/);
    assert.equal((await t.app.inject({ url: '/nieuwsbrief/2019-09' })).statusCode, 404, 'a draft edition is not in the archive');
    adviser = await loginAs(t, adviser.user); // an hour later: a new session
    const list = await t.app.inject({ url: '/beheer/nieuwsbrief', cookies: adviser.cookies });
    const detailId = /href="\/beheer\/nieuwsbrief\/(\d+)">Hervatten/.exec(list.body)![1];
    const detail = await t.app.inject({ url: `/beheer/nieuwsbrief/${detailId}`, cookies: adviser.cookies });
    assert.match(detail.body, /<dt>Verstuurd<\/dt><dd>40<\/dd>/);
    assert.match(detail.body, /Openen en klikken worden niet geteld/);
  });
});

describe('the outbox extensions this module added', () => {
  test('queueEmails stores many messages at once, in order, with their extra headers; bad header names are refused', async () => {
    const at = new Date('2019-09-25T09:00:00Z');
    const ids = await queueEmails(
      t.deps.db,
      [0, 1, 2].map((i) => ({
        to: `volgorde${i}@example.org`,
        subject: `S${i}`,
        text: 'x',
        at,
        headers: { 'List-Unsubscribe': `<https://x.example/${i}>` },
      })),
    );
    const stored = await Promise.all(ids.map((id) => getOutboxMessage(t.deps.db, id)));
    assert.deepEqual(
      stored.map((m) => [m?.to, m?.headers['List-Unsubscribe']]),
      [0, 1, 2].map((i) => [`volgorde${i}@example.org`, `<https://x.example/${i}>`]),
    );
    await assert.rejects(
      queueEmails(t.deps.db, [{ to: 'a@example.org', subject: 's', text: 'x', at, headers: { From: 'evil@example.org' } }]),
      /not allowed/,
    );
  });
});
