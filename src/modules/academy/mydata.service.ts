// A learner's own data: a download of everything the academy keeps about them, and deleting it.
// After deletion the enrolments stay as anonymous counts (no user, no name, no certificate).
import type { Db } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { recordAudit } from '../audit/index.ts';
import { eraseLearnerAccount } from '../auth/index.ts';
import { selectCourse, selectEnrolmentsOfUser, selectLearner, selectProgress } from './queries.ts';

export async function myData(db: Db, user: { id: number; email: string; name: string | null }) {
  const learner = await selectLearner(db, user.id);
  const enrolments = await Promise.all(
    (await selectEnrolmentsOfUser(db, user.id)).map(async (e) => ({
      course: (await selectCourse(db, e.course_id))?.title ?? null,
      enrolledAt: e.enrolled_at,
      completedAt: e.completed_at,
      score: e.score,
      certificateCode: e.certificate_code,
      nameOnCertificate: e.certificate_name,
      lessonsDone: (await selectProgress(db, e.id)).map((p) => ({ lessonId: Number(p.lesson_id), doneAt: p.done_at })),
    })),
  );
  return {
    account: {
      name: user.name,
      email: user.email,
      municipalityCode: learner?.municipality_code ?? null,
      since: learner?.created_at ?? null,
    },
    enrolments,
  };
}

export async function deleteMyData(deps: AppDeps, user: { id: number; email: string }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    for (const e of await selectEnrolmentsOfUser(trx, user.id)) {
      await trx.deleteFrom('academy_progress').where('enrolment_id', '=', e.id).execute();
    }
    await trx
      .updateTable('academy_enrolments')
      .set({ user_id: null, certificate_name: null, certificate_code: null })
      .where('user_id', '=', user.id)
      .execute();
    await trx.deleteFrom('academy_learners').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('academy_signups').where('email', '=', user.email).execute();
    await recordAudit(trx, {
      at: deps.now(),
      actor: { userId: null, label: 'learner (own request)' },
      action: 'erase',
      entity: 'learner',
      entityId: null,
    });
  });
  await eraseLearnerAccount(deps, user.id);
}
