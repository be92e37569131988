// Staff pages of the invitations: every municipality of the reference date with its recipients and
// state, the send and remind actions; per municipality its recipients (advice contacts or typed),
// resend, revoke links and reopen a submitted response.
import type { FieldError } from '../../../http/errors.ts';
import type { Locale } from '../../../i18n.ts';
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
import type { InvitableContact } from '../../advice/index.ts';
import type { Recipient } from '../invitations.service.ts';
import type { ResponseState } from '../responses.service.ts';
import type { SurveySummary } from '../types.ts';
import { date, L, T } from './common.tsx';

export interface InvitationLine {
  code: string;
  name: string;
  provinceName: string;
  recipients: number;
  invitedAt: string | null;
  links: number;
  status: ResponseState['status'];
}

export const RESPONSE_LABELS: Record<ResponseState['status'], { nl: string; en: string }> = {
  not_started: { nl: 'Niet begonnen', en: 'Not started' },
  in_progress: { nl: 'Begonnen', en: 'In progress' },
  submitted: { nl: 'Ingediend', en: 'Submitted' },
};

export function InvitationsPage(props: {
  locale: Locale;
  survey: SurveySummary;
  lines: InvitationLine[];
  notice: string | null;
  problem: string | null;
}) {
  const { locale, survey } = props;
  const base = `/beheer/enquetes/${survey.id}/uitnodigingen`;
  const waiting = props.lines.filter((l) => l.invitedAt === null).length;
  const noRecipient = props.lines.filter((l) => l.recipients === 0).length;
  return (
    <>
      <Heading1>
        {L(locale, 'Uitnodigingen', 'Invitations')}: {T(locale, survey.title)}
      </Heading1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.problem ? <Notice kind="error">{props.problem}</Notice> : null}
      <Paragraph>
        {L(
          locale,
          `${props.lines.length} gemeenten op de peildatum ${survey.referenceDate}; ${waiting} nog niet uitgenodigd; ${noRecipient} zonder ontvanger.`,
          `${props.lines.length} municipalities on ${survey.referenceDate}; ${waiting} not invited yet; ${noRecipient} without a recipient.`,
        )}
      </Paragraph>
      <div class="utrecht-button-group">
        <Form action={`${base}/versturen`} class="gaz-inline-form">
          <SubmitButton>{L(locale, `Uitnodigingen versturen (${waiting})`, `Send invitations (${waiting})`)}</SubmitButton>
        </Form>
        <Form action={`${base}/herinneren`} class="gaz-inline-form">
          <SubmitButton variant="secondary">
            {L(locale, 'Nu een herinnering sturen aan wie nog niet indiende', 'Send a reminder now to those who have not submitted')}
          </SubmitButton>
        </Form>
      </div>
      <Paragraph>
        {L(locale, 'Geplande herinneringen', 'Scheduled reminders')}:{' '}
        {survey.reminderDays.length > 0
          ? survey.reminderDays.map((d) => L(locale, `${d} dagen`, `${d} days`)).join(', ')
          : L(locale, 'geen', 'none')}{' '}
        {L(locale, 'vóór de sluiting', 'before closing')} ({date(survey.closesOn, locale)}).
      </Paragraph>
      <DataTable
        caption={L(locale, 'Gemeenten', 'Municipalities')}
        rows={props.lines}
        columns={[
          {
            header: L(locale, 'Gemeente', 'Municipality'),
            cell: (l) => (
              <a class="utrecht-link" href={`${base}/${l.code}`}>
                {l.name}
              </a>
            ),
          },
          { header: L(locale, 'Provincie', 'Province'), cell: (l) => l.provinceName },
          {
            header: L(locale, 'Ontvangers', 'Recipients'),
            cell: (l) => (l.recipients === 0 ? <strong>{L(locale, 'geen', 'none')}</strong> : l.recipients),
            numeric: true,
          },
          { header: L(locale, 'Uitgenodigd', 'Invited'), cell: (l) => (l.invitedAt ? date(l.invitedAt, locale) : '—') },
          { header: L(locale, 'Geldige links', 'Valid links'), cell: (l) => l.links, numeric: true },
          { header: L(locale, 'Stand', 'State'), cell: (l) => T(locale, RESPONSE_LABELS[l.status]) },
        ]}
      />
    </>
  );
}

