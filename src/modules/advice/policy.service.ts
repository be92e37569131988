// The policy monitor: per municipality, the status of each building block with its full history
// (append-only), so the status on any date can be shown; a municipality's self-assessment shows as
// "self-reported" until an adviser confirms or corrects it (both kept). Care coordination is never
// typed: it is derived from the network on the date.
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { municipalitiesOn } from '../atlas/index.ts';
import { recordAudit } from '../audit/index.ts';
import { municipalityNetwork, networkOn } from '../network/index.ts';
import { currentBlocks, editableBlocks, findBlock } from './blocks.ts';
import { awaitsReview, type BlockTally, maturityOf, reviewSource, type StatusRecord, tallyByBlock } from './policy.logic.ts';
import { insertStatus, type StatusRow, selectHistory, selectStatus, selectStatusesOn } from './policy.queries.ts';
import type { PolicyStatusValue, StatusSource } from './tables.ts';

export interface StatusInput {
  status: PolicyStatusValue;
  evidenceUrl: string | null;
  evidenceNote: string | null;
  effectiveDate: string;
}

export function toRecord(r: StatusRow): StatusRecord {
  return {
    id: Number(r.id),
    municipalityCode: r.municipality_code,
    blockId: r.block_id,
    blocksVersion: Number(r.blocks_version),
    status: r.status,
    evidenceUrl: r.evidence_url,
    evidenceNote: r.evidence_note,
    effectiveDate: r.effective_date,
    source: r.source,
    reviewsId: r.reviews_id === null ? null : Number(r.reviews_id),
    setBy: r.set_by === null ? null : Number(r.set_by),
    setByLabel: r.set_by_label,
    recordedAt: r.recorded_at,
  };
}

const NOT_EDITABLE = {
  nl: 'Deze bouwsteen kunt u niet invullen: hij volgt uit het netwerk van zorgcoördinatoren op de datum.',
  en: 'This building block cannot be filled in: it follows from the care coordinator network on the date.',
};
const UNKNOWN_BLOCK = { nl: 'Deze bouwsteen staat niet in de lijst.', en: 'This building block is not in the list.' };
const RETIRED = (version: number) => ({
  nl: `Deze bouwsteen staat niet meer in de huidige lijst (versie ${version}); zijn eerdere statussen blijven bewaard.`,
  en: `This building block is no longer in the current list (version ${version}); its earlier statuses are kept.`,
});

/** Why a block cannot be set, or null when it can. */
function blockProblem(blockId: string) {
  if (editableBlocks().some((b) => b.id === blockId)) return null;
  const found = findBlock(blockId);
  if (!found) return UNKNOWN_BLOCK;
  return found.version === currentBlocks().version ? NOT_EDITABLE : RETIRED(currentBlocks().version);
}

async function append(ctx: ServiceCtx, code: string, blockId: string, input: StatusInput, source: StatusSource, reviewsId: number | null) {
  const problem = blockProblem(blockId);
  if (problem) throw errors.validation([{ field: 'block', message: problem }]);
  if (!(await municipalitiesOn(ctx.db, input.effectiveDate)).some((m) => m.code === code)) {
    throw errors.validation([
      {
        field: 'effectiveDate',
        message: { nl: `De gemeente ${code} bestond niet op deze datum.`, en: `Municipality ${code} did not exist on this date.` },
      },
    ]);
  }
  return inTransaction(ctx.db, async (trx) => {
    const row = {
      municipality_code: code,
      block_id: blockId,
      blocks_version: currentBlocks().version,
      status: input.status,
      evidence_url: input.evidenceUrl,
      evidence_note: input.evidenceNote,
      effective_date: input.effectiveDate,
      source,
      reviews_id: reviewsId,
      set_by: ctx.actor.userId,
      set_by_label: ctx.actor.label,
      recorded_at: ctx.now.toISOString(),
    };
    const id = await insertStatus(trx, row);
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'create', entity: 'advice_policy_status', entityId: id, after: row });
    return id;
  });
}

/** An adviser sets a block's status from a date. */
export function setStatus(ctx: ServiceCtx, code: string, blockId: string, input: StatusInput): Promise<number> {
  return append(ctx, code, blockId, input, 'adviser', null);
}

