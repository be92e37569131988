// Staff routes of the builder: parts, questions, their order, and the preview as a respondent sees
// it (the same section and review pages, without saving).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { addQuestion, addSection, deleteQuestion, deleteSection, moveQuestion, updateQuestion, updateSection } from './builder.service.ts';
import { partOf } from './respondent.ts';
import { EMPTY_RESPONSE } from './responses.service.ts';
import { moveForm, parseQuestionForm, sectionForm } from './schema.ts';
import { fieldErrorsOf, noticeOf } from './staff.routes.tsx';
import { requireSurvey } from './surveys.service.ts';
import { questionsOf, type SurveyDef } from './types.ts';
import { BuilderPage } from './views/builder.tsx';
import { L, staffCrumbs, T } from './views/common.tsx';
import { QuestionFormPage, questionValues } from './views/question-form.tsx';
import { ReviewPage } from './views/respond-pages.tsx';
import { SectionPage } from './views/respond-section.tsx';
import type { Values } from './views/staff.tsx';

const STAFF = { permission: 'staff' as const };

async function builder(
  _deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  survey: SurveyDef,
  extra: { values?: Values; errors?: FieldError[]; problem?: string; status?: number } = {},
) {
  return sendPage(
    req,
    reply,
    {
      title: `${L(req.locale, 'Vragen', 'Questions')} — ${T(req.locale, survey.title)}`,
      breadcrumbs: staffCrumbs(req.locale, survey, { label: L(req.locale, 'Vragen', 'Questions') }),
      status: extra.status,
    },
    <BuilderPage
      locale={req.locale}
      survey={survey}
      values={extra.values ?? {}}
      errors={extra.errors ?? []}
      problem={extra.problem ?? null}
      notice={noticeOf(req)}
    />,
  );
}

function questionPage(
  req: FastifyRequest,
  reply: FastifyReply,
  survey: SurveyDef,
  props: { action: string; questionId: number | null; values: Values; errors: FieldError[]; problem?: string; status?: number },
) {
  const title =
    props.questionId === null ? L(req.locale, 'Nieuwe vraag', 'New question') : L(req.locale, 'Vraag wijzigen', 'Edit question');
  return sendPage(
    req,
    reply,
    {
      title: `${title} — ${T(req.locale, survey.title)}`,
      breadcrumbs: staffCrumbs(
        req.locale,
        survey,
        { href: `/beheer/enquetes/${survey.id}/vragen`, label: L(req.locale, 'Vragen', 'Questions') },
        { label: title },
      ),
      status: props.status,
    },
    <QuestionFormPage
      locale={req.locale}
      survey={survey}
      action={props.action}
      questionId={props.questionId}
      values={props.values}
      errors={props.errors}
      problem={props.problem ?? null}
    />,
  );
}

/** Form values with a prefix (`s12-titleNl`) taken off, for the per-section forms on one page. */
function unprefixed(body: unknown, prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [k.startsWith(prefix) ? k.slice(prefix.length) : k, v]),
  );
}

const sectionInput = (d: { titleNl: string; titleEn: string; introNl: string; introEn: string }) => ({
  title: { nl: d.titleNl, en: d.titleEn },
  intro: { nl: d.introNl, en: d.introEn },
});

function registerSectionRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post('/beheer/enquetes/:id/secties', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const parsed = parseInput(sectionForm, req.body);
    if (!parsed.ok) return builder(deps, req, reply, survey, { values: formValues(req.body), errors: parsed.errors, status: 400 });
    await addSection(serviceCtx(req, deps), survey.id, sectionInput(parsed.data));
    return reply.redirect(`/beheer/enquetes/${survey.id}/vragen?melding=opgeslagen`, 303);
  });

  app.post('/beheer/enquetes/:id/secties/:sectionId', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const sectionId = idParam(req, 'sectionId');
    const parsed = parseInput(sectionForm, unprefixed(req.body, `s${sectionId}-`));
    if (!parsed.ok) return builder(deps, req, reply, survey, { problem: T(req.locale, parsed.errors[0].message), status: 400 });
    await updateSection(serviceCtx(req, deps), survey.id, sectionId, sectionInput(parsed.data));
    return reply.redirect(`/beheer/enquetes/${survey.id}/vragen?melding=opgeslagen`, 303);
  });

  app.post('/beheer/enquetes/:id/secties/:sectionId/verwijderen', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    try {
      await deleteSection(serviceCtx(req, deps), survey.id, idParam(req, 'sectionId'));
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 409) throw e;
      return builder(deps, req, reply, survey, { problem: T(req.locale, e.detail), status: 409 });
    }
    return reply.redirect(`/beheer/enquetes/${survey.id}/vragen?melding=opgeslagen`, 303);
  });
}

function registerQuestionRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/enquetes/:id/secties/:sectionId/nieuwe-vraag', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const sectionId = idParam(req, 'sectionId');
    if (!survey.sections.some((s) => s.id === sectionId)) throw errors.notFound();
    const key = `v${questionsOf(survey).length + 1}`;
    return questionPage(req, reply, survey, {
      action: `/beheer/enquetes/${survey.id}/secties/${sectionId}/vragen`,
      questionId: null,
      values: { key, type: 'single' },
      errors: [],
    });
  });

  app.post('/beheer/enquetes/:id/secties/:sectionId/vragen', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const sectionId = idParam(req, 'sectionId');
    const action = `/beheer/enquetes/${survey.id}/secties/${sectionId}/vragen`;
    const parsed = parseQuestionForm(req.body);
    const again = (errs: FieldError[], status = 400) =>
      questionPage(req, reply, survey, {
        action,
        questionId: null,
        values: formValues(req.body),
        errors: errs,
        problem: T(req.locale, errs[0].message),
        status,
      });
    if (!parsed.ok) return again(parsed.errors);
    try {
      await addQuestion(serviceCtx(req, deps), survey.id, sectionId, parsed.draft);
    } catch (e) {
      const errs = fieldErrorsOf(e);
      if (!errs) throw e;
      return again(errs);
    }
    return reply.redirect(`/beheer/enquetes/${survey.id}/vragen?melding=opgeslagen`, 303);
  });
}

