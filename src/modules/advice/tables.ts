// Tables owned by the advice module. Dates are 'YYYY-MM-DD' text, timestamps ISO-8601 UTC text,
// booleans 0/1 (docs/adr/0002). History is append-only where the issue asks for history: policy
// statuses are never updated, a change is a new row. A contact's `until` is EXCLUSIVE (the first day
// the person no longer holds the post), like every `*_to` date in the platform.
import type { Generated } from 'kysely';

export const CONTACT_ROLES = ['aandachtsfunctionaris', 'policy-safety', 'manager-social', 'alderman', 'mayor', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** The lawful basis (GDPR art. 6) for keeping a contact's data. */
export const LAWFUL_BASES = ['public-task', 'legitimate-interest', 'consent'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

export const INTERACTION_TYPES = [
  'advice-conversation',
  'regional-consultation',
  'phone',
  'email',
  'workshop',
  'presentation',
  'intake',
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const POLICY_STATUSES = ['not-started', 'in-progress', 'in-place'] as const;
export type PolicyStatusValue = (typeof POLICY_STATUSES)[number];

/**
 * Who set a status row: an adviser directly, a municipality (self-reported), or an adviser reviewing a
 * self-report (confirmed: same status; corrected: another status).
 */
export const STATUS_SOURCES = ['adviser', 'self', 'confirmed', 'corrected'] as const;
export type StatusSource = (typeof STATUS_SOURCES)[number];

export interface AdviceContactsTable {
  id: Generated<number>;
  /** Exactly one of municipality_code / region_code is set. */
  municipality_code: string | null;
  region_code: string | null;
  /** Null once erased. */
  name: string | null;
  role: ContactRole;
  email: string | null;
  /** Lower-cased email, for duplicate detection. */
  email_key: string | null;
  phone: string | null;
  since: string | null;
  /** Exclusive; null = open-ended. */
  until: string | null;
  lawful_basis: LawfulBasis;
  /** Set when the person was erased (GDPR): the row stays so counts and links keep their number. */
  erased_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AdviceInteractionsTable {
  id: Generated<number>;
  date: string;
  type: InteractionType;
  subject: string;
  summary: string;
  /** Optional region (atlas region code) the interaction was with; counts for its members on `date`. */
  region_code: string | null;
  /** 'staff' (typed by an adviser) or 'support-request' (the public form). */
  origin: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface AdviceInteractionMunicipalitiesTable {
  interaction_id: number;
  municipality_code: string;
  /** The interaction's date, kept in step by the writes (for the dashboard's period). */
  interaction_date: string;
}

export interface AdviceInteractionAdvisersTable {
  interaction_id: number;
  user_id: number;
}

export interface AdviceInteractionContactsTable {
  interaction_id: number;
  contact_id: number;
}

export interface AdviceTasksTable {
  id: Generated<number>;
  interaction_id: number;
  title: string;
  /** A staff user; null = nobody responsible yet. */
  owner_user_id: number | null;
  due_date: string;
  done_at: string | null;
  done_by: number | null;
  created_at: string;
}

export interface AdvicePolicyStatusesTable {
  id: Generated<number>;
  municipality_code: string;
  block_id: string;
  /** The version of the building-block list the status was set under. */
  blocks_version: number;
  status: PolicyStatusValue;
  evidence_url: string | null;
  evidence_note: string | null;
  /** The day from which this status holds. */
  effective_date: string;
  source: StatusSource;
  /** For confirmed/corrected rows: the self-reported row reviewed. */
  reviews_id: number | null;
  set_by: number | null;
  set_by_label: string;
  recorded_at: string;
}

export interface AdviceAdviserProfilesTable {
  user_id: number;
  display_name: string;
  role_title: string;
  organisation: string;
  /** 1 = shown on /ondersteuning. */
  published: number;
  updated_at: string;
}

export interface AdviceSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Support requests per email address (keyed hash, never the address), for the per-email limit. */
export interface AdviceRequestThrottleTable {
  id: Generated<number>;
  key: string;
  at: string;
}

export interface AdviceTables {
  advice_contacts: AdviceContactsTable;
  advice_interactions: AdviceInteractionsTable;
  advice_interaction_municipalities: AdviceInteractionMunicipalitiesTable;
  advice_interaction_advisers: AdviceInteractionAdvisersTable;
  advice_interaction_contacts: AdviceInteractionContactsTable;
  advice_tasks: AdviceTasksTable;
  advice_policy_statuses: AdvicePolicyStatusesTable;
  advice_adviser_profiles: AdviceAdviserProfilesTable;
  advice_settings: AdviceSettingsTable;
  advice_request_throttle: AdviceRequestThrottleTable;
}

declare module '../../db/types.ts' {
  interface Database extends AdviceTables {}
}
