// Tables owned by the survey module. Dates 'YYYY-MM-DD' text, timestamps ISO-8601 UTC text,
// booleans 0/1, JSON as text (docs/adr/0002). A response keeps its answers as one JSON document
// (docs/adr/0015-survey-answers-per-response.md): one row is the unit of every save (with a version
// for optimistic concurrency) and of every aggregation (one sequential read).
import type { Generated } from 'kysely';

export const SURVEY_STATUSES = ['draft', 'open', 'closed', 'published'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const QUESTION_TYPES = ['single', 'multiple', 'yesno', 'scale', 'number', 'short_text', 'long_text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const RESPONSE_STATUSES = ['in_progress', 'submitted'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** `respond`: answer until the survey closes; `report`: read the feedback report after it. */
export type LinkPurpose = 'respond' | 'report';

export interface SurveySurveysTable {
  id: Generated<number>;
  /** The public results page is /enquetes/{slug}. */
  slug: string;
  title_nl: string;
  title_en: string;
  intro_nl: string;
  intro_en: string;
  /** Which municipalities exist (and in which province and size class): the map of this date. */
  reference_date: string;
  opens_on: string;
  /** Inclusive: answers are accepted through this day. */
  closes_on: string;
  status: SurveyStatus;
  /** The round this one follows (its answers are compared in the feedback report). */
  previous_survey_id: number | null;
  /** Days before closing on which reminders go out, e.g. "7,2". */
  reminder_days: string;
  /** Bumped whenever the set of submitted answers changes (submit, reopen, import): cache key of the results. */
  results_version: number;
  created_at: string;
  updated_at: string;
}

export interface SurveySectionsTable {
  id: Generated<number>;
  survey_id: number;
  position: number;
  title_nl: string;
  title_en: string;
  intro_nl: string;
  intro_en: string;
}

export interface SurveyQuestionsTable {
  id: Generated<number>;
  survey_id: number;
  section_id: number;
  position: number;
  /** Stable code of the question across rounds (export columns, import headers, comparisons). */
  key: string;
  type: QuestionType;
  text_nl: string;
  text_en: string;
  help_nl: string;
  help_en: string;
  required: number;
  /** Offers "weet niet" (stored as null). */
  allow_unknown: number;
  /** Shown only when this question's answer is one of condition_values (JSON array of option values). */
  condition_question_id: number | null;
  condition_values: string | null;
  /** Bounds of a number question (inclusive), or null. */
  min_value: number | null;
  max_value: number | null;
  /** Labels of the ends of a scale 1–5 (empty: none). */
  low_label_nl: string;
  low_label_en: string;
  high_label_nl: string;
  high_label_en: string;
}

export interface SurveyOptionsTable {
  id: Generated<number>;
  question_id: number;
  position: number;
  /** Stable code of the option (what answers store). */
  value: string;
  label_nl: string;
  label_en: string;
}

/** One municipality invited to a survey, described as it was on the survey's reference date. */
export interface SurveyInvitationsTable {
  id: Generated<number>;
  survey_id: number;
  municipality_code: string;
  municipality_name: string;
  province_code: string;
  province_name: string;
  population: number | null;
  size_class: string;
  /** When the first invitation email went out (null: prepared, or imported from elsewhere). */
  invited_at: string | null;
  last_sent_at: string | null;
  created_at: string;
}

/** Who receives the emails of an invitation: an advice contact (resolved when sending) or a typed address. */
export interface SurveyRecipientsTable {
  id: Generated<number>;
  invitation_id: number;
  contact_id: number | null;
  email: string | null;
  name: string | null;
  created_at: string;
}

/** Personal links: only the sha256 of the token is kept. */
export interface SurveyLinksTable {
  id: Generated<number>;
  invitation_id: number;
  purpose: LinkPurpose;
  token_hash: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

export interface SurveyResponsesTable {
  id: Generated<number>;
  survey_id: number;
  invitation_id: number;
  municipality_code: string;
  /** Copied from the invitation: the groups of the results. */
  province_code: string;
  size_class: string;
  status: ResponseStatus;
  source: 'online' | 'import';
  /** Bumped by every save that changes an answer. */
  version: number;
  /** Question id → answer (null: "weet niet"); absent: not answered. */
  answers_json: string;
  /** Question id → [version, ISO time, who] of its last change. */
  answer_meta_json: string;
  started_at: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: string | null;
}

/** Reminder rounds sent per invitation ("d7", "d2", "manual-<job id>"): each at most once. */
export interface SurveyRemindersTable {
  invitation_id: number;
  round: string;
  sent_at: string;
}

/** The feedback report as it was generated and sent (what the municipality reads). */
export interface SurveyReportsTable {
  id: Generated<number>;
  survey_id: number;
  municipality_code: string;
  /** The batch job that made it (a rerun of that job skips it). */
  job_id: number;
  data_json: string;
  generated_at: string;
  emailed_at: string | null;
}

export interface SurveySettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface SurveyTables {
  survey_surveys: SurveySurveysTable;
  survey_sections: SurveySectionsTable;
  survey_questions: SurveyQuestionsTable;
  survey_options: SurveyOptionsTable;
  survey_invitations: SurveyInvitationsTable;
  survey_recipients: SurveyRecipientsTable;
  survey_links: SurveyLinksTable;
  survey_responses: SurveyResponsesTable;
  survey_reminders: SurveyRemindersTable;
  survey_reports: SurveyReportsTable;
  survey_settings: SurveySettingsTable;
}

declare module '../../db/types.ts' {
  interface Database extends SurveyTables {}
}
