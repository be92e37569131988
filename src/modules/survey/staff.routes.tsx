// Staff routes of surveys: list and create, overview and edit, status, copy as a new round, and the
// admin's settings. Chain per route: permission → Zod → service (transaction + audit) → 303, or
// the form again with 400 and the messages beside the fields.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import type { Locale } from '../../i18n.ts';
import { copySurvey } from './copy.ts';
import { tracking } from './results.service.ts';
import { statusForm, surveyForm, thresholdForm } from './schema.ts';
import { setSuppressionThreshold, suppressionThreshold } from './settings.service.ts';
import { changeStatus, createSurvey, listSurveys, requireSurvey, type SurveyInput, updateSurvey } from './surveys.service.ts';
import { questionsOf } from './types.ts';
import { L, staffCrumbs, T } from './views/common.tsx';
import { SettingsPage } from './views/settings.tsx';
import { OverviewPage, SurveyListPage, surveyValues, type Values } from './views/staff.tsx';

const STAFF = { permission: 'staff' as const };

const NOTICES: Record<string, (l: Locale) => string> = {
  aangemaakt: (l) =>
    L(l, 'De enquête is aangemaakt. Voeg nu onderdelen en vragen toe.', 'The survey has been created. Now add parts and questions.'),
  opgeslagen: (l) => L(l, 'De gegevens zijn opgeslagen.', 'The details have been saved.'),
  status: (l) => L(l, 'De status is gewijzigd.', 'The status has been changed.'),
  kopie: (l) =>
    L(
      l,
      'Dit is een kopie als nieuwe ronde. Pas titel, peildatum en data aan.',
      'This is a copy as a new round. Adjust title, reference date and dates.',
    ),
};

export function noticeOf(req: FastifyRequest): string | null {
  const key = (req.query as Record<string, string | undefined>).melding;
  return key && NOTICES[key] ? NOTICES[key](req.locale) : null;
}

function inputOf(data: ReturnType<typeof surveyForm.parse>): SurveyInput {
  return {
    title: { nl: data.titleNl, en: data.titleEn },
    intro: { nl: data.introNl, en: data.introEn },
    referenceDate: data.referenceDate,
    opensOn: data.opensOn,
    closesOn: data.closesOn,
    reminderDays: data.reminderDays,
    previousSurveyId: data.previousSurveyId,
  };
}

async function overview(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  id: number,
  extra: { values?: Values; errors?: FieldError[]; problem?: string; status?: number } = {},
) {
  const survey = await requireSurvey(deps.db, id);
  const others = await listSurveys(deps.db);
  const rate = survey.status === 'draft' ? null : (await tracking(deps.db, survey, todayOf(deps))).total;
  return sendPage(
    req,
    reply,
    { title: T(req.locale, survey.title), breadcrumbs: staffCrumbs(req.locale, survey), status: extra.status },
    <OverviewPage
      locale={req.locale}
      survey={survey}
      others={others}
      values={extra.values ?? surveyValues(survey)}
      errors={extra.errors ?? []}
      notice={noticeOf(req)}
      problem={extra.problem ?? null}
      rate={rate}
      questions={questionsOf(survey).length}
    />,
  );
}

async function listPage(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, values: Values, errors: FieldError[], status = 200) {
  const surveys = await listSurveys(deps.db);
  return sendPage(
    req,
    reply,
    { title: L(req.locale, 'Enquêtes', 'Surveys'), breadcrumbs: staffCrumbs(req.locale), status },
    <SurveyListPage locale={req.locale} surveys={surveys} values={values} errors={errors} isAdmin={req.user?.role === 'admin'} />,
  );
}

/** A service's 400 with field errors becomes the form again; anything else is rethrown. */
export function fieldErrorsOf(e: unknown): FieldError[] | null {
  if (e instanceof AppError && e.status === 400) return e.fields.length > 0 ? e.fields : [{ field: '_', message: e.detail }];
  return null;
}

