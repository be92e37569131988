// The outbox on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): exactly
// one delivery across a crashed sender and across racing senders, SMTP to a real peer on
// 127.0.0.1, retries with backoff, and .eml files when no SMTP_URL is configured.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { createDatabase, type Db } from '../../db/database.ts';
import { afterFailure, backoffMs, MAX_ATTEMPTS } from './outbox.logic.ts';
import { claimDue } from './queries.ts';
import { createOutboxSender } from './sender.ts';
import { getOutboxMessage, outboxCounts, queueEmail } from './service.ts';
import { fileTransport, type MailTransport, type OutgoingMessage, smtpTransport } from './transport.ts';

const FROM = 'Gemeenten aan zet <noreply@example.org>';

/** The receiving end of a transport in tests: counts what arrives per outbox id. */
function recordingTransport(options: { failTimes?: number; delayMs?: number } = {}) {
  const delivered: OutgoingMessage[] = [];
  let failures = options.failTimes ?? 0;
  const transport: MailTransport = {
    async send(m) {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (failures > 0) {
        failures -= 1;
        throw new Error('421 try again later');
      }
      delivered.push(m);
    },
    close() {},
  };
  return { transport, delivered };
}

function clockAt(iso: string) {
  let now = new Date(iso);
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('outbox logic', () => {
  test('backoff doubles from one minute and stops at six hours', () => {
    assert.deepEqual([1, 2, 3, 4].map(backoffMs), [60_000, 120_000, 240_000, 480_000]);
    assert.equal(backoffMs(20), 6 * 3600_000);
  });
  test('after the last attempt a message is failed', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    assert.deepEqual(afterFailure(MAX_ATTEMPTS, at), { status: 'failed' });
    const next = afterFailure(1, at);
    assert.equal(next.status, 'pending');
    assert.equal(next.status === 'pending' && next.nextAttemptAt.toISOString(), '2026-01-01T00:01:00.000Z');
  });
});

// On a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
let tdb: TestDatabase;
let db: Db;

before(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
});
after(async () => {
  await tdb.dispose();
});

test('queueEmail inside a rolled-back transaction leaves nothing; inside a committed one it stays', async () => {
  const at = new Date('2026-11-28T10:00:00Z');
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await queueEmail(trx, { to: 'a@example.org', subject: 'Weg', text: 'x', at });
      throw new Error('roll back');
    }),
  );
  const id = await db.transaction().execute((trx) => queueEmail(trx, { to: 'a@example.org', subject: 'Blijft', text: 'x', at }));
  const msg = await getOutboxMessage(db, id);
  assert.equal(msg?.status, 'pending');
  assert.equal((await outboxCounts(db)).pending, 1);
  // Deliver it so later tests start from an empty queue.
  const { transport } = recordingTransport();
  await createOutboxSender({ db, transport, from: FROM, now: () => at }).drain();
});

test('a sender killed after claiming: the lease expires and another sender delivers exactly once', async () => {
  const clock = clockAt('2026-11-28T11:00:00Z');
  const id = await queueEmail(db, { to: 'b@example.org', subject: 'Eenmaal', text: 'Hallo', at: clock.now() });

  // Sender A claims the message and then "dies": it never sends and never marks it.
  const claimed = await claimDue(db, 'sender-a', clock.now().toISOString(), new Date(clock.now().getTime() + 60_000).toISOString());
  assert.equal(Number(claimed?.id), id);

  // While A's lease holds, sender B leaves the message alone.
  const b = recordingTransport();
  const senderB = createOutboxSender({ db, transport: b.transport, from: FROM, now: clock.now, senderId: 'sender-b' });
  assert.equal(await senderB.runOnce(), false);

  // After the lease, B takes over and delivers it; further runs deliver nothing more.
  clock.advance(61_000);
  assert.equal(await senderB.drain(), 1);
  assert.equal(await senderB.drain(), 0);
  assert.deepEqual(
    b.delivered.map((m) => m.id),
    [id],
  );
  const msg = await getOutboxMessage(db, id);
  assert.equal(msg?.status, 'sent');
  assert.equal(msg?.attempts, 2);
});

