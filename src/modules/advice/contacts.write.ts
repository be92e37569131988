// Contact writes: create, update, merge two records of one person, and erase a person (GDPR art. 17)
// everywhere — the contact record, interaction texts and task titles that name them, and the audit
// trail — while the counts stay (the record remains, anonymous, so interactions keep their number of
// contacts present). Each is one transaction with its audit entry; the erasure's own entry holds no
// erased values.
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { eraseAuditValues, listAudit, recordAudit } from '../audit/index.ts';
import { isMunicipalityCode, municipalityKnown, regionOn } from './areas.ts';
import { emailKey, eraseFromText, mergeContact } from './contacts.logic.ts';
import {
  type ContactRow,
  deleteContactRow,
  insertContact,
  moveContactLinks,
  selectContact,
  selectInteractionIdsOfContact,
  updateContactRow,
} from './contacts.queries.ts';
import { toContactLike } from './contacts.service.ts';
import { selectInteractionsMentioning, updateInteractionRow } from './interactions.queries.ts';
import type { ContactRole, LawfulBasis } from './tables.ts';
import { selectTasksMentioning, updateTaskTitle } from './tasks.queries.ts';

export interface ContactInput {
  /** A municipality code (GMxxxx) or a province/safety-region code. */
  area: string;
  name: string;
  role: ContactRole;
  email: string | null;
  phone: string | null;
  since: string | null;
  until: string | null;
  lawfulBasis: LawfulBasis;
}

const UNKNOWN_AREA = { nl: 'Kies een gemeente of regio uit de lijst.', en: 'Choose a municipality or region from the list.' };

async function checkArea(ctx: ServiceCtx, area: string): Promise<FieldError[]> {
  if (isMunicipalityCode(area)) return (await municipalityKnown(ctx.db, area)) ? [] : [{ field: 'area', message: UNKNOWN_AREA }];
  return (await regionOn(ctx.db, area, ctx.now.toISOString().slice(0, 10))) ? [] : [{ field: 'area', message: UNKNOWN_AREA }];
}

function columns(input: ContactInput, at: string) {
  const municipality = isMunicipalityCode(input.area);
  return {
    municipality_code: municipality ? input.area : null,
    region_code: municipality ? null : input.area,
    name: input.name,
    role: input.role,
    email: input.email,
    email_key: emailKey(input.email),
    phone: input.phone,
    since: input.since,
    until: input.until,
    lawful_basis: input.lawfulBasis,
    updated_at: at,
  };
}

function auditView(
  r: Pick<ContactRow, 'municipality_code' | 'region_code' | 'name' | 'role' | 'email' | 'phone' | 'since' | 'until' | 'lawful_basis'>,
) {
  return {
    area: r.municipality_code ?? r.region_code,
    name: r.name,
    role: r.role,
    email: r.email,
    phone: r.phone,
    since: r.since,
    until: r.until,
    lawfulBasis: r.lawful_basis,
  };
}

export async function createContact(ctx: ServiceCtx, input: ContactInput): Promise<number> {
  const problems = await checkArea(ctx, input.area);
  if (problems.length > 0) throw errors.validation(problems);
  return inTransaction(ctx.db, async (trx) => {
    const at = ctx.now.toISOString();
    const row = { ...columns(input, at), erased_at: null, created_at: at };
    const id = await insertContact(trx, row);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'create',
      entity: 'advice_contact',
      entityId: id,
      after: auditView(row),
    });
    return id;
  });
}

async function requireLive(ctx: ServiceCtx, id: number): Promise<ContactRow> {
  const row = await selectContact(ctx.db, id);
  if (!row) throw errors.notFound();
  if (row.erased_at) throw errors.conflict({ nl: 'Deze contactpersoon is verwijderd.', en: 'This contact was erased.' });
  return row;
}

export async function updateContact(ctx: ServiceCtx, id: number, input: ContactInput): Promise<void> {
  const before = await requireLive(ctx, id);
  const problems = await checkArea(ctx, input.area);
  if (problems.length > 0) throw errors.validation(problems);
  await inTransaction(ctx.db, async (trx) => {
    const patch = columns(input, ctx.now.toISOString());
    await updateContactRow(trx, id, patch);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'advice_contact',
      entityId: id,
      before: auditView(before),
      after: auditView(patch),
    });
  });
}

/** Merges `otherId` into `keepId`: empty fields filled, presence at interactions moved, the other record removed. */
export async function mergeContacts(ctx: ServiceCtx, keepId: number, otherId: number): Promise<void> {
  if (keepId === otherId)
    throw errors.validation([{ field: 'other', message: { nl: 'Kies een andere contactpersoon.', en: 'Choose another contact.' } }]);
  const [keep, other] = [await requireLive(ctx, keepId), await requireLive(ctx, otherId)];
  const merged = mergeContact(toContactLike(keep), toContactLike(other));
  await inTransaction(ctx.db, async (trx) => {
    await moveContactLinks(trx, otherId, keepId);
    const patch = {
      name: merged.name,
      email: merged.email,
      email_key: emailKey(merged.email),
      phone: merged.phone,
      since: merged.since,
      until: merged.until,
      updated_at: ctx.now.toISOString(),
    };
    await updateContactRow(trx, keepId, patch);
    await deleteContactRow(trx, otherId);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'merge',
      entity: 'advice_contact',
      entityId: keepId,
      before: { kept: auditView(keep), merged: { id: otherId, ...auditView(other) } },
      after: auditView({ ...keep, ...patch }),
    });
  });
}

/** Ids of the records merged into this contact over time (their audit entries name the same person). */
async function mergedInto(db: ServiceCtx['db'], id: number): Promise<number[]> {
  const { entries } = await listAudit(db, { entity: 'advice_contact', action: 'merge', pageSize: 10_000 });
  return entries
    .filter((e) => e.entityId === String(id))
    .map((e) => Number((e.before as { merged?: { id?: unknown } } | null)?.merged?.id))
    .filter((n) => Number.isInteger(n));
}

/** Erases a contact everywhere (see the file header). */
export async function eraseContact(ctx: ServiceCtx, id: number): Promise<void> {
  const row = await requireLive(ctx, id);
  const values = [row.name, row.email, row.phone].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  await inTransaction(ctx.db, async (trx) => {
    await updateContactRow(trx, id, {
      name: null,
      email: null,
      email_key: null,
      phone: null,
      erased_at: ctx.now.toISOString(),
      updated_at: ctx.now.toISOString(),
    });
    const interactionIds = new Set(await selectInteractionIdsOfContact(trx, id));
    for (const i of await selectInteractionsMentioning(trx, values)) {
      const subject = eraseFromText(i.subject, values);
      const summary = eraseFromText(i.summary, values);
      if (subject !== i.subject || summary !== i.summary) await updateInteractionRow(trx, Number(i.id), { subject, summary });
      interactionIds.add(Number(i.id));
    }
    const taskIds: number[] = [];
    for (const t of await selectTasksMentioning(trx, values)) {
      const title = eraseFromText(t.title, values);
      if (title !== t.title) await updateTaskTitle(trx, Number(t.id), title);
      taskIds.push(Number(t.id));
    }
    await eraseAuditValues(
      trx,
      [
        { entity: 'advice_contact', entityIds: [id, ...(await mergedInto(trx, id))] },
        { entity: 'advice_interaction', entityIds: [...interactionIds] },
        { entity: 'advice_task', entityIds: taskIds },
      ],
      values,
    );
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'erase', entity: 'advice_contact', entityId: id });
  });
}
