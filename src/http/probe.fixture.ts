// For the tests of the shared HTTP layer only: a module written the careless way a future module
// might be — raw ids into queries, raw query text into SQL, inserts that violate constraints, a
// staff form, an edge-cached API route — to prove the pipeline protects every route, not only the
// routes of today's modules. Used as `createTestApp({ modules: [...MODULES, probeModule] })`.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { defineModule } from '../module.ts';
import { allowEdgeCache } from './edge-cache.ts';

/** Bodies the probe's handlers saw (a guarded request never gets here). */
export const probeSeen: unknown[] = [];

function registerProbeRoutes(app: FastifyInstance, deps: AppDeps) {
  const open = { config: { permission: 'public' as const } };
  for (const url of ['/probe/tekst', '/api/v1/probe/tekst']) {
    app.post(url, open, async (req) => {
      probeSeen.push(req.body);
      return { ok: true };
    });
  }
  // The id goes straight into the query: no idParam.
  app.get('/probe/gebruikers/:id', open, async (req) => {
    const id = (req.params as { id: string }).id as unknown as number;
    const row = await deps.db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
    return { found: row !== undefined };
  });
  app.get('/probe/nummers/:nummer', open, async (req) => ({ nummer: (req.params as { nummer: string }).nummer }));
  // Query values straight into SQL: text (a NUL cannot reach PostgreSQL) and a number (out of range).
  app.get('/probe/zoek', open, async (req) => {
    const query = req.query as { q?: string; n?: string };
    let q = deps.db.selectFrom('users').select('id');
    if (query.q !== undefined) q = q.where('name', '=', query.q);
    if (query.n !== undefined) q = q.where('id', '=', query.n as unknown as number);
    return { count: (await q.execute()).length };
  });
  // Inserts that the database refuses: a duplicate email (unique), an unknown user (foreign key).
  app.post('/api/v1/probe/gebruiker', open, async (req) => {
    const { email } = req.body as { email: string };
    const now = new Date().toISOString();
    await deps.db
      .insertInto('users')
      .values({
        email,
        name: null,
        role: 'adviser',
        status: 'invited',
        password_hash: null,
        password_changed_at: null,
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        coordinator_id: null,
        municipality_code: null,
        locale: null,
        last_login_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { ok: true };
  });
  for (const url of ['/probe/sessie', '/api/v1/probe/sessie']) {
    app.post(url, open, async (req) => {
      const body = req.body as { userId: string };
      const now = new Date().toISOString();
      await deps.db
        .insertInto('sessions')
        .values({
          id_hash: `probe-${Math.random()}`,
          user_id: Number(body.userId),
          stage: 'full',
          created_at: now,
          last_seen_at: now,
          expires_at: now,
        })
        .execute();
      return { ok: true };
    });
  }
  app.post('/probe/actie', { config: { permission: 'staff' } }, async (_req, reply) => reply.redirect('/probe/klaar', 303));
  app.post('/probe/formulier', open, async (_req, reply) => reply.redirect('/probe/klaar', 303));
  app.get('/api/v1/probe', { config: { permission: 'public', edgeCache: true } }, async (_req, reply) => {
    allowEdgeCache(reply, () => true);
    return { ok: true };
  });
}

export const probeModule = defineModule({ name: 'probe', routes: registerProbeRoutes });