test('a process stopping between queue and send: the next sender sends it once', async () => {
  const clock = clockAt('2026-11-28T11:30:00Z');
  const id = await queueEmail(db, { to: 'c@example.org', subject: 'Na herstart', text: 'Hallo', at: clock.now() });
  // No sender ran; "restart" with a fresh sender twice.
  const r = recordingTransport();
  await createOutboxSender({ db, transport: r.transport, from: FROM, now: clock.now }).drain();
  await createOutboxSender({ db, transport: r.transport, from: FROM, now: clock.now }).drain();
  assert.deepEqual(
    r.delivered.map((m) => m.id),
    [id],
  );
});

test('two senders on separate connections racing over many messages send each exactly once', async () => {
  const clock = clockAt('2026-11-28T12:00:00Z');
  const ids: number[] = [];
  for (let i = 0; i < 40; i++)
    ids.push(await queueEmail(db, { to: `r${i}@example.org`, subject: `Race ${i}`, text: 'x', at: clock.now() }));
  const other = createDatabase(tdb.url, { poolSize: 3 });
  try {
    const shared = recordingTransport({ delayMs: 1 });
    const s1 = createOutboxSender({ db, transport: shared.transport, from: FROM, now: clock.now, senderId: 's1' });
    const s2 = createOutboxSender({ db: other, transport: shared.transport, from: FROM, now: clock.now, senderId: 's2' });
    const s3 = createOutboxSender({ db: other, transport: shared.transport, from: FROM, now: clock.now, senderId: 's3' });
    const counts = await Promise.all([s1.drain(), s2.drain(), s3.drain()]);
    const got = shared.delivered.map((m) => m.id).sort((a, b) => a - b);
    assert.deepEqual(got, ids);
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      40,
    );
    assert.equal((await outboxCounts(db)).pending, 0);
  } finally {
    await other.destroy();
  }
});

test('a failing send is retried with backoff, then succeeds', async () => {
  const clock = clockAt('2026-11-28T13:00:00Z');
  const id = await queueEmail(db, { to: 'd@example.org', subject: 'Later', text: 'x', at: clock.now() });
  const r = recordingTransport({ failTimes: 2 });
  const sender = createOutboxSender({ db, transport: r.transport, from: FROM, now: clock.now });

  assert.equal(await sender.runOnce(), true);
  let msg = await getOutboxMessage(db, id);
  assert.equal(msg?.status, 'pending');
  assert.equal(msg?.attempts, 1);
  assert.equal(msg?.nextAttemptAt, '2026-11-28T13:01:00.000Z');
  assert.match(msg?.lastError ?? '', /421/);

  // Not due yet: nothing happens.
  clock.advance(59_000);
  assert.equal(await sender.runOnce(), false);
  clock.advance(1_000);
  assert.equal(await sender.runOnce(), true);
  msg = await getOutboxMessage(db, id);
  assert.equal(msg?.nextAttemptAt, '2026-11-28T13:03:00.000Z');

  clock.advance(120_000);
  assert.equal(await sender.runOnce(), true);
  msg = await getOutboxMessage(db, id);
  assert.equal(msg?.status, 'sent');
  assert.equal(msg?.attempts, 3);
  assert.equal(r.delivered.length, 1);
});

test('after the last attempt the message is failed and no longer tried', async () => {
  const clock = clockAt('2026-11-28T14:00:00Z');
  const id = await queueEmail(db, { to: 'e@example.org', subject: 'Nooit', text: 'x', at: clock.now() });
  const r = recordingTransport({ failTimes: 1000 });
  const sender = createOutboxSender({ db, transport: r.transport, from: FROM, now: clock.now });
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    assert.equal(await sender.runOnce(), true);
    clock.advance(7 * 3600_000);
  }
  assert.equal((await getOutboxMessage(db, id))?.status, 'failed');
  assert.equal(await sender.runOnce(), false);
  assert.equal((await outboxCounts(db)).failed, 1);
});

