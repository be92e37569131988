// Learners: self sign-up with email confirmation (the account is made through the auth module),
// enrolment, progress per lesson, the closing quiz and the certificate.
import { createHash, randomBytes } from 'node:crypto';
import { type Db, inTransaction } from '../../db/database.ts';
import type { AppDeps, ServiceCtx } from '../../deps.ts';
import { AppError, errors } from '../../http/errors.ts';
import { getMunicipality } from '../atlas/index.ts';
import { recordAudit } from '../audit/index.ts';
import { createLearnerAccount, findUserByEmail } from '../auth/index.ts';
import { queueEmail } from '../outbox/index.ts';
import { newCertificateCode, scoreQuiz } from './academy.logic.ts';
import { COURSE_NOT_FOUND, courseContent } from './courses.service.ts';
import {
  countAttempts,
  type EnrolmentRow,
  insertEnrolment,
  markLessonDone,
  selectCertificate,
  selectCourse,
  selectEnrolment,
  selectEnrolmentOf,
  selectLearner,
} from './queries.ts';

export const SIGNUPS_PER_EMAIL_PER_HOUR = 3;
const LINK_HOURS = 48;

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

export async function signUp(deps: AppDeps, ctx: ServiceCtx, input: { name: string; email: string; municipality: string }): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(ctx.now.getTime() - 3600_000).toISOString();
  if ((await countAttempts(ctx.db, hash(email), since)) >= SIGNUPS_PER_EMAIL_PER_HOUR) {
    const message = {
      nl: 'Met dit e-mailadres is het afgelopen uur te vaak een account aangevraagd. Probeer het over een uur opnieuw.',
      en: 'Too many sign-ups with this address in the past hour. Try again in an hour.',
    };
    throw new AppError(429, 'too_many_requests', message, [{ field: 'email', message }]);
  }
  if (!(await getMunicipality(ctx.db, input.municipality, ctx.now.toISOString().slice(0, 10))))
    throw errors.validation([
      { field: 'municipality', message: { nl: 'Kies een gemeente uit de lijst.', en: 'Choose a municipality from the list.' } },
    ]);
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .insertInto('academy_attempts')
      .values({ email_hash: hash(email), at: ctx.now.toISOString() })
      .execute();
    // An existing account gets a notice instead of a second account (and nobody learns whether it exists).
    if (await findUserByEmail(trx, email)) {
      await queueEmail(trx, {
        to: email,
        subject: 'Mensenhandel Academy: u heeft al een account',
        text: `Er is een account aangevraagd met dit e-mailadres, maar dat account bestaat al.\nLog in via ${deps.config.publicBaseUrl}/inloggen of vraag een nieuw wachtwoord aan.\n\nAn account with this address already exists.`,
        at: ctx.now,
      });
      return;
    }
    const token = await createPendingSignup(trx, { email, name: input.name, municipality: input.municipality }, ctx.now);
    await queueEmail(trx, {
      to: email,
      subject: 'Bevestig uw aanmelding bij de Mensenhandel Academy',
      text: `Beste ${input.name},\n\nBevestig uw e-mailadres en kies een wachtwoord via deze link (48 uur geldig):\n${deps.config.publicBaseUrl}/academy/bevestigen/${token}\n\nHeeft u zich niet aangemeld? Dan kunt u dit bericht negeren.\n\n---\nConfirm your address and choose a password with the link above.`,
      at: ctx.now,
    });
  });
}

