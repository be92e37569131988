// Staff pages of the newsletter (permission staff; the settings are admin-only): editions with
// their preview, test email, send and statistics.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { currentUser, formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import type { Crumb } from '../../views/layout.tsx';
import { selectAllArticles } from './articles.queries.ts';
import { personalise } from './edition-email.ts';
import type { EditionRow } from './editions.queries.ts';
import {
  editionArticleIds,
  editionStats,
  editionTemplate,
  getEdition,
  listEditions,
  saveEdition,
  sendTestEmail,
  startSend,
} from './editions.service.ts';
import { enqueueSend } from './jobs-port.ts';
import { parseSegment } from './news.logic.ts';
import { municipalityOptions } from './newsletter.routes.tsx';
import { presentEditionSummary } from './presenters.ts';
import { newsSettings } from './settings.ts';
import { editionForm } from './subscribers.schema.ts';
import { EditionDetailPage, EditionFormPage, EditionListPage, s } from './views/editions.tsx';

const STAFF = { permission: 'staff' as const };
type Id = { Params: { id: string } };

export function newsletterCrumbs(req: FastifyRequest, ...rest: Crumb[]): Crumb[] {
  return [
    { href: '/beheer', label: req.locale === 'nl' ? 'Beheer' : 'Staff' },
    { href: '/beheer/nieuwsbrief', label: s(req.locale).editions },
    ...rest,
  ];
}

function valuesOf(e: EditionRow, articleIds: number[]): Record<string, string> {
  const seg = parseSegment(e.segment_json);
  return {
    title: e.title,
    issueDate: e.issue_date,
    introMd: e.intro_md,
    articleIds: articleIds.join(' '),
    topics: seg.topics.join(' '),
    municipalities: seg.municipalities.join(' '),
    provinces: seg.provinces.join(' '),
    ratePerMinute: String(e.rate_per_minute),
  };
}

