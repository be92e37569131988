// The feedback report of one municipality: its own answers beside its province, its size class and
// the country (suppressed figures as shown outside the staff area), with a short explanation per
// question and the change since the previous round (predecessors' answers carried and labelled).
// The result is plain data in both languages, stored as it was sent (survey_reports.data_json) and
// rendered as HTML and PDF. Pure: no I/O.
import { formatNumber, type Localized } from '../../i18n.ts';
import type { GroupFigures, QuestionResult, SurveyResults } from './aggregate.logic.ts';
import { shareOf } from './aggregate.logic.ts';
import { choicesOf, formatAnswer, isTextQuestion } from './answers.logic.ts';
import { CHANGE_LABELS, type Change, compareWithPrevious, numberDelta, type PreviousAnswer, sourceLabel } from './carry.logic.ts';
import { sizeClassLabel } from './groups.logic.ts';
import type { Answers, GroupedMunicipality, QuestionDef, SurveyDef } from './types.ts';

export interface ReportGroup {
  label: Localized;
  respondents: number | null;
  suppressed: boolean;
}

export interface ReportRow {
  label: Localized;
  own: boolean;
  /** Share per group (province, size class, country), 0–1; null when hidden or without answers. */
  shares: (number | null)[];
}

export interface ReportItem {
  questionId: number;
  key: string;
  kind: 'choice' | 'number' | 'text';
  text: Localized;
  /** The municipality's own answer as read (null: not answered). */
  own: Localized | null;
  groups: ReportGroup[];
  rows: ReportRow[];
  /** Number and scale questions: mean per group (null when hidden). */
  means: (number | null)[];
  explanation: Localized;
  previous: { label: Localized; answer: Localized }[];
  change: Change;
  changeLabel: Localized;
}

export interface ReportData {
  survey: { id: number; title: Localized; referenceDate: string; closesOn: string };
  municipality: { code: string; name: string; provinceName: string; sizeClass: Localized };
  previousRound: Localized | null;
  threshold: number;
  responses: number;
  sections: { title: Localized; items: ReportItem[] }[];
}

export interface PreviousContext {
  title: Localized;
  /** Previous round's questions by key. */
  questionsByKey: ReadonlyMap<string, QuestionDef>;
  /** The sources (self or predecessors) with their answers. */
  sources: readonly { source: PreviousAnswer['source']; answers: Answers }[];
}

const pct = (share: number | null, locale: 'nl' | 'en') => (share === null ? '—' : `${formatNumber(share * 100, locale)}%`);

function groupOf(f: GroupFigures): ReportGroup {
  return { label: f.label, respondents: f.suppressed ? null : f.respondents, suppressed: f.suppressed !== null };
}

function both(make: (locale: 'nl' | 'en') => string): Localized {
  return { nl: make('nl'), en: make('en') };
}

function choiceExplanation(q: QuestionDef, own: Answers[string] | undefined, figures: GroupFigures[]): Localized {
  if (own === undefined)
    return { nl: 'Uw gemeente heeft deze vraag niet beantwoord.', en: 'Your municipality did not answer this question.' };
  if (own === null) return { nl: 'Uw gemeente antwoordde ‘weet niet’.', en: 'Your municipality answered ‘don’t know’.' };
  if (Array.isArray(own)) {
    return {
      nl: `Uw gemeente koos ${own.length} ${own.length === 1 ? 'antwoord' : 'antwoorden'}. De tabel laat per antwoord zien welk deel van de gemeenten het koos.`,
      en: `Your municipality chose ${own.length} ${own.length === 1 ? 'answer' : 'answers'}. The table shows per answer which share of municipalities chose it.`,
    };
  }
  const index = choicesOf(q).findIndex((c) => String(own) === c.value);
  const [province, size, country] = figures;
  return both((l) => {
    const answer = formatAnswer(q, own, l);
    const part = (f: GroupFigures, nl: string, en: string) =>
      f.suppressed
        ? l === 'nl'
          ? `${nl}: te weinig respondenten om te tonen`
          : `${en}: too few respondents to show`
        : `${l === 'nl' ? nl : en} ${pct(shareOf(f, index), l)}`;
    const lead =
      l === 'nl'
        ? `Uw gemeente antwoordde ‘${answer}’. Dit antwoord koos:`
        : `Your municipality answered ‘${answer}’. This answer was chosen by:`;
    return `${lead} ${part(province, `in ${province.label.nl}`, `in ${province.label.en}`)}; ${part(size, 'in uw grootteklasse', 'in your size class')}; ${part(country, 'in heel Nederland', 'in the whole country')}.`;
  });
}

