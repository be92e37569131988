// The programme dashboard's figures for a period: municipalities reached (by province and CBS size
// class), interactions per municipality and per type, and the intensive contacts (engagement.logic.ts
// has the counting rules). Every municipality code is shown on the municipal map of the period's last
// day: codes of merged municipalities count for their successors.
import type { Db } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Localized } from '../../i18n.ts';
import { municipalitiesWithSuccessorsOn, regionMemberships } from '../atlas/index.ts';
import { areaNames } from './areas.ts';
import {
  type CountedInteraction,
  countByType,
  type GroupCount,
  intensiveContacts,
  membersOn,
  type Party,
  partiesOf,
  reachByGroup,
  reachByMunicipality,
  sizeClassOf,
} from './engagement.logic.ts';
import { feedInteractions } from './feed.ts';
import { selectPeriod } from './interactions.queries.ts';
import { getSettings } from './settings.service.ts';

export interface MunicipalityEngagement {
  code: string;
  name: string;
  provinceName: string;
  sizeClass: string;
  advice: number;
  feed: number;
}

export interface Engagement {
  from: string;
  to: string;
  threshold: number;
  totals: { interactions: number; feedInteractions: number; reached: number; municipalities: number };
  provinces: GroupCount[];
  sizeClasses: GroupCount[];
  perType: { type: string; advice: number; feed: number }[];
  /** Reached municipalities, most interactions first. */
  perMunicipality: MunicipalityEngagement[];
  intensive: Party[];
  /** Sources of the interaction feed that failed to answer (their items are missing). */
  feedFailed: Localized[];
}

/** Interaction id → the municipality codes it names. */
function namedByInteraction(links: readonly { interaction_id: number; municipality_code: string }[]) {
  const named = new Map<number, string[]>();
  for (const l of links) {
    const id = Number(l.interaction_id);
    const list = named.get(id);
    if (list) list.push(l.municipality_code);
    else named.set(id, [l.municipality_code]);
  }
  return named;
}

/**
 * Members per region and date ('VR01|2019-03-04'): each region's memberships read from the atlas once
 * (not a getRegion per date, each filtering every membership of the atlas), each pair computed once.
 */
async function regionMembersOf(db: Db, rows: readonly { region_code: string | null; date: string }[]) {
  const datesByRegion = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.region_code) continue;
    const dates = datesByRegion.get(r.region_code);
    if (dates) dates.add(r.date);
    else datesByRegion.set(r.region_code, new Set([r.date]));
  }
  const members = new Map<string, string[]>();
  for (const [region, dates] of datesByRegion) {
    const memberships = await regionMemberships(db, region);
    for (const date of dates) members.set(`${region}|${date}`, membersOn(memberships, date));
  }
  return members;
}

async function countedInteractions(deps: Pick<AppDeps, 'modules'>, db: Db, from: string, to: string) {
  const [{ rows, links }, feed] = await Promise.all([selectPeriod(db, from, to), feedInteractions(deps, db, { from, to })]);
  const named = namedByInteraction(links);
  const regionMembers = await regionMembersOf(db, rows);
  const allCodes = new Set<string>([...links.map((l) => l.municipality_code), ...feed.items.flatMap((i) => i.municipalityCodes)]);
  for (const list of regionMembers.values()) for (const c of list) allCodes.add(c);
  const map = await municipalitiesWithSuccessorsOn(db, to, allCodes);
  const existing = new Set(map.municipalities.map((m) => m.code));
  // Each code's place on the period's map, once; an interaction naming one code shares that list (read only).
  const targets = new Map<string, string[]>();
  for (const c of allCodes) targets.set(c, existing.has(c) ? [c] : [...new Set(map.successors[c] ?? [])]);
  const onMap = (codes: readonly string[]): string[] => {
    if (codes.length === 1) return targets.get(codes[0]) ?? [];
    const out: string[] = [];
    for (const c of codes) for (const target of targets.get(c) ?? []) if (!out.includes(target)) out.push(target);
    return out;
  };
  // A region's members on one date, on the period's map: computed once per (region, date), shared by its interactions.
  const membersOnMap = new Map([...regionMembers].map(([key, list]) => [key, onMap(list)]));
  const counted: CountedInteraction[] = rows.map((r) => ({
    key: `advice:${r.id}`,
    source: 'advice',
    date: r.date,
    type: r.type,
    municipalityCodes: onMap(named.get(Number(r.id)) ?? []),
    regionCode: r.region_code,
    regionMembers: r.region_code ? (membersOnMap.get(`${r.region_code}|${r.date}`) ?? []) : [],
  }));
  for (const i of feed.items) {
    counted.push({
      key: `${i.source}:${i.sourceId}`,
      source: i.source,
      date: i.date,
      type: i.type,
      municipalityCodes: onMap(i.municipalityCodes),
      regionCode: null,
      regionMembers: [],
    });
  }
  return { counted, municipalities: map.municipalities, feedFailed: feed.failed };
}

/** The dashboard figures for from…to (inclusive). */
export async function engagementFor(deps: Pick<AppDeps, 'modules'>, db: Db, from: string, to: string): Promise<Engagement> {
  const [{ counted, municipalities, feedFailed }, settings] = await Promise.all([countedInteractions(deps, db, from, to), getSettings(db)]);
  const reach = reachByMunicipality(counted);
  const reached = new Set(reach.keys());
  const groups = reachByGroup(municipalities, reached);
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const regionCodes = new Set(counted.flatMap((i) => (i.regionCode ? [i.regionCode] : [])));
  const regionNames = await areaNames(db, regionCodes, to);
  const parties = partiesOf(
    counted,
    (code) => byCode.get(code)?.name ?? code,
    (code) => regionNames.get(code) ?? code,
  );
  const perMunicipality = [...reach.entries()]
    .flatMap(([code, r]) => {
      const m = byCode.get(code);
      return m
        ? [{ code, name: m.name, provinceName: m.provinceName, sizeClass: sizeClassOf(m.population), advice: r.advice, feed: r.feed }]
        : [];
    })
    .sort((a, b) => b.advice + b.feed - (a.advice + a.feed) || a.name.localeCompare(b.name, 'nl'));
  return {
    from,
    to,
    threshold: settings.threshold,
    totals: {
      interactions: counted.filter((i) => i.source === 'advice').length,
      feedInteractions: counted.filter((i) => i.source !== 'advice').length,
      reached: perMunicipality.length,
      municipalities: municipalities.length,
    },
    provinces: groups.provinces,
    sizeClasses: groups.sizeClasses,
    perType: countByType(counted),
    perMunicipality,
    intensive: intensiveContacts(parties, settings.threshold),
    feedFailed,
  };
}
