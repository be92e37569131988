// Courses: the catalogue, and staff creating and changing courses with their lessons and quiz.
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { parseLessons, parseQuiz, slugOf } from './academy.logic.ts';
import { academyChanged } from './public-version.ts';
import {
  type CourseRow,
  insertCourse,
  selectCourse,
  selectCourseBySlug,
  selectCourses,
  selectLessons,
  selectQuestions,
} from './queries.ts';
import type { CourseInput } from './schema.ts';

export const COURSE_NOT_FOUND = { nl: 'Deze cursus bestaat niet.', en: 'This course does not exist.' };

function contentOf(input: CourseInput) {
  const fields: FieldError[] = [];
  const lessons = parseLessons(input.lessons);
  const quiz = parseQuiz(input.quiz);
  if (!lessons.ok) fields.push({ field: 'lessons', message: lessons.message });
  if (!quiz.ok) fields.push({ field: 'quiz', message: quiz.message });
  if (input.kind === 'elearning' && lessons.ok && lessons.value.length === 0)
    fields.push({
      field: 'lessons',
      message: { nl: 'Een e-learning heeft minstens één les.', en: 'An e-learning needs at least one lesson.' },
    });
  if (input.kind === 'external' && !input.externalUrl)
    fields.push({
      field: 'externalUrl',
      message: { nl: 'Vul de link naar de cursus bij de andere aanbieder in.', en: 'Enter the link to the course at the other provider.' },
    });
  if (fields.length > 0) throw errors.validation(fields);
  return { lessons: lessons.ok ? lessons.value : [], questions: quiz.ok ? quiz.value : [] };
}

async function writeContent(db: Db, courseId: number, content: ReturnType<typeof contentOf>) {
  await db.deleteFrom('academy_questions').where('course_id', '=', courseId).execute();
  const existing = await selectLessons(db, courseId);
  // Lessons keep their id by position, so saved progress stays with the lesson.
  for (const [i, l] of content.lessons.entries()) {
    const values = { title: l.title, body: l.body, image_url: l.imageUrl, image_alt: l.imageAlt, video_url: l.videoUrl };
    const old = existing.find((x) => x.position === i + 1);
    if (old) await db.updateTable('academy_lessons').set(values).where('id', '=', old.id).execute();
    else
      await db
        .insertInto('academy_lessons')
        .values({ ...values, course_id: courseId, position: i + 1 })
        .execute();
  }
  for (const old of existing.filter((x) => x.position > content.lessons.length)) {
    await db.deleteFrom('academy_progress').where('lesson_id', '=', old.id).execute();
    await db.deleteFrom('academy_lessons').where('id', '=', old.id).execute();
  }
  for (const [i, q] of content.questions.entries()) {
    await db
      .insertInto('academy_questions')
      .values({ course_id: courseId, position: i + 1, text: q.text, options_json: JSON.stringify(q.options), correct: q.correct })
      .execute();
  }
}

function columnsOf(input: CourseInput) {
  return {
    title: input.title,
    summary: input.summary,
    kind: input.kind,
    roles: input.roles.join(' '),
    external_url: input.externalUrl ?? null,
    provider: input.provider ?? null,
    event_ids: input.eventIds.join(' '),
    pass_mark: input.passMark,
    duration_minutes: input.durationMinutes,
    status: input.status,
  };
}

export async function createCourse(ctx: ServiceCtx, input: CourseInput): Promise<number> {
  const content = contentOf(input);
  return inTransaction(ctx.db, async (trx) => {
    const base = slugOf(input.title) || 'cursus';
    let slug = base;
    for (let i = 2; await selectCourseBySlug(trx, slug); i++) slug = `${base}-${i}`;
    const at = ctx.now.toISOString();
    const id = await insertCourse(trx, { ...columnsOf(input), slug, created_at: at, updated_at: at });
    await writeContent(trx, id, content);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'create',
      entity: 'course',
      entityId: id,
      after: { ...columnsOf(input), slug },
    });
    academyChanged(trx);
    return id;
  });
}

export async function changeCourse(ctx: ServiceCtx, id: number, input: CourseInput): Promise<void> {
  const content = contentOf(input);
  await inTransaction(ctx.db, async (trx) => {
    const before = await selectCourse(trx, id);
    if (!before) throw errors.notFound(COURSE_NOT_FOUND);
    await trx
      .updateTable('academy_courses')
      .set({ ...columnsOf(input), updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    await writeContent(trx, id, content);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'course',
      entityId: id,
      before,
      after: columnsOf(input),
    });
    academyChanged(trx);
  });
}

export const listCourses = (db: Db, publishedOnly = true) => selectCourses(db, publishedOnly);
export const getCourse = async (db: Db, id: number) => (await selectCourse(db, id)) ?? null;
export const getCourseBySlug = async (db: Db, slug: string) => (await selectCourseBySlug(db, slug)) ?? null;

export async function courseContent(db: Db, course: CourseRow) {
  const [lessons, questions] = await Promise.all([selectLessons(db, course.id), selectQuestions(db, course.id)]);
  return { lessons, questions: questions.map((q) => ({ ...q, options: JSON.parse(q.options_json) as string[] })) };
}
