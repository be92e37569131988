// Bounce handling from the bounce mailbox, on a real database, with DSNs (RFC 3464) and a complaint
// (RFC 5965) in the forms real mail systems write them (testing/bounces/*.eml: Postfix, Exchange
// Online, a Yahoo-style feedback loop, an out-of-office reply). The Maildir job reads them after an
// edition went out: a hard bounce and a complaint stop mail at once, soft bounces are counted and stop
// mail at the limit, a message read twice is applied once, and a message without a report is flagged.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { createJobRunner } from '../jobs/index.ts';
import { saveArticle } from './articles.service.ts';
import { parseBounceReport } from './dsn.logic.ts';
import { editionStats, saveEdition, startSend } from './editions.service.ts';
import { bounceMailboxJob } from './jobs.ts';
import { BOUNCE_MAILDIR, readBounceMaildir } from './maildir.ts';
import { sendEdition } from './send.ts';
import { rotateWebhookSecret } from './settings.ts';
import { insertSubscriber, selectSubscriberByEmail } from './subscribers.queries.ts';

const clock = new Date('2019-09-25T08:00:00Z');
const dataDir = mkdtempSync(join(tmpdir(), 'gaz-bounces-'));
const maildir = join(dataDir, BOUNCE_MAILDIR);
const READERS = ['hard', 'exchange', 'soft', 'klacht', 'afwezig', 'blijft'].map((n) => `${n}@example.org`);
let t: TestApp;
let editionId: number;
const ctx = () => ({ db: t.deps.db, actor: SYSTEM_ACTOR, now: clock });

/** A fixture with our addresses and delivery token filled in. */
function fixture(name: string, to = 'iemand@example.org', delivery = 'aaaaaaaaaaaaaaaaaaaaaa', id = '1'): string {
  return readFileSync(new URL(`./testing/bounces/${name}.eml`, import.meta.url), 'utf8')
    .replaceAll('%%TO_UPPER%%', to.toUpperCase())
    .replaceAll('%%TO%%', to)
    .replaceAll('%%DELIVERY%%', delivery)
    .replaceAll('%%ID%%', id);
}

async function tokenOf(email: string): Promise<string> {
  const s = await selectSubscriberByEmail(t.deps.db, email);
  const d = await t.deps.db
    .selectFrom('news_deliveries')
    .select('token')
    .where('edition_id', '=', editionId)
    .where('subscriber_id', '=', Number(s?.id))
    .executeTakeFirstOrThrow();
  return d.token;
}

function deliver(file: string, text: string, folder: 'new' | 'cur' = 'new') {
  writeFileSync(join(maildir, folder, file), text);
}

function deliveriesOf(edition: number) {
  return t.deps.db
    .selectFrom('news_deliveries')
    .innerJoin('news_subscribers', 'news_subscribers.id', 'news_deliveries.subscriber_id')
    .select(['news_subscribers.email', 'news_deliveries.bounce_kind'])
    .where('edition_id', '=', edition)
    .orderBy('news_subscribers.email')
    .execute();
}

async function state(email: string) {
  const s = await selectSubscriberByEmail(t.deps.db, email);
  return { status: s?.status, softBounces: s?.soft_bounces };
}