export async function registerStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/enquetes', { config: STAFF }, (req, reply) => listPage(deps, req, reply, { reminderDays: '7, 2' }, []));

  app.post('/beheer/enquetes', { config: STAFF }, async (req, reply) => {
    const parsed = parseInput(surveyForm, req.body);
    if (!parsed.ok) return listPage(deps, req, reply, formValues(req.body), parsed.errors, 400);
    try {
      const id = await createSurvey(serviceCtx(req, deps), inputOf(parsed.data));
      return reply.redirect(`/beheer/enquetes/${id}?melding=aangemaakt`, 303);
    } catch (e) {
      const errors = fieldErrorsOf(e);
      if (!errors) throw e;
      return listPage(deps, req, reply, formValues(req.body), errors, 400);
    }
  });

  app.get('/beheer/enquetes/instellingen', { config: { permission: 'admin' } }, async (req, reply) =>
    sendPage(
      req,
      reply,
      {
        title: L(req.locale, 'Instellingen enquêtes', 'Survey settings'),
        breadcrumbs: staffCrumbs(req.locale, undefined, { label: L(req.locale, 'Instellingen', 'Settings') }),
      },
      <SettingsPage
        locale={req.locale}
        threshold={String(await suppressionThreshold(deps.db))}
        errors={[]}
        saved={noticeOf(req) !== null}
      />,
    ),
  );

  app.post('/beheer/enquetes/instellingen', { config: { permission: 'admin' } }, async (req, reply) => {
    const parsed = parseInput(thresholdForm, req.body);
    const again = (errors: FieldError[]) =>
      sendPage(
        req,
        reply,
        { title: L(req.locale, 'Instellingen enquêtes', 'Survey settings'), breadcrumbs: staffCrumbs(req.locale), status: 400 },
        <SettingsPage locale={req.locale} threshold={formValues(req.body).threshold ?? ''} errors={errors} saved={false} />,
      );
    if (!parsed.ok) return again(parsed.errors);
    try {
      await setSuppressionThreshold(serviceCtx(req, deps), parsed.data.threshold);
    } catch (e) {
      const errors = fieldErrorsOf(e);
      if (!errors) throw e;
      return again(errors);
    }
    return reply.redirect('/beheer/enquetes/instellingen?melding=opgeslagen', 303);
  });

  registerSurveyPages(app, deps);
}

function registerSurveyPages(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/enquetes/:id', { config: STAFF }, (req, reply) => overview(deps, req, reply, idParam(req)));

  app.post('/beheer/enquetes/:id', { config: STAFF }, async (req, reply) => {
    const id = idParam(req);
    await requireSurvey(deps.db, id);
    const parsed = parseInput(surveyForm, req.body);
    if (!parsed.ok) return overview(deps, req, reply, id, { values: formValues(req.body), errors: parsed.errors, status: 400 });
    try {
      await updateSurvey(serviceCtx(req, deps), id, inputOf(parsed.data));
    } catch (e) {
      const errors = fieldErrorsOf(e);
      if (!errors) throw e;
      return overview(deps, req, reply, id, { values: formValues(req.body), errors, status: 400 });
    }
    return reply.redirect(`/beheer/enquetes/${id}?melding=opgeslagen`, 303);
  });

  app.post('/beheer/enquetes/:id/status', { config: STAFF }, async (req, reply) => {
    const id = idParam(req);
    await requireSurvey(deps.db, id);
    const parsed = parseInput(statusForm, req.body);
    if (!parsed.ok) return overview(deps, req, reply, id, { problem: T(req.locale, parsed.errors[0].message), status: 400 });
    try {
      await changeStatus(serviceCtx(req, deps), id, parsed.data.to, todayOf(deps));
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 409) throw e;
      return overview(deps, req, reply, id, { problem: T(req.locale, e.detail), status: 409 });
    }
    return reply.redirect(`/beheer/enquetes/${id}?melding=status`, 303);
  });

  app.post('/beheer/enquetes/:id/kopie', { config: STAFF }, async (req, reply) => {
    const copy = await copySurvey(serviceCtx(req, deps), idParam(req));
    return reply.redirect(`/beheer/enquetes/${copy}?melding=kopie`, 303);
  });
}
