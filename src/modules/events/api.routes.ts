// The events API: GET /api/v1/events?from=&to= — the public fields of public events (OpenAPI with schemas).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { optionalDateField, rangeError } from '../../http/route-kit.ts';
import { parseOrThrow } from '../../http/validate.ts';
import { amsterdamToUtc } from './events.logic.ts';
import { presentApiEvent } from './presenters.ts';
import { eventsPublicCache } from './public-version.ts';
import { listPublicEvents } from './service.ts';

const query = z.object({ from: optionalDateField, to: optionalDateField });

const dateParam = {
  type: 'string',
  format: 'date',
  description: 'JJJJ-MM-DD (Nederlandse datum, inclusief)',
  examples: ['2019-01-01'],
} as const;

/** Route schemas are documentation (OpenAPI) only: validation (Zod) and serialisation stay ours. */
export const DOCS_ONLY = {
  validatorCompiler: () => () => true,
  serializerCompiler: () => (data: unknown) => JSON.stringify(data),
};

export const apiEventSchema = {
  type: 'object',
  required: [
    'id',
    'title',
    'type',
    'audiences',
    'startsAt',
    'endsAt',
    'timeZone',
    'online',
    'organisers',
    'capacity',
    'placesLeft',
    'registration',
    'status',
    'url',
    'ics',
  ],
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    type: { type: 'string', enum: ['workshop', 'information-session', 'regional-meeting', 'congress-session', 'webinar'] },
    audiences: { type: 'array', items: { type: 'string' } },
    description: { type: 'string' },
    startsAt: {
      type: 'string',
      format: 'date-time',
      description: 'Met de verschuiving van Europe/Amsterdam, bv. 2019-10-31T13:30:00+01:00',
    },
    endsAt: { type: 'string', format: 'date-time' },
    timeZone: { type: 'string', const: 'Europe/Amsterdam' },
    place: { type: ['string', 'null'] },
    online: { type: 'boolean', description: 'Online deelname mogelijk; de link krijgen alleen aangemelde deelnemers' },
    organisers: { type: 'string' },
    capacity: { type: 'integer' },
    placesLeft: { type: 'integer' },
    registration: {
      type: 'object',
      properties: {
        access: { type: 'string', enum: ['public', 'invitation'] },
        opens: { type: 'string', format: 'date' },
        closes: { type: 'string', format: 'date' },
        state: { type: 'string', enum: ['not-yet', 'open', 'closed', 'past'] },
      },
    },
    status: { type: 'string', enum: ['scheduled', 'cancelled'] },
    url: { type: 'string', format: 'uri' },
    ics: { type: 'string', format: 'uri' },
  },
} as const;

export async function registerEventsApi(app: FastifyInstance, deps: AppDeps) {
  app.get(
    '/api/v1/events',
    {
      config: { permission: 'public', publicCache: eventsPublicCache },
      ...DOCS_ONLY,
      schema: {
        tags: ['events'],
        summary: 'Bijeenkomsten van het programma in een periode',
        description:
          'Openbare gegevens van gepubliceerde bijeenkomsten die beginnen tussen from en to (beide inclusief, Nederlandse datum).',
        querystring: { type: 'object', properties: { from: dateParam, to: dateParam } },
        response: {
          200: {
            type: 'object',
            required: ['data', 'meta'],
            properties: {
              data: { type: 'array', items: apiEventSchema },
              meta: {
                type: 'object',
                properties: { from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] }, count: { type: 'integer' } },
              },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const q = parseOrThrow(query, req.query);
      if (q.from && q.to && q.from > q.to) throw errors.validation([rangeError('to')]);
      const startsFrom = q.from ? amsterdamToUtc(`${q.from}T00:00`).toISOString() : undefined;
      const startsBefore = q.to
        ? amsterdamToUtc(`${new Date(Date.parse(`${q.to}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}T00:00`).toISOString()
        : undefined;
      const events = await listPublicEvents(deps.db, { startsFrom, startsBefore });
      const now = deps.now();
      const data = events.map((e) => presentApiEvent(e, deps.config.publicBaseUrl, now));
      reply.header('cache-control', 'public, max-age=60');
      return { data, meta: { from: q.from ?? null, to: q.to ?? null, count: data.length } };
    },
  );
}
