// Survey benchmarks (issue 9), printed, on SQLite and — when TEST_DATABASE_URL or BENCH_DATABASE_URL
// names a PostgreSQL server — on PostgreSQL:
// - aggregating 1,000,000 answers (generated here: 25,000 responses × 40 questions, every type) into
//   every result table (country, 12 provinces, 8 size classes; counts, shares, mean and median): < 1 s;
// - the 342 HTML feedback reports of a round on the map of 2025 (every municipality answered): < 10 s;
// - the 342 PDF reports of that round: < 60 s.
// Each figure is the median of three cold runs (caches forgotten; the PDFs: one run), printed with
// this process's CPU time and the load average, since on a shared machine wall time is not ours.
// `BENCH_RESPONSES` scales the first; `BENCH_PARTS=aggregation,html,pdf` picks what runs.
import { loadavg } from 'node:os';
import { h } from 'preact';
import type { Db } from '../src/db/database.ts';
import type { ServiceCtx } from '../src/deps.ts';
import { renderPageHtml } from '../src/http/render.tsx';
import type { Locale } from '../src/i18n.ts';
import { importReferenceData } from '../src/modules/atlas/index.ts';
import { addQuestion, addSection } from '../src/modules/survey/builder.service.ts';
import { demoAnswers } from '../src/modules/survey/demo-answers.ts';
import { DEMO_SECTIONS } from '../src/modules/survey/demo-questions.ts';
import { SIZE_CLASSES } from '../src/modules/survey/groups.logic.ts';
import { ensureInvitations } from '../src/modules/survey/invitations.service.ts';
import type { ReportData } from '../src/modules/survey/report.logic.ts';
import { reportPdf } from '../src/modules/survey/report-pdf.ts';
import { reportFrom, reportInputs } from '../src/modules/survey/reports.service.ts';
import { forgetResults, surveyResults } from '../src/modules/survey/results.service.ts';
import { createSurvey, requireSurvey } from '../src/modules/survey/surveys.service.ts';
import type { QuestionType, SurveyDef } from '../src/modules/survey/types.ts';
import { ReportView } from '../src/modules/survey/views/report.tsx';
import { createTestApp, type TestApp } from '../test/helpers/app.ts';
import { REFERENCE_DIR } from '../test/helpers/atlas.ts';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 25_000);
const QUESTIONS = 40;
const TYPES: QuestionType[] = ['single', 'multiple', 'yesno', 'scale', 'number', 'single', 'yesno', 'scale', 'multiple', 'long_text'];

/** The whole HTML page of a report, as the respondent's route renders it (layout included). */
function renderReportPage(data: ReportData, locale: Locale): string {
  const page = {
    locale,
    path: '/enquete/terugkoppeling',
    user: null,
    csrfToken: () => '',
    assets: { css: '/assets/app.css', islands: {} },
    islands: new Set<string>(),
  };
  return renderPageHtml(
    page,
    { title: `Terugkoppeling ${data.municipality.name}` },
    h(ReportView, { data, locale, pdfHref: '/enquete/terugkoppeling.pdf', generatedAt: null }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ms: number, limit: number) => (ms < limit ? 'met' : 'NOT met');

/** Median wall time of `runs` runs (ms); `cpu` is this process's CPU time (user + system) of the same runs. */
async function timed(runs: number, fn: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - start);
    cpus.push((used.user + used.system) / 1000);
  }
  lastCpu = median(cpus);
  return median(times);
}
let lastCpu = 0;
/** The CPU time of the last `timed` and the machine's load, printed beside wall times: on a shared 2-core machine they differ. */
const cpuNote = () => `CPU of this process ${seconds(lastCpu)}, load average ${loadavg()[0].toFixed(1)}`;
const PARTS = new Set((process.env.BENCH_PARTS ?? 'aggregation,html,pdf').split(','));

