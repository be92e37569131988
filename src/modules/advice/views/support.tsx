// /ondersteuning: the programme's advisers (as each chooses to publish) and the support request form,
// which works without an account; and the page after sending.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Values } from '../form-kit.ts';
import type { AdviserProfile } from '../settings.service.ts';
import { CONTACT_ROLES } from '../tables.ts';
import { ROLE_LABELS } from './labels.ts';

const m = defineMessages({
  title: { nl: 'Ondersteuning voor gemeenten', en: 'Support for municipalities' },
  intro: {
    nl: 'Wilt u als gemeente werken aan de aanpak van mensenhandel en kunt u daar hulp bij gebruiken? De adviseurs van het programma denken met u mee: over beleid, signalering, samenwerking in de regio en opvang en zorg. Stel uw vraag hieronder; u hebt geen account nodig.',
    en: 'Does your municipality want to work on its approach to human trafficking and could it use help? The programme’s advisers think along with you: about policy, signalling, regional cooperation, shelter and care. Ask your question below; you need no account.',
  },
  advisers: { nl: 'De adviseurs', en: 'The advisers' },
  noAdvisers: { nl: 'De adviseurs stellen zich binnenkort hier voor.', en: 'The advisers will introduce themselves here soon.' },
  form: { nl: 'Uw vraag', en: 'Your question' },
  municipality: { nl: 'Uw gemeente', en: 'Your municipality' },
  choose: { nl: '— kies uw gemeente —', en: '— choose your municipality —' },
  name: { nl: 'Uw naam', en: 'Your name' },
  role: { nl: 'Uw functie', en: 'Your role' },
  email: { nl: 'Uw e-mailadres', en: 'Your email address' },
  emailHint: {
    nl: 'U krijgt een bevestiging op dit adres; de adviseur antwoordt u hier.',
    en: 'You get a confirmation at this address; the adviser answers you here.',
  },
  question: { nl: 'Waar kunnen de adviseurs u mee helpen?', en: 'What can the advisers help you with?' },
  honeypot: { nl: 'Laat dit veld leeg', en: 'Leave this field empty' },
  privacy: {
    nl: 'Wij bewaren uw naam, functie en e-mailadres als contactpersoon van uw gemeente, met uw toestemming, zolang u met het programma samenwerkt. U kunt ze altijd laten inzien of verwijderen.',
    en: 'We keep your name, role and email address as a contact of your municipality, with your consent, as long as you work with the programme. You can always ask to see or erase them.',
  },
  send: { nl: 'Vraag versturen', en: 'Send question' },
  sentTitle: { nl: 'Uw vraag is verstuurd', en: 'Your question was sent' },
  sent: {
    nl: 'Dank u wel. U krijgt een bevestiging per e-mail; een adviseur van het programma neemt binnen vijf werkdagen contact met u op.',
    en: 'Thank you. You will get a confirmation by email; an adviser of the programme will contact you within five working days.',
  },
  home: { nl: 'Naar de homepage', en: 'Go to the home page' },
});

export const supportTitle = (locale: 'nl' | 'en') => m(locale).title;
export const sentTitle = (locale: 'nl' | 'en') => m(locale).sentTitle;

export function SupportPage(p: {
  advisers: AdviserProfile[];
  municipalities: { value: string; label: string }[];
  values: Values;
  errors: FieldError[];
}) {
  const { locale } = usePage();
  const t = m(locale);
  const labels = { municipality: t.municipality, name: t.name, role: t.role, email: t.email, question: t.question };
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      <h2 class="utrecht-heading-2">{t.advisers}</h2>
      {p.advisers.length === 0 ? (
        <Paragraph>{t.noAdvisers}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list gaz-advice-advisers">
          {p.advisers.map((a) => (
            <li class="utrecht-unordered-list__item" key={a.userId}>
              <strong>{a.displayName}</strong>, {a.roleTitle}, {a.organisation}
            </li>
          ))}
        </ul>
      )}
      <h2 class="utrecht-heading-2" id="vraag">
        {t.form}
      </h2>
      <ErrorSummary errors={p.errors} labels={labels} />
      <Form action="/ondersteuning">
        <SelectField
          name="municipality"
          label={t.municipality}
          value={p.values.municipality ?? ''}
          errors={p.errors}
          options={[{ value: '', label: t.choose }, ...p.municipalities]}
        />
        <TextField name="name" label={t.name} value={p.values.name} errors={p.errors} required autocomplete="name" />
        <SelectField
          name="role"
          label={t.role}
          value={p.values.role ?? 'aandachtsfunctionaris'}
          errors={p.errors}
          options={CONTACT_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][locale] }))}
        />
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
        <TextField name="question" label={t.question} value={p.values.question} errors={p.errors} required multiline />
        <div class="gaz-advice-honeypot" aria-hidden="true">
          <label for="field-website">{t.honeypot}</label>
          <input type="text" id="field-website" name="website" value="" tabIndex={-1} autocomplete="off" />
        </div>
        <Paragraph>{t.privacy}</Paragraph>
        <SubmitButton>{t.send}</SubmitButton>
      </Form>
    </>
  );
}

export function SentPage() {
  const { locale } = usePage();
  const t = m(locale);
  return (
    <>
      <Heading1>{t.sentTitle}</Heading1>
      <Paragraph>{t.sent}</Paragraph>
      <Paragraph>
        <a class="utrecht-link" href="/">
          {t.home}
        </a>
      </Paragraph>
    </>
  );
}
