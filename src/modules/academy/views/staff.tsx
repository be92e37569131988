// Staff pages of the academy: courses (list and form), importing external completions (dry run
// first), and reach per municipality and course on a map, as CSV/XLSX too.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages } from '../../../i18n.ts';
import { type LegendClass, MapWithLegend } from '../../../views/choropleth/index.ts';
import {
  ChoiceGroup,
  DataTable,
  ErrorSummary,
  Form,
  Heading1,
  Notice,
  Paragraph,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { NOT_REACHED } from '../../events/index.ts';
import type { ImportPlan } from '../import.service.ts';
import type { CourseView } from '../presenters.ts';
import { COURSE_KINDS, ROLES_AIMED } from '../tables.ts';
import { am } from './messages.ts';

const sm = defineMessages({
  staffTitle: { nl: 'Academy beheren', en: 'Manage the academy' },
  newCourse: { nl: 'Nieuwe cursus', en: 'New course' },
  importTitle: { nl: 'Afronding bij andere leerplatforms importeren', en: 'Import completions from other platforms' },
  reachTitle: { nl: 'Bereik van de academy', en: 'Reach of the academy' },
  title: { nl: 'Titel', en: 'Title' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
  externalUrl: { nl: 'Link naar de cursus (andere aanbieder)', en: 'Link to the course (other provider)' },
  provider: { nl: 'Aanbieder', en: 'Provider' },
  eventIds: { nl: 'Bijeenkomsten (nummers, klassikaal)', en: 'Events (numbers, classroom)' },
  passMark: { nl: 'Cesuur (percentage goed)', en: 'Pass mark (percentage)' },
  duration: { nl: 'Duur (minuten)', en: 'Duration (minutes)' },
  lessons: { nl: 'Lessen', en: 'Lessons' },
  lessonsHint: {
    nl: 'Elke les begint met “# Titel”. “Video: https://…” en “Afbeelding: https://… | omschrijving” op een eigen regel.',
    en: 'Each lesson starts with “# Title”.',
  },
  quiz: { nl: 'Toets', en: 'Quiz' },
  quizHint: {
    nl: 'Een vraag begint met “? ”; antwoorden met “- ” (fout) of “* ” (goed).',
    en: 'A question starts with “? ”; answers with “- ” or “* ” (right).',
  },
  status: { nl: 'Status', en: 'Status' },
  published: { nl: 'Gepubliceerd', en: 'Published' },
  draft: { nl: 'Concept', en: 'Draft' },
  save: { nl: 'Opslaan', en: 'Save' },
  csv: { nl: 'CSV-regels (email, cursus, datum)', en: 'CSV lines (email, course, date)' },
  csvHint: {
    nl: 'Eerste regel: email;cursus;datum. Cursus: titel of code uit de catalogus. Datum: JJJJ-MM-DD.',
    en: 'First line: email;course;date.',
  },
  check: { nl: 'Controleer (proefimport)', en: 'Check (dry run)' },
  doImport: { nl: 'Importeer de herkende regels', en: 'Import the matched rows' },
  matched: { nl: 'Herkend', en: 'Matched' },
  unmatched: { nl: 'Niet herkend', en: 'Not matched' },
  line: { nl: 'Regel', en: 'Line' },
  reason: { nl: 'Waarom', en: 'Why' },
  imported: { nl: 'Geïmporteerd', en: 'Imported' },
  from: { nl: 'Van', en: 'From' },
  to: { nl: 'Tot en met', en: 'To' },
  course: { nl: 'Cursus', en: 'Course' },
  all: { nl: 'Alle cursussen', en: 'All courses' },
  show: { nl: 'Toon', en: 'Show' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  legend: { nl: 'Afgeronde cursussen', en: 'Courses completed' },
});

export function StaffCoursesPage(props: { courses: (CourseView & { status: string })[] }) {
  const { locale } = usePage();
  const t = sm(locale);
  return (
    <>
      <Heading1>{t.staffTitle}</Heading1>
      <Paragraph>
        <a class="utrecht-button-link utrecht-button-link--primary-action" href="/beheer/academy/cursussen/nieuw">
          {t.newCourse}
        </a>{' '}
        <a class="utrecht-link" href="/beheer/academy/import">
          {t.importTitle}
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href="/beheer/academy/bereik">
          {t.reachTitle}
        </a>
      </Paragraph>
      <DataTable
        caption={t.staffTitle}
        captionHidden
        rows={props.courses}
        columns={[
          {
            header: t.title,
            cell: (c) => (
              <a class="utrecht-link" href={`/beheer/academy/cursussen/${c.id}`}>
                {c.title}
              </a>
            ),
          },
          { header: 'Vorm', cell: (c) => c.kindLabel },
          { header: t.status, cell: (c) => (c.status === 'published' ? t.published : t.draft) },
        ]}
      />
    </>
  );
}

export function CourseFormPage(props: { action: string; heading: string; values: Record<string, string>; errors: FieldError[] }) {
  const { locale } = usePage();
  const t = sm(locale);
  const a = am(locale);
  const v = props.values;
  const labels = {
    title: t.title,
    summary: t.summary,
    kind: a.kind,
    roles: a.roles,
    externalUrl: t.externalUrl,
    eventIds: t.eventIds,
    passMark: t.passMark,
    durationMinutes: t.duration,
    lessons: t.lessons,
    quiz: t.quiz,
  };
  const checked = (v.roles ?? '').split(' ');
  return (
    <>
      <Heading1>{props.heading}</Heading1>
      <ErrorSummary errors={props.errors} labels={labels} />
      <Form action={props.action}>
        <TextField name="title" label={t.title} value={v.title} errors={props.errors} required />
        <TextField name="summary" label={t.summary} value={v.summary} errors={props.errors} required multiline />
        <SelectField
          name="kind"
          label={a.kind}
          value={v.kind ?? 'elearning'}
          errors={props.errors}
          options={COURSE_KINDS.map((k) => ({ value: k, label: a[k] }))}
        />
        <ChoiceGroup
          type="checkbox"
          name="roles"
          legend={a.roles}
          class="gaz-checkbox-group"
          errors={props.errors}
          checked={checked}
          options={ROLES_AIMED.map((r) => ({ value: r, label: a[r] }))}
        />
        <TextField name="externalUrl" label={t.externalUrl} type="url" value={v.externalUrl} errors={props.errors} />
        <TextField name="provider" label={t.provider} value={v.provider} errors={props.errors} />
        <TextField name="eventIds" label={t.eventIds} value={v.eventIds} errors={props.errors} />
        <TextField name="passMark" label={t.passMark} type="number" value={v.passMark ?? '70'} errors={props.errors} required />
        <TextField
          name="durationMinutes"
          label={t.duration}
          type="number"
          value={v.durationMinutes ?? '30'}
          errors={props.errors}
          required
        />
        <TextField name="lessons" label={t.lessons} value={v.lessons} errors={props.errors} multiline description={t.lessonsHint} />
        <TextField name="quiz" label={t.quiz} value={v.quiz} errors={props.errors} multiline description={t.quizHint} />
        <SelectField
          name="status"
          label={t.status}
          value={v.status ?? 'published'}
          options={[
            { value: 'published', label: t.published },
            { value: 'draft', label: t.draft },
          ]}
        />
        <SubmitButton>{t.save}</SubmitButton>
      </Form>
    </>
  );
}

export function ImportPage(props: { csv: string; errors: FieldError[]; plan: ImportPlan | null; imported: boolean }) {
  const { locale } = usePage();
  const t = sm(locale);
  return (
    <>
      <Heading1>{t.importTitle}</Heading1>
      <ErrorSummary errors={props.errors} labels={{ csv: t.csv }} />
      {props.plan ? (
        <>
          <Notice kind={props.plan.unmatched.length > 0 ? 'warning' : 'ok'}>
            {props.imported ? t.imported : t.matched}: {props.plan.matched.length} · {t.unmatched}: {props.plan.unmatched.length}
          </Notice>
          {props.plan.unmatched.length > 0 ? (
            <DataTable
              caption={t.unmatched}
              rows={props.plan.unmatched}
              columns={[
                { header: t.line, cell: (r) => r.line, numeric: true },
                { header: 'E-mail', cell: (r) => r.email },
                { header: t.course, cell: (r) => r.course },
                { header: t.reason, cell: (r) => r.reason[locale] },
              ]}
            />
          ) : null}
        </>
      ) : null}
      <Form action="/beheer/academy/import">
        <TextField name="csv" label={t.csv} value={props.csv} errors={props.errors} required multiline description={t.csvHint} />
        <SubmitButton variant="secondary" name="action" value="check">
          {t.check}
        </SubmitButton>{' '}
        <SubmitButton name="action" value="import">
          {t.doImport}
        </SubmitButton>
      </Form>
    </>
  );
}

export function AcademyReachPage(props: {
  from: string;
  to: string;
  courseId: string;
  courses: { value: string; label: string }[];
  errors: FieldError[];
  svg: string | null;
  legend: LegendClass[];
  counts: Map<string, number>;
  rows: { name: string; course: string; enrolments: number; completions: number }[];
  query: string;
}) {
  const { locale } = usePage();
  const t = sm(locale);
  const a = am(locale);
  return (
    <>
      <Heading1>{t.reachTitle}</Heading1>
      <ErrorSummary errors={props.errors} labels={{ from: t.from, to: t.to }} />
      <Form action="/beheer/academy/bereik" method="get" class="gaz-filter">
        <TextField name="from" label={t.from} type="date" value={props.from} errors={props.errors} />
        <TextField name="to" label={t.to} type="date" value={props.to} errors={props.errors} />
        <SelectField name="course" label={t.course} value={props.courseId} options={[{ value: '', label: t.all }, ...props.courses]} />
        <SubmitButton variant="secondary">{t.show}</SubmitButton>
      </Form>
      <Paragraph>
        <a class="utrecht-link" href={`/beheer/academy/bereik.csv?${props.query}`}>
          CSV
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href={`/beheer/academy/bereik.xlsx?${props.query}`}>
          XLSX
        </a>
      </Paragraph>
      <MapWithLegend
        svg={props.svg}
        legend={{ id: 'academy-reach-legend', heading: t.legend, classes: props.legend, locale, counts: props.counts, noData: NOT_REACHED }}
      />
      <DataTable
        caption={t.reachTitle}
        rows={props.rows}
        columns={[
          { header: t.municipality, cell: (r) => r.name },
          { header: t.course, cell: (r) => r.course },
          { header: a.enrolments, cell: (r) => r.enrolments, numeric: true },
          { header: a.completions, cell: (r) => r.completions, numeric: true },
        ]}
      />
    </>
  );
}