/** Stores a sign-up waiting for its email confirmation; returns the token of the confirmation link. */
export async function createPendingSignup(db: Db, s: { email: string; name: string; municipality: string }, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('academy_signups')
    .values({
      token_hash: hash(token),
      email: s.email,
      name: s.name,
      municipality_code: s.municipality,
      expires_at: new Date(now.getTime() + LINK_HOURS * 3600_000).toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  return token;
}

export async function pendingSignup(db: Db, token: string, now: Date) {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const row = await db.selectFrom('academy_signups').selectAll().where('token_hash', '=', hash(token)).executeTakeFirst();
  if (!row || row.used_at || Date.parse(row.expires_at) <= now.getTime()) return null;
  return row;
}

/** Confirms the email: makes the learner account (auth) with its municipality, in one transaction. */
export async function confirmSignup(deps: AppDeps, ctx: ServiceCtx, token: string, password: string): Promise<number> {
  return inTransaction(ctx.db, async (trx) => {
    const s = await pendingSignup(trx, token, ctx.now);
    if (!s)
      throw errors.badRequest({
        nl: 'Deze link is verlopen of al gebruikt. Meld u opnieuw aan.',
        en: 'This link has expired or was used. Sign up again.',
      });
    const used = await trx
      .updateTable('academy_signups')
      .set({ used_at: ctx.now.toISOString() })
      .where('id', '=', s.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw errors.conflict({ nl: 'Deze link is al gebruikt.', en: 'This link was already used.' });
    const user = await createLearnerAccount(
      { ...deps, db: trx },
      { userId: null, label: 'academy sign-up', requestId: ctx.actor.requestId },
      { email: s.email, name: s.name, password },
    );
    await trx
      .insertInto('academy_learners')
      .values({ user_id: user.id, municipality_code: s.municipality_code, created_at: ctx.now.toISOString() })
      .execute();
    return user.id;
  });
}

/** The learner's municipality: the academy's own record, else the account's. */
export async function learnerMunicipality(db: Db, userId: number, fallback: string | null): Promise<string | null> {
  return (await selectLearner(db, userId))?.municipality_code ?? fallback;
}

export async function enrol(ctx: ServiceCtx, userId: number, municipality: string | null, courseId: number): Promise<number> {
  return inTransaction(ctx.db, async (trx) => {
    const course = await selectCourse(trx, courseId);
    if (course?.status !== 'published') throw errors.notFound(COURSE_NOT_FOUND);
    if (course.kind !== 'elearning')
      throw errors.badRequest({
        nl: 'Voor deze cursus schrijft u zich in bij de bijeenkomst of de aanbieder.',
        en: 'Enrol for this course at the event or the provider.',
      });
    const existing = await selectEnrolmentOf(trx, userId, courseId);
    if (existing) return existing.id;
    const id = await insertEnrolment(trx, {
      course_id: courseId,
      user_id: userId,
      municipality_code: municipality,
      source: 'platform',
      enrolled_at: ctx.now.toISOString().slice(0, 10),
      completed_at: null,
      score: null,
      certificate_code: null,
      certificate_name: null,
    });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'enrol',
      entity: 'course_enrolment',
      entityId: id,
      after: { courseId },
      subjectUserIds: [userId],
    });
    return id;
  });
}

/** The learner's own enrolment, or 404 (another learner's never shows). */
export async function ownEnrolment(db: Db, userId: number, enrolmentId: number): Promise<EnrolmentRow> {
  const e = await selectEnrolment(db, enrolmentId);
  if (!e || e.user_id !== userId) throw errors.notFound({ nl: 'Deze inschrijving bestaat niet.', en: 'This enrolment does not exist.' });
  return e;
}

export async function completeLesson(ctx: ServiceCtx, userId: number, enrolmentId: number, position: number): Promise<void> {
  const e = await ownEnrolment(ctx.db, userId, enrolmentId);
  const lesson = await ctx.db
    .selectFrom('academy_lessons')
    .select('id')
    .where('course_id', '=', e.course_id)
    .where('position', '=', position)
    .executeTakeFirst();
  if (!lesson) throw errors.notFound({ nl: 'Deze les bestaat niet.', en: 'This lesson does not exist.' });
  await markLessonDone(ctx.db, e.id, lesson.id, ctx.now.toISOString());
}

export interface QuizOutcome {
  score: number;
  passed: boolean;
  right: number;
  total: number;
  certificateCode: string | null;
}

/** Scores the closing quiz; passing completes the course and issues the certificate (once). */
export async function submitQuiz(
  ctx: ServiceCtx,
  user: { id: number; name: string | null },
  enrolmentId: number,
  answers: (number | null)[],
): Promise<QuizOutcome> {
  return inTransaction(ctx.db, async (trx) => {
    const e = await ownEnrolment(trx, user.id, enrolmentId);
    const course = (await selectCourse(trx, e.course_id))!;
    const { questions } = await courseContent(trx, course);
    const result = scoreQuiz(questions, answers, course.pass_mark);
    let code = e.certificate_code;
    if (result.passed && !e.completed_at) {
      code = newCertificateCode();
      await trx
        .updateTable('academy_enrolments')
        .set({
          completed_at: ctx.now.toISOString().slice(0, 10),
          score: result.score,
          certificate_code: code,
          certificate_name: user.name ?? '',
        })
        .where('id', '=', e.id)
        .execute();
      await recordAudit(trx, {
        at: ctx.now,
        actor: ctx.actor,
        action: 'complete',
        entity: 'course_enrolment',
        entityId: e.id,
        after: { score: result.score },
        subjectUserIds: [user.id],
      });
    }
    return { ...result, total: questions.length, certificateCode: result.passed ? code : null };
  });
}

/** What the public verification page may show: only name, course and date. */
export async function verifyCertificate(db: Db, code: string): Promise<{ name: string; course: string; date: string } | null> {
  const row = await selectCertificate(db, code);
  if (!row?.certificate_name || !row.completed_at) return null;
  return { name: row.certificate_name, course: row.title, date: row.completed_at };
}