async function bigSurvey(ctx: ServiceCtx): Promise<SurveyDef> {
  const id = await createSurvey(ctx, {
    title: { nl: 'Bench', en: 'Bench' },
    intro: { nl: '', en: '' },
    referenceDate: '2025-01-01',
    opensOn: '2025-01-01',
    closesOn: '2025-02-01',
    reminderDays: [],
    previousSurveyId: null,
  });
  const section = await addSection(ctx, id, { title: { nl: 'Alles', en: 'All' }, intro: { nl: '', en: '' } });
  const none = { nl: '', en: '' };
  for (let i = 0; i < QUESTIONS; i++) {
    const type = TYPES[i % TYPES.length];
    const options =
      type === 'single' || type === 'multiple' ? ['a', 'b', 'c', 'd', 'e'].map((v) => ({ value: v, label: { nl: v, en: v } })) : [];
    await addQuestion(ctx, id, section, {
      key: `v${i}`,
      type,
      text: { nl: `Vraag ${i}`, en: `Q ${i}` },
      help: none,
      required: false,
      allowUnknown: true,
      condition: null,
      min: null,
      max: null,
      lowLabel: none,
      highLabel: none,
      options,
    });
  }
  return requireSurvey(ctx.db, id);
}

function answerFor(type: QuestionType, r: number): unknown {
  if (r % 23 === 0) return null;
  switch (type) {
    case 'single':
      return 'abcde'[r % 5];
    case 'multiple':
      return ['a', 'b', 'c', 'd', 'e'].filter((_, k) => (r >> k) & 1);
    case 'yesno':
      return r % 3 === 0 ? 'nee' : 'ja';
    case 'scale':
      return 1 + (r % 5);
    case 'number':
      return r % 97;
    default:
      return `antwoord ${r}`;
  }
}

/** 25,000 synthetic respondents spread over the 12 provinces and 8 size classes. */
async function fillAnswers(db: Db, def: SurveyDef) {
  const questions = def.sections.flatMap((s) => s.questions);
  const provinces = Array.from({ length: 12 }, (_, i) => `PV${20 + i}`);
  const at = '2025-01-15T10:00:00.000Z';
  let answers = 0;
  for (let start = 0; start < RESPONSES; start += 500) {
    const invitations = [];
    for (let r = start; r < Math.min(RESPONSES, start + 500); r++) {
      invitations.push({
        survey_id: def.id,
        municipality_code: `GB${String(r).padStart(6, '0')}`,
        municipality_name: `Bench ${r}`,
        province_code: provinces[r % 12],
        province_name: `Provincie ${r % 12}`,
        population: 1000 * r,
        size_class: SIZE_CLASSES[r % 8].key,
        invited_at: at,
        last_sent_at: at,
        created_at: at,
      });
    }
    const ids = await db
      .insertInto('survey_invitations')
      .values(invitations)
      .returning(['id', 'municipality_code', 'province_code', 'size_class'])
      .execute();
    const rows = ids.map((inv, k) => {
      const r = start + k;
      const a: Record<string, unknown> = {};
      questions.forEach((q, i) => {
        a[String(q.id)] = answerFor(q.type, r * 7 + i);
        answers += 1;
      });
      return {
        survey_id: def.id,
        invitation_id: Number(inv.id),
        municipality_code: inv.municipality_code,
        province_code: inv.province_code,
        size_class: inv.size_class,
        status: 'submitted' as const,
        source: 'import' as const,
        version: 1,
        answers_json: JSON.stringify(a),
        answer_meta_json: '{}',
        started_at: at,
        updated_at: at,
        submitted_at: at,
        submitted_by: 'bench',
      };
    });
    await db.insertInto('survey_responses').values(rows).execute();
  }
  return answers;
}

