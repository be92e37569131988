// Tables owned by the academy module. Dates YYYY-MM-DD, timestamps ISO-8601 UTC text, lists
// space-separated, JSON as text (docs/adr/0002).
import type { Generated } from 'kysely';

export const COURSE_KINDS = ['elearning', 'classroom', 'external'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export const ROLES_AIMED = ['frontline', 'enforcement', 'social', 'policy', 'management'] as const;
export type AimedRole = (typeof ROLES_AIMED)[number];

export interface AcademyCoursesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  summary: string;
  kind: CourseKind;
  /** Space-separated AimedRole values. */
  roles: string;
  /** For external courses: the provider's page. */
  external_url: string | null;
  provider: string | null;
  /** For classroom courses: space-separated event ids (events module). */
  event_ids: string;
  /** Percentage of quiz questions to answer right (e-learning). */
  pass_mark: number;
  duration_minutes: number;
  status: 'published' | 'draft';
  created_at: string;
  updated_at: string;
}

export interface AcademyLessonsTable {
  id: Generated<number>;
  course_id: number;
  position: number;
  title: string;
  body: string;
  image_url: string | null;
  image_alt: string | null;
  video_url: string | null;
}

export interface AcademyQuestionsTable {
  id: Generated<number>;
  course_id: number;
  position: number;
  text: string;
  /** JSON array of answer options. */
  options_json: string;
  /** Index of the right option. */
  correct: number;
}

/** A learner's municipality (the account itself is the auth module's). */
export interface AcademyLearnersTable {
  user_id: number;
  municipality_code: string;
  created_at: string;
}

/** A self sign-up waiting for its email to be confirmed. */
export interface AcademySignupsTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  name: string;
  municipality_code: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface AcademyAttemptsTable {
  id: Generated<number>;
  email_hash: string;
  at: string;
}

export interface AcademyEnrolmentsTable {
  id: Generated<number>;
  course_id: number;
  /** Null after the learner deleted their data (the counts stay, anonymous). */
  user_id: number | null;
  municipality_code: string | null;
  /** 'platform': here; 'import': a completion imported from another learning platform. */
  source: 'platform' | 'import';
  enrolled_at: string;
  /** Date YYYY-MM-DD of completion (passing the quiz, or the imported date). */
  completed_at: string | null;
  /** Percentage of the best passing attempt. */
  score: number | null;
  certificate_code: string | null;
  /** The name on the certificate, as it was when issued; null after erasure. */
  certificate_name: string | null;
}

export interface AcademyProgressTable {
  enrolment_id: number;
  lesson_id: number;
  done_at: string;
}

export interface AcademyTables {
  academy_courses: AcademyCoursesTable;
  academy_lessons: AcademyLessonsTable;
  academy_questions: AcademyQuestionsTable;
  academy_learners: AcademyLearnersTable;
  academy_signups: AcademySignupsTable;
  academy_attempts: AcademyAttemptsTable;
  academy_enrolments: AcademyEnrolmentsTable;
  academy_progress: AcademyProgressTable;
}

declare module '../../db/types.ts' {
  interface Database extends AcademyTables {}
}
