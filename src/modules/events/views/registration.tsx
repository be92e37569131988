// A registrant's own pages, reached by the personal link: the registration (status, online link,
// cancel, confirm a freed place), the "check your email" page and the evaluation form.
import type { FieldError } from '../../../http/errors.ts';
import { formatDateTime } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { STATUS_LABELS } from '../labels.ts';
import type { EventView, RegistrationView } from '../presenters.ts';
import { em } from './messages.ts';

export function CheckEmailPage(props: { e: EventView }) {
  const { locale } = usePage();
  const t = em(locale);
  return (
    <>
      <Heading1>{t.checkEmailTitle}</Heading1>
      <Notice kind="ok">{t.checkEmail}</Notice>
      <Paragraph>
        <a class="utrecht-link" href={props.e.url}>
          {props.e.title}
        </a>
      </Paragraph>
    </>
  );
}

export function MyRegistrationPage(props: {
  e: EventView;
  r: RegistrationView;
  linkKey: string;
  onlineUrl: string | null;
  waitingPosition: number | null;
  notice?: string;
}) {
  const { locale } = usePage();
  const t = em(locale);
  const { e, r } = props;
  const action = `/bijeenkomsten/aanmelding/${props.linkKey}`;
  const active = r.status === 'registered' || r.status === 'waiting' || r.status === 'offered';
  return (
    <>
      <Heading1>{t.myRegistration}</Heading1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      <dl class="gaz-event-facts">
        <dt>{t.listTitle}</dt>
        <dd>
          <a class="utrecht-link" href={e.url}>
            {e.title}
          </a>
        </dd>
        <dt>{t.when}</dt>
        <dd>
          {e.dateLabel}, {e.startTime}–{e.endTime}
        </dd>
        <dt>{t.name}</dt>
        <dd>{r.name}</dd>
        <dt>{t.status}</dt>
        <dd data-status={r.status}>{STATUS_LABELS[r.status][locale]}</dd>
        {props.waitingPosition ? (
          <>
            <dt>{t.waitingPosition}</dt>
            <dd>{props.waitingPosition}</dd>
          </>
        ) : null}
        {props.onlineUrl ? (
          <>
            <dt>{t.onlineLink}</dt>
            <dd>
              <a class="utrecht-link" href={props.onlineUrl}>
                {props.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {r.status === 'offered' && r.offerExpiresAt ? (
        <section class="gaz-offer">
          <Notice kind="info">
            {t.offerUntil} {formatDateTime(r.offerExpiresAt, locale)}.
          </Notice>
          <Form action={`${action}/bevestigen`}>
            <SubmitButton>{t.confirmOffer}</SubmitButton>
          </Form>
        </section>
      ) : null}
      {active && e.window !== 'past' ? (
        <Form action={`${action}/annuleren`}>
          <SubmitButton variant="secondary">{t.cancel}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}

export function ErasedPage() {
  const { locale } = usePage();
  const t = em(locale);
  return (
    <>
      <Heading1>{t.myRegistration}</Heading1>
      <Notice kind="info">{t.erased}</Notice>
    </>
  );
}

export function EvaluationPage(props: {
  e: EventView;
  linkKey: string;
  values: Record<string, string>;
  errors: FieldError[];
  done: boolean;
}) {
  const { locale } = usePage();
  const t = em(locale);
  const options = [{ value: '', label: t.ratingScale }, ...['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))];
  return (
    <>
      <Heading1>
        {t.evaluationTitle}: {props.e.title}
      </Heading1>
      {props.done ? (
        <Notice kind="ok">{t.thanks}</Notice>
      ) : (
        <>
          <ErrorSummary errors={props.errors} labels={{ rating: t.rating, comment: t.comment }} />
          <Form action={`/bijeenkomsten/evaluatie/${props.linkKey}`}>
            <SelectField name="rating" label={t.rating} options={options} value={props.values.rating ?? ''} errors={props.errors} />
            <TextField name="comment" label={t.comment} value={props.values.comment} errors={props.errors} multiline />
            <SubmitButton>{t.send}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}
