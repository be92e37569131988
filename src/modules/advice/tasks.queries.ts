// SQL of follow-up tasks (Kysely; the same on SQLite and PostgreSQL).
import type { DbOrTx } from '../../db/database.ts';
import type { AdviceTasksTable } from './tables.ts';

export async function insertTask(db: DbOrTx, row: Omit<AdviceTasksTable, 'id'>): Promise<number> {
  const { id } = await db.insertInto('advice_tasks').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function selectTask(db: DbOrTx, id: number) {
  return db.selectFrom('advice_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setTaskDone(db: DbOrTx, id: number, doneAt: string | null, doneBy: number | null) {
  await db.updateTable('advice_tasks').set({ done_at: doneAt, done_by: doneBy }).where('id', '=', id).execute();
}

export async function updateTaskTitle(db: DbOrTx, id: number, title: string) {
  await db.updateTable('advice_tasks').set({ title }).where('id', '=', id).execute();
}

export interface TaskFilter {
  ownerId?: number;
  open?: boolean;
  interactionId?: number;
  /** Only tasks of interactions that came in through the support form. */
  supportRequests?: boolean;
  /** Only tasks of interactions naming one of these municipalities, or these regions. */
  codes?: string[];
  regions?: string[];
}

/** Tasks with their interaction's date, subject and origin; open ones by due date first. */
export async function selectTasks(db: DbOrTx, f: TaskFilter, limit = 500) {
  let q = db
    .selectFrom('advice_tasks as t')
    .innerJoin('advice_interactions as i', 'i.id', 't.interaction_id')
    .select([
      't.id',
      't.interaction_id',
      't.title',
      't.owner_user_id',
      't.due_date',
      't.done_at',
      't.done_by',
      't.created_at',
      'i.date as interaction_date',
      'i.subject as interaction_subject',
      'i.origin as interaction_origin',
      'i.created_at as interaction_created_at',
    ]);
  if (f.ownerId !== undefined) q = q.where('t.owner_user_id', '=', f.ownerId);
  if (f.open === true) q = q.where('t.done_at', 'is', null);
  if (f.open === false) q = q.where('t.done_at', 'is not', null);
  if (f.interactionId !== undefined) q = q.where('t.interaction_id', '=', f.interactionId);
  if (f.supportRequests) q = q.where('i.origin', '=', 'support-request');
  if (f.codes || f.regions) {
    const codes = f.codes ?? [];
    const regions = f.regions ?? [];
    q = q.where((eb) =>
      eb.or([
        eb(
          'i.id',
          'in',
          eb
            .selectFrom('advice_interaction_municipalities')
            .select('interaction_id')
            .where('municipality_code', 'in', codes.length > 0 ? codes : ['']),
        ),
        eb('i.region_code', 'in', regions.length > 0 ? regions : ['']),
      ]),
    );
  }
  return q.orderBy('t.due_date').orderBy('t.id').limit(limit).execute();
}

export type TaskRow = Awaited<ReturnType<typeof selectTasks>>[number];

export async function selectTasksMentioning(db: DbOrTx, values: string[]) {
  const wanted = values.map((v) => v.trim().toLowerCase()).filter((v) => v.length >= 3);
  if (wanted.length === 0) return [];
  return db
    .selectFrom('advice_tasks')
    .select(['id', 'title'])
    .where((eb) => eb.or(wanted.map((v) => eb(eb.fn('lower', ['title']), 'like', `%${v.replace(/[\\%_]/g, '_')}%`))))
    .execute();
}
