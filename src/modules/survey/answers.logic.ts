// Answers: the choices of each question type, reading an answer from a form or JSON (with a
// message a person can act on), its canonical form and hash (to see whether a field was touched),
// conditions (which questions are shown), completeness and display. Pure: no I/O.
import type { Locale, Localized } from '../../i18n.ts';
import { formatNumber } from '../../i18n.ts';
import { type Answers, type AnswerValue, type OptionDef, type QuestionDef, questionsOf, type SurveyDef, UNKNOWN_LABEL } from './types.ts';

export const YES_NO: OptionDef[] = [
  { value: 'ja', label: { nl: 'Ja', en: 'Yes' } },
  { value: 'nee', label: { nl: 'Nee', en: 'No' } },
];

export const SCALE: OptionDef[] = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: { nl: String(n), en: String(n) } }));

/** The radio value of "weet niet" in forms. */
export const UNKNOWN_FIELD_VALUE = '__weet_niet';

export const MAX_SHORT_TEXT = 300;
export const MAX_LONG_TEXT = 5000;

/** The fixed or configured choices of a choice question ([] for number and text). */
export function choicesOf(q: Pick<QuestionDef, 'type' | 'options'>): OptionDef[] {
  if (q.type === 'yesno') return YES_NO;
  if (q.type === 'scale') return SCALE;
  if (q.type === 'single' || q.type === 'multiple') return q.options;
  return [];
}

export function isTextQuestion(q: Pick<QuestionDef, 'type'>): boolean {
  return q.type === 'short_text' || q.type === 'long_text';
}

/** A question whose answers are counted in the results (text answers are listed, for staff only). */
export function isAggregatable(q: Pick<QuestionDef, 'type'>): boolean {
  return !isTextQuestion(q);
}

export type Parsed = { ok: true; value: AnswerValue | undefined } | { ok: false; message: Localized };

const ok = (value: AnswerValue | undefined): Parsed => ({ ok: true, value });
const fail = (nl: string, en: string): Parsed => ({ ok: false, message: { nl, en } });

function list(raw: unknown): string[] {
  if (raw === undefined || raw === null || raw === '') return [];
  return (Array.isArray(raw) ? raw : [raw]).map((v) => String(v).trim()).filter((v) => v !== '');
}

function unknownOr(q: QuestionDef, unknown: boolean, parse: () => Parsed): Parsed {
  if (!unknown) return parse();
  if (!q.allowUnknown) return fail('Bij deze vraag kunt u niet ‘weet niet’ kiezen.', 'This question does not offer ‘don’t know’.');
  return ok(null);
}

/** A number typed in Dutch or English: "12", "2,5", "2.5"; no thousands separators. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!/^-?\d{1,12}([.,]\d{1,6})?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

function parseChoice(q: QuestionDef, values: string[]): Parsed {
  const choices = choicesOf(q);
  if (values.length === 0) return ok(undefined);
  if (values.length > 1) return fail('Kies één antwoord.', 'Choose one answer.');
  const choice = choices.find((c) => c.value === values[0]);
  if (!choice) return fail('Kies een van de aangeboden antwoorden.', 'Choose one of the answers offered.');
  return ok(q.type === 'scale' ? Number(choice.value) : choice.value);
}

function parseMultiple(q: QuestionDef, values: string[], unknown: boolean): Parsed {
  if (unknown && values.length > 0) {
    return fail('Kies een of meer antwoorden of ‘weet niet’, niet allebei.', 'Choose one or more answers or ‘don’t know’, not both.');
  }
  return unknownOr(q, unknown, () => {
    if (values.length === 0) return ok(undefined);
    const known = new Set(q.options.map((o) => o.value));
    if (values.some((v) => !known.has(v))) return fail('Kies uit de aangeboden antwoorden.', 'Choose from the answers offered.');
    const chosen = new Set(values);
    return ok(q.options.filter((o) => chosen.has(o.value)).map((o) => o.value));
  });
}

function parseNumberAnswer(q: QuestionDef, text: string): Parsed {
  if (text.trim() === '') return ok(undefined);
  const n = parseNumber(text);
  if (n === null)
    return fail(
      'Vul een getal in, bijvoorbeeld 12 of 2,5 (zonder punten tussen de duizendtallen).',
      'Enter a number, for example 12 or 2.5.',
    );
  if (q.min !== null && n < q.min)
    return fail(`Vul een getal in van minstens ${formatNumber(q.min, 'nl', decimals(q.min))}.`, `Enter a number of at least ${q.min}.`);
  if (q.max !== null && n > q.max)
    return fail(`Vul een getal in van hoogstens ${formatNumber(q.max, 'nl', decimals(q.max))}.`, `Enter a number of at most ${q.max}.`);
  return ok(n);
}

function parseText(q: QuestionDef, text: string): Parsed {
  const t = text.replace(/\r\n/g, '\n').trim();
  if (t === '') return ok(undefined);
  const max = q.type === 'short_text' ? MAX_SHORT_TEXT : MAX_LONG_TEXT;
  if (t.length > max) return fail(`Gebruik hoogstens ${max} tekens (nu ${t.length}).`, `Use at most ${max} characters (now ${t.length}).`);
  return ok(t);
}

function decimals(n: number): number {
  return Number.isInteger(n) ? 0 : 2;
}

/**
 * Reads one question's answer from form fields: `q{id}` (one value or several) and, for number,
 * text and multiple choice, the checkbox `q{id}_weetniet`; radio questions offer UNKNOWN_FIELD_VALUE.
 * An empty field is "not answered" (undefined), never an error: required answers are checked at submission.
 */
