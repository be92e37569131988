// Care coordinators: the record (contact details, organisation, active period) and its FTE history.
// Every write checks the rules itself (rules.ts) — a caller that skipped the form gets the same field
// messages — and is audited in its transaction.
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { DATE_MESSAGE, isSupportedDate } from '../../http/route-kit.ts';
import { recordAudit } from '../audit/index.ts';
import { ruleMessages } from './messages.ts';
import { getOrganisation, listOrganisations } from './organisations.service.ts';
import { type Coordinator, presentCoordinator } from './presenters.ts';
import * as q from './queries.ts';
import { activePeriodProblems, fteProblems } from './rules.ts';
import { bumpVersion } from './settings.service.ts';

export interface CoordinatorContact {
  name: string;
  phone: string | null;
  email: string | null;
  webPage: string | null;
}

export interface CoordinatorInput extends CoordinatorContact {
  organisationId: number;
  fte: number;
  activeFrom: string;
  activeTo: string | null;
}

export type CoordinatorRecordInput = Omit<CoordinatorInput, 'fte'>;

export async function listCoordinators(db: Db): Promise<Coordinator[]> {
  const [rows, orgs] = await Promise.all([q.listCoordinatorRows(db), listOrganisations(db)]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => presentCoordinator(r, byId.get(Number(r.organisation_id))));
}

export async function getCoordinator(db: Db, id: number): Promise<Coordinator | null> {
  const row = await q.getCoordinatorRow(db, id);
  if (!row) return null;
  return presentCoordinator(row, await getOrganisation(db, Number(row.organisation_id)));
}

/** The rules of a coordinator record: an existing organisation and an active period in order. */
async function recordProblems(db: Db, input: CoordinatorRecordInput): Promise<FieldError[]> {
  const out = activePeriodProblems(input.activeFrom, input.activeTo);
  if (!(await getOrganisation(db, input.organisationId))) out.unshift({ field: 'organisationId', message: ruleMessages.organisation });
  return out;
}

function refuse(problems: FieldError[]): void {
  if (problems.length > 0) throw errors.validation(problems);
}

export async function createCoordinator(ctx: ServiceCtx, input: CoordinatorInput): Promise<number> {
  return inTransaction(ctx.db, async (trx) => {
    refuse([...(await recordProblems(trx, input)), ...fteProblems(input.fte)]);
    const at = ctx.now.toISOString();
    const id = await q.insertCoordinator(trx, {
      name: input.name,
      organisation_id: input.organisationId,
      phone: input.phone,
      email: input.email,
      web_page: input.webPage,
      fte: input.fte,
      active_from: input.activeFrom,
      active_to: input.activeTo,
      created_at: at,
      updated_at: at,
    });
    await q.insertFteChange(trx, { coordinator_id: id, effective_from: input.activeFrom, fte: input.fte, recorded_at: at });
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'create', entity: 'coordinator', entityId: id, after: input });
    return id;
  });
}

/** Staff update of the record (contact, organisation, active dates). FTE goes through changeFte. */
export async function updateCoordinator(ctx: ServiceCtx, id: number, input: CoordinatorRecordInput): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await getCoordinator(trx, id);
    if (!before) throw errors.notFound();
    refuse(await recordProblems(trx, input));
    await q.updateCoordinatorRow(trx, id, {
      name: input.name,
      organisation_id: input.organisationId,
      phone: input.phone,
      email: input.email,
      web_page: input.webPage,
      active_from: input.activeFrom,
      active_to: input.activeTo,
      updated_at: ctx.now.toISOString(),
    });
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'update', entity: 'coordinator', entityId: id, before, after: input });
  });
}

/** A coordinator's own update: contact details only, and its FTE from a date. */
export async function updateOwnCoordinator(
  ctx: ServiceCtx,
  id: number,
  contact: CoordinatorContact,
  fte: number,
  fteFrom: string,
): Promise<void> {
  refuse(fteProblems(fte));
  await inTransaction(ctx.db, async (trx) => {
    const before = await getCoordinator(trx, id);
    if (!before) throw errors.notFound();
    await q.updateCoordinatorRow(trx, id, {
      name: contact.name,
      phone: contact.phone,
      email: contact.email,
      web_page: contact.webPage,
      updated_at: ctx.now.toISOString(),
    });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'coordinator',
      entityId: id,
      before,
      after: contact,
    });
    if (fte !== before.fte) await changeFteIn(trx, ctx, id, fte, fteFrom);
    await bumpVersion(trx, ctx.now);
  });
}

async function changeFteIn(trx: Db, ctx: ServiceCtx, id: number, fte: number, effectiveFrom: string) {
  const at = ctx.now.toISOString();
  await q.insertFteChange(trx, { coordinator_id: id, effective_from: effectiveFrom, fte, recorded_at: at });
  // The cached current FTE follows the latest effective change.
  await q.updateCoordinatorRow(trx, id, { fte: await q.latestFte(trx, id), updated_at: at });
  await recordAudit(trx, {
    at: ctx.now,
    actor: ctx.actor,
    action: 'create',
    entity: 'coordinator_fte',
    entityId: id,
    after: { fte, effectiveFrom },
  });
}

export async function changeFte(ctx: ServiceCtx, id: number, fte: number, effectiveFrom: string): Promise<void> {
  refuse([...fteProblems(fte), ...(isSupportedDate(effectiveFrom) ? [] : [{ field: 'effectiveFrom', message: DATE_MESSAGE }])]);
  await inTransaction(ctx.db, async (trx) => {
    if (!(await getCoordinator(trx, id))) throw errors.notFound();
    await changeFteIn(trx, ctx, id, fte, effectiveFrom);
    await bumpVersion(trx, ctx.now);
  });
}

export async function fteHistory(db: Db, id: number): Promise<{ effectiveFrom: string; fte: number }[]> {
  return (await q.fteChangesOf(db, id)).map((r) => ({ effectiveFrom: r.effective_from, fte: Number(r.fte) }));
}
