// SQL of the audit module (Kysely; the same on SQLite and PostgreSQL).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { personalValuesIn } from './audit.logic.ts';

export interface AuditFilter {
  entity?: string;
  actorUserId?: number;
  action?: string;
  /** YYYY-MM-DD or ISO timestamp, inclusive. */
  from?: string;
  /** YYYY-MM-DD (whole day included) or ISO timestamp. */
  to?: string;
  /** Free text: matched against the actor label and the entity id. */
  q?: string;
}

type NewEntry = Omit<Database['audit_log'], 'id'> & { id?: never };

export async function insertAuditEntry(db: Kysely<Database>, entry: NewEntry, subjects: number[]): Promise<void> {
  const { id } = await db.insertInto('audit_log').values(entry).returning('id').executeTakeFirstOrThrow();
  if (subjects.length > 0) {
    await db
      .insertInto('audit_subjects')
      .values(subjects.map((user_id) => ({ audit_id: Number(id), user_id })))
      .execute();
  }
}

function endOf(to: string): string {
  // A bare date includes the whole day: everything before the next day's first instant.
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to;
}

export async function selectAuditPage(db: Kysely<Database>, f: AuditFilter, offset: number, limit: number) {
  let q = db.selectFrom('audit_log');
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.actorUserId !== undefined) q = q.where('actor_user_id', '=', f.actorUserId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', endOf(f.to));
  if (f.q) {
    // Wildcards typed by the user are dropped rather than escaped (LIKE escaping differs per engine).
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['actor_label']), 'like', eb.val(like)), eb(eb.fn('lower', ['entity_id']), 'like', eb.val(like))]),
    );
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Distinct entity and action names, for the filter menus. */
export async function selectAuditFacets(db: Kysely<Database>) {
  const [entities, actions] = await Promise.all([
    db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute(),
    db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute(),
  ]);
  return { entities: entities.map((r) => r.entity), actions: actions.map((r) => r.action) };
}

/** Entries made by the user, about the user (subjects), or on the user's account record. */
export async function selectEntriesTouching(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('actor_user_id', '=', userId),
        eb('id', 'in', eb.selectFrom('audit_subjects').select('audit_id').where('user_id', '=', userId)),
        eb.and([eb('entity', '=', 'user'), eb('entity_id', '=', String(userId))]),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** The labels the user acted under and the email/name recorded in snapshots of their account. */
export async function selectPersonalValuesOf(db: Kysely<Database>, userId: number): Promise<string[]> {
  const values = new Set<string>();
  const labels = await db.selectFrom('audit_log').select('actor_label').distinct().where('actor_user_id', '=', userId).execute();
  for (const r of labels) values.add(r.actor_label);
  const snapshots = await db
    .selectFrom('audit_log')
    .select(['before_json', 'after_json'])
    .where('entity', '=', 'user')
    .where('entity_id', '=', String(userId))
    .execute();
  for (const s of snapshots) {
    for (const json of [s.before_json, s.after_json]) {
      if (json === null) continue;
      try {
        for (const v of personalValuesIn(JSON.parse(json))) values.add(v);
      } catch {
        // not JSON: nothing to learn from it
      }
    }
  }
  return [...values];
}

/** Entries on the given records (entity + id), oldest first. */
export async function selectEntriesOn(db: Kysely<Database>, entity: string, entityIds: string[]) {
  if (entityIds.length === 0) return [];
  return db.selectFrom('audit_log').selectAll().where('entity', '=', entity).where('entity_id', 'in', entityIds).orderBy('id').execute();
}

/** The one update ever made to audit rows: the GDPR erasure (README.md). */
export async function updateErasedEntry(
  db: Kysely<Database>,
  id: number,
  values: { actor_label: string; before_json: string | null; after_json: string | null },
): Promise<void> {
  await db.updateTable('audit_log').set(values).where('id', '=', id).execute();
}
