// The academy's data version for the public cache (src/http/public-cache.ts, ADR 0016): what the
// catalogue, the course pages and the courses API show. One read of aggregates (the academy has no
// settings table for a version row): the courses' count and latest updated_at (each save sets it),
// the lessons, and the quiz questions' highest id (a save writes them anew). The course pages also
// list classroom sessions from the events module, so the public version joins the events' version.
// Trusted 2 s per instance; a write here calls academyChanged in its transaction.
import type { Db } from '../../db/database.ts';
import { combinedVersion, publicCacheVersion } from '../../http/public-cache.ts';
import { eventsPublicCache } from '../events/index.ts';

export const academyOwnVersion = publicCacheVersion('academy', async (db) => {
  const [courses, lessons, questions] = await Promise.all([
    db
      .selectFrom('academy_courses')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('updated_at').as('u'), eb.fn.sum<string>('id').as('i')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('academy_lessons')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('id').as('i')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('academy_questions')
      .select((eb) => eb.fn.max('id').as('i'))
      .executeTakeFirstOrThrow(),
  ]);
  return `${courses.n}:${courses.i ?? 0}:${courses.u ?? ''}|${lessons.n}:${lessons.i ?? 0}|${questions.i ?? 0}`;
});

export const academyPublicCache = combinedVersion('academy+events', [academyOwnVersion, eventsPublicCache]);

/** A write in this instance changes what the public sees: call inside its transaction. */
export function academyChanged(db: Db): void {
  academyOwnVersion.changed(db);
}
