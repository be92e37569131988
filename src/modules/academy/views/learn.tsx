// A learner's pages: a lesson, the closing quiz, "my courses" with certificates and own data; and
// a municipality's counts for its own municipality (never learners' names).
import type { FieldError } from '../../../http/errors.ts';
import { formatDate } from '../../../i18n.ts';
import {
  ChoiceGroup,
  DataTable,
  ErrorSummary,
  Form,
  Heading1,
  Notice,
  Paragraph,
  SubmitButton,
  TextField,
} from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { am } from './messages.ts';

export interface LessonView {
  position: number;
  title: string;
  body: string;
  imageUrl: string | null;
  imageAlt: string | null;
  videoUrl: string | null;
}

export function LessonPage(props: { course: string; enrolmentId: number; lesson: LessonView; total: number; done: boolean }) {
  const { locale } = usePage();
  const t = am(locale);
  const l = props.lesson;
  const base = `/academy/leren/${props.enrolmentId}`;
  return (
    <>
      <Paragraph>
        {props.course} · {t.lesson} {l.position} {t.of} {props.total}
      </Paragraph>
      <Heading1>{l.title}</Heading1>
      {l.body.split(/\n{2,}/).map((p, i) => (
        <Paragraph key={i}>{p}</Paragraph>
      ))}
      {l.imageUrl ? <img class="gaz-lesson-image" src={l.imageUrl} alt={l.imageAlt ?? ''} /> : null}
      {l.videoUrl ? (
        <Paragraph>
          <a class="utrecht-link" href={l.videoUrl} rel="noopener">
            {t.video}
          </a>
        </Paragraph>
      ) : null}
      <Form action={`${base}/les/${l.position}`}>
        <SubmitButton>{l.position < props.total ? t.done : t.toQuiz}</SubmitButton>
      </Form>
      {props.done ? <Paragraph>✓</Paragraph> : null}
    </>
  );
}

export function QuizPage(props: {
  course: string;
  enrolmentId: number;
  passMark: number;
  questions: { text: string; options: string[] }[];
  errors: FieldError[];
  result: { score: number; passed: boolean; certificateCode: string | null } | null;
}) {
  const { locale } = usePage();
  const t = am(locale);
  const base = `/academy/leren/${props.enrolmentId}`;
  return (
    <>
      <Heading1>
        {t.quiz}: {props.course}
      </Heading1>
      {props.result ? (
        <Notice kind={props.result.passed ? 'ok' : 'warning'}>
          {t.score}: {props.result.score}%. {props.result.passed ? t.passed : t.failed}
        </Notice>
      ) : null}
      {props.result?.passed ? (
        <Paragraph>
          <a class="utrecht-link" href={`${base}/certificaat.pdf`}>
            {t.certificate}
          </a>
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            {t.passMark}: {props.passMark}%
          </Paragraph>
          <ErrorSummary errors={props.errors} labels={{}} />
          <Form action={`${base}/toets`}>
            {props.questions.map((q, i) => (
              <ChoiceGroup
                key={i}
                type="radio"
                name={`q${i}`}
                id={`field-q${i}`}
                class="gaz-quiz-question"
                legend={`${i + 1}. ${q.text}`}
                options={q.options.map((o, j) => ({ value: String(j), label: o, id: `q${i}-${j}` }))}
              />
            ))}
            <SubmitButton>{t.submitQuiz}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

export interface MyCourse {
  enrolmentId: number;
  title: string;
  slug: string;
  done: number;
  total: number;
  completedAt: string | null;
  hasCertificate: boolean;
  source: string;
}

export function MyPage(props: { name: string; courses: MyCourse[]; errors: FieldError[] }) {
  const { locale } = usePage();
  const t = am(locale);
  return (
    <>
      <Heading1>{t.myTitle}</Heading1>
      <Paragraph>{props.name}</Paragraph>
      <DataTable
        caption={t.myTitle}
        captionHidden
        rows={props.courses}
        columns={[
          {
            header: t.course,
            cell: (c) =>
              c.source === 'platform' ? (
                <a class="utrecht-link" href={`/academy/leren/${c.enrolmentId}/les/1`}>
                  {c.title}
                </a>
              ) : (
                c.title
              ),
          },
          { header: t.progress, cell: (c) => (c.total > 0 ? `${c.done} / ${c.total}` : '—') },
          { header: t.completed, cell: (c) => (c.completedAt ? formatDate(c.completedAt, locale) : '—') },
          {
            header: 'PDF',
            cell: (c) =>
              c.hasCertificate ? (
                <a class="utrecht-link" href={`/academy/leren/${c.enrolmentId}/certificaat.pdf`}>
                  {t.certificate}
                </a>
              ) : null,
          },
        ]}
      />
      <h2 class="utrecht-heading-2">{t.myData}</h2>
      <Paragraph>
        <a class="utrecht-link" href="/academy/mijn/gegevens.json">
          {t.download}
        </a>
      </Paragraph>
      <h2 class="utrecht-heading-2">{t.deleteTitle}</h2>
      <Paragraph>{t.deleteHint}</Paragraph>
      <ErrorSummary errors={props.errors} labels={{ confirm: t.deleteConfirm }} />
      <Form action="/academy/mijn/verwijderen">
        <TextField name="confirm" label={t.deleteConfirm} errors={props.errors} required />
        <SubmitButton variant="secondary">{t.delete}</SubmitButton>
      </Form>
    </>
  );
}

export function MunicipalityPage(props: {
  name: string;
  code: string;
  from: string;
  to: string;
  rows: { course: string; enrolments: number; completions: number }[];
}) {
  const { locale } = usePage();
  const t = am(locale);
  return (
    <>
      <Heading1>{t.municipalityTitle}</Heading1>
      <Paragraph>
        {props.name} ({props.code}) · {t.period}: {props.from} – {props.to}
      </Paragraph>
      <Paragraph>{t.countsOnly}</Paragraph>
      <DataTable
        caption={`${t.title}: ${props.name}`}
        rows={props.rows}
        columns={[
          { header: t.course, cell: (r) => r.course },
          { header: t.enrolments, cell: (r) => r.enrolments, numeric: true },
          { header: t.completions, cell: (r) => r.completions, numeric: true },
        ]}
      />
    </>
  );
}
