// Aggregation: the submitted answers of a survey counted per question for the country, each
// province and each size class, in one pass over the responses. Counters are typed arrays indexed
// by (group, choice), so a million answers cost a few million increments, not map lookups of
// composed keys (bench/survey.bench.ts). Suppression is applied afterwards (suppress.logic.ts).
// Pure: no I/O.
import type { Localized } from '../../i18n.ts';
import { choicesOf, isTextQuestion } from './answers.logic.ts';
import { COUNTRY_LABEL, type Group } from './groups.logic.ts';
import { countryShown, type SuppressionReason, suppressBreakdown } from './suppress.logic.ts';
import type { Answers, QuestionDef, QuestionType } from './types.ts';

export interface Stats {
  n: number;
  mean: number;
  median: number;
  min: number;
  max: number;
}

export interface GroupFigures {
  key: string;
  label: Localized;
  /** Who answered the question in this group ("weet niet" included). */
  respondents: number;
  unknown: number;
  /** Per choice of the question (choicesOf order): how many chose it. */
  counts: number[];
  /** Number and scale questions: over the answers that are numbers. */
  stats: Stats | null;
  /** Set when the figures are hidden (then respondents, counts and stats are empty). */
  suppressed: SuppressionReason | null;
}

export interface QuestionResult {
  questionId: number;
  key: string;
  type: QuestionType;
  country: GroupFigures;
  provinces: GroupFigures[];
  sizeClasses: GroupFigures[];
}

export interface SurveyResults {
  /** Submitted responses per group. */
  responses: { country: number; provinces: Record<string, number>; sizeClasses: Record<string, number> };
  questions: QuestionResult[];
  /** The threshold applied (null: not suppressed, the staff view). */
  threshold: number | null;
}

export interface AggregationInput {
  provinceCode: string;
  sizeClass: string;
  answers: Answers;
}

interface Layout {
  groups: Group[];
  index: Map<string, number>;
}

function layoutOf(provinces: readonly Group[], sizeClasses: readonly Group[]): Layout {
  const groups = [{ key: 'NL', label: COUNTRY_LABEL }, ...provinces, ...sizeClasses];
  const index = new Map<string, number>();
  for (const [i, g] of provinces.entries()) index.set(`p:${g.key}`, 1 + i);
  for (const [i, g] of sizeClasses.entries()) index.set(`s:${g.key}`, 1 + provinces.length + i);
  return { groups, index };
}

class Counter {
  readonly width: number;
  readonly choice: Record<string, number> = Object.create(null);
  readonly counts: Int32Array;
  readonly respondents: Int32Array;
  readonly unknown: Int32Array;
  readonly numbers: number[][] | null;
  readonly id: string;

  constructor(
    readonly q: QuestionDef,
    groups: number,
  ) {
    const choices = choicesOf(q);
    choices.forEach((c, i) => {
      this.choice[c.value] = i;
    });
    this.width = choices.length;
    this.counts = new Int32Array(Math.max(1, this.width) * groups);
    this.respondents = new Int32Array(groups);
    this.unknown = new Int32Array(groups);
    this.numbers = q.type === 'number' || q.type === 'scale' ? Array.from({ length: groups }, () => []) : null;
    this.id = String(q.id);
  }

  add(value: unknown, g: readonly number[]) {
    if (value === undefined) return;
    for (const x of g) this.respondents[x]++;
    if (value === null) {
      for (const x of g) this.unknown[x]++;
      return;
    }
    if (this.numbers && typeof value === 'number') for (const x of g) this.numbers[x].push(value);
    if (this.width === 0) return;
    if (Array.isArray(value)) {
      for (const v of value) this.count(this.choice[v], g);
    } else this.count(this.choice[String(value)], g);
  }

  private count(c: number | undefined, g: readonly number[]) {
    if (c === undefined) return;
    for (const x of g) this.counts[x * this.width + c]++;
  }