export function parseFormAnswer(q: QuestionDef, form: Record<string, unknown>): Parsed {
  const raw = form[`q${q.id}`];
  const values = list(raw);
  const unknownBox = list(form[`q${q.id}_weetniet`]).length > 0;
  switch (q.type) {
    case 'single':
    case 'yesno':
    case 'scale': {
      const unknown = values.includes(UNKNOWN_FIELD_VALUE);
      return unknownOr(q, unknown, () => parseChoice(q, values));
    }
    case 'multiple':
      return parseMultiple(q, values, unknownBox || values.includes(UNKNOWN_FIELD_VALUE));
    case 'number':
      return unknownOr(q, unknownBox, () => parseNumberAnswer(q, values.join('')));
    default:
      return unknownOr(q, unknownBox, () => parseText(q, typeof raw === 'string' ? raw : values.join(' ')));
  }
}

/** Reads an answer sent as JSON by the form island: the same rules as the form (null is "weet niet"). */
export function parseJsonAnswer(q: QuestionDef, value: unknown): Parsed {
  if (value === null) return unknownOr(q, true, () => ok(undefined));
  if (typeof value === 'number') return parseFormAnswer(q, { [`q${q.id}`]: String(value) });
  if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    return parseFormAnswer(q, { [`q${q.id}`]: value });
  }
  if (value === undefined) return ok(undefined);
  return fail('Dit antwoord heeft een vorm die niet past bij de vraag.', 'This answer does not fit the question.');
}

/** The canonical text of an answer ('' for not answered): equal answers have equal canonical forms. */
export function canonical(value: AnswerValue | undefined): string {
  return value === undefined ? '' : JSON.stringify(value);
}

/** A short hash of an answer (FNV-1a over its canonical form), put beside each field to see what was touched. */
export function answerHash(value: AnswerValue | undefined): string {
  const text = canonical(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  return canonical(a) === canonical(b);
}

/** True when an answer meets a condition's values (any chosen option of a multiple choice counts). */
export function meetsCondition(answer: AnswerValue | undefined, values: readonly string[]): boolean {
  if (answer === undefined || answer === null) return false;
  const given = Array.isArray(answer) ? answer : [String(answer)];
  return given.some((v) => values.includes(v));
}

/** The questions shown for these answers: a condition holds when its question is shown and answered as asked. */
export function visibleQuestionIds(def: Pick<SurveyDef, 'sections'>, answers: Answers): Set<number> {
  const visible = new Set<number>();
  for (const q of questionsOf(def)) {
    const c = q.condition;
    if (!c || (visible.has(c.questionId) && meetsCondition(answers[String(c.questionId)], c.values))) visible.add(q.id);
  }
  return visible;
}

/** Shown, required questions without an answer ("weet niet" is an answer). */
export function missingRequired(def: Pick<SurveyDef, 'sections'>, answers: Answers): QuestionDef[] {
  const visible = visibleQuestionIds(def, answers);
  return questionsOf(def).filter((q) => q.required && visible.has(q.id) && answers[String(q.id)] === undefined);
}

/** The answers that count at submission: those of questions still shown. */
export function submittedAnswers(def: Pick<SurveyDef, 'sections'>, answers: Answers): Answers {
  const visible = visibleQuestionIds(def, answers);
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers)) if (visible.has(Number(id))) out[id] = value;
  return out;
}

/** An answer as a person reads it ('' when not answered). */
export function formatAnswer(q: QuestionDef, value: AnswerValue | undefined, locale: Locale): string {
  if (value === undefined) return '';
  if (value === null) return UNKNOWN_LABEL[locale];
  if (q.type === 'number' && typeof value === 'number') return formatNumber(value, locale, Number.isInteger(value) ? 0 : 2);
  const choices = choicesOf(q);
  if (choices.length === 0) return String(value);
  const labels = (Array.isArray(value) ? value : [String(value)]).map((v) => choices.find((c) => c.value === v)?.label[locale] ?? v);
  return labels.join(locale === 'nl' ? '; ' : '; ');
}
