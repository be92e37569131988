// The news API (OpenAPI tag `news`): published articles, starting a double opt-in, and the mail
// provider's bounce webhook and DSN intake (shared secret in X-Webhook-Secret).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { conditionalGet, etagFor } from '../../http/http-cache.ts';
import { serviceCtx } from '../../http/route-kit.ts';
import { parseOrThrow } from '../../http/validate.ts';
import { visibleVersion } from './articles.queries.ts';
import { apiListQuery, SLUG } from './articles.schema.ts';
import { listVisible, publicArticle } from './articles.service.ts';
import { processBounceMessage, recordBounce } from './bounces.service.ts';
import { secretMatches } from './news.logic.ts';
import { provinceOf, SIGNUP_RATE_LIMIT } from './newsletter.routes.tsx';
import { presentArticleApi, presentArticleApiSummary } from './presenters.ts';
import { newsPublicCache } from './public-version.ts';
import { webhookSecretHash } from './settings.ts';
import { apiSubscriptionBody, webhookBody } from './subscribers.schema.ts';
import { requestSubscription } from './subscribers.service.ts';
import { TAGS, TOPICS } from './tables.ts';

const TAG = ['news'];
/** The JSON schemas document the API (OpenAPI); the input itself is checked by Zod, with messages that say what to do. */
const documentedOnly = { validatorCompiler: () => () => true };
const articleSummarySchema = {
  type: 'object',
  properties: {
    slug: { type: 'string' },
    kind: { type: 'string', enum: ['article', 'story'] },
    url: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    summary: { type: 'string' },
    tags: { type: 'array', items: { type: 'string', enum: [...TAGS] } },
    author: { type: 'string' },
    publishedAt: { type: 'string', format: 'date-time' },
  },
  required: ['slug', 'kind', 'url', 'title', 'summary', 'tags', 'author', 'publishedAt'],
} as const;
const problem = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, detail: { type: 'string' } } } },
  },
} as const;

/** The article routes answer If-None-Match themselves (conditionalGet). */
const NOT_MODIFIED = { description: 'Niet gewijzigd (If-None-Match)' };

async function checkSecret(req: FastifyRequest, deps: AppDeps): Promise<void> {
  const hash = await webhookSecretHash(deps.db);
  if (!hash)
    throw errors.unavailable({ nl: 'De bounce-webhook is nog niet ingesteld.', en: 'The bounce webhook has not been set up yet.' });
  const given = req.headers['x-webhook-secret'];
  if (typeof given !== 'string' || !secretMatches(given, hash)) throw errors.unauthorized();
}

async function registerArticleApi(app: FastifyInstance, deps: AppDeps) {
  const base = deps.config.publicBaseUrl;
  const cached = async (req: FastifyRequest, reply: FastifyReply) =>
    conditionalGet(req, reply, etagFor('news-api', await visibleVersion(deps.db, deps.now().toISOString()), req.url), { maxAge: 60 });

  app.get(
    '/api/v1/articles',
    {
      config: { permission: 'public', publicCache: newsPublicCache },
      ...documentedOnly,
      schema: {
        tags: TAG,
        summary: 'Gepubliceerde berichten en verhalen, nieuwste eerst',
        description: 'Per pagina de samenvatting van elk gepubliceerd bericht of verhaal; `tag` filtert op een onderwerp.',
        querystring: {
          type: 'object',
          properties: { tag: { type: 'string', enum: [...TAGS] }, page: { type: 'integer', minimum: 1, default: 1 } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              data: { type: 'array', items: articleSummarySchema },
              meta: { type: 'object', properties: { page: { type: 'integer' }, pages: { type: 'integer' }, total: { type: 'integer' } } },
            },
          },
          304: NOT_MODIFIED,
          400: problem,
        },
      },
    },
    async (req, reply) => {
      const q = parseOrThrow(apiListQuery, req.query);
      if (await cached(req, reply)) return reply.send();
      const r = await listVisible(deps.db, { tag: q.tag, page: q.page, now: deps.now() });
      return { data: r.rows.map((a) => presentArticleApiSummary(a, base)), meta: { page: r.page, pages: r.pages, total: r.total } };
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/articles/:slug',
    {
      config: { permission: 'public', publicCache: newsPublicCache },
      ...documentedOnly,
      schema: {
        tags: TAG,
        summary: 'Eén gepubliceerd bericht of verhaal, met de opgeschoonde HTML van de tekst',
        description: 'Het bericht met deze slug; 410 als het is ingetrokken, 404 als het niet (meer) bestaat of nog niet is gepubliceerd.',
        params: { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] },
        response: {
          200: {
            type: 'object',
            properties: { ...articleSummarySchema.properties, contentNote: { type: ['string', 'null'] }, bodyHtml: { type: 'string' } },
          },
          304: NOT_MODIFIED,
          404: problem,
          410: problem,
        },
      },
    },
    async (req, reply) => {
      if (!SLUG.test(req.params.slug)) throw errors.notFound();
      const row = await publicArticle(deps.db, req.params.slug, deps.now());
      if (await cached(req, reply)) return reply.send();
      return presentArticleApi(row, base, req.locale);
    },
  );
}