function numberExplanation(own: Answers[string] | undefined, country: GroupFigures): Localized {
  if (country.suppressed || !country.stats) return { nl: '', en: '' };
  const stats = country.stats;
  return both((l) => {
    const mean = formatNumber(stats.mean, l, 1);
    const median = formatNumber(stats.median, l, 1);
    const mine =
      typeof own === 'number'
        ? l === 'nl'
          ? ` Uw gemeente zit ${own > stats.mean ? 'boven' : own < stats.mean ? 'onder' : 'op'} het gemiddelde.`
          : ` Your municipality is ${own > stats.mean ? 'above' : own < stats.mean ? 'below' : 'at'} the mean.`
        : '';
    return l === 'nl'
      ? `Gemiddeld in Nederland: ${mean}; de helft van de gemeenten zit op of onder ${median}.${mine}`
      : `Mean in the Netherlands: ${mean}; half of the municipalities are at or below ${median}.${mine}`;
  });
}

function previousOf(q: QuestionDef, own: Answers[string] | undefined, prev: PreviousContext | null) {
  if (!prev) return { previous: [], change: 'no-previous' as Change };
  const pq = prev.questionsByKey.get(q.key);
  const answers: PreviousAnswer[] = prev.sources.map((s) => ({ source: s.source, value: pq ? s.answers[String(pq.id)] : undefined }));
  const change = compareWithPrevious(own, pq !== undefined, answers);
  const previous = pq
    ? answers.map((a) => ({
        label: sourceLabel(a.source),
        answer: a.value === undefined ? { nl: 'niet beantwoord', en: 'not answered' } : both((l) => formatAnswer(pq, a.value, l)),
      }))
    : [];
  const delta = numberDelta(q, own, answers);
  const changeLabel =
    delta === null
      ? CHANGE_LABELS[change]
      : both((l) => `${CHANGE_LABELS[change][l]} (${delta >= 0 ? '+' : ''}${formatNumber(delta, l, Number.isInteger(delta) ? 0 : 1)})`);
  return { previous, change, changeLabel };
}

function itemOf(
  q: QuestionDef,
  result: QuestionResult | undefined,
  own: Answers[string] | undefined,
  prev: PreviousContext | null,
  m: GroupedMunicipality,
): ReportItem {
  const kind = isTextQuestion(q) ? 'text' : q.type === 'number' ? 'number' : 'choice';
  const figures = result
    ? [
        result.provinces.find((f) => f.key === m.provinceCode),
        result.sizeClasses.find((f) => f.key === m.sizeClass),
        result.country,
      ].filter((f): f is GroupFigures => f !== undefined)
    : [];
  const chosen = new Set(own === undefined || own === null ? [] : Array.isArray(own) ? own : [String(own)]);
  const rows: ReportRow[] =
    kind === 'choice'
      ? choicesOf(q).map((c, i) => ({ label: c.label, own: chosen.has(c.value), shares: figures.map((f) => shareOf(f, i)) }))
      : [];
  const means = q.type === 'number' || q.type === 'scale' ? figures.map((f) => (f.suppressed || !f.stats ? null : f.stats.mean)) : [];
  const explanation =
    kind === 'text'
      ? {
          nl: 'Open antwoorden worden niet met andere gemeenten vergeleken.',
          en: 'Open answers are not compared with other municipalities.',
        }
      : figures.length < 3
        ? { nl: '', en: '' }
        : kind === 'number'
          ? numberExplanation(own, figures[2])
          : choiceExplanation(q, own, figures);
  const p = previousOf(q, own, prev);
  return {
    questionId: q.id,
    key: q.key,
    kind,
    text: q.text,
    own: own === undefined ? null : both((l) => formatAnswer(q, own, l)),
    groups: figures.map(groupOf),
    rows,
    means,
    explanation,
    previous: p.previous,
    change: p.change,
    changeLabel: p.changeLabel ?? CHANGE_LABELS[p.change],
  };
}

/** The report of `municipality` in a survey: `results` must already be suppressed for showing outside the staff area. */
export function buildReport(
  def: SurveyDef,
  results: SurveyResults,
  municipality: GroupedMunicipality,
  own: Answers,
  prev: PreviousContext | null,
): ReportData {
  const byId = new Map(results.questions.map((r) => [r.questionId, r]));
  return {
    survey: { id: def.id, title: def.title, referenceDate: def.referenceDate, closesOn: def.closesOn },
    municipality: {
      code: municipality.code,
      name: municipality.name,
      provinceName: municipality.provinceName,
      sizeClass: sizeClassLabel(municipality.sizeClass),
    },
    previousRound: prev?.title ?? null,
    threshold: results.threshold ?? 0,
    responses: results.responses.country,
    sections: def.sections.map((s) => ({
      title: s.title,
      items: s.questions.map((q) => itemOf(q, byId.get(q.id), own[String(q.id)], prev, municipality)),
    })),
  };
}
