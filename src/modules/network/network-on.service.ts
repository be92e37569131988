// The network on a date — coverage and capacity per municipality and coordinator, key figures, gaps
// — and its monthly timeline. Computed from our tables and the atlas' municipalities of the date
// (with the successors of codes merged away), memoised per (date, data version) in caches.ts.
import type { Db } from '../../db/database.ts';
import { errors } from '../../http/errors.ts';
import { type Municipality, municipalitiesWithSuccessorsOn } from '../atlas/index.ts';
import { caches } from './caches.ts';
import { listCoordinators } from './coordinators.service.ts';
import { timelineRangeMessage } from './messages.ts';
import {
  type AssignmentInput,
  type CoverageResult,
  type CoverageSummary,
  computeCoverage,
  type FteChangeInput,
  type Gap,
  gapList,
  summarize,
} from './network.logic.ts';
import type { Coordinator } from './presenters.ts';
import * as q from './queries.ts';
import { getNorm, networkDataVersion } from './settings.service.ts';
import {
  MAX_TIMELINE_MONTHS,
  monthlyPoints,
  monthStartBefore,
  monthsInRange,
  type TimelinePoint,
  timelinePoint,
} from './timeline.logic.ts';

export interface NetworkOnDate {
  date: string;
  version: string;
  result: CoverageResult;
  summary: CoverageSummary;
  municipalities: Map<string, Municipality>;
  coordinators: Map<number, Coordinator>;
}

export interface NetworkInputs {
  coordinators: Coordinator[];
  assignments: AssignmentInput[];
  fteChanges: FteChangeInput[];
  norm: number;
  /** Every code coverage was recorded on (the atlas maps those merged away to their successors). */
  recordedCodes: string[];
}

let computations = 0;

/** How many times the network of a date was computed in this process (not answered from memory). */
export function coverageComputations(): number {
  return computations;
}

async function loadInputs(db: Db): Promise<NetworkInputs> {
  const [coordinators, assignments, fteChanges, norm] = await Promise.all([
    listCoordinators(db),
    q.allAssignments(db),
    q.allFteChanges(db),
    getNorm(db),
  ]);
  return {
    coordinators,
    assignments: assignments.map((a) => ({
      coordinatorId: Number(a.coordinator_id),
      municipalityCode: a.municipality_code,
      validFrom: a.valid_from,
      validTo: a.valid_to,
    })),
    fteChanges: fteChanges.map((f) => ({ coordinatorId: Number(f.coordinator_id), effectiveFrom: f.effective_from, fte: Number(f.fte) })),
    norm,
    recordedCodes: [...new Set(assignments.map((a) => a.municipality_code))],
  };
}

const inputsOf = (db: Db, version: string) => caches.inputs.memo(version, () => loadInputs(db));

async function computeOn(db: Db, date: string, version: string): Promise<NetworkOnDate> {
  const data = await inputsOf(db, version);
  const atlas = await municipalitiesWithSuccessorsOn(db, date, data.recordedCodes);
  computations += 1;
  const result = computeCoverage({
    date,
    municipalities: atlas.municipalities.map((m) => ({ code: m.code, name: m.name, population: m.population ?? 0 })),
    coordinators: data.coordinators.map((c) => ({ id: c.id, name: c.name, activeFrom: c.activeFrom, activeTo: c.activeTo })),
    assignments: data.assignments,
    fteChanges: data.fteChanges,
    successors: atlas.successors,
    norm: data.norm,
  });
  return {
    date,
    version,
    result,
    summary: summarize(result),
    municipalities: new Map(atlas.municipalities.map((m) => [m.code, m])),
    coordinators: new Map(data.coordinators.map((c) => [c.id, c])),
  };
}

/** The network on a date, computed once per (date, data version) and then served from memory. */
export async function networkOn(db: Db, date: string): Promise<NetworkOnDate> {
  const version = await networkDataVersion(db);
  return caches.networks.memo(`${date}|${version}`, () => computeOn(db, date, version));
}

function summaryOn(db: Db, date: string, version: string): Promise<CoverageSummary> {
  const key = `${date}|${version}`;
  return caches.summaries.memo(key, async () => {
    const whole = caches.networks.get(key);
    return (await (whole ?? computeOn(db, date, version))).summary;
  });
}

/** Lets other work (a /healthz, the next request) run between two computed months. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A 400 naming `from` (and the earliest start allowed) when from..to has more than MAX_TIMELINE_MONTHS months. */
export function assertTimelineBound(from: string, to: string): void {
  if (monthsInRange(from, to) <= MAX_TIMELINE_MONTHS) return;
  const message = timelineRangeMessage(MAX_TIMELINE_MONTHS, monthStartBefore(to, MAX_TIMELINE_MONTHS - 1));
  throw errors.badRequest(message, [{ field: 'from', message }]);
}

/**
 * Monthly series from..to (each month's last day, the last point `to`), at most MAX_TIMELINE_MONTHS
 * points (a 400 naming `from` otherwise). Each month's figures are computed once per data version;
 * between computed months the event loop is free.
 */
export async function timeline(db: Db, from: string, to: string): Promise<TimelinePoint[]> {
  assertTimelineBound(from, to);
  const version = await networkDataVersion(db);
  const out: TimelinePoint[] = [];
  for (const p of monthlyPoints(from, to)) {
    const known = caches.summaries.has(`${p.date}|${version}`);
    out.push(timelinePoint(p.month, await summaryOn(db, p.date, version)));
    if (!known) await yieldToEventLoop();
  }
  return out;
}

export async function gapsOn(db: Db, date: string): Promise<{ norm: number; gaps: Gap[] }> {
  const n = await networkOn(db, date);
  return { norm: n.result.norm, gaps: gapList(n.result) };
}

/** The first day of the month the first coordinator started, or null without coordinators. */
export async function networkStartMonth(db: Db): Promise<string | null> {
  const inputs = await inputsOf(db, await networkDataVersion(db));
  const first = inputs.coordinators.map((c) => c.activeFrom).sort()[0];
  return first ? `${first.slice(0, 7)}-01` : null;
}

/** Coverage of one municipality on a date, with its coordinators' public contact. */
export async function municipalityNetwork(db: Db, code: string, date: string) {
  const n = await networkOn(db, date);
  const m = n.result.municipalities.find((x) => x.code === code);
  const municipality = n.municipalities.get(code);
  if (!m || !municipality) return null;
  return {
    coverage: m,
    municipality,
    coordinators: m.coordinatorIds.flatMap((id) => n.coordinators.get(id) ?? []),
    norm: n.result.norm,
  };
}
