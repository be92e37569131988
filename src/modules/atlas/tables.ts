// Tables owned by the atlas module. Dates are 'YYYY-MM-DD' text; valid_to is EXCLUSIVE (the first
// day something no longer holds); valid_from null means "since before 2019-01-01, the data start".
import type { Generated } from 'kysely';

export interface AtlasTables {
  atlas_municipalities: {
    code: string;
    /** Latest name (2025 name, or the last name of a dissolved municipality). */
    name: string;
    province_code: string;
    valid_from: string | null;
    valid_to: string | null;
  };
  atlas_municipality_names: {
    id: Generated<number>;
    code: string;
    name: string;
    valid_from: string | null;
    valid_to: string | null;
  };
  atlas_municipality_population: {
    code: string;
    reference_year: number;
    value: number;
    reference_date: string;
  };
  atlas_regions: {
    code: string;
    name: string;
    /** province | safety-region | ggd-region | custom */
    type: string;
  };
  atlas_region_memberships: {
    id: Generated<number>;
    region_code: string;
    municipality_code: string;
    valid_from: string | null;
    valid_to: string | null;
  };
  atlas_mergers: {
    id: Generated<number>;
    effective_date: string;
    old_code: string;
    new_code: string;
    /** Share of the old municipality's area that went to new_code (0–1; 1 for a whole merger). */
    share: number;
  };
  atlas_boundaries: {
    reference_year: number;
    /** gemeente | provincie | veiligheidsregio | ggdregio */
    kind: string;
    topojson: string;
    sha256: string;
  };
  atlas_imports: {
    id: Generated<number>;
    imported_at: string;
    source: string;
    /** sha256 over the seven files' hashes; equal hash = unchanged data. */
    hash: string;
    file_hashes: string;
    counts: string;
    duration_ms: number;
  };
}

declare module '../../db/types.ts' {
  interface Database extends AtlasTables {}
}
