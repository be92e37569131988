// Public academy pages: the catalogue, a course, self sign-up, confirming the email, and the
// public certificate verification (name, course and date only).
import type { FieldError } from '../../../http/errors.ts';
import { formatDate } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { CourseView } from '../presenters.ts';
import { am } from './messages.ts';

export function CataloguePage(props: { courses: CourseView[] }) {
  const { locale } = usePage();
  const t = am(locale);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      <ul class="gaz-course-list">
        {props.courses.map((c) => (
          <li class="gaz-course-card" key={c.id}>
            <h2 class="utrecht-heading-3">
              <a class="utrecht-link" href={c.url}>
                {c.title}
              </a>
            </h2>
            <Paragraph>{c.summary}</Paragraph>
            <Paragraph class="gaz-course-meta">
              {c.kindLabel} · {t.roles}: {c.roles.join(', ')} · {c.durationMinutes} {t.minutes}
            </Paragraph>
          </li>
        ))}
      </ul>
    </>
  );
}

export function CoursePage(props: {
  c: CourseView;
  lessonTitles: string[];
  learner: { enrolmentId: number | null } | null;
  sessions: { id: number; title: string; date: string }[];
}) {
  const { locale } = usePage();
  const t = am(locale);
  const { c } = props;
  return (
    <>
      <Heading1>{c.title}</Heading1>
      <Paragraph>{c.summary}</Paragraph>
      <dl class="gaz-event-facts">
        <dt>{t.kind}</dt>
        <dd>{c.kindLabel}</dd>
        <dt>{t.roles}</dt>
        <dd>{c.roles.join(', ')}</dd>
        <dt>{t.duration}</dt>
        <dd>
          {c.durationMinutes} {t.minutes}
        </dd>
      </dl>
      {c.kind === 'elearning' ? (
        <>
          <h2 class="utrecht-heading-2">{t.lessons}</h2>
          <ol class="utrecht-ordered-list">
            {props.lessonTitles.map((l, i) => (
              <li class="utrecht-ordered-list__item" key={i}>
                {l}
              </li>
            ))}
          </ol>
          {props.learner ? (
            props.learner.enrolmentId ? (
              <Paragraph>
                <a
                  class="utrecht-button-link utrecht-button-link--primary-action"
                  href={`/academy/leren/${props.learner.enrolmentId}/les/1`}
                >
                  {t.continue}
                </a>
              </Paragraph>
            ) : (
              <Form action="/academy/inschrijven">
                <input type="hidden" name="course" value={c.slug} />
                <SubmitButton>{t.enrol}</SubmitButton>
              </Form>
            )
          ) : (
            <Paragraph>
              {t.signupFirst}{' '}
              <a class="utrecht-link" href="/academy/aanmelden">
                {t.signup}
              </a>{' '}
              ·{' '}
              <a class="utrecht-link" href="/inloggen">
                {t.login}
              </a>
            </Paragraph>
          )}
        </>
      ) : null}
      {c.kind === 'external' && c.externalUrl ? (
        <Paragraph>
          <a class="utrecht-link" href={c.externalUrl} rel="noopener">
            {t.toProvider} {c.provider ?? c.externalUrl}
          </a>
        </Paragraph>
      ) : null}
      {c.kind === 'classroom' ? (
        <>
          <h2 class="utrecht-heading-2">{t.sessions}</h2>
          <ul class="utrecht-unordered-list">
            {props.sessions.map((s) => (
              <li class="utrecht-unordered-list__item" key={s.id}>
                <a class="utrecht-link" href={`/bijeenkomsten/${s.id}`}>
                  {s.title}
                </a>{' '}
                ({formatDate(s.date, locale)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function SignupPage(props: {
  municipalities: { value: string; label: string }[];
  values: Record<string, string>;
  errors: FieldError[];
  sent: boolean;
}) {
  const { locale } = usePage();
  const t = am(locale);
  return (
    <>
      <Heading1>{t.signupTitle}</Heading1>
      {props.sent ? (
        <Notice kind="ok">{t.checkEmail}</Notice>
      ) : (
        <>
          <Paragraph>{t.signupIntro}</Paragraph>
          <ErrorSummary errors={props.errors} labels={{ name: t.name, email: t.email, municipality: t.municipality }} />
          <Form action="/academy/aanmelden">
            <TextField
              name="name"
              label={t.name}
              value={props.values.name}
              errors={props.errors}
              required
              autocomplete="name"
              description={t.nameHint}
            />
            <TextField
              name="email"
              label={t.email}
              type="email"
              value={props.values.email}
              errors={props.errors}
              required
              autocomplete="email"
            />
            <SelectField
              name="municipality"
              label={t.municipality}
              value={props.values.municipality ?? ''}
              errors={props.errors}
              options={[{ value: '', label: t.choose }, ...props.municipalities]}
            />
            <div class="gaz-honeypot" aria-hidden="true">
              <label for="field-website">{t.honeypot}</label>
              <input type="text" id="field-website" name="website" tabIndex={-1} autocomplete="off" value="" />
            </div>
            <SubmitButton>{t.send}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

export function ConfirmPage(props: { token: string; valid: boolean; errors: FieldError[]; done: boolean }) {
  const { locale } = usePage();
  const t = am(locale);
  return (
    <>
      <Heading1>{t.confirmTitle}</Heading1>
      {props.done ? (
        <Notice kind="ok">
          {t.confirmed}{' '}
          <a class="utrecht-link" href="/inloggen">
            {t.login}
          </a>
        </Notice>
      ) : !props.valid ? (
        <Notice kind="warning">{t.expired}</Notice>
      ) : (
        <>
          <ErrorSummary errors={props.errors} labels={{ password: t.password }} />
          <Form action={`/academy/bevestigen/${props.token}`}>
            <TextField
              name="password"
              label={t.password}
              type="password"
              errors={props.errors}
              required
              autocomplete="new-password"
              description={t.passwordHint}
            />
            <SubmitButton>{t.confirm}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

export function VerifyPage(props: { code: string; found: { name: string; course: string; date: string } | null }) {
  const { locale } = usePage();
  const t = am(locale);
  return (
    <>
      <Heading1>{t.verifyTitle}</Heading1>
      {props.found ? (
        <>
          <Notice kind="ok">{t.verifyValid}</Notice>
          <dl class="gaz-event-facts">
            <dt>{t.name}</dt>
            <dd>{props.found.name}</dd>
            <dt>{t.course}</dt>
            <dd>{props.found.course}</dd>
            <dt>{t.date}</dt>
            <dd>{formatDate(props.found.date, locale)}</dd>
          </dl>
        </>
      ) : (
        <Notice kind="warning">{t.verifyUnknown}</Notice>
      )}
      <Paragraph>{props.code}</Paragraph>
    </>
  );
}