  figures(x: number, group: Group): GroupFigures {
    const counts = Array.from(this.counts.subarray(x * this.width, x * this.width + this.width));
    return {
      key: group.key,
      label: group.label,
      respondents: this.respondents[x],
      unknown: this.unknown[x],
      counts,
      stats: this.numbers ? statsOf(this.numbers[x]) : null,
      suppressed: null,
    };
  }
}

export function statsOf(values: number[]): Stats | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  for (const v of sorted) sum += v;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { n, mean: sum / n, median, min: sorted[0], max: sorted[n - 1] };
}

/** Counts every question for the country and each province and size class (no suppression). */
export function aggregate(
  questions: readonly QuestionDef[],
  responses: Iterable<AggregationInput>,
  groups: { provinces: readonly Group[]; sizeClasses: readonly Group[] },
): SurveyResults {
  const layout = layoutOf(groups.provinces, groups.sizeClasses);
  const counters = questions.map((q) => new Counter(q, layout.groups.length));
  const perGroup = new Int32Array(layout.groups.length);
  const both = [0, 0, 0];
  for (const r of responses) {
    const p = layout.index.get(`p:${r.provinceCode}`);
    const s = layout.index.get(`s:${r.sizeClass}`);
    let targets = both;
    if (p !== undefined && s !== undefined) {
      both[1] = p;
      both[2] = s;
    } else {
      // A group outside the listed ones still counts for the country.
      targets = [0, ...[p, s].filter((x): x is number => x !== undefined)];
    }
    for (const x of targets) perGroup[x]++;
    for (const c of counters) c.add(r.answers[c.id], targets);
  }
  const record = (from: number, list: readonly Group[]) => Object.fromEntries(list.map((grp, i) => [grp.key, perGroup[from + i]]));
  const firstSize = 1 + groups.provinces.length;
  return {
    responses: { country: perGroup[0], provinces: record(1, groups.provinces), sizeClasses: record(firstSize, groups.sizeClasses) },
    questions: counters.map((c) => ({
      questionId: c.q.id,
      key: c.q.key,
      type: c.q.type,
      country: c.figures(0, layout.groups[0]),
      provinces: groups.provinces.map((grp, i) => c.figures(1 + i, grp)),
      sizeClasses: groups.sizeClasses.map((grp, i) => c.figures(firstSize + i, grp)),
    })),
    threshold: null,
  };
}

function hide(f: GroupFigures, reason: SuppressionReason): GroupFigures {
  return { ...f, respondents: 0, unknown: 0, counts: [], stats: null, suppressed: reason };
}

function suppressList(list: GroupFigures[], threshold: number): GroupFigures[] {
  const reasons = suppressBreakdown(
    list.map((f) => f.respondents),
    threshold,
  );
  return list.map((f, i) => (reasons[i] ? hide(f, reasons[i]) : f));
}

/** The results as shown outside the staff area: small groups hidden (suppress.logic.ts), no text answers. */
export function suppressResults(results: SurveyResults, threshold: number, textQuestionIds: ReadonlySet<number>): SurveyResults {
  const questions = results.questions
    .filter((q) => !textQuestionIds.has(q.questionId))
    .map((q) => {
      if (!countryShown(q.country.respondents, threshold)) {
        return {
          ...q,
          country: hide(q.country, 'small'),
          provinces: q.provinces.map((f) => (f.respondents > 0 ? hide(f, 'small') : f)),
          sizeClasses: q.sizeClasses.map((f) => (f.respondents > 0 ? hide(f, 'small') : f)),
        };
      }
      return { ...q, provinces: suppressList(q.provinces, threshold), sizeClasses: suppressList(q.sizeClasses, threshold) };
    });
  return { ...results, questions, threshold };
}

/** The ids of the text questions (never shown outside the staff area). */
export function textQuestionIdsOf(questions: readonly QuestionDef[]): Set<number> {
  return new Set(questions.filter(isTextQuestion).map((q) => q.id));
}

/** Share (0–1) of respondents who chose choice `index`, excluding "weet niet"; null without answers. */
export function shareOf(f: GroupFigures, index: number): number | null {
  const base = f.respondents - f.unknown;
  return f.suppressed || base <= 0 ? null : (f.counts[index] ?? 0) / base;
}
