// Host organisations of care coordinators. Writes take (ctx, …) and are audited in their transaction.
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { type Organisation, presentOrganisation } from './presenters.ts';
import * as q from './queries.ts';
import { bumpVersion } from './settings.service.ts';
import type { OrganisationType } from './tables.ts';

export interface OrganisationInput {
  name: string;
  type: OrganisationType;
  website: string | null;
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  return (await q.listOrganisationRows(db)).map(presentOrganisation);
}

export async function getOrganisation(db: Db, id: number): Promise<Organisation | null> {
  const row = await q.getOrganisationRow(db, id);
  return row ? presentOrganisation(row) : null;
}

export async function createOrganisation(ctx: ServiceCtx, input: OrganisationInput): Promise<number> {
  return inTransaction(ctx.db, async (trx) => {
    const at = ctx.now.toISOString();
    const id = await q.insertOrganisation(trx, { ...input, created_at: at, updated_at: at });
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'create', entity: 'network_organisation', entityId: id, after: input });
    return id;
  });
}

export async function updateOrganisation(ctx: ServiceCtx, id: number, input: OrganisationInput): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await getOrganisation(trx, id);
    if (!before) throw errors.notFound();
    await q.updateOrganisationRow(trx, id, { ...input, updated_at: ctx.now.toISOString() });
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'network_organisation',
      entityId: id,
      before,
      after: input,
    });
  });
}

export async function deleteOrganisation(ctx: ServiceCtx, id: number): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await getOrganisation(trx, id);
    if (!before) throw errors.notFound();
    if (await q.organisationHasCoordinators(trx, id))
      throw errors.conflict({
        nl: 'Deze organisatie heeft zorgcoördinatoren en kan niet worden verwijderd.',
        en: 'This organisation has coordinators and cannot be deleted.',
      });
    await q.deleteOrganisationRow(trx, id);
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'delete', entity: 'network_organisation', entityId: id, before });
  });
}