/** A municipality reports its own status (from today); it shows as self-reported until reviewed. */
export function selfReport(ctx: ServiceCtx, code: string, blockId: string, input: Omit<StatusInput, 'effectiveDate'>): Promise<number> {
  return append(ctx, code, blockId, { ...input, effectiveDate: ctx.now.toISOString().slice(0, 10) }, 'self', null);
}

/** An adviser confirms (same status) or corrects (another status) a self-report that is still the newest. */
export async function reviewSelfReport(
  ctx: ServiceCtx,
  code: string,
  statusId: number,
  decided: { status: PolicyStatusValue; note: string | null },
) {
  const row = await selectStatus(ctx.db, statusId);
  if (!row || row.municipality_code !== code) throw errors.notFound();
  const history = (await selectHistory(ctx.db, code)).map(toRecord).filter((r) => r.blockId === row.block_id);
  const newest = [...history].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || b.id - a.id)[0];
  if (row.source !== 'self' || newest?.id !== statusId || !awaitsReview(newest)) {
    throw errors.conflict({ nl: 'Deze melding is al beoordeeld of vervangen.', en: 'This report was already reviewed or replaced.' });
  }
  const source = reviewSource(row.status, decided.status);
  return append(
    ctx,
    code,
    row.block_id,
    {
      status: decided.status,
      evidenceUrl: row.evidence_url,
      evidenceNote: decided.note ?? row.evidence_note,
      effectiveDate: row.effective_date,
    },
    source,
    statusId,
  );
}

/** The full history of a municipality, newest recorded first. */
export async function historyOf(db: Db, code: string): Promise<StatusRecord[]> {
  return (await selectHistory(db, code)).map(toRecord).sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || b.id - a.id);
}

/** Care coordination on a date for one municipality, from the network. */
export async function careCoordinationOf(
  db: Db,
  code: string,
  date: string,
): Promise<{ status: PolicyStatusValue; coordinators: string[] } | null> {
  const n = await municipalityNetwork(db, code, date);
  if (!n) return null;
  return { status: n.coverage.status === 'covered' ? 'in-place' : 'not-started', coordinators: n.coordinators.map((c) => c.name) };
}

export interface CountryStatus {
  status: PolicyStatusValue;
  source: StatusSource | 'network';
  effectiveDate: string | null;
  blocksVersion: number;
}

/** Every municipality of the date with the status of each block then (no record: absent), care coordination derived. */
export async function policyStatusOn(db: Db, date: string): Promise<Map<string, Map<string, CountryStatus>>> {
  const [rows, munis, network] = await Promise.all([selectStatusesOn(db, date), municipalitiesOn(db, date), networkOn(db, date)]);
  const out = new Map<string, Map<string, CountryStatus>>(munis.map((m) => [m.code, new Map()]));
  for (const r of rows) {
    out
      .get(r.municipality_code)
      ?.set(r.block_id, { status: r.status, source: r.source, effectiveDate: r.effective_date, blocksVersion: Number(r.blocks_version) });
  }
  const derived = currentBlocks().blocks.find((b) => b.derived === 'network');
  if (derived) {
    for (const m of network.result.municipalities) {
      out.get(m.code)?.set(derived.id, {
        status: m.status === 'covered' ? 'in-place' : 'not-started',
        source: 'network',
        effectiveDate: null,
        blocksVersion: currentBlocks().version,
      });
    }
  }
  return out;
}

/** The national picture on a date: per block how many municipalities are at each status, and each one's maturity. */
export async function countryPolicy(
  db: Db,
  date: string,
): Promise<{ tallies: BlockTally[]; shares: Map<string, number>; statuses: Map<string, Map<string, CountryStatus>> }> {
  const statuses = await policyStatusOn(db, date);
  const blockIds = currentBlocks().blocks.map((b) => b.id);
  const plain = new Map([...statuses].map(([code, blocks]) => [code, new Map([...blocks].map(([id, s]) => [id, s.status]))]));
  const shares = new Map([...plain].map(([code, blocks]) => [code, maturityOf(blocks, blockIds)]));
  return { tallies: tallyByBlock(plain, [...statuses.keys()], blockIds), shares, statuses };
}
