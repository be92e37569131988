// Public pages: /bijeenkomsten (upcoming and past, filters) and one page per event with its
// schema.org data and the registration form.
import type { FieldError } from '../../../http/errors.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { AUDIENCE_LABELS, TYPE_LABELS } from '../labels.ts';
import type { EventView } from '../presenters.ts';
import { AUDIENCES, EVENT_TYPES } from '../tables.ts';
import { em } from './messages.ts';

export interface Option {
  value: string;
  label: string;
}

function EventSummary(props: { e: EventView; headingLevel: 2 | 3 }) {
  const { locale } = usePage();
  const t = em(locale);
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  const e = props.e;
  return (
    <article class="gaz-event-card">
      <H class={props.headingLevel === 2 ? 'utrecht-heading-2' : 'utrecht-heading-3'}>
        <a class="utrecht-link" href={e.url}>
          {e.title}
        </a>
      </H>
      <dl class="gaz-event-facts">
        <dt>{t.when}</dt>
        <dd>
          <time dateTime={e.startsAt}>
            {e.dateLabel}, {e.startTime}–{e.endTime}
          </time>
        </dd>
        <dt>{t.type}</dt>
        <dd>{e.typeLabel}</dd>
        <dt>{t.where}</dt>
        <dd>{e.place ?? t.online}</dd>
        <dt>{t.audience}</dt>
        <dd>{e.audiences.map((a) => a.label).join(', ')}</dd>
      </dl>
      {e.cancelled ? <Paragraph class="gaz-event-cancelled">{t.cancelledEvent}</Paragraph> : null}
    </article>
  );
}

