// The advice API for staff (session or personal API token): engagement figures for a period and the
// policy status of every municipality on a date. Route schemas are OpenAPI documentation only (no-op
// compilers); validation stays in Zod in the handler; errors are problem+json naming the parameter.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { parseOrThrow } from '../../http/validate.ts';
import { municipalitiesOn } from '../atlas/index.ts';
import * as S from './api.schema.ts';
import { currentBlocks } from './blocks.ts';
import { yearBefore } from './dashboard.routes.tsx';
import { engagementFor } from './engagement.service.ts';
import { policyStatusOn } from './policy.service.ts';

const docsOnly = { validatorCompiler: () => () => true, serializerCompiler: () => (data: unknown) => JSON.stringify(data) };
const STAFF = { permission: 'staff' as const };

function doc(summary: string, description: string, querystring: z.ZodType, ok: z.ZodType) {
  const problem = { 'application/problem+json': { schema: S.jsonSchema(S.problem) } };
  return {
    tags: ['advice'],
    summary,
    description,
    querystring: S.jsonSchema(querystring),
    response: {
      200: { description: 'OK', content: { 'application/json': { schema: S.jsonSchema(ok) } } },
      400: { description: 'Ongeldige parameter', content: problem },
      401: { description: 'Niet ingelogd (sessie of persoonlijk API-token nodig)', content: problem },
      403: { description: 'Alleen voor medewerkers van het programma', content: problem },
    },
  };
}

function period(query: unknown, today: string) {
  const q = parseOrThrow(S.periodQuery, query);
  const to = q.to ?? today;
  const from = q.from ?? yearBefore(to);
  if (to < from) {
    throw errors.validation([
      {
        field: 'to',
        message: {
          nl: 'Parameter to: de einddatum ligt vóór de begindatum (from).',
          en: 'Parameter to: the end date is before the start date (from).',
        },
      },
    ]);
  }
  return { from, to };
}

function send(reply: FastifyReply, body: unknown) {
  return reply.header('cache-control', 'private, no-store').type('application/json; charset=utf-8').send(JSON.stringify(body));
}

export function registerAdviceApi(app: FastifyInstance, deps: AppDeps) {
  const summaryDoc = doc(
    'Bereik van het programma in een periode',
    'Interacties, bereikte gemeenten (per provincie en CBS-grootteklasse), interacties per soort en het aantal intensieve contacten.',
    S.periodQuery,
    S.summaryResponse,
  );
  app.get('/api/v1/engagement/summary', { config: STAFF, schema: summaryDoc, ...docsOnly }, async (req, reply) => {
    const { from, to } = period(req.query, todayOf(deps));
    const e = await engagementFor(deps, deps.db, from, to);
    const groups = (list: typeof e.provinces) =>
      list.map((g) => ({ key: g.key, name: g.label[req.locale], reached: g.reached, total: g.total }));
    return send(reply, {
      data: {
        interactions: e.totals.interactions,
        feedInteractions: e.totals.feedInteractions,
        municipalitiesReached: e.totals.reached,
        municipalitiesTotal: e.totals.municipalities,
        intensiveContacts: e.intensive.length,
        byType: e.perType,
        byProvince: groups(e.provinces),
        bySizeClass: groups(e.sizeClasses),
      },
      meta: { from, to, threshold: e.threshold, generatedAt: deps.now().toISOString() },
    });
  });

  const intensiveDoc = doc(
    'Intensieve contacten in een periode',
    'Gemeenten en regio’s met ten minste het drempelaantal interacties van de adviseurs (instelling, standaard 3); een gemeente met haar regio telt als één contact.',
    S.periodQuery,
    S.intensiveResponse,
  );
  app.get('/api/v1/engagement/intensive-contacts', { config: STAFF, schema: intensiveDoc, ...docsOnly }, async (req, reply) => {
    const { from, to } = period(req.query, todayOf(deps));
    const e = await engagementFor(deps, deps.db, from, to);
    return send(reply, {
      data: e.intensive.map((p) => ({ code: p.code, name: p.name, interactions: p.interactions, kind: p.kind, regionCode: p.regionCode })),
      meta: { from, to, threshold: e.threshold, generatedAt: deps.now().toISOString(), count: e.intensive.length },
    });
  });

  const policyDoc = doc(
    'Beleidsstatus per gemeente en bouwsteen op een datum',
    'Voor elke gemeente van de datum de status van elke bouwsteen (zorgcoördinatie afgeleid uit het netwerk).',
    S.dateQuery,
    S.policyResponse,
  );
  app.get('/api/v1/policy-status', { config: STAFF, schema: policyDoc, ...docsOnly }, async (req, reply) => {
    const date = parseOrThrow(S.dateQuery, req.query).date ?? todayOf(deps);
    const [statuses, munis] = await Promise.all([policyStatusOn(deps.db, date), municipalitiesOn(deps.db, date)]);
    const list = currentBlocks();
    return send(reply, {
      data: munis.map((m) => ({
        code: m.code,
        name: m.name,
        blocks: list.blocks.map((b) => {
          const s = statuses.get(m.code)?.get(b.id);
          return {
            block: b.id,
            status: s?.status ?? null,
            source: s?.source ?? null,
            effectiveDate: s?.effectiveDate ?? null,
            blocksVersion: s?.blocksVersion ?? null,
          };
        }),
      })),
      meta: {
        date,
        blocksVersion: list.version,
        blocks: list.blocks.map((b) => ({ id: b.id, theme: b.theme, level: b.level, label: b.label[req.locale] })),
        count: munis.length,
      },
    });
  });
}
