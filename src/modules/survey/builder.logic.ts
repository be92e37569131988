// Rules of the survey builder: the status flow, what may change once answers exist (a change that
// would break given answers is refused with an explanation; text fixes are always allowed),
// conditions, question keys and slugs. Pure: no I/O.
import type { Localized } from '../../i18n.ts';
import { choicesOf, isTextQuestion } from './answers.logic.ts';
import type { Answers, Condition, OptionDef, QuestionDef, QuestionType, SurveyDef, SurveyStatus } from './types.ts';
import { questionsOf } from './types.ts';

export const TRANSITIONS: Record<SurveyStatus, readonly SurveyStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'published'],
  published: ['closed'],
};

export const STATUS_LABELS: Record<SurveyStatus, Localized> = {
  draft: { nl: 'Concept', en: 'Draft' },
  open: { nl: 'Open', en: 'Open' },
  closed: { nl: 'Gesloten', en: 'Closed' },
  published: { nl: 'Gepubliceerd', en: 'Published' },
};

const L = (nl: string, en: string): Localized => ({ nl, en });

/** Why the survey cannot move to `to` now (empty: it can). */
export function transitionProblems(def: SurveyDef, to: SurveyStatus, today: string): Localized[] {
  if (!TRANSITIONS[def.status].includes(to)) {
    return [
      L(
        `Een enquête met status ‘${STATUS_LABELS[def.status].nl}’ kan niet naar ‘${STATUS_LABELS[to].nl}’.`,
        `A ${def.status} survey cannot become ${to}.`,
      ),
    ];
  }
  const problems: Localized[] = [];
  if (to === 'open') {
    if (questionsOf(def).length === 0) problems.push(L('Voeg eerst minstens één vraag toe.', 'Add at least one question first.'));
    if (def.closesOn < today)
      problems.push(
        L(
          'De sluitingsdatum ligt in het verleden. Kies eerst een latere sluitingsdatum.',
          'The closing date has passed. Choose a later closing date first.',
        ),
      );
    for (const q of questionsOf(def)) {
      if ((q.type === 'single' || q.type === 'multiple') && q.options.length < 2) {
        problems.push(
          L(`Vraag ‘${q.text.nl}’ heeft minder dan twee antwoordmogelijkheden.`, `Question ‘${q.text.en}’ has fewer than two options.`),
        );
      }
    }
  }
  return problems;
}

/** How a question is used by the responses so far (all of them, in progress or submitted). */
export interface QuestionUsage {
  answered: number;
  unknown: number;
  /** Submitted responses that did not answer it. */
  submittedWithout: number;
  optionCounts: Record<string, number>;
  numberMin: number | null;
  numberMax: number | null;
}

export function usageOf(q: QuestionDef, responses: readonly { submitted: boolean; answers: Answers }[]): QuestionUsage {
  const usage: QuestionUsage = { answered: 0, unknown: 0, submittedWithout: 0, optionCounts: {}, numberMin: null, numberMax: null };
  const id = String(q.id);
  for (const r of responses) {
    const v = r.answers[id];
    if (v === undefined) {
      if (r.submitted) usage.submittedWithout += 1;
      continue;
    }
    usage.answered += 1;
    if (v === null) usage.unknown += 1;
    else if (typeof v === 'number') {
      usage.numberMin = usage.numberMin === null ? v : Math.min(usage.numberMin, v);
      usage.numberMax = usage.numberMax === null ? v : Math.max(usage.numberMax, v);
    }
    for (const o of Array.isArray(v) ? v : v === null ? [] : [String(v)]) usage.optionCounts[o] = (usage.optionCounts[o] ?? 0) + 1;
  }
  return usage;
}

/** What a question becomes (the builder's form, parsed). */
export interface QuestionDraft {
  key: string;
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
  options: OptionDef[];
}