test('start() picks up a queued message by itself and stop() ends cleanly', async () => {
  const r = recordingTransport();
  const sender = createOutboxSender({ db, transport: r.transport, from: FROM, now: () => new Date('2026-11-28T15:00:00Z'), pollMs: 20 });
  sender.start();
  const id = await queueEmail(db, { to: 'f@example.org', subject: 'Vanzelf', text: 'x', at: new Date('2026-11-28T15:00:00Z') });
  for (let i = 0; i < 200 && r.delivered.length === 0; i++) await new Promise((res) => setTimeout(res, 10));
  await sender.stop();
  assert.deepEqual(
    r.delivered.map((m) => m.id),
    [id],
  );
});

test('SMTP: a real smtp-server on 127.0.0.1 receives the message', async () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: String(session.envelope.mailFrom ? session.envelope.mailFrom.address : false),
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  try {
    const at = new Date('2026-11-28T16:00:00Z');
    const id = await queueEmail(db, {
      to: 'ontvanger@example.org',
      subject: 'Uitnodiging SMTP-test',
      text: 'Kies een wachtwoord via de link.',
      html: '<p>Kies een wachtwoord.</p>',
      at,
    });
    const sender = createOutboxSender({ db, transport: smtpTransport(`smtp://127.0.0.1:${port}`), from: FROM, now: () => at });
    assert.equal(await sender.drain(), 1);
    assert.equal(received.length, 1);
    assert.deepEqual(received[0].to, ['ontvanger@example.org']);
    assert.equal(received[0].from, 'noreply@example.org');
    assert.match(received[0].data, /^Subject: Uitnodiging SMTP-test$/m);
    assert.match(received[0].data, /Kies een wachtwoord via de link\./);
    assert.match(received[0].data, new RegExp(`Message-ID: <outbox-${id}-`));
    assert.equal((await getOutboxMessage(db, id))?.status, 'sent');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('without SMTP_URL the message is written as an .eml file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaz-outbox-'));
  try {
    const at = new Date('2026-11-28T17:00:00Z');
    const id = await queueEmail(db, { to: 'eml@example.org', subject: 'Als bestand', text: 'Inhoud van het bericht.', at });
    await createOutboxSender({ db, transport: fileTransport(dir), from: FROM, now: () => at }).drain();
    const files = readdirSync(dir);
    assert.deepEqual(files, [`${String(id).padStart(8, '0')}.eml`]);
    const eml = readFileSync(join(dir, files[0]), 'utf8');
    assert.match(eml, /^To: eml@example.org$/m);
    assert.match(eml, /^Subject: Als bestand$/m);
    assert.match(eml, /Inhoud van het bericht\./);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('outbox worker wiring', () => {
  test('the worker declared in the manifest sends queued mail as .eml files and stops on request', async () => {
    const { startBackgroundWork } = await import('../../background.ts');
    const { modules } = await import('../index.ts');
    const { testConfig } = await import('../../config.ts');
    const tdb = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'gaz-outbox-worker-'));
    const silent = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;
    try {
      const at = new Date('2026-11-28T18:00:00Z');
      const deps = { config: testConfig({ runOutboxSender: true, smtpUrl: null, outboxDir: dir }), db: tdb.db, now: () => at, modules };
      const id = await queueEmail(tdb.db, { to: 'w@example.org', subject: 'Via de worker', text: 'x', at });
      const work = startBackgroundWork(deps, silent);
      const file = `${String(id).padStart(8, '0')}.eml`;
      for (let i = 0; i < 300 && !readdirSync(dir).includes(file); i++) await new Promise((r) => setTimeout(r, 10));
      await work.stop();
      assert.ok(readdirSync(dir).includes(file));
      assert.equal((await getOutboxMessage(tdb.db, id))?.status, 'sent');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await tdb.dispose();
    }
  });
});
