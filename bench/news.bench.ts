// `npx tsx bench/news.bench.ts`: sending one newsletter edition to 20,000 confirmed subscribers.
// Prints how long queueing every message takes (the send job: deliveries + outbox rows in batches),
// then delivers the whole queue through a real SMTP peer on 127.0.0.1 (smtp-server) with the
// outbox's own sender and checks that every subscriber received exactly one message.
// SQLite in a temporary file by default; BENCH_DATABASE_URL=postgres://… for PostgreSQL (a fresh
// database is created beside it and dropped). NEWS_BENCH_SUBSCRIBERS changes the count.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { testConfig } from '../src/config.ts';
import { createDatabase, type Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { AppDeps } from '../src/deps.ts';
import { modules } from '../src/modules/index.ts';
import { saveArticle } from '../src/modules/news/articles.service.ts';
import { saveEdition, startSend } from '../src/modules/news/editions.service.ts';
import { sendEdition } from '../src/modules/news/send.ts';
import { outboxCounts } from '../src/modules/outbox/index.ts';
import { createOutboxSender } from '../src/modules/outbox/sender.ts';
import { smtpTransport } from '../src/modules/outbox/transport.ts';

const COUNT = Number(process.env.NEWS_BENCH_SUBSCRIBERS ?? 20_000);
const QUEUE_TARGET_SECONDS = 10;

async function database(): Promise<{ db: Db; url: string; dispose: () => Promise<void> }> {
  const base = process.env.BENCH_DATABASE_URL;
  if (base) {
    const name = `gaz_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const db = createDatabase(url.toString());
    return {
      db,
      url: url.toString(),
      dispose: async () => {
        await db.destroy();
        const drop = new pg.Client({ connectionString: base });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'gaz-news-bench-'));
  const url = `sqlite:${join(dir, 'bench.sqlite')}`;
  const db = createDatabase(url);
  return {
    db,
    url,
    dispose: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function seedSubscribers(db: Db, n: number) {
  const at = '2019-09-01T10:00:00.000Z';
  for (let i = 0; i < n; i += 500) {
    const rows = Array.from({ length: Math.min(500, n - i) }, (_, k) => ({
      email: `lezer${i + k}@bench.example`,
      name: null,
      organisation: null,
      municipality_code: null,
      province_code: null,
      topics: 'all',
      status: 'confirmed' as const,
      source: 'web' as const,
      token_version: 1,
      soft_bounces: 0,
      created_at: at,
      confirmed_at: at,
      unsubscribed_at: null,
      unsubscribed_edition_id: null,
      bounced_at: null,
      updated_at: at,
    }));
    await db.insertInto('news_subscribers').values(rows).execute();
  }
}

const store = await database();
const now = new Date('2019-09-30T08:00:00Z');
const deps: AppDeps = { config: testConfig({ databaseUrl: store.url }), db: store.db, now: () => now, modules };
const ctx = { db: store.db, actor: { userId: null, label: 'bench' }, now };
let status = 0;
try {
  console.log(`Database: ${store.url.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}; ${COUNT} confirmed subscribers`);
  await migrateToLatest(store.db, modules.migrationFolders());
  await seedSubscribers(store.db, COUNT);
  const articleId = await saveArticle(ctx, deps, null, 'article', {
    title: 'Gemeenten aan zet: aanpak mensenhandel breidt uit',
    summary: 'Steeds meer gemeenten hebben een zorgcoördinator.',
    bodyMd: 'Tekst',
    tags: ['network'],
    authorName: 'Redactie',
    action: 'publish',
    consentConfirmed: false,
  });
  const editionId = await saveEdition(ctx, deps, null, {
    title: 'Nieuwsbrief september 2019',
    issueDate: '2019-09-01',
    introMd: 'Welkom.',
    articleIds: [articleId],
    segment: { topics: [], municipalities: [], provinces: [] },
    ratePerMinute: 0, // as fast as the peer takes them
  });
  await startSend(ctx, editionId, async () => 0);

  const t0 = performance.now();
  const queued = await sendEdition(deps, editionId);
  const queueSeconds = (performance.now() - t0) / 1000;
  console.log(
    `queued:     ${queued} messages in ${queueSeconds.toFixed(2)} s (${Math.round(queued / queueSeconds)}/s; target < ${QUEUE_TARGET_SECONDS} s)`,
  );

  const received = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) received.set(r.address, (received.get(r.address) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  const sender = createOutboxSender({
    db: store.db,
    transport: smtpTransport(`smtp://127.0.0.1:${port}?pool=true`),
    from: 'Nieuwsbrief <noreply@bench.example>',
    now: () => now,
  });
  const t1 = performance.now();
  const sent = await sender.drain();
  const sendSeconds = (performance.now() - t1) / 1000;
  await sender.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const doubles = [...received.values()].filter((n) => n > 1).length;
  console.log(`delivered:  ${sent} messages through SMTP in ${sendSeconds.toFixed(1)} s (${Math.round(sent / sendSeconds)}/s, one sender)`);
  console.log(
    `recipients: ${received.size} distinct, ${doubles} received more than one, outbox ${JSON.stringify(await outboxCounts(store.db))}`,
  );
  const ok = queued === COUNT && received.size === COUNT && doubles === 0 && queueSeconds < QUEUE_TARGET_SECONDS;
  console.log(ok ? 'Every subscriber received exactly one message; queueing met the target.' : 'Below the target (see the figures above).');
  status = ok ? 0 : 1;
} finally {
  await store.dispose();
}
process.exit(status);