export function EventsListPage(props: {
  upcoming: EventView[];
  past: EventView[];
  provinces: Option[];
  filter: { type?: string; audience?: string; province?: string };
}) {
  const { locale } = usePage();
  const t = em(locale);
  const all = { value: '', label: t.all };
  return (
    <>
      <Heading1>{t.listTitle}</Heading1>
      <Paragraph>{t.listIntro}</Paragraph>
      <Form action="/bijeenkomsten" method="get" class="gaz-filter">
        <SelectField
          name="type"
          label={t.type}
          value={props.filter.type ?? ''}
          options={[all, ...EVENT_TYPES.map((v) => ({ value: v, label: TYPE_LABELS[v][locale] }))]}
        />
        <SelectField
          name="audience"
          label={t.audience}
          value={props.filter.audience ?? ''}
          options={[all, ...AUDIENCES.map((v) => ({ value: v, label: AUDIENCE_LABELS[v][locale] }))]}
        />
        <SelectField name="province" label={t.province} value={props.filter.province ?? ''} options={[all, ...props.provinces]} />
        <SubmitButton variant="secondary">{t.show}</SubmitButton>
      </Form>
      <Paragraph>
        <a class="utrecht-link" href="/bijeenkomsten/agenda.ics">
          {t.feed}
        </a>
      </Paragraph>
      <section aria-labelledby="upcoming-heading">
        <h2 class="utrecht-heading-2" id="upcoming-heading">
          {t.upcoming}
        </h2>
        {props.upcoming.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
        {props.upcoming.map((e) => (
          <EventSummary e={e} headingLevel={3} key={e.id} />
        ))}
      </section>
      <section aria-labelledby="past-heading">
        <h2 class="utrecht-heading-2" id="past-heading">
          {t.past}
        </h2>
        {props.past.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
        {props.past.map((e) => (
          <EventSummary e={e} headingLevel={3} key={e.id} />
        ))}
      </section>
    </>
  );
}

export interface RegistrationFormProps {
  e: EventView;
  municipalities: Option[];
  values: Record<string, string>;
  errors: FieldError[];
  invite?: string;
}

export function RegistrationForm(p: RegistrationFormProps) {
  const { locale } = usePage();
  const t = em(locale);
  const labels: Record<string, string> = { name: t.name, email: t.email, organisation: t.organisation, municipality: t.municipality };
  for (const q of p.e.questions) labels[q.id] = q.label;
  const options = [{ value: '', label: t.chooseMunicipality }, ...p.municipalities, { value: 'other', label: t.otherOrganisation }];
  return (
    <section aria-labelledby="register-heading" class="gaz-register">
      <h2 class="utrecht-heading-2" id="register-heading">
        {t.register}
      </h2>
      {p.e.placesLeft === 0 ? <Notice kind="warning">{t.full}</Notice> : null}
      <ErrorSummary errors={p.errors} labels={labels} />
      <Form action={`${p.e.url}/aanmelden`}>
        {p.invite ? <input type="hidden" name="invite" value={p.invite} /> : null}
        <TextField name="name" label={t.name} value={p.values.name} errors={p.errors} required autocomplete="name" />
        <TextField
          name="email"
          label={t.email}
          type="email"
          value={p.values.email}
          errors={p.errors}
          required
          autocomplete="email"
          description={t.emailHint}
        />
        <TextField
          name="organisation"
          label={t.organisation}
          value={p.values.organisation}
          errors={p.errors}
          required
          autocomplete="organization"
        />
        <SelectField
          name="municipality"
          label={t.municipality}
          options={options}
          value={p.values.municipality ?? ''}
          errors={p.errors}
          description={t.municipalityHint}
        />
        {p.e.questions.map((q) => (
          <TextField name={q.id} label={q.label} value={p.values[q.id]} errors={p.errors} key={q.id} />
        ))}
        <div class="gaz-honeypot" aria-hidden="true">
          <label for="field-website">{t.honeypot}</label>
          <input type="text" id="field-website" name="website" tabIndex={-1} autocomplete="off" value="" />
        </div>
        <Paragraph>{t.privacy}</Paragraph>
        <SubmitButton>{p.e.placesLeft === 0 ? t.registerWaiting : t.register}</SubmitButton>
      </Form>
    </section>
  );
}

export function EventPage(props: { e: EventView; jsonLd: string; form: RegistrationFormProps | null; canRegister: boolean }) {
  const { locale } = usePage();
  const t = em(locale);
  const e = props.e;
  let state: string | null = null;
  if (e.cancelled) state = t.cancelledEvent;
  else if (e.window === 'past') state = t.pastEvent;
  else if (e.window === 'not-yet') state = `${t.notYet} ${e.registrationOpens}.`;
  else if (e.window === 'closed') state = t.closed;
  else if (!props.canRegister) state = t.invitationOnly;
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: props.jsonLd }} />
      <Heading1>{e.title}</Heading1>
      <EventSummaryFacts e={e} />
      <div class="gaz-event-description">
        {e.description.split(/\n{2,}/).map((para, i) => (
          <Paragraph key={i}>{para}</Paragraph>
        ))}
      </div>
      <Paragraph>
        <a class="utrecht-link" href={`${e.url}/agenda.ics`}>
          {t.addToCalendar}
        </a>
      </Paragraph>
      {state ? <Notice kind={e.cancelled ? 'warning' : 'info'}>{state}</Notice> : null}
      {props.form && !state ? <RegistrationForm {...props.form} /> : null}
    </>
  );
}

function EventSummaryFacts(props: { e: EventView }) {
  const { locale } = usePage();
  const t = em(locale);
  const e = props.e;
  return (
    <dl class="gaz-event-facts">
      <dt>{t.when}</dt>
      <dd>
        <time dateTime={e.startsAt}>
          {e.dateLabel}, {e.startTime}–{e.endTime}
        </time>
      </dd>
      <dt>{t.type}</dt>
      <dd>{e.typeLabel}</dd>
      <dt>{t.where}</dt>
      <dd>{e.place ? e.place : t.online}</dd>
      {e.place && e.online ? <dd>{t.online}</dd> : null}
      <dt>{t.audience}</dt>
      <dd>{e.audiences.map((a) => a.label).join(', ')}</dd>
      <dt>{t.organisers}</dt>
      <dd>{e.organisers}</dd>
      <dt>{t.places}</dt>
      <dd>
        {e.capacity} ({e.placesLeft} {t.placesLeft})
      </dd>
    </dl>
  );
}
