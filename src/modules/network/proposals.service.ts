// A coordinator's coverage change is a proposal until staff decide it; nobody decides a proposal
// they made themselves. An approved proposal changes the coverage in the same transaction.
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { addCoverageIn, endCoverageIn } from './coverage.service.ts';
import { ruleMessages } from './messages.ts';
import { type Proposal, presentProposal } from './presenters.ts';
import * as q from './queries.ts';
import { bumpVersion } from './settings.service.ts';

export interface ProposalInput {
  action: 'add' | 'remove';
  codes: string[];
  effectiveDate: string;
  note: string | null;
}

export async function listProposals(db: Db, filter: { status?: 'pending'; coordinatorId?: number } = {}): Promise<Proposal[]> {
  return (await q.listProposalRows(db, filter)).map(presentProposal);
}

export async function proposeCoverageChange(ctx: ServiceCtx, coordinatorId: number, input: ProposalInput): Promise<number> {
  if (input.codes.length === 0) throw errors.validation([{ field: 'codes', message: ruleMessages.codesRequired }]);
  return inTransaction(ctx.db, async (trx) => {
    const id = await q.insertProposal(trx, {
      coordinator_id: coordinatorId,
      action: input.action,
      municipality_codes: JSON.stringify([...new Set(input.codes)].sort()),
      effective_date: input.effectiveDate,
      note: input.note,
      status: 'pending',
      proposed_by: ctx.actor.userId,
      proposed_at: ctx.now.toISOString(),
      decided_by: null,
      decided_at: null,
    });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'create',
      entity: 'coverage_proposal',
      entityId: id,
      after: { coordinatorId, ...input },
    });
    return id;
  });
}

/** An adviser's decision. The proposer can never decide its own proposal. */
export async function decideProposal(ctx: ServiceCtx, id: number, decision: 'approved' | 'rejected'): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await q.getProposalRow(trx, id);
    if (!row) throw errors.notFound();
    const p = presentProposal(row);
    if (p.status !== 'pending')
      throw errors.conflict({ nl: 'Over dit voorstel is al besloten.', en: 'This proposal has already been decided.' });
    if (p.proposedBy !== null && p.proposedBy === ctx.actor.userId) throw errors.forbidden();
    await q.decideProposalRow(trx, id, { status: decision, decided_by: ctx.actor.userId, decided_at: ctx.now.toISOString() });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'coverage_proposal',
      entityId: id,
      before: { status: 'pending' },
      after: { status: decision },
    });
    if (decision === 'approved') {
      if (p.action === 'add') await addCoverageIn(trx, ctx, p.coordinatorId, p.codes, p.effectiveDate, 'individual');
      else await endCoverageIn(trx, ctx, p.coordinatorId, p.codes, p.effectiveDate);
    }
    await bumpVersion(trx, ctx.now);
  });
}
