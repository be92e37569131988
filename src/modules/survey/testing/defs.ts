// Small survey definitions for the unit tests of the pure logic (no database).
import type { OptionDef, QuestionDef, SectionDef, SurveyDef } from '../types.ts';

const t = (nl: string) => ({ nl, en: nl });

export function question(id: number, over: Partial<QuestionDef> = {}): QuestionDef {
  return {
    id,
    key: `q${id}`,
    sectionId: 1,
    position: id,
    type: 'single',
    text: t(`Vraag ${id}`),
    help: t(''),
    required: false,
    allowUnknown: false,
    condition: null,
    min: null,
    max: null,
    lowLabel: t(''),
    highLabel: t(''),
    options: [],
    ...over,
  };
}

export const options = (...values: string[]): OptionDef[] =>
  values.map((v) => ({ value: v, label: { nl: v.toUpperCase(), en: v.toUpperCase() } }));

export function surveyOf(sections: QuestionDef[][], over: Partial<SurveyDef> = {}): SurveyDef {
  const list: SectionDef[] = sections.map((questions, i) => ({
    id: i + 1,
    position: i + 1,
    title: t(`Sectie ${i + 1}`),
    intro: t(''),
    questions: questions.map((q) => ({ ...q, sectionId: i + 1 })),
  }));
  return {
    id: 1,
    slug: 'test',
    title: t('Test'),
    intro: t(''),
    referenceDate: '2019-04-01',
    opensOn: '2019-04-01',
    closesOn: '2019-04-25',
    status: 'open',
    previousSurveyId: null,
    reminderDays: [7, 2],
    resultsVersion: 0,
    sections: list,
    ...over,
  };
}
