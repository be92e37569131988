// The newsletter for everyone: the archive, sign-up (rate limited per client and per address,
// honeypot, no CAPTCHA, one answer whatever the address), confirmation, the personal preferences
// page with export and erasure, and unsubscribe — also RFC 8058 one-click (POST without a form).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { UNCHANGING } from '../../http/public-cache.ts';
import { keepOutOfPublicCache } from '../../http/public-cache-route.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { atlasPublicCache, municipalitiesOn } from '../atlas/index.ts';
import { selectEditionBySlug } from './editions.queries.ts';
import { editionArticles, listEditions } from './editions.service.ts';
import { presentSummary } from './presenters.ts';
import { newsPublicCache } from './public-version.ts';
import { preferencesForm, signupForm } from './subscribers.schema.ts';
import {
  confirmSubscription,
  eraseSubscriber,
  exportSubscriber,
  links,
  requestSubscription,
  subscriberByToken,
  unsubscribe,
  updatePreferences,
} from './subscribers.service.ts';
import { ArchivePage, EditionPage } from './views/archive.tsx';
import { MessagePage, type MunicipalityOption, n, PreferencesPage, SignupPage } from './views/newsletter.tsx';
import { m as pm } from './views/public.tsx';

export const SIGNUP_RATE_LIMIT = { max: 10, timeWindow: '1 hour' };
const PUBLIC = { permission: 'public' as const };
/** The archive and the sent editions: kept by the public cache while the news version holds. */
const ARCHIVE = { permission: 'public', publicCache: newsPublicCache } as const;
/** Personal links: the token in the URL is the permission (checked by the route). */
const TOKEN = { permission: 'token' as const };
type Token = { Params: { token: string } };

/** Today's municipalities; none when the atlas cannot be read (`failed` is then called). */
export async function municipalityOptions(deps: AppDeps, failed?: () => void): Promise<(MunicipalityOption & { province: string })[]> {
  try {
    return (await municipalitiesOn(deps.db, todayOf(deps))).map((x) => ({ code: x.code, name: x.name, province: x.provinceCode }));
  } catch {
    failed?.();
    return [];
  }
}

export async function provinceOf(deps: AppDeps, code: string | undefined): Promise<string | null> {
  if (!code) return null;
  return (await municipalityOptions(deps)).find((x) => x.code === code)?.province ?? null;
}

function unknownMunicipality(options: MunicipalityOption[], code: string | undefined): FieldError[] {
  if (!code || options.some((o) => o.code === code)) return [];
  return [{ field: 'municipalityCode', message: { nl: 'Kies een gemeente uit de lijst.', en: 'Choose a municipality from the list.' } }];
}

function subscriberLookup(deps: AppDeps) {
  return async (req: FastifyRequest<Token>) => {
    const s = await subscriberByToken(deps, req.params.token);
    if (!s) throw errors.notFound({ nl: 'Deze persoonlijke link werkt niet (meer).', en: 'This personal link does not work (any more).' });
    return s;
  };
}

