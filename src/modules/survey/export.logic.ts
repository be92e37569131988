// Staff export of the responses: one row per invited municipality, one column per question (one per
// option for multiple choice, 1 = chosen), and a codebook that says what every column and code
// means. Also the aggregated (suppressed) table of the public download. Pure: no I/O.
import type { Locale } from '../../i18n.ts';
import type { SurveyResults } from './aggregate.logic.ts';
import { choicesOf, isTextQuestion } from './answers.logic.ts';
import { sizeClassLabel } from './groups.logic.ts';
import type { Answers, GroupedMunicipality, QuestionDef, ResponseStatus } from './types.ts';

export const UNKNOWN_CODE = 'weet_niet';

export interface ExportColumn {
  header: string;
  question: QuestionDef;
  /** Set for the 0/1 column of one option of a multiple-choice question. */
  option?: string;
}

export function exportColumns(questions: readonly QuestionDef[]): ExportColumn[] {
  return questions.flatMap((q): ExportColumn[] =>
    q.type === 'multiple'
      ? q.options.map((o) => ({ header: `${q.key}__${o.value}`, question: q, option: o.value }))
      : [{ header: q.key, question: q }],
  );
}

export const FIXED_HEADERS = ['gemeentecode', 'gemeente', 'provincie', 'grootteklasse', 'status', 'bron', 'ingediend_op'];

export interface ExportResponse {
  municipality: GroupedMunicipality;
  status: ResponseStatus | 'not_started';
  source: 'online' | 'import' | null;
  submittedAt: string | null;
  answers: Answers;
}

function cell(c: ExportColumn, answers: Answers): string | number | null {
  const v = answers[String(c.question.id)];
  if (v === undefined) return null;
  if (v === null) return c.option ? null : UNKNOWN_CODE;
  if (c.option) return Array.isArray(v) && v.includes(c.option) ? 1 : 0;
  return Array.isArray(v) ? v.join('|') : v;
}

/** The rows of the responses export (header first). */
export function exportRows(questions: readonly QuestionDef[], responses: readonly ExportResponse[]): (string | number | null)[][] {
  const columns = exportColumns(questions);
  const header = [...FIXED_HEADERS, ...columns.map((c) => c.header)];
  const rows = responses.map((r) => [
    r.municipality.code,
    r.municipality.name,
    r.municipality.provinceName,
    r.municipality.sizeClass,
    r.status,
    r.source,
    r.submittedAt?.slice(0, 10) ?? null,
    ...columns.map((c) => cell(c, r.answers)),
  ]);
  return [header, ...rows];
}

const TYPE_NAMES: Record<QuestionDef['type'], string> = {
  single: 'één keuze',
  multiple: 'meerdere keuzes (één kolom per antwoord: 1 = gekozen, 0 = niet)',
  yesno: 'ja/nee',
  scale: 'schaal 1–5',
  number: 'getal',
  short_text: 'korte tekst',
  long_text: 'lange tekst',
};

/** The codebook: per column its question, type and codes (header first). */
export function codebookRows(questions: readonly QuestionDef[]): string[][] {
  const rows: string[][] = [['kolom', 'vraag', 'soort', 'codes', 'verplicht', 'weet_niet_mogelijk']];
  rows.push(['gemeentecode', 'CBS-gemeentecode op de peildatum van de enquête', 'tekst', '', '', '']);
  rows.push([
    'grootteklasse',
    'CBS-gemeentegrootteklasse op de peildatum',
    'code',
    ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8'].map((k) => `${k} = ${sizeClassLabel(k).nl}`).join('; '),
    '',
    '',
  ]);
  rows.push([
    'status',
    'Stand van de respons',
    'code',
    'submitted = ingediend; in_progress = begonnen, niet ingediend; not_started = niet begonnen',
    '',
    '',
  ]);
  for (const c of exportColumns(questions)) {
    const q = c.question;
    const option = c.option ? q.options.find((o) => o.value === c.option) : undefined;
    const codes = option
      ? `1 = ${option.label.nl}`
      : [...choicesOf(q).map((x) => `${x.value} = ${x.label.nl}`), ...(q.allowUnknown ? [`${UNKNOWN_CODE} = weet niet`] : [])].join('; ');
    rows.push([
      c.header,
      option ? `${q.text.nl} — ${option.label.nl}` : q.text.nl,
      TYPE_NAMES[q.type],
      codes,
      q.required ? 'ja' : 'nee',
      q.allowUnknown ? 'ja' : 'nee',
    ]);
  }
  return rows;
}

/** The public aggregated table: per question, group and answer the count and percentage (suppressed groups marked). */
export function aggregatedRows(questions: readonly QuestionDef[], results: SurveyResults, locale: Locale): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ['vraag', 'code', 'groep_soort', 'groep', 'antwoord', 'aantal', 'percentage', 'respondenten', 'onderdrukt'],
  ];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const r of results.questions) {
    const q = byId.get(r.questionId);
    if (!q || isTextQuestion(q)) continue;
    const groups = [
      ...[r.country].map((g) => ['land', g] as const),
      ...r.provinces.map((g) => ['provincie', g] as const),
      ...r.sizeClasses.map((g) => ['grootteklasse', g] as const),
    ];
    for (const [kind, g] of groups) {
      if (g.suppressed) {
        rows.push([q.text[locale], q.key, kind, g.label[locale], null, null, null, null, `minder dan ${results.threshold} respondenten`]);
        continue;
      }
      const base = g.respondents - g.unknown;
      choicesOf(q).forEach((c, i) => {
        const n = g.counts[i] ?? 0;
        rows.push([
          q.text[locale],
          q.key,
          kind,
          g.label[locale],
          c.label[locale],
          n,
          base > 0 ? Math.round((n / base) * 1000) / 10 : null,
          g.respondents,
          '',
        ]);
      });
      if (q.type === 'number' && g.stats)
        rows.push([
          q.text[locale],
          q.key,
          kind,
          g.label[locale],
          'gemiddelde',
          Math.round(g.stats.mean * 100) / 100,
          null,
          g.respondents,
          '',
        ]);
      if (q.allowUnknown) rows.push([q.text[locale], q.key, kind, g.label[locale], 'weet niet', g.unknown, null, g.respondents, '']);
    }
  }
  return rows;
}
