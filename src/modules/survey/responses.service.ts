// Responses: one per municipality, shared by its colleagues. Saving merges per answer with the
// stored version (save.logic.ts) and writes with a compare-and-set on the version, retrying when a
// colleague's save got in between; an acknowledged save is a committed transaction (SQLite
// synchronous=FULL, PostgreSQL durable commits). Submitting locks the response and is idempotent;
// staff can reopen it.
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import type { Localized } from '../../i18n.ts';
import { recordAudit } from '../audit/index.ts';
import { queueEmail } from '../outbox/index.ts';
import { missingRequired, submittedAnswers } from './answers.logic.ts';
import { confirmationMail } from './emails.ts';
import type { InvitationRow } from './invitations.queries.ts';
import { selectRecipients } from './invitations.queries.ts';
import { resolveRecipients } from './invitations.service.ts';
import { surveyChanged } from './public-version.ts';
import * as q from './responses.queries.ts';
import { type AnswerChange, type Conflict, mergeSave } from './save.logic.ts';
import { bumpResultsVersion } from './surveys.queries.ts';
import type { AnswerMeta, Answers, QuestionDef, ResponseStatus, SurveyDef, SurveySummary } from './types.ts';

export interface ResponseState {
  id: number | null;
  status: ResponseStatus | 'not_started';
  version: number;
  answers: Answers;
  meta: AnswerMeta;
  submittedAt: string | null;
  submittedBy: string | null;
  source: 'online' | 'import' | null;
}

export const EMPTY_RESPONSE: ResponseState = {
  id: null,
  status: 'not_started',
  version: 0,
  answers: {},
  meta: {},
  submittedAt: null,
  submittedBy: null,
  source: null,
};

function stateOf(r: q.ResponseRow): ResponseState {
  return {
    id: Number(r.id),
    status: r.status,
    version: Number(r.version),
    answers: JSON.parse(r.answers_json) as Answers,
    meta: JSON.parse(r.answer_meta_json) as AnswerMeta,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    source: r.source,
  };
}

export async function responseState(db: Db, surveyId: number, code: string): Promise<ResponseState> {
  const row = await q.selectResponse(db, surveyId, code);
  return row ? stateOf(row) : EMPTY_RESPONSE;
}

/** Whether answers are accepted now: the survey is open and its closing day has not passed. */
export function acceptsAnswers(s: Pick<SurveySummary, 'status' | 'closesOn'>, today: string): boolean {
  return s.status === 'open' && today <= s.closesOn;
}

export const CLOSED: Localized = {
  nl: 'Deze vragenlijst is gesloten: er kunnen geen antwoorden meer worden opgeslagen.',
  en: 'This questionnaire is closed: answers can no longer be saved.',
};

export const LOCKED: Localized = {
  nl: 'De antwoorden zijn ingediend en liggen vast. Wilt u nog iets wijzigen? Neem contact op met het programma: wij kunnen de vragenlijst heropenen.',
  en: 'The answers have been submitted and are locked. Contact the programme to have the questionnaire reopened.',
};

async function rowFor(ctx: ServiceCtx, surveyId: number, invitation: InvitationRow): Promise<q.ResponseRow> {
  const existing = await q.selectResponse(ctx.db, surveyId, invitation.municipality_code);
  if (existing) return existing;
  const at = ctx.now.toISOString();
  try {
    await q.insertResponse(ctx.db, {
      survey_id: surveyId,
      invitation_id: Number(invitation.id),
      municipality_code: invitation.municipality_code,
      province_code: invitation.province_code,
      size_class: invitation.size_class,
      status: 'in_progress',
      source: 'online',
      version: 0,
      answers_json: '{}',
      answer_meta_json: '{}',
      started_at: at,
      updated_at: at,
      submitted_at: null,
      submitted_by: null,
    });
  } catch (e) {
    // A colleague's first save made it at the same moment (unique survey + municipality): use theirs.
    if (!(await q.selectResponse(ctx.db, surveyId, invitation.municipality_code))) throw e;
  }
  return (await q.selectResponse(ctx.db, surveyId, invitation.municipality_code))!;
}

export interface SaveOutcome {
  version: number;
  changed: number[];
  conflicts: Conflict[];
  updatedByOthers: number[];
  answers: Answers;
  meta: AnswerMeta;
}

