// Operations endpoints: /healthz (process up), /readyz (database answers and is migrated), and
// /metrics (Prometheus text, behind a bearer token from METRICS_TOKEN). See README.md.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { isMigrated } from '../../db/migrate.ts';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { jobCounts } from '../jobs/index.ts';
import { outboxCounts } from '../outbox/index.ts';
import { gauge, HttpMetrics } from './metrics.ts';

const NO_STORE = 'no-store';

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export async function registerOpsRoutes(app: FastifyInstance, deps: AppDeps) {
  const metrics = new HttpMetrics();
  const startedAt = Date.now();

  // Counting hook for every route of the app. skip-override lifts it out of this plugin's
  // encapsulation (what fastify-plugin does), so it sees the whole app's requests.
  const collector: FastifyPluginAsync = async (instance) => {
    instance.addHook('onResponse', (req, reply, done) => {
      const route = req.routeOptions.url ?? 'unmatched';
      metrics.observe(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  };
  (collector as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  await app.register(collector);
  // Requests answered by the edge cache never reach the hooks: they are counted here.
  app.edgeCache.onServed((served) => metrics.observe(served.method, served.route, served.status, served.seconds));

  app.get('/healthz', { config: { permission: 'public' } }, async (_req, reply) => {
    reply.header('cache-control', NO_STORE);
    return { status: 'ok' };
  });

  app.get('/readyz', { config: { permission: 'public' } }, async (_req, reply) => {
    reply.header('cache-control', NO_STORE);
    try {
      await sql`select 1`.execute(deps.db);
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
    try {
      if (!(await isMigrated(deps.db, deps.modules.migrationFolders()))) {
        return reply.code(503).send({ status: 'unavailable', reason: 'database migrations pending' });
      }
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'migration state unreadable' });
    }
    return { status: 'ok' };
  });

  // Without METRICS_TOKEN the endpoint does not exist (404); with it, a missing or wrong bearer
  // token gets 401. The token is compared in constant time.
  app.get('/metrics', { config: { permission: 'token' } }, async (req, reply) => {
    const expected = deps.config.metricsToken;
    if (!expected) throw errors.notFound();
    const header = String(req.headers.authorization ?? '');
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!given || !sameToken(given, expected)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw errors.unauthorized();
    }
    const outbox = await outboxCounts(deps.db);
    const jobs = await jobCounts(deps.db);
    const mem = process.memoryUsage();
    const lines = [
      ...metrics.render(),
      ...gauge('outbox_messages', 'Outbox messages by status (queried at scrape).', [
        { labels: { status: 'pending' }, value: outbox.pending },
        { labels: { status: 'sending' }, value: outbox.sending },
        { labels: { status: 'failed' }, value: outbox.failed },
      ]),
      ...gauge('jobs', 'Background jobs by status (queried at scrape).', [
        { labels: { status: 'queued' }, value: jobs.queued },
        { labels: { status: 'running' }, value: jobs.running },
        { labels: { status: 'failed' }, value: jobs.failed },
      ]),
      ...gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', [{ value: mem.rss }]),
      ...gauge('nodejs_heap_used_bytes', 'V8 heap in use, in bytes.', [{ value: mem.heapUsed }]),
      ...gauge('process_uptime_seconds', 'Seconds since this app instance started.', [
        { value: Math.round((Date.now() - startedAt) / 1000) },
      ]),
    ];
    reply.header('cache-control', NO_STORE).type('text/plain; version=0.0.4; charset=utf-8');
    return `${lines.join('\n')}\n`;
  });
}
