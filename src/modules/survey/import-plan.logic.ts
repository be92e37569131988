// The dry run of an import: every column mapped (or named as unmappable), every row's municipality
// found on the reference date (or named), every cell read (or named). Pure: no I/O.
import type { Localized } from '../../i18n.ts';
import { normalizeLabel, parseCsv } from './csv.logic.ts';
import {
  type ColumnTarget,
  columnTarget,
  type ImportPlan,
  type ImportProblem,
  type ImportRow,
  importCell,
  importDate,
  type MunicipalityLookup,
  NO_WORDS,
  normalizeCode,
  YES_WORDS,
} from './import.logic.ts';
import type { Answers, QuestionDef } from './types.ts';

const L = (nl: string, en: string): Localized => ({ nl, en });

export const MAX_IMPORT_ROWS = 2000;

function columnProblems(columns: ImportPlan['columns']): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, string>();
  for (const c of columns) {
    if (c.target === null) {
      problems.push({
        line: 1,
        column: c.header,
        value: null,
        message: L('Deze kolom past bij geen vraag of antwoord van de enquête.', 'This column matches no question or option.'),
      });
      continue;
    }
    if (c.target.kind !== 'question' && c.target.kind !== 'option') continue;
    const id = c.target.kind === 'question' ? `q${c.target.questionId}` : `o${c.target.questionId}:${c.target.value}`;
    const earlier = seen.get(id);
    if (earlier)
      problems.push({
        line: 1,
        column: c.header,
        value: null,
        message: L(`Deze kolom gaat over hetzelfde als kolom ‘${earlier}’.`, `Same as column ‘${earlier}’.`),
      });
    else seen.set(id, c.header);
  }
  if (!columns.some((c) => c.target?.kind === 'code' || c.target?.kind === 'name')) {
    problems.push({
      line: 1,
      column: null,
      value: null,
      message: L(
        'Er is geen kolom met de gemeentecode (bijvoorbeeld ‘gemeentecode’) of de gemeentenaam.',
        'There is no column with the municipality code or name.',
      ),
    });
  }
  return problems;
}

function municipalityOf(
  cells: string[],
  columns: ImportPlan['columns'],
  lookup: MunicipalityLookup,
): { code: string | null; raw: string; column: string } {
  const codeAt = columns.findIndex((c) => c.target?.kind === 'code');
  const nameAt = columns.findIndex((c) => c.target?.kind === 'name');
  const at = codeAt >= 0 ? codeAt : nameAt;
  const raw = (cells[at] ?? '').trim();
  if (at < 0) return { code: null, raw, column: '' };
  const code = codeAt >= 0 ? normalizeCode(raw) : (lookup.byName.get(normalizeLabel(raw)) ?? null);
  return { code, raw, column: columns[at].header };
}

function optionCell(text: string): boolean | null {
  const t = normalizeLabel(text);
  if (t === '' || NO_WORDS.has(t)) return false;
  return YES_WORDS.has(t) ? true : null;
}

function readRow(
  line: number,
  cells: string[],
  plan: { columns: ImportPlan['columns']; questions: Map<number, QuestionDef>; separator: string },
): { answers: Answers; submittedOn: string | null; problems: ImportProblem[] } {
  const answers: Answers = {};
  const problems: ImportProblem[] = [];
  const chosen = new Map<number, Set<string>>();
  let submittedOn: string | null = null;
  plan.columns.forEach((c, i) => {
    const text = cells[i] ?? '';
    const t: ColumnTarget | null = c.target;
    if (t === null) return;
    if (t.kind === 'submitted' && text.trim() !== '') {
      submittedOn = importDate(text);
      if (!submittedOn)
        problems.push({
          line,
          column: c.header,
          value: text,
          message: L('geen datum (gebruik JJJJ-MM-DD)', 'not a date (use YYYY-MM-DD)'),
        });
    } else if (t.kind === 'question') {
      const cell = importCell(plan.questions.get(t.questionId)!, text, plan.separator);
      if (!cell.ok) problems.push({ line, column: c.header, value: text, message: cell.message });
      else if (cell.value !== undefined) answers[String(t.questionId)] = cell.value;
    } else if (t.kind === 'option') {
      const on = optionCell(text);
      if (on === null) problems.push({ line, column: c.header, value: text, message: L('gebruik 1/0 of ja/nee', 'use 1/0 or yes/no') });
      const set = chosen.get(t.questionId) ?? new Set<string>();
      if (on) set.add(t.value);
      chosen.set(t.questionId, set);
    }
  });
  for (const [id, set] of chosen) {
    if (answers[String(id)] !== undefined || set.size === 0) continue;
    answers[String(id)] = plan.questions
      .get(id)!
      .options.filter((o) => set.has(o.value))
      .map((o) => o.value);
  }
  return { answers, submittedOn, problems };
}