async function registerSubscriptionApi(app: FastifyInstance, deps: AppDeps) {
  app.post(
    '/api/v1/subscriptions',
    {
      config: { permission: 'public', csrf: false, rateLimit: SIGNUP_RATE_LIMIT },
      ...documentedOnly,
      schema: {
        tags: TAG,
        summary: 'Start een aanmelding voor de nieuwsbrief (dubbele bevestiging)',
        description:
          'Stuurt een bevestigingsmail. Het antwoord is altijd 202 met dezelfde tekst, of het adres nu bekend is of niet. Begrensd per client en per adres.',
        body: {
          type: 'object',
          properties: {
            email: { type: 'string', format: 'email' },
            name: { type: 'string' },
            organisation: { type: 'string' },
            municipalityCode: { type: 'string', pattern: '^GM\\d{4}$' },
            topics: { type: 'array', items: { type: 'string', enum: [...TOPICS] } },
            consent: { type: 'boolean', const: true },
          },
          required: ['email', 'consent'],
        },
        response: {
          202: { type: 'object', properties: { status: { type: 'string' }, message: { type: 'string' } } },
          400: problem,
          429: problem,
        },
      },
    },
    async (req, reply) => {
      const d = parseOrThrow(apiSubscriptionBody, req.body);
      await requestSubscription(
        serviceCtx(req, deps),
        deps,
        { ...d, provinceCode: await provinceOf(deps, d.municipalityCode) },
        'api',
        req.locale,
      );
      return reply.code(202).send({
        status: 'accepted',
        message:
          req.locale === 'en'
            ? 'If this address can subscribe, a confirmation email is on its way.'
            : 'Als dit adres zich kan aanmelden, is er een bevestigingsmail onderweg.',
      });
    },
  );
}

async function registerBounceWebhook(app: FastifyInstance, deps: AppDeps) {
  app.post(
    '/api/v1/newsletter/bounces',
    {
      config: { permission: 'token', csrf: false },
      ...documentedOnly,
      schema: {
        tags: TAG,
        summary: 'Bounces en klachten van de mailprovider (webhook)',
        description:
          'Kop X-Webhook-Secret met het gedeelde geheim (Beheer → Nieuwsbrief → Instellingen). Een harde bounce of klacht stopt alle mail naar het adres.',
        headers: { type: 'object', properties: { 'x-webhook-secret': { type: 'string' } }, required: ['x-webhook-secret'] },
        response: {
          200: { type: 'object', properties: { recorded: { type: 'integer' }, unknown: { type: 'integer' } } },
          401: problem,
          503: { ...problem, description: 'De webhook is nog niet ingesteld (geen geheim)' },
        },
      },
    },
    async (req) => {
      await checkSecret(req, deps);
      const body = parseOrThrow(webhookBody, req.body);
      let recorded = 0;
      for (const ev of body.events) {
        const kind = ev.type === 'hard_bounce' ? 'hard' : ev.type === 'soft_bounce' ? 'soft' : 'complaint';
        const outcome = await recordBounce(
          serviceCtx(req, deps),
          { kind, email: ev.email?.toLowerCase() ?? null, delivery: ev.delivery ?? null, status: ev.status ?? null },
          'webhook',
        );
        if (outcome === 'recorded') recorded++;
      }
      return { recorded, unknown: body.events.length - recorded };
    },
  );
}

async function registerDsnIntake(app: FastifyInstance, deps: AppDeps) {
  // A mailbox pipe (e.g. an MTA alias) posts each message of the bounce address as it is.
  await app.register(async (scope) => {
    scope.addContentTypeParser(['message/rfc822', 'text/plain'], { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/newsletter/bounces/dsn',
      {
        config: { permission: 'token', csrf: false },
        ...documentedOnly,
        schema: {
          tags: TAG,
          summary: 'Eén bericht uit de bounce-mailbox (RFC 3464 DSN of RFC 5965 klacht), als message/rfc822',
          description:
            'Kop X-Webhook-Secret met het gedeelde geheim. Het bericht zoals het is (message/rfc822 of text/plain), of als JSON { "raw": "…" }; telt de meldingen erin en legt de bounces vast.',
          headers: { type: 'object', properties: { 'x-webhook-secret': { type: 'string' } }, required: ['x-webhook-secret'] },
          response: {
            200: { type: 'object', properties: { reports: { type: 'integer' }, recorded: { type: 'integer' } } },
            401: problem,
            503: { ...problem, description: 'De webhook is nog niet ingesteld (geen geheim)' },
          },
        },
      },
      async (req) => {
        await checkSecret(req, deps);
        // The message as it is (message/rfc822), or wrapped in JSON as { "raw": "…" }.
        const raw = typeof req.body === 'string' ? req.body : (req.body as { raw?: unknown } | undefined)?.raw;
        if (typeof raw !== 'string' || raw.length > 2 * 1024 * 1024)
          throw errors.badRequest({
            nl: 'Stuur het bericht als message/rfc822, of als JSON { "raw": "…" }.',
            en: 'Send the message as message/rfc822, or as JSON { "raw": "…" }.',
          });
        return processBounceMessage(serviceCtx(req, deps), raw);
      },
    );
  });
}

export async function registerNewsApi(app: FastifyInstance, deps: AppDeps) {
  await registerArticleApi(app, deps);
  await registerSubscriptionApi(app, deps);
  await registerBounceWebhook(app, deps);
  await registerDsnIntake(app, deps);
}
