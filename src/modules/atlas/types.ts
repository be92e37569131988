// The shapes the atlas answers with (its public types; other modules import them from index.ts).
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Localized } from '../../i18n.ts';

export type RegionType = 'province' | 'safety-region' | 'ggd-region' | 'custom';
export type ReferenceYear = 2019 | 2025;

export interface Municipality {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  /** Inhabitants at populationRefDate (the reference year nearest to the date asked), or null. */
  population: number | null;
  populationRefDate: string | null;
  populationReferenceYear: ReferenceYear | null;
  /** Inclusive; null = existed before 2019-01-01 (the start of the data). */
  validFrom: string | null;
  /** Exclusive: the first day it no longer exists; null = still exists. */
  validTo: string | null;
}

export interface MunicipalityLink {
  code: string;
  name: string;
  effectiveDate: string;
  /** Share of the old municipality's area (1 for a whole merger; Haaren's parts ≈0.1–0.42). */
  share: number;
}

export interface Region {
  code: string;
  name: string;
  type: RegionType;
}

export interface PopulationFigure {
  referenceYear: ReferenceYear;
  value: number;
  referenceDate: string;
}

export interface MunicipalityDetail extends Municipality {
  predecessors: MunicipalityLink[];
  successors: MunicipalityLink[];
  /** Regions on the date asked (or the last day the municipality existed). */
  regions: Region[];
  formerNames: { name: string; validTo: string | null }[];
  /** Both population figures, oldest first. */
  populations: PopulationFigure[];
}

export interface RegionDetail extends Region {
  date: string;
  /** Member municipalities on the date, sorted by name. */
  members: { code: string; name: string }[];
}

/** A municipality's membership of a region: from `validFrom` (inclusive) until `validTo` (exclusive); null is open. */
export interface RegionMembership {
  municipalityCode: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Where a municipality's territory lies on a date: itself, or its successors (with area shares). */
export interface Successor {
  code: string;
  name: string;
  share: number;
}

/** The municipalities of a date, and where each given code that no longer exists then went. */
export interface MunicipalitiesWithSuccessors {
  date: string;
  municipalities: Municipality[];
  /** For each code asked about that does not exist on the date: its successors' codes then (empty if none). */
  successors: Record<string, string[]>;
}

export interface SearchHit {
  code: string;
  name: string;
  /** Set when the match was on a former name or a dissolved municipality. */
  matchedFormerName?: string;
  /** Why this municipality was found, e.g. "Weesp is op 24 maart 2022 opgegaan in Amsterdam". */
  reason?: Localized;
}

export interface Boundaries {
  /** The reference year of the geometry used (2019 or 2025). */
  referenceYear: ReferenceYear;
  /** true for 2021–2022 dates: 2019 geometry with merged municipalities drawn as their successor. */
  derived: boolean;
  /** objects.municipalities: one geometry per municipality on the date; id = code, properties {code, name}. */
  municipalities: AreaTopology<'municipalities'>;
  /** objects.provinces (2025 provinces; no province changed 2019–2025); id = PVxx, properties {code, name}. */
  provinces: AreaTopology<'provinces'> | null;
  /** Changes when the data or the date's municipality set changes: use in ETags/caches. */
  version: string;
}

/** The properties every boundary geometry carries after import. */
export type AreaProperties = {
  code: string;
  name: string;
};

/** A topology with one collection of areas named `N` (municipalities, provinces). */
export type AreaTopology<N extends string> = Topology<Record<N, GeometryCollection<AreaProperties>>>;
