// A registrant's personal link (no account): view the registration, cancel it, confirm a freed
// place, and fill in the evaluation. The link is the key (permission `token`, checked here).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps, ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { submitEvaluation } from './attendance.service.ts';
import { linksOf } from './links.ts';
import { presentEvent, presentRegistration } from './presenters.ts';
import { selectEvent } from './queries.ts';
import { countWaitingBefore, hasEvaluation, type RegistrationRow, selectRegistration } from './registrations.queries.ts';
import { cancelRegistration } from './registrations.service.ts';
import { evaluationForm } from './schema.ts';
import { em } from './views/messages.ts';
import { ErasedPage, EvaluationPage, MyRegistrationPage } from './views/registration.tsx';
import { confirmOffer } from './waiting-list.ts';

const UNKNOWN_LINK = {
  nl: 'Deze link is onbekend. Gebruik de link uit uw e-mail.',
  en: 'This link is unknown. Use the link from your email.',
};

function keyOf(req: FastifyRequest): string {
  return String((req.params as { key?: string }).key ?? '');
}

export async function registrationOf(deps: AppDeps, req: FastifyRequest): Promise<RegistrationRow> {
  const id = linksOf(deps).idOf(keyOf(req));
  const r = id === null ? undefined : await selectRegistration(deps.db, id);
  if (!r) throw errors.notFound(UNKNOWN_LINK);
  return r;
}

function linkCtx(deps: AppDeps, req: FastifyRequest): ServiceCtx {
  return { db: deps.db, actor: { userId: null, label: 'personal link', requestId: req.id }, now: deps.now() };
}

async function showRegistration(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, r: RegistrationRow, notice?: string) {
  const t = em(req.locale);
  if (r.email === null) return sendPage(req, reply, { title: t.myRegistration }, <ErasedPage />);
  const e = (await selectEvent(deps.db, r.event_id))!;
  const position = r.status === 'waiting' ? (await countWaitingBefore(deps.db, e.id, r.id)) + 1 : null;
  return sendPage(
    req,
    reply,
    { title: t.myRegistration },
    <MyRegistrationPage
      e={presentEvent(e, req.locale, deps.now())}
      r={presentRegistration(r)}
      linkKey={keyOf(req)}
      onlineUrl={r.status === 'registered' ? e.online_url : null}
      waitingPosition={position}
      notice={notice}
    />,
  );
}

export async function registerRegistrationRoutes(app: FastifyInstance, deps: AppDeps) {
  const token = { permission: 'token' as const };

  app.get('/bijeenkomsten/aanmelding/:key', { config: token }, async (req, reply) => {
    const r = await registrationOf(deps, req);
    const q = req.query as Record<string, string | undefined>;
    const t = em(req.locale);
    const notice = q.klaar === 'geannuleerd' ? t.cancelled : q.klaar === 'bevestigd' ? t.confirmed : undefined;
    return showRegistration(deps, req, reply, r, notice);
  });

  app.post('/bijeenkomsten/aanmelding/:key/annuleren', { config: token }, async (req, reply) => {
    const r = await registrationOf(deps, req);
    await cancelRegistration(linkCtx(deps, req), linksOf(deps), r.id);
    return reply.redirect(`/bijeenkomsten/aanmelding/${keyOf(req)}?klaar=geannuleerd`, 303);
  });

  app.post('/bijeenkomsten/aanmelding/:key/bevestigen', { config: token }, async (req, reply) => {
    const r = await registrationOf(deps, req);
    await confirmOffer(linkCtx(deps, req), linksOf(deps), r.id);
    return reply.redirect(`/bijeenkomsten/aanmelding/${keyOf(req)}?klaar=bevestigd`, 303);
  });

  const evaluationPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errs = [] as never[],
    status = 200,
  ) => {
    const r = await registrationOf(deps, req);
    if (!r.attended || r.email === null) throw errors.notFound(UNKNOWN_LINK);
    const e = (await selectEvent(deps.db, r.event_id))!;
    const done = await hasEvaluation(deps.db, r.id);
    return sendPage(
      req,
      reply,
      { title: em(req.locale).evaluationTitle, status },
      <EvaluationPage e={presentEvent(e, req.locale, deps.now())} linkKey={keyOf(req)} values={values} errors={errs} done={done} />,
    );
  };

  app.get('/bijeenkomsten/evaluatie/:key', { config: token }, async (req, reply) => evaluationPage(req, reply, {}));

  app.post('/bijeenkomsten/evaluatie/:key', { config: token }, async (req, reply) => {
    const r = await registrationOf(deps, req);
    const parsed = parseInput(evaluationForm, req.body);
    if (!parsed.ok) return evaluationPage(req, reply, formValues(req.body), parsed.errors as never[], 400);
    await submitEvaluation(linkCtx(deps, req), r.id, parsed.data);
    return reply.redirect(`/bijeenkomsten/evaluatie/${keyOf(req)}`, 303);
  });
}
