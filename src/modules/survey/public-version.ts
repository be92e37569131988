// The survey module's data version for the public cache (src/http/public-cache.ts, ADR 0016): what
// /enquetes, the published results (page, CSV, XLSX) and the public API show. One read: the settings
// (the suppression threshold, and a version row that staff writes to surveys bump in their
// transaction, survey_settings.public_version), the surveys' status, results version and latest
// change, the invitations, and the responses started and submitted (the response-rate API; the
// results count submitted answers only, so a save inside a started response changes nothing the
// public sees and does not make other instances render again). The results are grouped by the atlas' provinces and
// size classes, so the public version joins the atlas' version. Trusted 2 s per instance; a write
// here calls bumpSurveyVersion or surveyChanged and is seen by the very next request.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { combinedVersion, publicCacheVersion } from '../../http/public-cache.ts';
import { atlasPublicCache } from '../atlas/index.ts';

const VERSION_KEY = 'public_version';

export const surveyOwnVersion = publicCacheVersion('survey', async (db) => {
  const [settings, surveys, responses, invitations] = await Promise.all([
    db.selectFrom('survey_settings').select(['key', 'value']).orderBy('key').execute(),
    db
      .selectFrom('survey_surveys')
      .select((eb) => [
        eb.fn.countAll<string>().as('n'),
        eb.fn.max('updated_at').as('u'),
        eb.fn.sum<string>('results_version').as('r'),
        sql<string>`sum(case when status = 'published' then id else 0 end)`.as('p'),
        sql<string>`sum(case when status = 'draft' then 0 else id end)`.as('o'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('survey_responses')
      .select((eb) => [eb.fn.countAll<string>().as('n'), sql<string>`sum(case when status = 'submitted' then 1 else 0 end)`.as('s')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('survey_invitations')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('id').as('i')])
      .executeTakeFirstOrThrow(),
  ]);
  return [
    settings.map((s) => `${s.key}=${s.value}`).join(','),
    `${surveys.n}:${surveys.u ?? ''}:${surveys.r ?? 0}:${surveys.p ?? 0}:${surveys.o ?? 0}`,
    `${responses.n}:${responses.s ?? 0}`,
    `${invitations.n}:${invitations.i ?? 0}`,
  ].join('|');
});

export const surveyPublicCache = combinedVersion('survey+atlas', [surveyOwnVersion, atlasPublicCache]);

/** A staff write to a survey (created, changed, status): bumps the version row in the write's transaction. */
export async function bumpSurveyVersion(db: Db, now: Date): Promise<void> {
  const value = `${now.toISOString()}#${Math.random().toString(36).slice(2, 8)}`;
  await db
    .insertInto('survey_settings')
    .values({ key: VERSION_KEY, value, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() }))
    .execute();
  surveyOwnVersion.changed(db);
}

/** A write the read sees by itself (a response saved or submitted, invitations, the threshold): tells this instance at once. */
export function surveyChanged(db: Db): void {
  surveyOwnVersion.changed(db);
}
