// /ondersteuning (public): the advisers and the support request form. Limited per client address here
// (config.rateLimit) and per email address in the service; a filled honeypot is answered as if sent,
// and nothing is stored or emailed. The form page is kept by the public cache for anonymous visitors:
// it carries no per-visitor CSRF token, and the form's route takes an anonymous request from a page of
// this site without one (`csrf: 'signed-in'`, docs/adr/0020-public-forms-without-a-token.md).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import type { FieldError } from '../../http/errors.ts';
import { combinedVersion, UNCHANGING } from '../../http/public-cache.ts';
import { sendPage } from '../../http/render.tsx';
import { serviceCtx } from '../../http/route-kit.ts';
import { atlasPublicCache } from '../atlas/index.ts';
import { municipalityChoices } from './areas.ts';
import { handleForm, type Values } from './form-kit.ts';
import { advicePublicCache } from './public-version.ts';
import { supportForm } from './schema.ts';
import { publishedAdvisers } from './settings.service.ts';
import { submitSupportRequest } from './support.service.ts';
import { SentPage, SupportPage, sentTitle, supportTitle } from './views/support.tsx';

/** Requests per client address: a handful an hour is plenty for a person, too few for a robot. */
export const SUPPORT_RATE_LIMIT = { max: 5, timeWindow: '1 hour' };
/** The form page shows the published advisers (advice) and today's municipalities (atlas). */
const supportPageVersion = combinedVersion('advice+atlas', [advicePublicCache, atlasPublicCache]);
const PAGE_CACHE_CONTROL = 'public, max-age=300';

async function renderSupport(deps: AppDeps, req: FastifyRequest, values: Values, errs: FieldError[], status = 200) {
  const [advisers, municipalities] = await Promise.all([publishedAdvisers(deps.db), municipalityChoices(deps.db, todayOf(deps))]);
  return {
    title: supportTitle(req.locale),
    status,
    // Only the form as it is first shown is public; a page with someone's errors is theirs.
    cacheControl: status === 200 ? PAGE_CACHE_CONTROL : undefined,
    body: <SupportPage advisers={advisers} municipalities={municipalities} values={values} errors={errs} />,
  };
}

export function registerSupportRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/ondersteuning', { config: { permission: 'public', publicCache: supportPageVersion } }, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const page = await renderSupport(deps, req, { municipality: typeof q.gemeente === 'string' ? q.gemeente.toUpperCase() : '' }, []);
    return sendPage(req, reply, page, page.body);
  });

  app.post('/ondersteuning', { config: { permission: 'public', csrf: 'signed-in', rateLimit: SUPPORT_RATE_LIMIT } }, (req, reply) =>
    handleForm(req, reply, {
      schema: supportForm,
      render: async (values, errs, status) => {
        const page = await renderSupport(deps, req, values, errs, status);
        return sendPage(req, reply, page, page.body);
      },
      act: async (d) => {
        if (d.website && d.website.trim() !== '') return '/ondersteuning/verzonden';
        await submitSupportRequest(deps, serviceCtx(req, deps), {
          municipalityCode: d.municipality,
          name: d.name,
          role: d.role,
          email: d.email,
          question: d.question,
        });
        return '/ondersteuning/verzonden';
      },
    }),
  );

  // The confirmation is text of the code only.
  app.get('/ondersteuning/verzonden', { config: { permission: 'public', publicCache: UNCHANGING } }, async (req, reply) =>
    sendPage(req, reply, { title: sentTitle(req.locale), cacheControl: 'public, max-age=300' }, <SentPage />),
  );
}
