// The scorecard of one municipality on a date: the current building blocks by theme, each with its
// status then, its history, whether a self-report awaits review, care coordination from the network,
// and the evidence other modules contribute (policyEvidence). Blocks that only older versions of the
// list had keep showing their last status, marked with that version.
import type { Db } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Localized } from '../../i18n.ts';
import { type Block, blocksOfVersion, currentBlocks } from './blocks.ts';
import { type BlockEvidence, evidenceFor } from './feed.ts';
import { awaitsReview, maturityOf, type StatusRecord, statusesOn } from './policy.logic.ts';
import { careCoordinationOf, historyOf } from './policy.service.ts';
import type { PolicyStatusValue } from './tables.ts';

export interface ScorecardBlock {
  block: Block;
  /** The status on the date (null: nothing recorded yet). */
  current: StatusRecord | null;
  /** For the derived block: the network's answer on the date. */
  derived: { status: PolicyStatusValue; coordinators: string[] } | null;
  awaitingReview: boolean;
  history: StatusRecord[];
  evidence: BlockEvidence[];
}

export interface Scorecard {
  code: string;
  date: string;
  blocksVersion: number;
  themes: { id: string; label: Localized; blocks: ScorecardBlock[] }[];
  /** Blocks from older versions of the list that have a status for this municipality. */
  retired: { version: number; block: Block; current: StatusRecord }[];
  /** Share of the current blocks in place on the date (0..1). */
  maturity: number;
}

export async function scorecardOf(deps: Pick<AppDeps, 'modules'>, db: Db, code: string, date: string): Promise<Scorecard> {
  const list = currentBlocks();
  const [history, care, evidence] = await Promise.all([
    historyOf(db, code),
    careCoordinationOf(db, code, date),
    evidenceFor(deps, db, code, date),
  ]);
  const onDate = statusesOn(history, date);
  const statusOf = new Map<string, PolicyStatusValue>();
  const themes = list.themes.map((theme) => ({
    id: theme.id,
    label: theme.label,
    blocks: list.blocks
      .filter((b) => b.theme === theme.id)
      .map((block) => {
        const current = onDate.get(block.id) ?? null;
        const derived = block.derived === 'network' ? care : null;
        const status = derived?.status ?? current?.status;
        if (status) statusOf.set(block.id, status);
        return {
          block,
          current: block.derived ? null : current,
          derived,
          awaitingReview: !block.derived && awaitsReview(current ?? undefined),
          history: history.filter((h) => h.blockId === block.id),
          evidence: evidence.get(block.id) ?? [],
        };
      }),
  }));
  const ids = new Set(list.blocks.map((b) => b.id));
  const retired = [...onDate.values()]
    .filter((r) => !ids.has(r.blockId))
    .flatMap((r) => {
      const block = blocksOfVersion(r.blocksVersion)?.blocks.find((b) => b.id === r.blockId);
      return block ? [{ version: r.blocksVersion, block, current: r }] : [];
    });
  return {
    code,
    date,
    blocksVersion: list.version,
    themes,
    retired,
    maturity: maturityOf(
      statusOf,
      list.blocks.map((b) => b.id),
    ),
  };
}