async function registerSignupRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/nieuwsbrief', { config: ARCHIVE }, async (req, reply) => {
    const editions = (await listEditions(deps.db, 'sent')).map((e) => ({ slug: e.slug, title: e.title, issueDate: e.issue_date }));
    return sendPage(
      req,
      reply,
      { title: pm(req.locale).archive, cacheControl: 'public, max-age=300' },
      <ArchivePage editions={editions} />,
    );
  });

  const signupPage = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errs: FieldError[]) => {
    // Without the list (the atlas could not be read) the form is shown but not kept.
    const municipalities = await municipalityOptions(deps, () => keepOutOfPublicCache(req));
    return sendPage(
      req,
      reply,
      {
        title: n(req.locale).signupTitle,
        status: errs.length > 0 ? 400 : 200,
        cacheControl: errs.length > 0 ? undefined : 'public, max-age=300',
      },
      <SignupPage values={values} errors={errs} municipalities={municipalities} />,
    );
  };
  // The form is the same for every anonymous visitor (today's municipalities): kept by the public cache,
  // posting without a CSRF token (ADR 0020).
  app.get('/nieuwsbrief/aanmelden', { config: { ...PUBLIC, publicCache: atlasPublicCache } }, (req, reply) =>
    signupPage(req, reply, {}, []),
  );
  app.post('/nieuwsbrief/aanmelden', { config: { ...PUBLIC, csrf: 'signed-in', rateLimit: SIGNUP_RATE_LIMIT } }, async (req, reply) => {
    const parsed = parseInput(signupForm, req.body);
    const options = await municipalityOptions(deps);
    const problems = parsed.ok ? unknownMunicipality(options, parsed.data.municipalityCode) : parsed.errors;
    if (!parsed.ok || problems.length > 0) return signupPage(req, reply, formValues(req.body), problems);
    const d = parsed.data;
    // A filled honeypot is a robot: it gets the same answer, and nothing happens.
    if (!d.website) {
      const provinceCode = options.find((o) => o.code === d.municipalityCode)?.province ?? null;
      await requestSubscription(serviceCtx(req, deps), deps, { ...d, provinceCode }, 'web-form', req.locale);
    }
    return reply.redirect('/nieuwsbrief/aangemeld', 303);
  });
  app.get('/nieuwsbrief/aangemeld', { config: { ...PUBLIC, publicCache: UNCHANGING } }, (req, reply) =>
    sendPage(
      req,
      reply,
      { title: n(req.locale).doneTitle, cacheControl: 'public, max-age=300' },
      <MessagePage title={n(req.locale).doneTitle} text={n(req.locale).done} />,
    ),
  );

  app.get<Token>('/nieuwsbrief/bevestigen/:token', { config: TOKEN }, async (req, reply) => {
    const t = n(req.locale);
    const outcome = await confirmSubscription(serviceCtx(req, deps), deps, req.params.token);
    reply.header('referrer-policy', 'no-referrer');
    if (outcome.result === 'confirmed' || outcome.result === 'already') {
      const manage = links.manage(deps, outcome.subscriber).replace(deps.config.publicBaseUrl, '');
      return sendPage(
        req,
        reply,
        { title: t.confirmedTitle },
        <MessagePage title={t.confirmedTitle} text={t.confirmed} link={{ href: manage, label: t.prefsTitle }} />,
      );
    }
    return sendPage(
      req,
      reply,
      { title: t.invalidTitle, status: 404 },
      <MessagePage title={t.invalidTitle} text={t.invalid} link={{ href: '/nieuwsbrief/aanmelden', label: t.again }} />,
    );
  });
}

async function registerPreferenceRoutes(app: FastifyInstance, deps: AppDeps) {
  const subscriberOf = subscriberLookup(deps);
  const prefsPage = async (req: FastifyRequest<Token>, reply: FastifyReply, values: Record<string, string> | null, errs: FieldError[]) => {
    const s = await subscriberOf(req);
    reply.header('referrer-policy', 'no-referrer');
    const v = values ?? {
      name: s.name ?? '',
      organisation: s.organisation ?? '',
      municipalityCode: s.municipality_code ?? '',
      topics: s.topics,
    };
    const saved = (req.query as Record<string, unknown>)?.opgeslagen === '1';
    return sendPage(
      req,
      reply,
      { title: n(req.locale).prefsTitle, status: errs.length > 0 ? 400 : 200 },
      <PreferencesPage
        token={req.params.token}
        email={s.email}
        active={s.status === 'confirmed'}
        saved={saved}
        values={v}
        errors={errs}
        municipalities={await municipalityOptions(deps)}
      />,
    );
  };
  app.get<Token>('/nieuwsbrief/voorkeuren/:token', { config: TOKEN }, (req, reply) => prefsPage(req, reply, null, []));
  app.post<Token>('/nieuwsbrief/voorkeuren/:token', { config: TOKEN }, async (req, reply) => {
    const s = await subscriberOf(req);
    const parsed = parseInput(preferencesForm, req.body);
    const options = await municipalityOptions(deps);
    const problems = parsed.ok ? unknownMunicipality(options, parsed.data.municipalityCode) : parsed.errors;
    if (!parsed.ok || problems.length > 0) return prefsPage(req, reply, formValues(req.body), problems);
    const provinceCode = options.find((o) => o.code === parsed.data.municipalityCode)?.province ?? null;
    await updatePreferences(serviceCtx(req, deps), Number(s.id), { ...parsed.data, provinceCode });
    return reply.redirect(`/nieuwsbrief/voorkeuren/${req.params.token}?opgeslagen=1`, 303);
  });
  app.get<Token>('/nieuwsbrief/voorkeuren/:token/gegevens.json', { config: TOKEN }, async (req, reply) => {
    const s = await subscriberOf(req);
    reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'attachment; filename="mijn-nieuwsbrief-gegevens.json"');
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(await exportSubscriber(deps.db, Number(s.id)), null, 2));
  });
  app.post<Token>('/nieuwsbrief/voorkeuren/:token/verwijderen', { config: TOKEN }, async (req, reply) => {
    const s = await subscriberOf(req);
    await eraseSubscriber(serviceCtx(req, deps), Number(s.id));
    const t = n(req.locale);
    return sendPage(req, reply, { title: t.erasedTitle }, <MessagePage title={t.erasedTitle} text={t.erased} />);
  });
}

