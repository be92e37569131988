// Opens and clicks per edition, on a real database: off by default (no pixel, links straight to
// the article, the counter routes count nothing); turned on by an admin, the email carries a pixel
// and counted links, an open and a click are counted once per delivery and show in the statistics;
// a click goes only to a link that was in that edition. And the sign-up API's per-address limit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { saveArticle } from './articles.service.ts';
import { editionStats, saveEdition, startSend } from './editions.service.ts';
import { sendEdition } from './send.ts';
import { saveSettings } from './settings.ts';
import { insertSubscriber } from './subscribers.queries.ts';

const clock = new Date('2019-10-01T08:00:00Z');
let t: TestApp;
let articleId: number;
const ctx = () => ({ db: t.deps.db, actor: SYSTEM_ACTOR, now: clock });

before(async () => {
  t = await createTestApp({ now: () => clock });
  const at = clock.toISOString();
  await insertSubscriber(t.deps.db, {
    email: 'lezer@example.org',
    name: null,
    organisation: null,
    municipality_code: null,
    province_code: null,
    topics: 'all',
    status: 'confirmed',
    source: 'web',
    token_version: 1,
    soft_bounces: 0,
    created_at: at,
    confirmed_at: at,
    unsubscribed_at: null,
    unsubscribed_edition_id: null,
    bounced_at: null,
    updated_at: at,
  });
  articleId = await saveArticle(ctx(), t.deps, null, 'article', {
    title: 'Regionale bijeenkomsten in het najaar',
    summary: 'Rotterdam en Alkmaar.',
    bodyMd: 'Tekst',
    tags: ['events'],
    authorName: 'Redactie',
    action: 'publish',
    consentConfirmed: false,
  });
});
after(async () => {
  await t?.close();
});

/** Sends an edition to the one subscriber; returns its id, the delivery token and the email's HTML. */
async function send(title: string) {
  const id = await saveEdition(ctx(), t.deps, null, {
    title,
    issueDate: '2019-10-01',
    introMd: 'Welkom.',
    articleIds: [articleId],
    segment: { topics: [], municipalities: [], provinces: [] },
    ratePerMinute: 600,
  });
  await startSend(ctx(), id, async () => 0);
  await sendEdition(t.deps, id);
  const d = await t.deps.db.selectFrom('news_deliveries').selectAll().where('edition_id', '=', id).executeTakeFirstOrThrow();
  const m = await t.deps.db.selectFrom('outbox').select('html_body').where('id', '=', Number(d.outbox_id)).executeTakeFirstOrThrow();
  return { id, token: d.token, html: m.html_body ?? '' };
}

async function counted(token: string) {
  const d = await t.deps.db
    .selectFrom('news_deliveries')
    .select(['opened_at', 'clicked_at'])
    .where('token', '=', token)
    .executeTakeFirstOrThrow();
  return { opened: d.opened_at !== null, clicked: d.clicked_at !== null };
}

describe('opens and clicks', () => {
  test('off by default: no pixel, direct links, and the counter routes count nothing', async () => {
    const { id, token, html } = await send('Nieuwsbrief oktober 2019');
    assert.doesNotMatch(html, /nieuwsbrief\/o\//);
    assert.doesNotMatch(html, /nieuwsbrief\/k\//);
    assert.match(html, /\/nieuws\/regionale-bijeenkomsten-in-het-najaar/);
    assert.equal((await t.app.inject({ url: `/nieuwsbrief/o/${token}.gif` })).statusCode, 200);
    assert.equal((await t.app.inject({ url: `/nieuwsbrief/k/${token}/0` })).statusCode, 404, 'no counted links were sent');
    assert.deepEqual(await counted(token), { opened: false, clicked: false });
    const stats = await editionStats(t.deps.db, id);
    assert.deepEqual([stats.opened, stats.clicked], [0, 0]);
  });

  test('turned on: the pixel and counted links; one open and one click per delivery, in the statistics', async () => {
    await saveSettings(ctx(), { tracking: true, ratePerMinute: 600, softBounceLimit: 3 });
    const { id, token, html } = await send('Nieuwsbrief november 2019');
    assert.match(html, new RegExp(`/nieuwsbrief/o/${token}\\.gif`));
    assert.match(html, new RegExp(`/nieuwsbrief/k/${token}/0`));
    const pixel = await t.app.inject({ url: `/nieuwsbrief/o/${token}.gif` });
    assert.equal(pixel.headers['content-type'], 'image/gif');
    assert.equal(pixel.headers['cache-control'], 'no-store');
    assert.deepEqual(await counted(token), { opened: true, clicked: false });
    const click = await t.app.inject({ url: `/nieuwsbrief/k/${token}/0` });
    assert.equal(click.statusCode, 302);
    assert.match(String(click.headers.location), /\/nieuws\/regionale-bijeenkomsten-in-het-najaar$/);
    await t.app.inject({ url: `/nieuwsbrief/k/${token}/0` });
    const stats = await editionStats(t.deps.db, id);
    assert.deepEqual([stats.opened, stats.clicked], [1, 1], 'counted once');
    assert.equal((await t.app.inject({ url: `/nieuwsbrief/k/${token}/99` })).statusCode, 404, 'no link of that edition');
    assert.equal((await t.app.inject({ url: '/nieuwsbrief/k/onbekendonbekendonbekend/0' })).statusCode, 404);
  });
});

describe('the sign-up API', () => {
  test('rate limited per address: the eleventh request in an hour is a 429 problem in Dutch', async () => {
    const post = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/subscriptions',
        remoteAddress: '10.9.0.1',
        payload: { email: `api${i}@example.org`, consent: true },
      });
    for (let i = 0; i < 10; i++) assert.equal((await post(i)).statusCode, 202, `request ${i + 1}`);
    const limited = await post(10);
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /[Tt]e veel/);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      remoteAddress: '10.9.0.2',
      payload: { email: 'ander@example.org', consent: true },
    });
    assert.equal(other.statusCode, 202, 'another address is not limited');
  });
});