export interface InvitationDetail {
  code: string;
  name: string;
  provinceName: string;
  invitedAt: string | null;
  lastSentAt: string | null;
  contacts: InvitableContact[];
  recipients: Recipient[];
  typed: string;
  state: ResponseState;
  links: number;
}

export function InvitationPage(props: {
  locale: Locale;
  survey: SurveySummary;
  d: InvitationDetail;
  notice: string | null;
  problem: string | null;
  errors: FieldError[];
}) {
  const { locale, survey, d } = props;
  const base = `/beheer/enquetes/${survey.id}/uitnodigingen/${d.code}`;
  const chosen = new Set(d.recipients.filter((r) => r.contactId !== null).map((r) => r.contactId));
  return (
    <>
      <Heading1>
        {d.name}: {T(locale, survey.title)}
      </Heading1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.problem ? <Notice kind="error">{props.problem}</Notice> : null}
      <Paragraph>
        {d.provinceName} · {L(locale, 'stand', 'state')}: {T(locale, RESPONSE_LABELS[d.state.status])}
        {d.state.submittedAt ? ` (${date(d.state.submittedAt, locale)})` : ''} · {L(locale, 'uitgenodigd', 'invited')}:{' '}
        {date(d.invitedAt, locale)} · {L(locale, 'laatst verstuurd', 'last sent')}: {date(d.lastSentAt, locale)} ·{' '}
        {L(locale, 'geldige links', 'valid links')}: {d.links}
      </Paragraph>
      <h2 class="utrecht-heading-2">{L(locale, 'Ontvangers', 'Recipients')}</h2>
      <ErrorSummary errors={props.errors} labels={{ typed: L(locale, 'Andere ontvangers', 'Other recipients') }} />
      <Form action={`${base}/ontvangers`}>
        <ChoiceGroup
          type="checkbox"
          name="contact"
          legend={L(locale, 'Contactpersonen uit het adviesoverzicht', 'Contacts from the advice records')}
          description={
            d.contacts.length === 0
              ? L(
                  locale,
                  'Deze gemeente heeft geen contactpersonen met een e-mailadres.',
                  'This municipality has no contacts with an email address.',
                )
              : undefined
          }
          checked={d.contacts.filter((c) => chosen.has(c.id)).map((c) => String(c.id))}
          options={d.contacts.map((c) => ({ value: String(c.id), label: `${c.name} (${c.email})`, id: `contact-${c.id}` }))}
        />
        <TextField
          name="typed"
          label={L(locale, 'Andere ontvangers', 'Other recipients')}
          description={L(
            locale,
            'Eén per regel, bijvoorbeeld: Jan Jansen, jan@gemeente.nl',
            'One per line, for example: Jan Jansen, jan@example.org',
          )}
          value={d.typed}
          errors={props.errors}
          multiline
        />
        <SubmitButton>{L(locale, 'Ontvangers opslaan', 'Save recipients')}</SubmitButton>
      </Form>
      <h2 class="utrecht-heading-2">{L(locale, 'Acties', 'Actions')}</h2>
      <div class="utrecht-button-group">
        <Form action={`${base}/opnieuw`} class="gaz-inline-form">
          <SubmitButton variant="secondary">
            {L(locale, 'Uitnodiging opnieuw versturen (nieuwe link)', 'Resend the invitation (new link)')}
          </SubmitButton>
        </Form>
        <Form action={`${base}/intrekken`} class="gaz-inline-form">
          <SubmitButton variant="secondary">{L(locale, 'Alle links intrekken', 'Revoke all links')}</SubmitButton>
        </Form>
        {d.state.status === 'submitted' ? (
          <Form action={`${base}/heropenen`} class="gaz-inline-form">
            <SubmitButton variant="secondary">{L(locale, 'Ingediende antwoorden heropenen', 'Reopen the submitted answers')}</SubmitButton>
          </Form>
        ) : null}
      </div>
      <Paragraph>
        <a class="utrecht-link" href={`/mijn-gemeente/${d.code}/enquetes/${survey.id}/controle`}>
          {L(locale, 'Antwoorden van deze gemeente bekijken', 'View this municipality’s answers')}
        </a>
        {' · '}
        <a class="utrecht-link" href={`/beheer/enquetes/${survey.id}/terugkoppeling/${d.code}`}>
          {L(locale, 'Terugkoppeling (voorbeeld)', 'Feedback report (preview)')}
        </a>
      </Paragraph>
    </>
  );
}
