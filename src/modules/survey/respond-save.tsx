// Saving answers: a whole section from the form (save and continue, or stay), or one answer from the
// island (JSON). Invalid answers are named beside their fields while the valid ones are saved; a
// colleague's newer answer is never overwritten silently (409 with both answers); nothing typed is
// lost (the form is shown again with what was typed).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { serviceCtx } from '../../http/route-kit.ts';
import { answerHash, formatAnswer, parseFormAnswer, parseJsonAnswer } from './answers.logic.ts';
import { partOf, type Respondent } from './respondent.ts';
import { responseState, saveAnswers } from './responses.service.ts';
import type { AnswerChange, Conflict } from './save.logic.ts';
import { type Answers, questionsOf } from './types.ts';
import { T } from './views/common.tsx';
import type { FormLike } from './views/question-fields.tsx';
import { respondHref, SectionPage } from './views/respond-section.tsx';

interface SectionExtras {
  form?: FormLike | null;
  errors?: FieldError[];
  conflicts?: Conflict[];
  notice?: 'saved' | null;
  updatedIds?: number[];
  status?: number;
  stored?: Answers;
  version?: number;
}

export async function renderSection(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  r: Respondent,
  index: number,
  extras: SectionExtras = {},
) {
  const state = await responseState(deps.db, r.survey.id, r.invitation.municipality_code);
  const all = questionsOf(r.survey);
  const updated = new Set(extras.updatedIds ?? []);
  const title = `${T(req.locale, r.survey.sections[index - 1].title)} — ${r.invitation.municipality_name}`;
  return sendPage(
    req,
    reply,
    { title, status: extras.status ?? 200, islands: ['survey-form'] },
    <SectionPage
      locale={req.locale}
      survey={r.survey}
      municipalityName={r.invitation.municipality_name}
      loc={r.loc}
      index={index}
      version={extras.version ?? state.version}
      stored={extras.stored ?? state.answers}
      form={extras.form ?? null}
      errors={extras.errors ?? []}
      conflicts={extras.conflicts ?? []}
      notice={extras.notice ?? null}
      updatedByOthers={all.filter((q) => updated.has(q.id))}
      editable={r.editable && state.status !== 'submitted'}
    />,
  );
}

function baseVersionOf(body: Record<string, unknown>): number {
  const n = Number(body.version);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** POST …/sectie/:part — saves the questions this form showed (those with their hash field). */
export async function saveFromForm(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, r: Respondent) {
  const index = partOf(req, r.survey);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const section = r.survey.sections[index - 1];
  const errors: FieldError[] = [];
  const changes: AnswerChange[] = [];
  for (const q of section.questions) {
    const shownHash = body[`h${q.id}`];
    if (typeof shownHash !== 'string') continue; // not on this form: left alone
    const parsed = parseFormAnswer(q, body);
    if (parsed.ok) changes.push({ questionId: q.id, value: parsed.value, shownHash });
    else errors.push({ field: `q${q.id}`, message: parsed.message });
  }
  let outcome: Awaited<ReturnType<typeof saveAnswers>>;
  try {
    outcome = await saveAnswers(
      serviceCtx(req, deps),
      { survey: r.survey, invitation: r.invitation, baseVersion: baseVersionOf(body), changes, who: r.who },
      todayOf(deps),
    );
  } catch (e) {
    if (e instanceof AppError && e.status === 409)
      return renderSection(deps, req, reply, r, index, { form: body, errors: [{ field: '_', message: e.detail }], status: 409 });
    throw e;
  }
  if (errors.length > 0 || outcome.conflicts.length > 0) {
    return renderSection(deps, req, reply, r, index, {
      form: body,
      errors,
      conflicts: outcome.conflicts,
      updatedIds: outcome.updatedByOthers,
      status: errors.length > 0 ? 400 : 409,
      stored: outcome.answers,
      version: outcome.version,
    });
  }
  const updated: Record<string, string> = outcome.updatedByOthers.length > 0 ? { bijgewerkt: outcome.updatedByOthers.join(',') } : {};
  const next =
    body.ga === 'blijf' || outcome.updatedByOthers.length > 0
      ? `/sectie/${index}`
      : index < r.survey.sections.length
        ? `/sectie/${index + 1}`
        : '/controle';
  return reply.redirect(respondHref(r.loc, next, next === `/sectie/${index}` ? { opgeslagen: '1', ...updated } : {}), 303);
}

/** POST …/antwoord — one answer from the island: { version, questionId, value }; JSON back. */
export async function saveFromJson(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, r: Respondent) {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const q = questionsOf(r.survey).find((x) => x.id === Number(body.questionId));
  if (!q) return reply.code(400).send({ error: T(req.locale, { nl: 'Onbekende vraag.', en: 'Unknown question.' }) });
  const parsed = parseJsonAnswer(q, body.value === '' ? undefined : body.value);
  if (!parsed.ok) return reply.code(400).send({ error: T(req.locale, parsed.message), field: `q${q.id}` });
  try {
    const outcome = await saveAnswers(
      serviceCtx(req, deps),
      {
        survey: r.survey,
        invitation: r.invitation,
        baseVersion: baseVersionOf(body),
        changes: [{ questionId: q.id, value: parsed.value }],
        who: r.who,
      },
      todayOf(deps),
    );
    const conflict = outcome.conflicts[0];
    const stored = outcome.answers[String(q.id)];
    return reply.send({
      version: outcome.version,
      saved: outcome.changed.includes(q.id) || conflict === undefined,
      hash: answerHash(stored),
      conflict: conflict
        ? { by: conflict.by, at: conflict.at, theirs: conflict.theirs ?? null, theirsText: formatAnswer(q, conflict.theirs, req.locale) }
        : null,
    });
  } catch (e) {
    if (e instanceof AppError && e.status === 409) return reply.code(409).send({ error: T(req.locale, e.detail) });
    throw e;
  }
}
