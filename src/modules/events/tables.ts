// Tables owned by the events module. Times are ISO-8601 UTC text (entered and shown in
// Europe/Amsterdam), dates YYYY-MM-DD, lists space-separated text, JSON as text (docs/adr/0002).
import type { Generated } from 'kysely';

export const EVENT_TYPES = ['workshop', 'information-session', 'regional-meeting', 'congress-session', 'webinar'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const AUDIENCES = ['heads-of-safety', 'policy-officers', 'frontline-staff', 'police', 'care-partners'] as const;
export type Audience = (typeof AUDIENCES)[number];

export type EventAccess = 'public' | 'invitation';
export type EventStatus = 'published' | 'draft' | 'cancelled';

/**
 * registered: has a place; offered: a freed place is held for them until offer_expires_at;
 * waiting: on the waiting list (in id order); cancelled; expired: let an offer lapse.
 */
export type RegistrationStatus = 'registered' | 'offered' | 'waiting' | 'cancelled' | 'expired';

export interface EventsEventsTable {
  id: Generated<number>;
  title: string;
  type: EventType;
  /** Space-separated Audience values. */
  audiences: string;
  description: string;
  starts_at: string;
  ends_at: string;
  /** Street address or venue; null for an online-only event. */
  place: string | null;
  /** Shown only to registered people. */
  online_url: string | null;
  organisers: string;
  capacity: number;
  /** Places taken: registered + offered. Changed only by a conditional update (the capacity check). */
  taken: number;
  /** Inclusive dates (Europe/Amsterdam) between which the form is open. */
  registration_opens: string;
  registration_closes: string;
  access: EventAccess;
  /** For access 'invitation': the key in the invitation link. */
  invite_key: string | null;
  /** JSON array of { id, label } asked at registration. */
  questions_json: string;
  /** Space-separated CBS codes the event is aimed at (may be empty). */
  target_codes: string;
  /** A province code (PVxx) the event is aimed at, or null. */
  target_province: string | null;
  status: EventStatus;
  /** Set when the retention job erased the registrants' personal data. */
  erased_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventsRegistrationsTable {
  id: Generated<number>;
  event_id: number;
  /** Null after erasure; the row stays so counts stay. */
  name: string | null;
  email: string | null;
  /** Lower-cased email, or `erased-<id>` after erasure: unique per event (double registrations). */
  email_key: string;
  organisation: string | null;
  /** CBS code on the event's date; null for another organisation. */
  municipality_code: string | null;
  answers_json: string | null;
  status: RegistrationStatus;
  offer_expires_at: string | null;
  /** 0/1 */
  walk_in: number;
  /** 0/1 */
  attended: number;
  checked_in_at: string | null;
  reminder_sent_at: string | null;
  evaluation_sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventsEvaluationsTable {
  id: Generated<number>;
  event_id: number;
  /** One answer per registration. */
  registration_id: number;
  /** 1–5 */
  rating: number;
  comment: string | null;
  created_at: string;
}

/** Registration attempts per email (sha256), for the per-address limit of the public form. */
export interface EventsAttemptsTable {
  id: Generated<number>;
  email_hash: string;
  at: string;
}

export interface EventsSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface EventsTables {
  events_events: EventsEventsTable;
  events_registrations: EventsRegistrationsTable;
  events_evaluations: EventsEvaluationsTable;
  events_attempts: EventsAttemptsTable;
  events_settings: EventsSettingsTable;
}

declare module '../../db/types.ts' {
  interface Database extends EventsTables {}
}
