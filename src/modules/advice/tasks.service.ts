// Follow-up tasks of interactions: an owner (staff), a due date, done or not. A due date in the past
// is allowed (recording what was agreed earlier) but flagged. Every change is audited.
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { selectInteraction } from './interactions.queries.ts';
import { staffById } from './people.ts';
import { insertTask, selectTask, selectTasks, setTaskDone, type TaskFilter, type TaskRow } from './tasks.queries.ts';

export interface TaskInput {
  title: string;
  ownerId: number | null;
  dueDate: string;
}

export interface Task {
  id: number;
  title: string;
  owner: { id: number; name: string } | null;
  dueDate: string;
  done: boolean;
  doneAt: string | null;
  overdue: boolean;
  interaction: { id: number; date: string; subject: string; origin: string };
  /** Whole days since the interaction was recorded (for support requests: the request's age). */
  ageDays: number;
}

const NOT_STAFF = { nl: 'Kies een eigenaar uit de lijst van medewerkers.', en: 'Choose an owner from the list of staff.' };

/** Writes a task in the caller's transaction (with its audit entry); returns its id. */
export async function writeTask(trx: Db, ctx: ServiceCtx, interactionId: number, input: TaskInput): Promise<number> {
  const id = await insertTask(trx, {
    interaction_id: interactionId,
    title: input.title,
    owner_user_id: input.ownerId,
    due_date: input.dueDate,
    done_at: null,
    done_by: null,
    created_at: ctx.now.toISOString(),
  });
  await recordAudit(trx, {
    at: ctx.now,
    actor: ctx.actor,
    action: 'create',
    entity: 'advice_task',
    entityId: id,
    after: { interactionId, ...input },
  });
  return id;
}

/** Adds a task to an interaction; `pastDue` tells the caller to flag a due date before today. */
export async function addTask(ctx: ServiceCtx, interactionId: number, input: TaskInput): Promise<{ id: number; pastDue: boolean }> {
  if (!(await selectInteraction(ctx.db, interactionId))) throw errors.notFound();
  if (input.ownerId !== null && !(await staffById(ctx.db)).has(input.ownerId)) {
    throw errors.validation([{ field: 'owner', message: NOT_STAFF }]);
  }
  const id = await inTransaction(ctx.db, (trx) => writeTask(trx, ctx, interactionId, input));
  return { id, pastDue: input.dueDate < ctx.now.toISOString().slice(0, 10) };
}

/** Marks a task done (or open again). */
export async function setTaskStatus(ctx: ServiceCtx, id: number, done: boolean): Promise<number> {
  const task = await selectTask(ctx.db, id);
  if (!task) throw errors.notFound();
  await inTransaction(ctx.db, async (trx) => {
    await setTaskDone(trx, id, done ? ctx.now.toISOString() : null, done ? ctx.actor.userId : null);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'advice_task',
      entityId: id,
      before: { done: task.done_at !== null },
      after: { done },
    });
  });
  return Number(task.interaction_id);
}

function daysBetween(fromIso: string, today: string): number {
  return Math.max(0, Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${fromIso.slice(0, 10)}T00:00:00Z`)) / 86_400_000));
}

export function presentTask(r: TaskRow, staff: Map<number, { name: string }>, today: string): Task {
  const ownerId = r.owner_user_id === null ? null : Number(r.owner_user_id);
  return {
    id: Number(r.id),
    title: r.title,
    owner: ownerId === null ? null : { id: ownerId, name: staff.get(ownerId)?.name ?? `#${ownerId}` },
    dueDate: r.due_date,
    done: r.done_at !== null,
    doneAt: r.done_at,
    overdue: r.done_at === null && r.due_date < today,
    interaction: { id: Number(r.interaction_id), date: r.interaction_date, subject: r.interaction_subject, origin: r.interaction_origin },
    ageDays: daysBetween(r.interaction_created_at, today),
  };
}

/** Tasks for the filter: open ones first (by due date), then done ones. */
export async function listTasks(db: Db, filter: TaskFilter, today: string): Promise<Task[]> {
  const [rows, staff] = await Promise.all([selectTasks(db, filter), staffById(db)]);
  return rows
    .map((r) => presentTask(r, staff, today))
    .sort((a, b) => Number(a.done) - Number(b.done) || a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
}

export interface TaskOverview {
  mine: Task[];
  overdue: Task[];
  unassigned: Task[];
  supportRequests: Task[];
}

/** The staff start of the advice module: my open tasks, everything overdue, unassigned, open support requests. */
export async function taskOverview(db: Db, userId: number, today: string): Promise<TaskOverview> {
  const open = await listTasks(db, { open: true }, today);
  return {
    mine: open.filter((t) => t.owner?.id === userId),
    overdue: open.filter((t) => t.overdue),
    unassigned: open.filter((t) => t.owner === null),
    supportRequests: open.filter((t) => t.interaction.origin === 'support-request').sort((a, b) => b.ageDays - a.ageDays || a.id - b.id),
  };
}