/** Saves answers from a form or the island, made from `baseVersion`, as `who`. */
export async function saveAnswers(
  ctx: ServiceCtx,
  input: { survey: SurveySummary; invitation: InvitationRow; baseVersion: number; changes: readonly AnswerChange[]; who: string },
  today: string,
): Promise<SaveOutcome> {
  if (!acceptsAnswers(input.survey, today)) throw errors.conflict(CLOSED);
  for (let attempt = 0; attempt < 8; attempt++) {
    const row = await rowFor(ctx, input.survey.id, input.invitation);
    if (row.status === 'submitted') throw errors.conflict(LOCKED);
    const stored = stateOf(row);
    const at = ctx.now.toISOString();
    const merged = mergeSave(stored, input.baseVersion, input.changes, input.who, at);
    const outcome = { ...merged, answers: merged.answers, meta: merged.meta };
    if (merged.changed.length === 0) return outcome;
    const written = await inTransaction(ctx.db, async (trx) => {
      const next = { version: merged.version, answersJson: JSON.stringify(merged.answers), metaJson: JSON.stringify(merged.meta), at };
      if (!(await q.casUpdateAnswers(trx, Number(row.id), stored.version, next))) return false;
      await recordAudit(trx, {
        at: ctx.now,
        actor: ctx.actor,
        action: 'survey.answers.save',
        entity: 'survey_response',
        entityId: Number(row.id),
        after: { municipality: input.invitation.municipality_code, version: merged.version, questions: merged.changed },
      });
      // The response rate counts started responses.
      surveyChanged(trx);
      return true;
    });
    if (written) return outcome;
  }
  throw errors.conflict({
    nl: 'Er wordt tegelijk veel opgeslagen. Probeer het over een paar seconden opnieuw.',
    en: 'Many saves at once. Try again in a few seconds.',
  });
}

export type SubmitOutcome = { status: 'submitted' | 'already'; submittedAt: string };

/**
 * Submits the response: every shown required question must be answered; answers of questions a
 * condition hides are dropped. A second submit (double click, second tab) changes nothing and
 * sends no second email.
 */
export async function submitResponse(
  ctx: ServiceCtx,
  input: { survey: SurveyDef; invitation: InvitationRow; who: string; confirmTo: readonly string[] },
  today: string,
): Promise<SubmitOutcome> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const found = await q.selectResponse(ctx.db, input.survey.id, input.invitation.municipality_code);
    if (found?.status === 'submitted') return { status: 'already', submittedAt: found.submitted_at! };
    if (!acceptsAnswers(input.survey, today)) throw errors.conflict(CLOSED);
    const answers = found ? (JSON.parse(found.answers_json) as Answers) : {};
    const missing = missingRequired(input.survey, answers);
    if (missing.length > 0) throw missingError(missing);
    const row = found ?? (await rowFor(ctx, input.survey.id, input.invitation));
    const kept = submittedAnswers(input.survey, answers);
    const at = ctx.now.toISOString();
    const done = await inTransaction(ctx.db, async (trx) => {
      if (!(await q.markSubmitted(trx, Number(row.id), Number(row.version), at, input.who, JSON.stringify(kept)))) return false;
      await bumpResultsVersion(trx, input.survey.id);
      const mail = confirmationMail(input.survey, input.invitation.municipality_name, kept, at);
      for (const to of input.confirmTo) await queueEmail(trx, { to, at: ctx.now, ...mail });
      await recordAudit(trx, {
        at: ctx.now,
        actor: ctx.actor,
        action: 'survey.response.submit',
        entity: 'survey_response',
        entityId: Number(row.id),
        after: { municipality: input.invitation.municipality_code, answers: Object.keys(kept).length },
      });
      return true;
    });
    if (done) return { status: 'submitted', submittedAt: at };
  }
  throw errors.conflict({
    nl: 'Indienen lukte niet doordat er tegelijk werd opgeslagen. Probeer het opnieuw.',
    en: 'Submitting failed because of a simultaneous save. Try again.',
  });
}

export function missingError(missing: readonly QuestionDef[]) {
  const message: Localized = {
    nl: `Beantwoord eerst de verplichte vragen (${missing.length}). Ze staan hieronder gemarkeerd.`,
    en: `Answer the required questions first (${missing.length}). They are marked below.`,
  };
  return errors.badRequest(
    message,
    missing.map((x) => ({
      field: `q${x.id}`,
      message: { nl: `Vraag ‘${x.text.nl}’ is verplicht.`, en: `Question ‘${x.text.en}’ is required.` },
    })),
  );
}

/** Who gets the confirmation: the invitation's recipients and the signed-in person. */
export async function confirmationRecipients(
  db: Db,
  invitation: InvitationRow,
  today: string,
  signedInEmail: string | null,
): Promise<string[]> {
  const recipients = await resolveRecipients(db, invitation, await selectRecipients(db, Number(invitation.survey_id)), today);
  const all = [...recipients.map((r) => r.email), ...(signedInEmail ? [signedInEmail] : [])];
  return [...new Map(all.map((e) => [e.toLowerCase(), e])).values()];
}

/** Staff reopen a submitted response (it counts again only when submitted again). */
export async function reopenResponse(ctx: ServiceCtx, surveyId: number, code: string): Promise<void> {
  const row = await q.selectResponse(ctx.db, surveyId, code);
  if (row?.status !== 'submitted') {
    throw errors.conflict({
      nl: 'Deze gemeente heeft (nog) niet ingediend; er valt niets te heropenen.',
      en: 'This municipality has not submitted; nothing to reopen.',
    });
  }
  await inTransaction(ctx.db, async (trx) => {
    await q.markReopened(trx, Number(row.id), ctx.now.toISOString());
    await bumpResultsVersion(trx, surveyId);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.response.reopen',
      entity: 'survey_response',
      entityId: Number(row.id),
      before: { status: 'submitted', submittedAt: row.submitted_at },
      after: { status: 'in_progress' },
    });
  });
}