/** Why a change to a question is refused (empty: allowed). In a draft everything may change. */
export function changeProblems(status: SurveyStatus, old: QuestionDef, next: QuestionDraft, usage: QuestionUsage): Localized[] {
  if (status === 'draft' || usage.answered + usage.submittedWithout === 0) return [];
  const p: Localized[] = [];
  const n = usage.answered;
  if (old.type !== next.type && n > 0) {
    p.push(
      L(
        `Het soort vraag kan niet meer veranderen: ${n} gemeente(n) hebben deze vraag al beantwoord.`,
        `The question type cannot change: ${n} municipalities have answered it.`,
      ),
    );
  }
  if (old.key !== next.key && n > 0) {
    p.push(
      L(
        'De code van de vraag kan niet meer veranderen: exports en vergelijkingen met eerdere metingen gebruiken hem.',
        'The question code cannot change: exports and comparisons use it.',
      ),
    );
  }
  for (const o of choicesOf(old)) {
    const used = usage.optionCounts[o.value] ?? 0;
    if (used > 0 && !choicesOf({ type: next.type, options: next.options }).some((x) => x.value === o.value)) {
      p.push(
        L(
          `Antwoord ‘${o.label.nl}’ kan niet weg: ${used} gemeente(n) kozen het. Pas alleen de tekst aan.`,
          `Option ‘${o.label.en}’ cannot be removed: ${used} chose it. Change its text only.`,
        ),
      );
    }
  }
  if (old.allowUnknown && !next.allowUnknown && usage.unknown > 0) {
    p.push(
      L(`‘Weet niet’ kan niet weg: ${usage.unknown} gemeente(n) kozen het.`, `‘Don’t know’ cannot be removed: ${usage.unknown} chose it.`),
    );
  }
  if (!old.required && next.required && usage.submittedWithout > 0) {
    p.push(
      L(
        `De vraag kan niet verplicht worden: ${usage.submittedWithout} ingediende antwoorden hebben haar overgeslagen.`,
        `The question cannot become required: ${usage.submittedWithout} submitted responses skipped it.`,
      ),
    );
  }
  if (next.min !== null && usage.numberMin !== null && usage.numberMin < next.min) {
    p.push(
      L(
        `De ondergrens kan niet boven ${usage.numberMin} komen: dat getal is al gegeven.`,
        `The minimum cannot exceed ${usage.numberMin}: that number has been given.`,
      ),
    );
  }
  if (next.max !== null && usage.numberMax !== null && usage.numberMax > next.max) {
    p.push(
      L(
        `De bovengrens kan niet onder ${usage.numberMax} komen: dat getal is al gegeven.`,
        `The maximum cannot be below ${usage.numberMax}: that number has been given.`,
      ),
    );
  }
  if (JSON.stringify(old.condition) !== JSON.stringify(next.condition) && n > 0) {
    p.push(
      L(
        'De voorwaarde kan niet meer veranderen: dan zouden gegeven antwoorden onder een andere vraag komen te staan.',
        'The condition cannot change once answers exist.',
      ),
    );
  }
  return p;
}

/** Why a new question cannot be added now. */
export function additionProblems(status: SurveyStatus, draft: Pick<QuestionDraft, 'required'>, submitted: number): Localized[] {
  if (status !== 'draft' && draft.required && submitted > 0) {
    return [
      L(
        `Een nieuwe vraag kan nu alleen niet-verplicht zijn: ${submitted} gemeente(n) hebben al ingediend.`,
        `A new question can only be optional now: ${submitted} have submitted.`,
      ),
    ];
  }
  return [];
}

/** Why a question cannot be deleted. */
export function deletionProblems(status: SurveyStatus, usage: QuestionUsage, dependants: readonly QuestionDef[]): Localized[] {
  const p: Localized[] = [];
  if (status !== 'draft' && usage.answered > 0) {
    p.push(
      L(
        `Deze vraag kan niet weg: ${usage.answered} gemeente(n) hebben haar beantwoord.`,
        `This question cannot be deleted: ${usage.answered} have answered it.`,
      ),
    );
  }
  for (const d of dependants) {
    p.push(
      L(
        `Vraag ‘${d.text.nl}’ hangt van deze vraag af. Haal eerst die voorwaarde weg.`,
        `Question ‘${d.text.en}’ depends on this one. Remove that condition first.`,
      ),
    );
  }
  return p;
}

/** A condition may only name an earlier choice question and its choices (so every form works without JavaScript). */
export function conditionProblems(
  def: Pick<SurveyDef, 'sections'>,
  questionId: number | null,
  sectionId: number,
  condition: Condition | null,
): Localized[] {
  if (!condition) return [];
  const all = questionsOf(def);
  const target = all.find((q) => q.id === condition.questionId);
  if (!target || target.id === questionId)
    return [L('Kies als voorwaarde een eerdere vraag.', 'Choose an earlier question as the condition.')];
  const sectionOrder = new Map(def.sections.map((s, i) => [s.id, i]));
  const own = questionId === null ? null : all.find((q) => q.id === questionId);
  const before =
    (sectionOrder.get(target.sectionId) ?? 0) < (sectionOrder.get(sectionId) ?? 0) ||
    (target.sectionId === sectionId && (own === null || own === undefined || target.position < own.position));
  if (!before)
    return [
      L(
        'De voorwaarde moet een vraag zijn die eerder in de vragenlijst staat.',
        'The condition must be a question earlier in the questionnaire.',
      ),
    ];
  if (isTextQuestion(target) || target.type === 'number')
    return [L('Een voorwaarde kan alleen op een keuzevraag.', 'A condition can only use a choice question.')];
  const choices = new Set(choicesOf(target).map((c) => c.value));
  if (condition.values.length === 0 || condition.values.some((v) => !choices.has(v))) {
    return [
      L('Kies bij de voorwaarde een of meer antwoorden van die vraag.', 'Choose one or more answers of that question for the condition.'),
    ];
  }
  return [];
}

/** A lower-case code from a text: letters, digits and hyphens (at most 40). */
export function slugify(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return s === '' ? 'x' : s;
}

/** `base`, or `base-2`, `base-3`… when taken. */
export function uniqueCode(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export const KEY_PATTERN = /^[a-z][a-z0-9_-]{0,39}$/;
