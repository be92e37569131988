// Import of a round run elsewhere: the CSV export of a survey tool (one row per municipality, one
// column per question, or per option of a multiple-choice question) mapped onto a survey's
// questions. The plan names every column and row (and cell) it cannot map; only rows without a
// problem are imported. Pure: no I/O.
import type { Localized } from '../../i18n.ts';
import { choicesOf, MAX_LONG_TEXT, MAX_SHORT_TEXT, parseNumber } from './answers.logic.ts';
import { normalizeLabel } from './csv.logic.ts';
import type { Answers, AnswerValue, QuestionDef } from './types.ts';

export type ColumnTarget =
  | { kind: 'code' }
  | { kind: 'name' }
  | { kind: 'submitted' }
  | { kind: 'ignored'; why: Localized }
  | { kind: 'question'; questionId: number }
  | { kind: 'option'; questionId: number; value: string };

export interface ImportProblem {
  line: number | null;
  column: string | null;
  value: string | null;
  message: Localized;
}

export interface ImportRow {
  line: number;
  code: string;
  answers: Answers;
  submittedOn: string | null;
}

export interface ImportPlan {
  columns: { header: string; target: ColumnTarget | null }[];
  problems: ImportProblem[];
  rows: ImportRow[];
  /** Data rows in the file (the header not counted). */
  total: number;
}

export interface MunicipalityLookup {
  /** Codes existing on the survey's reference date → name. */
  names: ReadonlyMap<string, string>;
  /** Normalised names on that date → code. */
  byName: ReadonlyMap<string, string>;
  referenceDate: string;
  /** Municipalities that already have a response in the survey. */
  answered: ReadonlySet<string>;
}

const L = (nl: string, en: string): Localized => ({ nl, en });

const CODE_HEADERS = new Set(['gemeentecode', 'code', 'cbs code', 'cbscode', 'gm code', 'municipality code']);
const NAME_HEADERS = new Set(['gemeente', 'gemeentenaam', 'naam gemeente', 'municipality', 'municipality name']);
const SUBMITTED_HEADERS = new Set([
  'ingediend',
  'ingediend op',
  'datum',
  'submitted',
  'submitted at',
  'einddatum',
  'end date',
  'completed',
]);
const META_HEADERS = new Set([
  'provincie',
  'province',
  'id',
  'respondent',
  'respondent id',
  'response id',
  'startdatum',
  'start date',
  'status',
]);
const UNKNOWN_WORDS = new Set(['weet niet', 'weet ik niet', 'onbekend', 'dont know', 'don t know', 'unknown', 'wn']);
export const YES_WORDS = new Set(['ja', 'j', 'yes', 'y', '1', 'true', 'waar', 'x']);
export const NO_WORDS = new Set(['nee', 'n', 'no', '0', 'false', 'onwaar']);

/** 'GM0363', '0363' or '363' → 'GM0363'; null when it is not a code. */
export function normalizeCode(text: string): string | null {
  const t = text.trim().toUpperCase().replace(/\s/g, '');
  const m = /^(GM)?(\d{1,4})$/.exec(t);
  return m ? `GM${m[2].padStart(4, '0')}` : null;
}

function namesOf(q: QuestionDef): string[] {
  return [q.key, q.text.nl, q.text.en].map(normalizeLabel).filter((s) => s !== '');
}

export function columnTarget(header: string, questions: readonly QuestionDef[], hasCode: boolean): ColumnTarget | null {
  const h = normalizeLabel(header);
  if (CODE_HEADERS.has(h)) return { kind: 'code' };
  if (NAME_HEADERS.has(h))
    return hasCode ? { kind: 'ignored', why: L('naam; de gemeentecode telt', 'name; the code counts') } : { kind: 'name' };
  if (SUBMITTED_HEADERS.has(h)) return { kind: 'submitted' };
  if (META_HEADERS.has(h)) return { kind: 'ignored', why: L('gegevens over de respons, geen vraag', 'response metadata, not a question') };
  for (const q of questions) if (namesOf(q).includes(h)) return { kind: 'question', questionId: q.id };
  for (const q of questions.filter((x) => x.type === 'multiple')) {
    for (const name of namesOf(q)) {
      if (!h.startsWith(`${name} `)) continue;
      const rest = h.slice(name.length + 1);
      const option = q.options.find((o) => [o.value, o.label.nl, o.label.en].map(normalizeLabel).includes(rest));
      if (option) return { kind: 'option', questionId: q.id, value: option.value };
    }
  }
  return null;
}

type Cell = { ok: true; value: AnswerValue | undefined } | { ok: false; message: Localized };

function matchChoice(q: QuestionDef, text: string): string | null {
  const t = normalizeLabel(text);
  if (q.type === 'yesno') return YES_WORDS.has(t) ? 'ja' : NO_WORDS.has(t) ? 'nee' : null;
  if (q.type === 'scale') {
    const m = /^([1-5])(\D|$)/.exec(text.trim());
    return m ? m[1] : null;
  }
  return choicesOf(q).find((c) => [c.value, c.label.nl, c.label.en].map(normalizeLabel).includes(t))?.value ?? null;
}

/** One cell of a question column as an answer. */
export function importCell(q: QuestionDef, text: string, separator: string): Cell {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  if (UNKNOWN_WORDS.has(normalizeLabel(t))) {
    return q.allowUnknown
      ? { ok: true, value: null }
      : { ok: false, message: L('‘weet niet’ is bij deze vraag geen antwoord', '‘don’t know’ is not an answer to this question') };
  }
  if (q.type === 'number') {
    const n = parseNumber(t);
    if (n === null) return { ok: false, message: L('geen getal', 'not a number') };
    if ((q.min !== null && n < q.min) || (q.max !== null && n > q.max))
      return { ok: false, message: L('buiten het toegestane bereik', 'out of range') };
    return { ok: true, value: n };
  }
  if (q.type === 'short_text' || q.type === 'long_text') {
    const max = q.type === 'short_text' ? MAX_SHORT_TEXT : MAX_LONG_TEXT;
    return t.length > max ? { ok: false, message: L(`langer dan ${max} tekens`, `longer than ${max} characters`) } : { ok: true, value: t };
  }
  if (q.type === 'multiple') {
    const whole = matchChoice(q, t);
    const parts = whole
      ? [t]
      : t
          .split(separator === ';' ? /[|,]/ : /[|;]/)
          .map((s) => s.trim())
          .filter(Boolean);
    const values = parts.map((p) => matchChoice(q, p));
    if (values.some((v) => v === null)) return { ok: false, message: L('onbekend antwoord', 'unknown answer') };
    const chosen = new Set(values as string[]);
    return { ok: true, value: q.options.filter((o) => chosen.has(o.value)).map((o) => o.value) };
  }
  const v = matchChoice(q, t);
  if (v === null) return { ok: false, message: L('onbekend antwoord', 'unknown answer') };
  return { ok: true, value: q.type === 'scale' ? Number(v) : v };
}

/** A date in a cell: YYYY-MM-DD (also at the start of a timestamp) or DD-MM-YYYY. */
export function importDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/.exec(t);
  return nl ? `${nl[3]}-${nl[2].padStart(2, '0')}-${nl[1].padStart(2, '0')}` : null;
}
