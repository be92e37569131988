// Pure rules of the policy monitor (no I/O): the status of a block on a date from its history, the
// review of a self-report, maturity per municipality and the national picture per block.
import type { PolicyStatusValue, StatusSource } from './tables.ts';

export interface StatusRecord {
  id: number;
  municipalityCode: string;
  blockId: string;
  blocksVersion: number;
  status: PolicyStatusValue;
  evidenceUrl: string | null;
  evidenceNote: string | null;
  effectiveDate: string;
  source: StatusSource;
  reviewsId: number | null;
  setBy: number | null;
  setByLabel: string;
  recordedAt: string;
}

/** Orders history newest first: by effective date, then by when it was recorded, then id. */
export function newestFirst(a: StatusRecord, b: StatusRecord): number {
  return b.effectiveDate.localeCompare(a.effectiveDate) || b.recordedAt.localeCompare(a.recordedAt) || b.id - a.id;
}

/** The status in force on `date` per block (the newest record with effectiveDate ≤ date). */
export function statusesOn(history: readonly StatusRecord[], date: string): Map<string, StatusRecord> {
  const out = new Map<string, StatusRecord>();
  for (const r of history) {
    if (r.effectiveDate > date) continue;
    const best = out.get(r.blockId);
    if (!best || newestFirst(r, best) < 0) out.set(r.blockId, r);
  }
  return out;
}

/** A self-report awaits review while it is the block's newest record. */
export function awaitsReview(current: StatusRecord | undefined): boolean {
  return current?.source === 'self';
}

/** How an adviser's answer to a self-report is recorded: the same status confirms, another corrects. */
export function reviewSource(selfReported: PolicyStatusValue, decided: PolicyStatusValue): 'confirmed' | 'corrected' {
  return selfReported === decided ? 'confirmed' : 'corrected';
}

/** Share of the blocks in place (0..1), counting a derived block by its derived status. */
export function maturityOf(statuses: ReadonlyMap<string, PolicyStatusValue>, blockIds: readonly string[]): number {
  if (blockIds.length === 0) return 0;
  const inPlace = blockIds.filter((id) => statuses.get(id) === 'in-place').length;
  return inPlace / blockIds.length;
}

export type MaturityClass = 'm0' | 'm1' | 'm2' | 'm3' | 'm4';

/** Five map classes: nothing in place, up to a third, up to two thirds, more, everything. */
export function maturityClass(share: number): MaturityClass {
  if (share <= 0) return 'm0';
  if (share >= 1) return 'm4';
  if (share <= 1 / 3) return 'm1';
  if (share <= 2 / 3) return 'm2';
  return 'm3';
}

export interface BlockTally {
  blockId: string;
  'not-started': number;
  'in-progress': number;
  'in-place': number;
  /** Municipalities with no status recorded for the block. */
  unknown: number;
}

/** Per block: how many municipalities are at each status (no record = unknown). */
export function tallyByBlock(
  perMunicipality: ReadonlyMap<string, ReadonlyMap<string, PolicyStatusValue>>,
  municipalityCodes: readonly string[],
  blockIds: readonly string[],
): BlockTally[] {
  return blockIds.map((blockId) => {
    const tally: BlockTally = { blockId, 'not-started': 0, 'in-progress': 0, 'in-place': 0, unknown: 0 };
    for (const code of municipalityCodes) {
      const status = perMunicipality.get(code)?.get(blockId);
      if (status) tally[status] += 1;
      else tally.unknown += 1;
    }
    return tally;
  });
}
