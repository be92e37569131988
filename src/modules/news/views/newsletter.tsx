// Newsletter pages for everyone: the archive, one edition as a web page, sign-up, confirmation,
// personal preferences, unsubscribe. None of them says whether an address is subscribed.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, type Locale } from '../../../i18n.ts';
import {
  ChoiceGroup,
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
import { CONSENT_TEXT } from '../subscriber-emails.ts';
import { TOPICS, type Topic } from '../tables.ts';

export const n = defineMessages({
  signupTitle: { nl: 'Aanmelden voor de nieuwsbrief', en: 'Subscribe to the newsletter' },
  signupIntro: {
    nl: 'Eens per maand het nieuws van Gemeenten aan zet in uw mailbox. U krijgt eerst een e-mail om uw aanmelding te bevestigen.',
    en: 'Once a month the news of Gemeenten aan zet in your mailbox. You first get an email to confirm your subscription.',
  },
  email: { nl: 'E-mailadres', en: 'Email address' },
  name: { nl: 'Naam', en: 'Name' },
  organisation: { nl: 'Organisatie', en: 'Organisation' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  noMunicipality: { nl: '— geen —', en: '— none —' },
  topics: { nl: 'Onderwerpen', en: 'Topics' },
  topicsHelp: { nl: 'Kiest u niets, dan ontvangt u al het nieuws.', en: 'If you choose nothing, you receive all news.' },
  consent: { nl: 'Toestemming', en: 'Consent' },
  honeypot: { nl: 'Laat dit veld leeg', en: 'Leave this field empty' },
  submit: { nl: 'Aanmelden', en: 'Subscribe' },
  doneTitle: { nl: 'Kijk in uw mailbox', en: 'Check your mailbox' },
  done: {
    nl: 'Als dit adres zich kan aanmelden, ontvangt u binnen enkele minuten een e-mail. Bevestig uw aanmelding met de link daarin.',
    en: 'If this address can subscribe, you will receive an email within a few minutes. Confirm your subscription with the link in it.',
  },
  confirmedTitle: { nl: 'Uw aanmelding is bevestigd', en: 'Your subscription is confirmed' },
  confirmed: { nl: 'U ontvangt voortaan de nieuwsbrief.', en: 'From now on you will receive the newsletter.' },
  invalidTitle: { nl: 'Deze link werkt niet (meer)', en: 'This link does not work (any more)' },
  invalid: {
    nl: 'De link is verlopen of al gebruikt. Meld u opnieuw aan; u krijgt dan een nieuwe link.',
    en: 'The link has expired or was already used. Subscribe again to get a new link.',
  },
  again: { nl: 'Opnieuw aanmelden', en: 'Subscribe again' },
  prefsTitle: { nl: 'Uw voorkeuren voor de nieuwsbrief', en: 'Your newsletter preferences' },
  prefsFor: (email: string) => ({ nl: `Voor ${email}.`, en: `For ${email}.` }),
  save: { nl: 'Opslaan', en: 'Save' },
  saved: { nl: 'Uw voorkeuren zijn opgeslagen.', en: 'Your preferences have been saved.' },
  notActive: { nl: 'U ontvangt de nieuwsbrief nu niet.', en: 'You are not receiving the newsletter now.' },
  unsubscribe: { nl: 'Afmelden', en: 'Unsubscribe' },
  unsubscribeHelp: { nl: 'U ontvangt dan geen nieuwsbrief meer.', en: 'You will then receive no more newsletters.' },
  unsubscribedTitle: { nl: 'U bent afgemeld', en: 'You have unsubscribed' },
  unsubscribed: { nl: 'U ontvangt de nieuwsbrief niet meer.', en: 'You will no longer receive the newsletter.' },
  yourData: { nl: 'Uw gegevens', en: 'Your data' },
  download: { nl: 'Download alles wat wij van u bewaren (JSON)', en: 'Download everything we keep about you (JSON)' },
  erase: { nl: 'Verwijder al mijn gegevens', en: 'Delete all my data' },
  eraseHelp: {
    nl: 'Uw adres, keuzes en toestemmingen worden gewist. Dit kan niet ongedaan worden gemaakt.',
    en: 'Your address, choices and consents are deleted. This cannot be undone.',
  },
  erasedTitle: { nl: 'Uw gegevens zijn verwijderd', en: 'Your data have been deleted' },
  erased: { nl: 'Wij bewaren niets meer van u.', en: 'We keep nothing about you any more.' },
  editionArticles: { nl: 'In deze nieuwsbrief', en: 'In this newsletter' },
});

export const TOPIC_LABELS: Record<Topic, { nl: string; en: string }> = {
  all: { nl: 'Al het nieuws', en: 'All news' },
  municipalities: { nl: 'Alleen nieuws voor gemeenten', en: 'News for municipalities only' },
  care: { nl: 'Zorgcoördinatie', en: 'Care coordination' },
};

export interface MunicipalityOption {
  code: string;
  name: string;
}

function PreferenceFields(props: {
  values: Record<string, string | undefined>;
  errors: FieldError[];
  municipalities: MunicipalityOption[];
  locale: Locale;
}) {
  const t = n(props.locale);
  return (
    <>
      <TextField name="name" label={t.name} value={props.values.name} errors={props.errors} autocomplete="name" />
      <TextField
        name="organisation"
        label={t.organisation}
        value={props.values.organisation}
        errors={props.errors}
        autocomplete="organization"
      />
      {props.municipalities.length > 0 ? (
        <SelectField
          name="municipalityCode"
          label={t.municipality}
          value={props.values.municipalityCode}
          errors={props.errors}
          options={[{ value: '', label: t.noMunicipality }, ...props.municipalities.map((x) => ({ value: x.code, label: x.name }))]}
        />
      ) : null}
      <ChoiceGroup
        type="checkbox"
        name="topics"
        legend={t.topics}
        description={t.topicsHelp}
        options={TOPICS.map((x) => ({ value: x, label: TOPIC_LABELS[x][props.locale] }))}
        checked={(props.values.topics ?? '').split(' ')}
        errors={props.errors}
      />
    </>
  );
}

export function SignupPage(props: {
  values: Record<string, string | undefined>;
  errors: FieldError[];
  municipalities: MunicipalityOption[];
}) {
  const page = usePage();
  const t = n(page.locale);
  return (
    <>
      <Heading1>{t.signupTitle}</Heading1>
      <Paragraph>{t.signupIntro}</Paragraph>
      <ErrorSummary
        errors={props.errors}
        labels={{ email: t.email, consent: t.consent, municipalityCode: t.municipality, topics: t.topics }}
      />
      <Form action="/nieuwsbrief/aanmelden">
        <TextField
          name="email"
          label={t.email}
          type="email"
          required
          value={props.values.email}
          errors={props.errors}
          autocomplete="email"
        />
        <PreferenceFields values={props.values} errors={props.errors} municipalities={props.municipalities} locale={page.locale} />
        <div class="gaz-honeypot" aria-hidden="true">
          <label for="field-website">{t.honeypot}</label>
          <input type="text" id="field-website" name="website" tabIndex={-1} autocomplete="off" />
        </div>
        <ChoiceGroup
          type="checkbox"
          name="consent"
          legend={t.consent}
          options={[{ value: 'on', label: CONSENT_TEXT[page.locale] }]}
          checked={props.values.consent === 'on' ? ['on'] : []}
          errors={props.errors}
        />
        <SubmitButton>{t.submit}</SubmitButton>
      </Form>
    </>
  );
}

export function MessagePage(props: { title: string; text: string; link?: { href: string; label: string } }) {
  return (
    <>
      <Heading1>{props.title}</Heading1>
      <Paragraph>{props.text}</Paragraph>
      {props.link ? (
        <Paragraph>
          <a class="utrecht-link" href={props.link.href}>
            {props.link.label}
          </a>
        </Paragraph>
      ) : null}
    </>
  );
}

export function PreferencesPage(props: {
  token: string;
  email: string;
  active: boolean;
  saved: boolean;
  values: Record<string, string | undefined>;
  errors: FieldError[];
  municipalities: MunicipalityOption[];
}) {
  const page = usePage();
  const t = n(page.locale);
  const base = `/nieuwsbrief/voorkeuren/${props.token}`;
  return (
    <>
      <Heading1>{t.prefsTitle}</Heading1>
      <Paragraph>{t.prefsFor(props.email)}</Paragraph>
      {props.saved ? <Notice kind="ok">{t.saved}</Notice> : null}
      {props.active ? null : <Notice kind="warning">{t.notActive}</Notice>}
      <ErrorSummary errors={props.errors} labels={{ municipalityCode: t.municipality, topics: t.topics }} />
      <Form action={base}>
        <PreferenceFields values={props.values} errors={props.errors} municipalities={props.municipalities} locale={page.locale} />
        <SubmitButton>{t.save}</SubmitButton>
      </Form>
      {props.active ? (
        <Form action={`/nieuwsbrief/afmelden/${props.token}`} class="gaz-stack">
          <h2 class="utrecht-heading-2">{t.unsubscribe}</h2>
          <Paragraph>{t.unsubscribeHelp}</Paragraph>
          <SubmitButton variant="secondary">{t.unsubscribe}</SubmitButton>
        </Form>
      ) : null}
      <h2 class="utrecht-heading-2">{t.yourData}</h2>
      <Paragraph>
        <a class="utrecht-link" href={`${base}/gegevens.json`}>
          {t.download}
        </a>
      </Paragraph>
      <Form action={`${base}/verwijderen`}>
        <Paragraph>{t.eraseHelp}</Paragraph>
        <SubmitButton variant="secondary">{t.erase}</SubmitButton>
      </Form>
    </>
  );
}
