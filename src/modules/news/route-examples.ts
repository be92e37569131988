// How the permission walk (test/permissions.test.ts) calls the news module's routes (convention:
// test/helpers/walk.ts). Pages that only read share their records; every form makes its own.
// Personal-link routes (permission `token`) answer every caller the same: the link is the key.
import sharp from 'sharp';
import type { ExampleContext, RouteExamples } from '../../../test/helpers/walk.ts';
import { saveArticle } from './articles.service.ts';
import { saveEdition, startSend } from './editions.service.ts';
import { storeImage } from './images.service.ts';
import { personalToken } from './news.logic.ts';
import { sendEdition } from './send.ts';
import { rotateWebhookSecret, saveSettings } from './settings.ts';
import { insertSubscriber } from './subscribers.queries.ts';
import type { ArticleKind, SubscriberStatus } from './tables.ts';

let made = 0;
const next = () => {
  made += 1;
  return made;
};

async function article(ctx: ExampleContext, kind: ArticleKind = 'article', action: 'draft' | 'publish' = 'publish') {
  const n = next();
  const title = `${kind === 'story' ? 'Verhaal' : 'Bericht'} uit de permissietest ${n}`;
  const id = await saveArticle(ctx.service, ctx.deps, null, kind, {
    title,
    summary: 'Een samenvatting.',
    bodyMd: 'Een tekst.',
    tags: ['network'],
    authorName: 'Redactie',
    action,
    pseudonym: kind === 'story' ? 'KIM' : undefined,
    consentConfirmed: kind === 'story',
  });
  const row = await ctx.deps.db.selectFrom('news_articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
  return { id, slug: row.slug };
}

const sharedArticle = (ctx: ExampleContext) => ctx.shared('news:article', () => article(ctx));

async function subscriber(ctx: ExampleContext, status: SubscriberStatus = 'confirmed') {
  const at = ctx.deps.now().toISOString();
  const id = await insertSubscriber(ctx.deps.db, {
    email: `walk-${next()}-${process.pid}@example.org`,
    name: null,
    organisation: null,
    municipality_code: null,
    province_code: null,
    topics: 'all',
    status,
    source: 'web',
    token_version: 1,
    soft_bounces: 0,
    created_at: at,
    confirmed_at: status === 'confirmed' ? at : null,
    unsubscribed_at: null,
    unsubscribed_edition_id: null,
    bounced_at: null,
    updated_at: at,
  });
  const secret = ctx.deps.config.sessionSecret;
  return { id, manage: personalToken(secret, 'manage', id, 1), confirm: personalToken(secret, 'confirm', id, 1) };
}

const sharedSubscriber = (ctx: ExampleContext) => ctx.shared('news:subscriber', () => subscriber(ctx));

async function edition(ctx: ExampleContext) {
  const { id: articleId } = await sharedArticle(ctx);
  return saveEdition(ctx.service, ctx.deps, null, {
    title: `Nieuwsbrief uit de permissietest ${next()}`,
    issueDate: '2019-09-01',
    introMd: 'Welkom.',
    articleIds: [articleId],
    segment: { topics: [], municipalities: [], provinces: [] },
    ratePerMinute: 600,
  });
}

/** A sent edition (with open and click counting on while it was made, so it has a link to count). */
const sentEdition = (ctx: ExampleContext) =>
  ctx.shared('news:sent-edition', async () => {
    await sharedSubscriber(ctx);
    await saveSettings(ctx.service, { tracking: true, ratePerMinute: 600, softBounceLimit: 3 });
    const id = await edition(ctx);
    await startSend(ctx.service, id, async () => 0);
    await sendEdition(ctx.deps, id);
    await saveSettings(ctx.service, { tracking: false, ratePerMinute: 600, softBounceLimit: 3 });
    const e = await ctx.deps.db.selectFrom('news_editions').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
    const d = await ctx.deps.db.selectFrom('news_deliveries').select('token').where('edition_id', '=', id).executeTakeFirstOrThrow();
    return { id, slug: e.slug, token: d.token };
  });

const sharedImage = (ctx: ExampleContext) =>
  ctx.shared('news:image', async () =>
    storeImage(
      ctx.service,
      await sharp({ create: { width: 600, height: 400, channels: 3, background: '#01689b' } })
        .jpeg()
        .toBuffer(),
    ),
  );

const DSN = (email: string) =>
  `Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; ${email}\nAction: failed\nStatus: 5.1.1\n\n--b--\n`;

export const routeExamples: RouteExamples = {
  // Public pages
  'GET /nieuws/:slug': async (ctx) => ({ params: { slug: (await sharedArticle(ctx)).slug } }),
  'GET /verhalen/:slug': async (ctx) => ({ params: { slug: (await ctx.shared('news:story', () => article(ctx, 'story'))).slug } }),
  'GET /nieuws/afbeelding/:file': async (ctx) => ({ params: { file: `${await sharedImage(ctx)}-480.webp` } }),
  'GET /nieuwsbrief/:slug': async (ctx) => ({ params: { slug: (await sentEdition(ctx)).slug } }),
  'GET /nieuwsbrief/o/:file': async (ctx) => ({ params: { file: `${(await sentEdition(ctx)).token}.gif` } }),
  'GET /nieuwsbrief/k/:token/:n': async (ctx) => ({ params: { token: (await sentEdition(ctx)).token, n: 0 }, status: 302 }),
  'POST /nieuwsbrief/aanmelden': async () => ({ body: { email: `aanmelding-${next()}@example.org`, consent: 'on', topics: 'care' } }),

  // Personal links
  'GET /nieuwsbrief/bevestigen/:token': async (ctx) => ({ params: { token: (await subscriber(ctx, 'pending')).confirm } }),
  'GET /nieuwsbrief/voorkeuren/:token': async (ctx) => ({ params: { token: (await sharedSubscriber(ctx)).manage } }),
  'POST /nieuwsbrief/voorkeuren/:token': async (ctx) => ({ params: { token: (await subscriber(ctx)).manage }, body: { topics: 'care' } }),
  'GET /nieuwsbrief/voorkeuren/:token/gegevens.json': async (ctx) => ({ params: { token: (await sharedSubscriber(ctx)).manage } }),
  'POST /nieuwsbrief/voorkeuren/:token/verwijderen': async (ctx) => ({ params: { token: (await subscriber(ctx)).manage }, status: 200 }),
  'GET /nieuwsbrief/afmelden/:token': async (ctx) => ({ params: { token: (await sharedSubscriber(ctx)).manage }, status: 303 }),
  'POST /nieuwsbrief/afmelden/:token': async (ctx) => ({
    params: { token: (await subscriber(ctx)).manage },
    body: { 'List-Unsubscribe': 'One-Click' },
    status: 200,
  }),

  // Writing (editor)
  'POST /beheer/nieuws/nieuw': async () => ({
    body: {
      title: `Nieuw bericht ${next()}`,
      summary: 'Samenvatting',
      bodyMd: 'Tekst',
      tags: 'policy',
      authorName: 'Redactie',
      action: 'draft',
    },
  }),
  'GET /beheer/nieuws/:id': async (ctx) => ({ params: { id: (await sharedArticle(ctx)).id } }),
  'POST /beheer/nieuws/:id': async (ctx) => ({
    params: { id: (await article(ctx, 'article', 'draft')).id },
    body: { title: 'Gewijzigd', summary: 'Samenvatting', bodyMd: 'Nieuwe tekst', tags: 'events', authorName: 'Redactie', action: 'draft' },
  }),
  'POST /beheer/nieuws/:id/intrekken': async (ctx) => ({ params: { id: (await article(ctx)).id }, body: { reason: 'Verouderd' } }),
  'GET /beheer/nieuws/:id/versies': async (ctx) => ({ params: { id: (await sharedArticle(ctx)).id } }),
  'GET /beheer/nieuws/:id/versies/:revision': async (ctx) => ({ params: { id: (await sharedArticle(ctx)).id, revision: 1 } }),
  // The walk sends forms url-encoded; an upload needs multipart, so an allowed user gets the form back with its message.
  'POST /beheer/nieuws/afbeeldingen': async () => ({ status: 400 }),

  // The newsletter (staff)
  'POST /beheer/nieuwsbrief/nieuw': async (ctx) => ({
    body: {
      title: `Nieuwsbrief ${next()}`,
      issueDate: '2019-10-01',
      articleIds: String((await sharedArticle(ctx)).id),
      ratePerMinute: '600',
    },
  }),
  'GET /beheer/nieuwsbrief/:id': async (ctx) => ({ params: { id: await ctx.shared('news:edition', () => edition(ctx)) } }),
  'GET /beheer/nieuwsbrief/:id/bewerken': async (ctx) => ({ params: { id: await ctx.shared('news:edition', () => edition(ctx)) } }),
  'GET /beheer/nieuwsbrief/:id/voorbeeld.html': async (ctx) => ({ params: { id: await ctx.shared('news:edition', () => edition(ctx)) } }),
  'POST /beheer/nieuwsbrief/:id': async (ctx) => ({
    params: { id: await edition(ctx) },
    body: {
      title: 'Gewijzigde nieuwsbrief',
      issueDate: '2019-10-01',
      articleIds: String((await sharedArticle(ctx)).id),
      ratePerMinute: '300',
    },
  }),
  'POST /beheer/nieuwsbrief/:id/test': async (ctx) => ({ params: { id: await edition(ctx) } }),
  'POST /beheer/nieuwsbrief/:id/versturen': async (ctx) => ({ params: { id: await edition(ctx) } }),
  'GET /beheer/nieuwsbrief/abonnees/:id/gegevens.json': async (ctx) => ({ params: { id: (await sharedSubscriber(ctx)).id } }),
  'POST /beheer/nieuwsbrief/abonnees/:id/wissen': async (ctx) => ({ params: { id: (await subscriber(ctx)).id } }),
  'POST /beheer/nieuwsbrief/abonnees/importeren': async () => ({ body: { csv: `email\nimport-${next()}@example.org\n` }, status: 200 }),
  'POST /beheer/nieuwsbrief/instellingen': async () => ({ body: { ratePerMinute: '600', softBounceLimit: '3' } }),
  'POST /beheer/nieuwsbrief/instellingen/geheim': async () => ({ status: 200 }),

  // API
  'GET /api/v1/articles/:slug': async (ctx) => ({ params: { slug: (await sharedArticle(ctx)).slug } }),
  'POST /api/v1/subscriptions': async () => ({ json: { email: `api-${next()}@example.org`, consent: true }, status: 202 }),
  'POST /api/v1/newsletter/bounces': async (ctx) => ({
    headers: { 'x-webhook-secret': await rotateWebhookSecret(ctx.service) },
    json: { events: [{ type: 'soft_bounce', email: 'niemand@example.org' }] },
    status: 200,
  }),
  'POST /api/v1/newsletter/bounces/dsn': async (ctx) => ({
    headers: { 'x-webhook-secret': await rotateWebhookSecret(ctx.service) },
    json: { raw: DSN('niemand@example.org') },
    status: 200,
  }),
};
