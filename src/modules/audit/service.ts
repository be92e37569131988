// The audit trail: recordAudit() appends an entry inside the caller's transaction; listAudit()
// pages through it; eraseAuditSubject() is the GDPR erasure (the only update ever made to it).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { Actor } from '../../http/request-user.ts';
import { ERASED, eraseValues, eraseWithin } from './audit.logic.ts';
import {
  type AuditFilter,
  insertAuditEntry,
  selectAuditPage,
  selectEntriesOn,
  selectEntriesTouching,
  selectPersonalValuesOf,
  updateErasedEntry,
} from './queries.ts';

export type { AuditFilter };
export { ERASED };

export interface AuditEntryInput {
  at: Date;
  actor: Actor;
  action: 'create' | 'update' | 'delete' | string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  /** Users the entry is about (for GDPR erasure). */
  subjectUserIds?: number[];
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Appends one entry. Pass the transaction of the change, so both commit or neither does. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntryInput): Promise<void> {
  const subjects = new Set(entry.subjectUserIds ?? []);
  if (entry.entity === 'user' && entry.entityId !== null && /^\d+$/.test(String(entry.entityId))) {
    subjects.add(Number(entry.entityId));
  }
  await insertAuditEntry(
    db,
    {
      at: entry.at.toISOString(),
      actor_user_id: entry.actor.userId,
      actor_label: entry.actor.label,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      before_json: toJson(entry.before),
      after_json: toJson(entry.after),
      request_id: entry.actor.requestId ?? null,
    },
    [...subjects],
  );
}

export interface AuditEntryView {
  id: number;
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of entries, newest first, with the total count for the pager. */
export async function listAudit(
  db: Kysely<Database>,
  filter: AuditFilter & { page?: number; pageSize?: number },
): Promise<{ entries: AuditEntryView[]; total: number; page: number; pageSize: number; pages: number }> {
  const pageSize = filter.pageSize ?? AUDIT_PAGE_SIZE;
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const { rows, total } = await selectAuditPage(db, filter, (page - 1) * pageSize, pageSize);
  return {
    entries: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorUserId: r.actor_user_id === null ? null : Number(r.actor_user_id),
      actorLabel: r.actor_label,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: parse(r.before_json),
      after: parse(r.after_json),
      requestId: r.request_id,
    })),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/**
 * GDPR erasure from the trail. The person's values are gathered from the trail itself (the labels
 * they acted under, the email/name recorded for their account) plus any `knownValues` the caller
 * passes, then every entry made by them or about them has those values replaced by "[verwijderd]".
 * Runs in the caller's transaction. Returns the number of entries changed.
 */
export async function eraseAuditSubject(db: Kysely<Database>, userId: number, knownValues: string[] = []): Promise<number> {
  const values = new Set<string>(knownValues.filter((v) => v && v.length > 0));
  for (const v of await selectPersonalValuesOf(db, userId)) values.add(v);
  values.delete(ERASED);
  let changed = 0;
  for (const row of await selectEntriesTouching(db, userId)) {
    const before = row.before_json === null ? null : JSON.stringify(eraseValues(parse(row.before_json), values));
    const after = row.after_json === null ? null : JSON.stringify(eraseValues(parse(row.after_json), values));
    const label = Number(row.actor_user_id) === userId || values.has(row.actor_label) ? ERASED : row.actor_label;
    if (before === row.before_json && after === row.after_json && label === row.actor_label) continue;
    await updateErasedEntry(db, Number(row.id), { actor_label: label, before_json: before, after_json: after });
    changed += 1;
  }
  return changed;
}

/**
 * GDPR erasure of a person who has no account (e.g. a contact of the advice module): in every entry
 * on the named records (`entity` + ids), each occurrence of one of `values` inside before/after
 * (case-insensitive, also inside longer text) and an actor label equal to one of them become
 * "[verwijderd]". Runs in the caller's transaction. Returns the number of entries changed.
 */
export async function eraseAuditValues(
  db: Kysely<Database>,
  records: { entity: string; entityIds: (string | number)[] }[],
  values: string[],
): Promise<number> {
  const wanted = values.filter((v) => v && v.trim().length > 0 && v !== ERASED);
  if (wanted.length === 0) return 0;
  const labels = new Set(wanted.map((v) => v.trim().toLowerCase()));
  let changed = 0;
  for (const r of records) {
    for (const row of await selectEntriesOn(db, r.entity, r.entityIds.map(String))) {
      const before = row.before_json === null ? null : JSON.stringify(eraseWithin(parse(row.before_json), wanted));
      const after = row.after_json === null ? null : JSON.stringify(eraseWithin(parse(row.after_json), wanted));
      const label = labels.has(row.actor_label.trim().toLowerCase()) ? ERASED : row.actor_label;
      if (before === row.before_json && after === row.after_json && label === row.actor_label) continue;
      await updateErasedEntry(db, Number(row.id), { actor_label: label, before_json: before, after_json: after });
      changed += 1;
    }
  }
  return changed;
}