/** Maps a CSV export onto the survey's questions; see import.logic.ts for the rules per cell. */
export function planImport(text: string, questions: readonly QuestionDef[], lookup: MunicipalityLookup): ImportPlan {
  const { rows, separator } = parseCsv(text);
  if (rows.length === 0) {
    return {
      columns: [],
      rows: [],
      total: 0,
      problems: [{ line: null, column: null, value: null, message: L('Het bestand is leeg.', 'The file is empty.') }],
    };
  }
  const headers = rows[0].map((h) => h.trim());
  const hasCode = headers.some((h) => columnTarget(h, questions, false)?.kind === 'code');
  const columns = headers.map((header) => ({ header, target: columnTarget(header, questions, hasCode) }));
  const problems = columnProblems(columns);
  const data = rows.slice(1, 1 + MAX_IMPORT_ROWS);
  if (rows.length - 1 > MAX_IMPORT_ROWS) {
    problems.push({
      line: null,
      column: null,
      value: null,
      message: L(
        `Het bestand heeft meer dan ${MAX_IMPORT_ROWS} rijen; alleen de eerste worden gelezen.`,
        `More than ${MAX_IMPORT_ROWS} rows; only the first are read.`,
      ),
    });
  }
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Map<string, number>();
  const out: ImportRow[] = [];
  data.forEach((cells, i) => {
    const line = i + 2;
    const m = municipalityOf(cells, columns, lookup);
    const rowProblems: ImportProblem[] = [];
    const name = m.code ? lookup.names.get(m.code) : undefined;
    if (!m.code)
      rowProblems.push({
        line,
        column: m.column || null,
        value: m.raw,
        message: L('Geen gemeente gevonden bij deze waarde.', 'No municipality found for this value.'),
      });
    else if (!name)
      rowProblems.push({
        line,
        column: m.column,
        value: m.raw,
        message: L(
          `${m.code} bestond niet op de peildatum ${lookup.referenceDate}.`,
          `${m.code} did not exist on the reference date ${lookup.referenceDate}.`,
        ),
      });
    else if (seen.has(m.code))
      rowProblems.push({
        line,
        column: m.column,
        value: m.raw,
        message: L(`${name} staat ook al op regel ${seen.get(m.code)}.`, `${name} is also on line ${seen.get(m.code)}.`),
      });
    else if (lookup.answered.has(m.code))
      rowProblems.push({
        line,
        column: m.column,
        value: m.raw,
        message: L(`${name} heeft al een antwoord in deze enquête.`, `${name} already has a response in this survey.`),
      });
    if (m.code && name && !seen.has(m.code)) seen.set(m.code, line);
    const read = readRow(line, cells, { columns, questions: byId, separator });
    rowProblems.push(...read.problems);
    problems.push(...rowProblems);
    if (rowProblems.length === 0 && m.code) out.push({ line, code: m.code, answers: read.answers, submittedOn: read.submittedOn });
  });
  return { columns, problems, rows: out, total: data.length };
}