/** A round on 2025-01-01 with the demo questionnaire, every one of the 342 municipalities answered. */
async function fullRound(ctx: ServiceCtx): Promise<SurveyDef> {
  const id = await createSurvey(ctx, {
    title: { nl: 'Bench 342', en: 'Bench 342' },
    intro: { nl: '', en: '' },
    referenceDate: '2025-01-01',
    opensOn: '2025-01-01',
    closesOn: '2025-02-01',
    reminderDays: [],
    previousSurveyId: null,
  });
  for (const s of DEMO_SECTIONS) {
    const section = await addSection(ctx, id, { title: s.title, intro: s.intro });
    for (const { conditionKey: _k, ...q } of s.questions) await addQuestion(ctx, id, section, { ...q, condition: null });
  }
  await ensureInvitations(ctx, id, '2025-01-01');
  const def = await requireSurvey(ctx.db, id);
  const invitations = await ctx.db.selectFrom('survey_invitations').selectAll().where('survey_id', '=', id).execute();
  const at = '2025-01-20T10:00:00.000Z';
  await ctx.db
    .insertInto('survey_responses')
    .values(
      invitations.map((i) => ({
        survey_id: id,
        invitation_id: Number(i.id),
        municipality_code: i.municipality_code,
        province_code: i.province_code,
        size_class: i.size_class,
        status: 'submitted' as const,
        source: 'online' as const,
        version: 1,
        answers_json: JSON.stringify(demoAnswers(def, i.municipality_code, i.size_class)),
        answer_meta_json: '{}',
        started_at: at,
        updated_at: at,
        submitted_at: at,
        submitted_by: 'bench',
      })),
    )
    .execute();
  return requireSurvey(ctx.db, id);
}

async function benchAggregation(t: TestApp, ctx: ServiceCtx, label: string) {
  const big = await bigSurvey(ctx);
  const answers = await fillAnswers(t.deps.db, big);
  const aggregation = await timed(3, async () => {
    forgetResults(t.deps.db);
    await surveyResults(t.deps.db, big, { staff: true });
  });
  const cpu = cpuNote();
  const suppressed = await timed(3, async () => {
    forgetResults(t.deps.db);
    await surveyResults(t.deps.db, big, { staff: false });
  });
  console.log(
    `${label}: aggregating ${answers.toLocaleString('en')} answers (${RESPONSES} responses × ${QUESTIONS} questions) into every result table: ${seconds(aggregation)} (target < 1 s: ${verdict(aggregation, 1000)}; ${cpu}); with suppression: ${seconds(suppressed)}`,
  );
}

async function benchEngine(label: string) {
  const t: TestApp = await createTestApp();
  try {
    await importReferenceData(t.deps, REFERENCE_DIR);
    const ctx: ServiceCtx = { db: t.deps.db, actor: { userId: null, label: 'bench' }, now: new Date() };
    if (PARTS.has('aggregation')) await benchAggregation(t, ctx, label);
    if (!PARTS.has('html') && !PARTS.has('pdf')) return;
    const round = await fullRound(ctx);
    if (PARTS.has('html')) {
      let reports = 0;
      const html = await timed(3, async () => {
        forgetResults(t.deps.db);
        const inputs = await reportInputs(t.deps.db, round);
        reports = 0;
        for (const code of inputs.answers.keys()) {
          renderReportPage(reportFrom(inputs, code)!, 'nl');
          reports += 1;
        }
      });
      console.log(
        `${label}: ${reports} HTML feedback reports (data and whole page): ${seconds(html)} (target < 10 s: ${verdict(html, 10_000)}; ${cpuNote()})`,
      );
    }
    if (!PARTS.has('pdf')) return;
    const inputs = await reportInputs(t.deps.db, round);
    let bytes = 0;
    const pdf = await timed(1, async () => {
      for (const code of inputs.answers.keys()) bytes += (await reportPdf(reportFrom(inputs, code)!)).length;
    });
    console.log(
      `${label}: ${inputs.answers.size} PDF feedback reports (${(bytes / inputs.answers.size / 1024).toFixed(0)} KB each): ${seconds(pdf)} (target < 60 s: ${verdict(pdf, 60_000)}; ${cpuNote()})`,
    );
  } finally {
    await t.close();
  }
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
delete process.env.TEST_DATABASE_URL;
await benchEngine('SQLite');
if (pgUrl) {
  process.env.TEST_DATABASE_URL = pgUrl;
  await benchEngine('PostgreSQL');
} else {
  console.log(
    'PostgreSQL: skipped (set TEST_DATABASE_URL or BENCH_DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/test)',
  );
}