function registerQuestionEdits(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/enquetes/:id/vragen/:questionId', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const q = questionsOf(survey).find((x) => x.id === idParam(req, 'questionId'));
    if (!q) throw errors.notFound();
    return questionPage(req, reply, survey, {
      action: `/beheer/enquetes/${survey.id}/vragen/${q.id}`,
      questionId: q.id,
      values: questionValues(q),
      errors: [],
    });
  });

  app.post('/beheer/enquetes/:id/vragen/:questionId', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const questionId = idParam(req, 'questionId');
    const action = `/beheer/enquetes/${survey.id}/vragen/${questionId}`;
    const parsed = parseQuestionForm(req.body);
    const again = (errs: FieldError[]) =>
      questionPage(req, reply, survey, {
        action,
        questionId,
        values: formValues(req.body),
        errors: errs,
        problem: T(req.locale, errs[0].message),
        status: 400,
      });
    if (!parsed.ok) return again(parsed.errors);
    try {
      await updateQuestion(serviceCtx(req, deps), survey.id, questionId, parsed.draft);
    } catch (e) {
      const errs = fieldErrorsOf(e);
      if (!errs) throw e;
      return again(errs);
    }
    return reply.redirect(`/beheer/enquetes/${survey.id}/vragen?melding=opgeslagen`, 303);
  });

  app.post('/beheer/enquetes/:id/vragen/:questionId/verwijderen', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    try {
      await deleteQuestion(serviceCtx(req, deps), survey.id, idParam(req, 'questionId'));
    } catch (e) {
      if (!(e instanceof AppError) || (e.status !== 400 && e.status !== 409)) throw e;
      return builder(deps, req, reply, survey, { problem: T(req.locale, e.detail), status: 409 });
    }
    return reply.redirect(`/beheer/enquetes/${survey.id}/vragen?melding=opgeslagen`, 303);
  });

  app.post('/beheer/enquetes/:id/vragen/:questionId/verplaatsen', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const parsed = parseInput(moveForm, req.body);
    if (!parsed.ok) return builder(deps, req, reply, survey, { problem: T(req.locale, parsed.errors[0].message), status: 400 });
    try {
      await moveQuestion(serviceCtx(req, deps), survey.id, idParam(req, 'questionId'), parsed.data.direction);
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 409) throw e;
      return builder(deps, req, reply, survey, { problem: T(req.locale, e.detail), status: 409 });
    }
    return reply.redirect(`/beheer/enquetes/${survey.id}/vragen`, 303);
  });
}

function registerPreview(app: FastifyInstance, deps: AppDeps) {
  const loc = (id: number) => ({ base: `/beheer/enquetes/${id}/voorbeeld`, token: null });
  app.get('/beheer/enquetes/:id/voorbeeld/sectie/:part', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    if (survey.sections.length === 0) return reply.redirect(`/beheer/enquetes/${survey.id}/vragen`, 303);
    const index = partOf(req, survey);
    const crumbs = staffCrumbs(req.locale, survey, { label: L(req.locale, 'Voorbeeld', 'Preview') });
    return sendPage(
      req,
      reply,
      {
        title: `${L(req.locale, 'Voorbeeld', 'Preview')} — ${T(req.locale, survey.sections[index - 1].title)}`,
        breadcrumbs: crumbs,
        islands: ['survey-form'],
      },
      <SectionPage
        locale={req.locale}
        survey={survey}
        municipalityName={L(req.locale, '(voorbeeld)', '(preview)')}
        loc={loc(survey.id)}
        index={index}
        version={0}
        stored={{}}
        form={null}
        errors={[]}
        conflicts={[]}
        notice={null}
        updatedByOthers={[]}
        editable={false}
        preview
      />,
    );
  });
  app.get('/beheer/enquetes/:id/voorbeeld/controle', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    return sendPage(
      req,
      reply,
      {
        title: `${L(req.locale, 'Voorbeeld', 'Preview')} — ${T(req.locale, survey.title)}`,
        breadcrumbs: staffCrumbs(req.locale, survey, { label: L(req.locale, 'Voorbeeld', 'Preview') }),
      },
      <ReviewPage
        locale={req.locale}
        survey={survey}
        municipalityName={L(req.locale, '(voorbeeld)', '(preview)')}
        loc={loc(survey.id)}
        state={EMPTY_RESPONSE}
        editable={false}
        reportAvailable={false}
        errors={[]}
      />,
    );
  });
}

export async function registerBuilderRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/enquetes/:id/vragen', { config: STAFF }, async (req, reply) =>
    builder(deps, req, reply, await requireSurvey(deps.db, idParam(req))),
  );
  registerSectionRoutes(app, deps);
  registerQuestionRoutes(app, deps);
  registerQuestionEdits(app, deps);
  registerPreview(app, deps);
}
