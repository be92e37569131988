// Tables owned by the network module. History is append-only: dated rows are never overwritten;
// ending something sets its `*_to` date (exclusive, see network.logic.ts). Dates 'YYYY-MM-DD',
// timestamps ISO-8601 UTC text.
import type { Generated } from 'kysely';

export const ORGANISATION_TYPES = ['ggd', 'shelter', 'care-and-safety-house', 'municipality', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export interface NetworkOrganisationsTable {
  id: Generated<number>;
  name: string;
  type: OrganisationType;
  website: string | null;
  created_at: string;
  updated_at: string;
}

export interface NetworkCoordinatorsTable {
  id: Generated<number>;
  /** A person's name or a post title. */
  name: string;
  organisation_id: number;
  phone: string | null;
  email: string | null;
  web_page: string | null;
  /** The current FTE (a cache of the latest network_fte_changes row; history lives there). */
  fte: number;
  active_from: string;
  /** Exclusive: the first day no longer active; null = open-ended. */
  active_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface NetworkFteChangesTable {
  id: Generated<number>;
  coordinator_id: number;
  effective_from: string;
  fte: number;
  recorded_at: string;
}

export interface NetworkAssignmentsTable {
  id: Generated<number>;
  coordinator_id: number;
  /** The CBS code as it existed on valid_from; later mergers map it to successors. */
  municipality_code: string;
  valid_from: string;
  /** Exclusive; null = open-ended. */
  valid_to: string | null;
  /** A region code the coverage was picked from, or 'individual'. */
  source: string;
  recorded_at: string;
}

export interface NetworkCustomRegionsTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

export interface NetworkCustomRegionMembersTable {
  region_id: number;
  municipality_code: string;
}

export interface NetworkProposalsTable {
  id: Generated<number>;
  coordinator_id: number;
  action: 'add' | 'remove';
  /** JSON array of CBS codes. */
  municipality_codes: string;
  effective_date: string;
  note: string | null;
  status: 'pending' | 'approved' | 'rejected';
  proposed_by: number | null;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
}

export interface NetworkSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface NetworkTables {
  network_organisations: NetworkOrganisationsTable;
  network_coordinators: NetworkCoordinatorsTable;
  network_fte_changes: NetworkFteChangesTable;
  network_assignments: NetworkAssignmentsTable;
  network_custom_regions: NetworkCustomRegionsTable;
  network_custom_region_members: NetworkCustomRegionMembersTable;
  network_proposals: NetworkProposalsTable;
  network_settings: NetworkSettingsTable;
}

declare module '../../db/types.ts' {
  interface Database extends NetworkTables {}
}
