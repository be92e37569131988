// The survey's domain shapes, shared by the pure logic (*.logic.ts), the services and the views.
import type { Localized } from '../../i18n.ts';
import type { QuestionType, ResponseStatus, SurveyStatus } from './tables.ts';

export type { QuestionType, ResponseStatus, SurveyStatus };

/** One answer: an option value, option values (multiple choice), a number, a text; null is "weet niet". */
export type AnswerValue = string | number | string[] | null;

/** Question id (as a string) → answer. A question without a key is not answered. */
export type Answers = Record<string, AnswerValue>;

/** Question id → [version of the response when it last changed, ISO time, who]. */
export type AnswerMeta = Record<string, [number, string, string]>;

export interface OptionDef {
  value: string;
  label: Localized;
}

export interface Condition {
  questionId: number;
  values: string[];
}

export interface QuestionDef {
  id: number;
  key: string;
  sectionId: number;
  position: number;
  type: QuestionType;
  text: Localized;
  help: Localized;
  required: boolean;
  allowUnknown: boolean;
  condition: Condition | null;
  min: number | null;
  max: number | null;
  lowLabel: Localized;
  highLabel: Localized;
  /** Options of single and multiple choice questions (yes/no and scale have fixed choices). */
  options: OptionDef[];
}

export interface SectionDef {
  id: number;
  position: number;
  title: Localized;
  intro: Localized;
  questions: QuestionDef[];
}

export interface SurveySummary {
  id: number;
  slug: string;
  title: Localized;
  intro: Localized;
  referenceDate: string;
  opensOn: string;
  closesOn: string;
  status: SurveyStatus;
  previousSurveyId: number | null;
  reminderDays: number[];
  resultsVersion: number;
}

export interface SurveyDef extends SurveySummary {
  sections: SectionDef[];
}

/** A municipality as a survey groups it: on the survey's reference date. */
export interface GroupedMunicipality {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  population: number | null;
  sizeClass: string;
}

export const UNKNOWN_LABEL: Localized = { nl: 'Weet niet', en: 'Don’t know' };

/** Every question of a survey in order (section by section). */
export function questionsOf(def: Pick<SurveyDef, 'sections'>): QuestionDef[] {
  return def.sections.flatMap((s) => s.questions);
}