async function subscriber(email: string) {
  const at = clock.toISOString();
  await insertSubscriber(t.deps.db, {
    email,
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
}

before(async () => {
  t = await createTestApp({ now: () => clock, config: { dataDir } });
  for (const email of READERS) await subscriber(email);
  const articleId = await saveArticle(ctx(), t.deps, null, 'article', {
    title: 'Workshops voor gemeenten',
    summary: 'In het najaar volgen regionale bijeenkomsten.',
    bodyMd: 'Tekst',
    tags: ['events'],
    authorName: 'Redactie',
    action: 'publish',
    consentConfirmed: false,
  });
  editionId = await saveEdition(ctx(), t.deps, null, {
    title: 'Nieuwsbrief september 2019',
    issueDate: '2019-09-01',
    introMd: 'Welkom.',
    articleIds: [articleId],
    segment: { topics: [], municipalities: [], provinces: [] },
    ratePerMinute: 6000,
  });
  await startSend(ctx(), editionId, async () => 0);
  await sendEdition(t.deps, editionId);
  for (const sub of ['new', 'cur', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
});
after(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('reading real report messages', () => {
  test('Postfix, Exchange Online and a feedback loop, with LF or CRLF line ends', () => {
    const cases: [string, ReturnType<typeof parseBounceReport>][] = [
      ['postfix-user-unknown', [{ kind: 'hard', email: 'piet@example.org', delivery: 'tokentokentokentoken01', status: '5.1.1' }]],
      ['postfix-delayed', [{ kind: 'soft', email: 'piet@example.org', delivery: 'tokentokentokentoken01', status: '4.4.1' }]],
      ['exchange-online-not-found', [{ kind: 'hard', email: 'piet@example.org', delivery: null, status: '5.1.10' }]],
      ['arf-complaint', [{ kind: 'complaint', email: 'piet@example.org', delivery: 'tokentokentokentoken01', status: null }]],
      ['out-of-office', []],
    ];
    for (const [name, expected] of cases) {
      const lf = fixture(name, 'Piet@Example.org', 'tokentokentokentoken01');
      assert.deepEqual(parseBounceReport(lf), expected, name);
      assert.deepEqual(parseBounceReport(lf.replaceAll('\n', '\r\n')), expected, `${name} with CRLF`);
    }
  });
});

describe('the bounce mailbox job', () => {
  test('applies each report to its subscriber and marks every message in the Maildir', async () => {
    deliver('1569398404.V801I1M1.mail', fixture('postfix-user-unknown', 'hard@example.org', await tokenOf('hard@example.org')));
    // No delivery token quoted: matched by the address, which Exchange wrote in capitals on a folded line.
    deliver('1569398409.V801I2M1.mail', fixture('exchange-online-not-found', 'exchange@example.org'));
    deliver('1569499331.V801I3M1.mail', fixture('postfix-delayed', 'soft@example.org', await tokenOf('soft@example.org'), 'A'));
    deliver('1569575560.V801I4M1.mail', fixture('arf-complaint', 'klacht@example.org', await tokenOf('klacht@example.org')));
    deliver('1569398430.V801I5M1.mail', fixture('out-of-office', 'afwezig@example.org'));
    // Claimed by a run that stopped before marking it: taken up again.
    deliver('1569585600.V801I6M1.mail:2,', fixture('postfix-delayed', 'soft@example.org', await tokenOf('soft@example.org'), 'B'), 'cur');

    const runner = createJobRunner({ deps: t.deps, handlers: [bounceMailboxJob] });
    assert.equal(await runner.offerRecurring(), 1);
    assert.equal(await runner.drain(), 1);

    assert.deepEqual(await state('hard@example.org'), { status: 'bounced', softBounces: 0 });
    assert.deepEqual(await state('exchange@example.org'), { status: 'bounced', softBounces: 0 });
    assert.deepEqual(await state('soft@example.org'), { status: 'confirmed', softBounces: 2 }, 'counted, below the limit of 3');
    assert.deepEqual(await state('klacht@example.org'), { status: 'complained', softBounces: 0 });
    assert.deepEqual(await state('afwezig@example.org'), { status: 'confirmed', softBounces: 0 });
    const kinds = await deliveriesOf(editionId);
    assert.deepEqual(Object.fromEntries(kinds.map((k) => [k.email, k.bounce_kind])), {
      'afwezig@example.org': null,
      'blijft@example.org': null,
      'exchange@example.org': 'hard',
      'hard@example.org': 'hard',
      'klacht@example.org': 'complaint',
      'soft@example.org': 'soft',
    });
    assert.equal((await editionStats(t.deps.db, editionId)).bounced, 4);
    const consents = await t.deps.db.selectFrom('news_consents').select('subscriber_id').where('action', '=', 'bounce').execute();
    assert.equal(consents.length, 3, 'the stop is recorded for the two hard bounces and the complaint');

    assert.deepEqual(readdirSync(join(maildir, 'new')), []);
    assert.deepEqual(readdirSync(join(maildir, 'cur')).sort(), [
      '1569398404.V801I1M1.mail:2,S',
      '1569398409.V801I2M1.mail:2,S',
      '1569398430.V801I5M1.mail:2,F',
      '1569499331.V801I3M1.mail:2,S',
      '1569575560.V801I4M1.mail:2,S',
      '1569585600.V801I6M1.mail:2,S',
    ]);
    assert.deepEqual(await readBounceMaildir(ctx(), maildir), { messages: 0, recorded: 0, flagged: 0, repeated: 0 }, 'nothing left');
  });

  test('a message read twice counts once; the third soft bounce stops mail; the next edition skips them all', async () => {
    const again = fixture('postfix-delayed', 'soft@example.org', await tokenOf('soft@example.org'), 'A');
    deliver('1569600000.V801I7M1.mail', again);
    assert.deepEqual(await readBounceMaildir(ctx(), maildir), { messages: 1, recorded: 0, flagged: 0, repeated: 1 });
    assert.deepEqual(await state('soft@example.org'), { status: 'confirmed', softBounces: 2 });
    deliver('1569610000.V801I8M1.mail', fixture('postfix-delayed', 'soft@example.org', await tokenOf('soft@example.org'), 'C'));
    assert.deepEqual(await readBounceMaildir(ctx(), maildir), { messages: 1, recorded: 1, flagged: 0, repeated: 0 });
    assert.deepEqual(await state('soft@example.org'), { status: 'bounced', softBounces: 3 });

    const next = await saveEdition(ctx(), t.deps, null, {
      title: 'Nieuwsbrief oktober 2019',
      issueDate: '2019-10-01',
      introMd: 'Welkom.',
      articleIds: (await t.deps.db.selectFrom('news_articles').select('id').execute()).map((a) => Number(a.id)),
      segment: { topics: [], municipalities: [], provinces: [] },
      ratePerMinute: 6000,
    });
    await startSend(ctx(), next, async () => 0);
    await sendEdition(t.deps, next);
    assert.deepEqual(
      (await deliveriesOf(next)).map((r) => r.email),
      ['afwezig@example.org', 'blijft@example.org'],
    );
  });
});

describe('the DSN intake and the webhook', () => {
  test('the DSN intake endpoint applies a posted message once as well', async () => {
    const raw = fixture('postfix-user-unknown', 'blijft@example.org', await tokenOf('blijft@example.org'));
    let secret = 'nog-niet-ingesteld';
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/newsletter/bounces/dsn',
        headers: { 'x-webhook-secret': secret, 'content-type': 'message/rfc822' },
        payload: raw,
      });
    assert.equal((await post()).statusCode, 503, 'no shared secret set up yet');
    secret = await rotateWebhookSecret(ctx());
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/newsletter/bounces/dsn',
      headers: { 'x-webhook-secret': 'fout', 'content-type': 'message/rfc822' },
      payload: raw,
    });
    assert.equal(wrong.statusCode, 401);
    const first = await post();
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { reports: 1, recorded: 1 });
    assert.deepEqual((await post()).json(), { reports: 1, recorded: 0 });
    assert.deepEqual(await state('blijft@example.org'), { status: 'bounced', softBounces: 0 });
    const hard = await t.deps.db.selectFrom('news_bounces').select('kind').where('kind', '=', 'hard').execute();
    assert.equal(hard.length, 3, 'hard@, exchange@ and blijft@: one row each');
  });
  test('the webhook needs its shared secret; a hard bounce and a complaint stop mail at once; soft ones after the limit', async () => {
    for (const email of ['w-hard@example.org', 'w-klacht@example.org', 'w-soft@example.org']) await subscriber(email);
    const hook = (secret: string | undefined, events: unknown[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/newsletter/bounces',
        headers: secret ? { 'x-webhook-secret': secret } : {},
        payload: { events },
      });
    const secret = await rotateWebhookSecret(ctx());
    assert.equal((await hook('wrong', [{ type: 'hard_bounce', email: 'w-hard@example.org' }])).statusCode, 401);
    const ok = await hook(secret, [
      { type: 'hard_bounce', email: 'w-hard@example.org', status: '5.1.1' },
      { type: 'complaint', email: 'W-KLACHT@example.org' },
      { type: 'soft_bounce', email: 'w-soft@example.org' },
      { type: 'hard_bounce', email: 'onbekend@example.org' },
    ]);
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { recorded: 3, unknown: 1 });
    assert.deepEqual(await state('w-hard@example.org'), { status: 'bounced', softBounces: 0 });
    assert.deepEqual(await state('w-klacht@example.org'), { status: 'complained', softBounces: 0 });
    assert.deepEqual(await state('w-soft@example.org'), { status: 'confirmed', softBounces: 1 });
    await hook(secret, [
      { type: 'soft_bounce', email: 'w-soft@example.org' },
      { type: 'soft_bounce', email: 'w-soft@example.org' },
    ]);
    assert.deepEqual(await state('w-soft@example.org'), { status: 'bounced', softBounces: 3 }, 'after three soft bounces');
    const bad = await hook(secret, [{ type: 'bounce' }]);
    assert.equal(bad.statusCode, 400);
  });
});