function editionKit(deps: AppDeps) {
  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number | undefined,
    values: Record<string, string>,
    errs: FieldError[],
  ) => {
    const articles = (await selectAllArticles(deps.db))
      .filter((a) => a.status === 'published')
      .map((a) => ({ id: Number(a.id), title: a.title }));
    const provinces = [...new Map((await municipalityOptions(deps)).map((m) => [m.province, m.province])).keys()]
      .sort()
      .map((code) => ({ code, name: code }));
    const title = id ? values.title || s(req.locale).editions : s(req.locale).newEdition;
    return sendPage(
      req,
      reply,
      { title, breadcrumbs: newsletterCrumbs(req, { label: title }), status: errs.length > 0 ? 400 : 200 },
      <EditionFormPage id={id} values={values} errors={errs} articles={articles} provinces={provinces} />,
    );
  };
  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const parsed = parseInput(editionForm, req.body);
    if (!parsed.ok) return formPage(req, reply, id ?? undefined, formValues(req.body), parsed.errors);
    const d = parsed.data;
    try {
      const saved = await saveEdition(serviceCtx(req, deps), deps, id, {
        title: d.title,
        issueDate: d.issueDate,
        introMd: d.introMd,
        articleIds: d.articleIds,
        segment: { topics: d.topics, municipalities: d.municipalities, provinces: d.provinces },
        ratePerMinute: d.ratePerMinute,
      });
      return reply.redirect(`/beheer/nieuwsbrief/${saved}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.status === 400 && err.fields.length > 0)
        return formPage(req, reply, id ?? undefined, formValues(req.body), err.fields);
      throw err;
    }
  };
  const load = async (req: FastifyRequest) => {
    const edition = await getEdition(deps.db, idParam(req));
    if (!edition) throw errors.notFound();
    return edition;
  };
  return { formPage, save, load };
}

async function registerEditionListRoutes(app: FastifyInstance, deps: AppDeps, kit: ReturnType<typeof editionKit>) {
  const { save, formPage } = kit;
  app.get('/beheer/nieuwsbrief', { config: STAFF }, async (req, reply) => {
    const editions = (await listEditions(deps.db)).map(presentEditionSummary);
    return sendPage(
      req,
      reply,
      { title: s(req.locale).editions, breadcrumbs: newsletterCrumbs(req).slice(0, 1) },
      <EditionListPage editions={editions} />,
    );
  });

  app.get('/beheer/nieuwsbrief/nieuw', { config: STAFF }, async (req, reply) => {
    const month = deps.now().toISOString().slice(0, 7);
    return formPage(
      req,
      reply,
      undefined,
      { issueDate: `${month}-01`, ratePerMinute: String((await newsSettings(deps.db)).ratePerMinute) },
      [],
    );
  });
  app.post('/beheer/nieuwsbrief/nieuw', { config: STAFF }, (req, reply) => save(req, reply, null));
}

async function registerEditionDetailRoutes(app: FastifyInstance, deps: AppDeps, kit: ReturnType<typeof editionKit>) {
  const { save, formPage, load } = kit;
  app.get<Id>('/beheer/nieuwsbrief/:id', { config: STAFF }, async (req, reply) => {
    const edition = await load(req);
    const template = await editionTemplate(deps, edition);
    const sample = {
      manage: `${deps.config.publicBaseUrl}/nieuwsbrief`,
      unsubscribe: `${deps.config.publicBaseUrl}/nieuwsbrief`,
      delivery: 'voorbeeld',
    };
    const q = req.query as Record<string, unknown>;
    return sendPage(
      req,
      reply,
      { title: edition.title, breadcrumbs: newsletterCrumbs(req, { label: edition.title }) },
      <EditionDetailPage
        id={Number(edition.id)}
        title={edition.title}
        status={edition.status}
        text={personalise(template.text, sample)}
        stats={await editionStats(deps.db, Number(edition.id))}
        tracking={(await newsSettings(deps.db)).tracking}
        notice={q?.gedaan === '1' ? s(req.locale).notice : undefined}
        finishedAt={edition.send_finished_at}
      />,
    );
  });
  app.get<Id>('/beheer/nieuwsbrief/:id/bewerken', { config: STAFF }, async (req, reply) => {
    const edition = await load(req);
    return formPage(req, reply, Number(edition.id), valuesOf(edition, await editionArticleIds(deps.db, Number(edition.id))), []);
  });
  app.post<Id>('/beheer/nieuwsbrief/:id', { config: STAFF }, async (req, reply) => save(req, reply, Number((await load(req)).id)));

  // The email as recipients see it. It is its own document with inline styles (as email needs)
  // and no script; only this staff page allows inline styles.
  app.get<Id>('/beheer/nieuwsbrief/:id/voorbeeld.html', { config: STAFF }, async (req, reply) => {
    const edition = await load(req);
    const template = await editionTemplate(deps, edition);
    const html = personalise(template.html, { manage: '#', unsubscribe: '#', delivery: 'voorbeeld' });
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'");
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(html);
  });
  app.post<Id>('/beheer/nieuwsbrief/:id/test', { config: STAFF }, async (req, reply) => {
    const edition = await load(req);
    await sendTestEmail(serviceCtx(req, deps), deps, Number(edition.id), currentUser(req).email);
    return reply.redirect(`/beheer/nieuwsbrief/${edition.id}?gedaan=1`, 303);
  });
  app.post<Id>('/beheer/nieuwsbrief/:id/versturen', { config: STAFF }, async (req, reply) => {
    const edition = await load(req);
    await startSend(serviceCtx(req, deps), Number(edition.id), (trx, id) => enqueueSend(deps, trx, id));
    return reply.redirect(`/beheer/nieuwsbrief/${edition.id}?gedaan=1`, 303);
  });
}

export async function registerEditionRoutes(app: FastifyInstance, deps: AppDeps) {
  const kit = editionKit(deps);
  await registerEditionListRoutes(app, deps, kit);
  await registerEditionDetailRoutes(app, deps, kit);
}