async function registerUnsubscribeRoutes(app: FastifyInstance, deps: AppDeps) {
  const subscriberOf = subscriberLookup(deps);
  // Unsubscribe. The link in every email opens a page with one button (a GET never changes
  // anything: mail scanners follow links). Mail programs post `List-Unsubscribe=One-Click` to the
  // same URL without cookies or a CSRF token (RFC 8058), so this route takes no CSRF check.
  app.get<Token>('/nieuwsbrief/afmelden/:token', { config: TOKEN }, async (req, reply) => {
    await subscriberOf(req);
    return reply.redirect(`/nieuwsbrief/voorkeuren/${req.params.token}`, 303);
  });
  app.post<Token>('/nieuwsbrief/afmelden/:token', { config: { ...TOKEN, csrf: false } }, async (req, reply) => {
    const s = await subscriberOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const edition = Number((req.query as Record<string, unknown>)?.editie);
    const oneClick = body['List-Unsubscribe'] === 'One-Click';
    await unsubscribe(
      serviceCtx(req, deps),
      Number(s.id),
      oneClick ? 'one-click' : 'email-link',
      Number.isInteger(edition) && edition > 0 && edition < 2_147_483_647 ? edition : null,
    );
    if (oneClick) return reply.code(200).type('text/plain; charset=utf-8').send('Afgemeld / Unsubscribed\n');
    const t = n(req.locale);
    return sendPage(
      req,
      reply,
      { title: t.unsubscribedTitle },
      <MessagePage title={t.unsubscribedTitle} text={t.unsubscribed} link={{ href: '/nieuwsbrief/aanmelden', label: t.again }} />,
    );
  });

  app.get<{ Params: { slug: string } }>('/nieuwsbrief/:slug', { config: ARCHIVE }, async (req, reply) => {
    if (!/^[0-9a-z-]{1,40}$/.test(req.params.slug)) throw errors.notFound();
    const e = await selectEditionBySlug(deps.db, req.params.slug);
    if (e?.status !== 'sent') throw errors.notFound();
    const articles = (await editionArticles(deps.db, Number(e.id))).map(presentSummary);
    return sendPage(
      req,
      reply,
      { title: e.title, cacheControl: 'public, max-age=300' },
      <EditionPage title={e.title} issueDate={e.issue_date} introHtml={e.intro_html} articles={articles} />,
    );
  });
}

export async function registerNewsletterRoutes(app: FastifyInstance, deps: AppDeps) {
  await registerSignupRoutes(app, deps);
  await registerPreferenceRoutes(app, deps);
  await registerUnsubscribeRoutes(app, deps);
}
