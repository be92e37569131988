// Staff pages for the newsletter: editions (make, preview, test email, send to a segment,
// statistics), subscribers (search, export, erase, import) and the settings.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDateTime } from '../../../i18n.ts';
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
import { TOPICS } from '../tables.ts';
import { TOPIC_LABELS } from './newsletter.tsx';

export const s = defineMessages({
  editions: { nl: 'Nieuwsbrieven', en: 'Newsletters' },
  newEdition: { nl: 'Nieuwe nieuwsbrief', en: 'New newsletter' },
  subscribers: { nl: 'Abonnees', en: 'Subscribers' },
  settings: { nl: 'Instellingen nieuwsbrief', en: 'Newsletter settings' },
  title: { nl: 'Titel', en: 'Title' },
  issueDate: { nl: 'Maand (eerste dag, JJJJ-MM-DD)', en: 'Month (first day, YYYY-MM-DD)' },
  intro: { nl: 'Inleiding (Markdown)', en: 'Introduction (Markdown)' },
  articles: { nl: 'Berichten', en: 'Items' },
  segment: { nl: 'Ontvangers', en: 'Recipients' },
  topics: { nl: 'Onderwerpen (leeg: iedereen)', en: 'Topics (empty: everyone)' },
  municipalities: { nl: 'Alleen deze gemeenten (codes, leeg: alle)', en: 'Only these municipalities (codes, empty: all)' },
  provinces: { nl: 'Alleen deze provincies (leeg: alle)', en: 'Only these provinces (empty: all)' },
  rate: { nl: 'Verzendsnelheid (berichten per minuut)', en: 'Sending rate (messages per minute)' },
  save: { nl: 'Opslaan', en: 'Save' },
  preview: { nl: 'Voorbeeld in de browser', en: 'Preview in the browser' },
  plain: { nl: 'Tekstversie', en: 'Plain-text version' },
  previewLink: { nl: 'Open de e-mail zoals ontvangers hem zien (HTML)', en: 'Open the email as recipients see it (HTML)' },
  testSend: { nl: 'Stuur een testmail naar mijzelf', en: 'Send a test email to myself' },
  send: { nl: 'Nu versturen', en: 'Send now' },
  sendHelp: {
    nl: 'Gaat naar alle bevestigde abonnees in de gekozen ontvangers. Kan niet worden teruggedraaid.',
    en: 'Goes to every confirmed subscriber among the chosen recipients. Cannot be undone.',
  },
  status: { nl: 'Status', en: 'Status' },
  statuses: { nl: 'concept|wordt verstuurd|verstuurd', en: 'draft|sending|sent' },
  stats: { nl: 'Cijfers', en: 'Figures' },
  queued: { nl: 'Klaargezet', en: 'Queued' },
  sent: { nl: 'Verstuurd', en: 'Sent' },
  delivered: { nl: 'Afgeleverd (verstuurd zonder bounce)', en: 'Delivered (sent without bounce)' },
  bounced: { nl: 'Bounces', en: 'Bounced' },
  unsubscribed: { nl: 'Afgemeld via deze nieuwsbrief', en: 'Unsubscribed from this newsletter' },
  opened: { nl: 'Geopend', en: 'Opened' },
  clicked: { nl: 'Geklikt', en: 'Clicked' },
  trackingOff: {
    nl: 'Openen en klikken worden niet geteld (zo ingesteld; zie de privacyverklaring).',
    en: 'Opens and clicks are not counted (as set; see the privacy statement).',
  },
  notice: { nl: 'Gedaan.', en: 'Done.' },
  search: { nl: 'Zoek op e-mailadres', en: 'Search by email address' },
  email: { nl: 'E-mailadres', en: 'Email address' },
  since: { nl: 'Sinds', en: 'Since' },
  export: { nl: 'Gegevens (JSON)', en: 'Data (JSON)' },
  erase: { nl: 'Wissen', en: 'Erase' },
  unsubscribe: { nl: 'Afmelden', en: 'Unsubscribe' },
  importTitle: { nl: 'Lijst importeren (CSV)', en: 'Import a list (CSV)' },
  importHelp: {
    nl: 'Kolommen: email, en naar keuze naam, organisatie, gemeente. Nieuwe adressen worden “te bevestigen” en krijgen een bevestigingsmail; niemand wordt zonder eigen bevestiging abonnee.',
    en: 'Columns: email, and optionally name, organisation, municipality. New addresses become “to be confirmed” and get a confirmation email; nobody becomes a subscriber without confirming.',
  },
  csv: { nl: 'CSV-inhoud', en: 'CSV content' },
  import: { nl: 'Importeren', en: 'Import' },
  imported: (added: number, known: number, invalid: number) => ({
    nl: `${added} toegevoegd als te bevestigen, ${known} al bekend, ${invalid} ongeldig.`,
    en: `${added} added as to be confirmed, ${known} already known, ${invalid} invalid.`,
  }),
  tracking: { nl: 'Openen en klikken tellen', en: 'Count opens and clicks' },
  trackingHelp: {
    nl: 'Staat standaard uit. Zet het alleen aan als de privacyverklaring het meldt.',
    en: 'Off by default. Only turn it on when the privacy statement says so.',
  },
  softLimit: { nl: 'Aantal zachte bounces waarna een adres stopt', en: 'Soft bounces after which an address stops' },
  webhook: { nl: 'Webhook voor bounces', en: 'Bounce webhook' },
  webhookHelp: {
    nl: 'De mailprovider post naar /api/v1/newsletter/bounces met de kop X-Webhook-Secret. Een nieuw geheim maakt het oude ongeldig.',
    en: 'The mail provider posts to /api/v1/newsletter/bounces with the header X-Webhook-Secret. A new secret invalidates the old one.',
  },
  webhookSet: { nl: 'Er is een geheim ingesteld.', en: 'A secret is set.' },
  webhookNone: { nl: 'Er is nog geen geheim: de webhook weigert alles.', en: 'No secret yet: the webhook refuses everything.' },
  newSecret: { nl: 'Nieuw geheim maken', en: 'Make a new secret' },
  secretOnce: (secret: string) => ({
    nl: `Het nieuwe geheim (wordt maar één keer getoond): ${secret}`,
    en: `The new secret (shown only once): ${secret}`,
  }),
});

const STATUS_INDEX = { draft: 0, sending: 1, sent: 2 } as const;

export function statusLabel(locale: 'nl' | 'en', status: keyof typeof STATUS_INDEX): string {
  return s(locale).statuses.split('|')[STATUS_INDEX[status]];
}

export function EditionListPage(props: {
  editions: { id: number; title: string; status: 'draft' | 'sending' | 'sent'; recipients: number }[];
}) {
  const page = usePage();
  const t = s(page.locale);
  return (
    <>
      <Heading1>{t.editions}</Heading1>
      <ul class="gaz-inline-list">
        <li>
          <a class="utrecht-link" href="/beheer/nieuwsbrief/nieuw">
            {t.newEdition}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/beheer/nieuwsbrief/abonnees">
            {t.subscribers}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/beheer/nieuwsbrief/instellingen">
            {t.settings}
          </a>
        </li>
      </ul>
      <DataTable
        caption={t.editions}
        rows={props.editions}
        columns={[
          {
            header: t.title,
            cell: (r) => (
              <a class="utrecht-link" href={`/beheer/nieuwsbrief/${r.id}`}>
                {r.title}
              </a>
            ),
          },
          { header: t.status, cell: (r) => statusLabel(page.locale, r.status) },
          { header: t.queued, cell: (r) => r.recipients, numeric: true },
        ]}
      />
    </>
  );
}

export function EditionFormPage(props: {
  id?: number;
  values: Record<string, string | undefined>;
  errors: FieldError[];
  articles: { id: number; title: string }[];
  provinces: { code: string; name: string }[];
}) {
  const page = usePage();
  const t = s(page.locale);
  const v = props.values;
  return (
    <>
      <Heading1>{props.id ? v.title || t.editions : t.newEdition}</Heading1>
      <ErrorSummary
        errors={props.errors}
        labels={{
          title: t.title,
          issueDate: t.issueDate,
          introMd: t.intro,
          articleIds: t.articles,
          municipalities: t.municipalities,
          ratePerMinute: t.rate,
        }}
      />
      <Form action={props.id ? `/beheer/nieuwsbrief/${props.id}` : '/beheer/nieuwsbrief/nieuw'}>
        <TextField name="title" label={t.title} required value={v.title} errors={props.errors} />
        <TextField name="issueDate" label={t.issueDate} required value={v.issueDate} errors={props.errors} />
        <TextField name="introMd" label={t.intro} multiline value={v.introMd} errors={props.errors} />
        <ChoiceGroup
          type="checkbox"
          name="articleIds"
          legend={t.articles}
          options={props.articles.map((a) => ({ value: String(a.id), label: a.title }))}
          checked={(v.articleIds ?? '').split(' ')}
          errors={props.errors}
        />
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t.segment}</legend>
          <ChoiceGroup
            type="checkbox"
            name="topics"
            legend={t.topics}
            options={TOPICS.map((x) => ({ value: x, label: TOPIC_LABELS[x][page.locale] }))}
            checked={(v.topics ?? '').split(' ')}
            errors={props.errors}
          />
          <TextField name="municipalities" label={t.municipalities} value={v.municipalities} errors={props.errors} />
          {props.provinces.length > 0 ? (
            <ChoiceGroup
              type="checkbox"
              name="provinces"
              legend={t.provinces}
              options={props.provinces.map((p) => ({ value: p.code, label: p.name }))}
              checked={(v.provinces ?? '').split(' ')}
            />
          ) : null}
        </fieldset>
        <TextField name="ratePerMinute" label={t.rate} type="number" required value={v.ratePerMinute} errors={props.errors} />
        <SubmitButton>{t.save}</SubmitButton>
      </Form>
    </>
  );
}

export interface EditionStatsView {
  queued: number;
  sent: number;
  delivered: number;
  bounced: number;
  unsubscribed: number;
  opened: number;
  clicked: number;
}

export function EditionDetailPage(props: {
  id: number;
  title: string;
  status: 'draft' | 'sending' | 'sent';
  text: string;
  stats: EditionStatsView;
  tracking: boolean;
  notice?: string;
  finishedAt: string | null;
}) {
  const page = usePage();
  const t = s(page.locale);
  const figures: [string, number][] = [
    [t.queued, props.stats.queued],
    [t.sent, props.stats.sent],
    [t.delivered, props.stats.delivered],
    [t.bounced, props.stats.bounced],
    [t.unsubscribed, props.stats.unsubscribed],
    ...(props.tracking
      ? ([
          [t.opened, props.stats.opened],
          [t.clicked, props.stats.clicked],
        ] as [string, number][])
      : []),
  ];
  return (
    <>
      <Heading1>{props.title}</Heading1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      <Paragraph>
        {t.status}: {statusLabel(page.locale, props.status)}
        {props.finishedAt ? ` (${formatDateTime(props.finishedAt, page.locale)})` : ''}
      </Paragraph>
      <h2 class="utrecht-heading-2">{t.stats}</h2>
      <dl class="gaz-figures-list">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {props.tracking ? null : <Paragraph>{t.trackingOff}</Paragraph>}
      {props.status === 'draft' ? (
        <div class="utrecht-button-group">
          <a class="utrecht-button utrecht-button--secondary-action" href={`/beheer/nieuwsbrief/${props.id}/bewerken`}>
            {t.save}
          </a>
          <Form action={`/beheer/nieuwsbrief/${props.id}/test`} class="gaz-inline-form">
            <SubmitButton variant="secondary">{t.testSend}</SubmitButton>
          </Form>
          <Form action={`/beheer/nieuwsbrief/${props.id}/versturen`} class="gaz-inline-form">
            <SubmitButton>{t.send}</SubmitButton>
          </Form>
        </div>
      ) : null}
      {props.status === 'draft' ? <Paragraph>{t.sendHelp}</Paragraph> : null}
      <h2 class="utrecht-heading-2">{t.preview}</h2>
      <Paragraph>
        <a class="utrecht-link" href={`/beheer/nieuwsbrief/${props.id}/voorbeeld.html`}>
          {t.previewLink}
        </a>
      </Paragraph>
      <h2 class="utrecht-heading-2">{t.plain}</h2>
      <pre class="gaz-diff">{props.text}</pre>
    </>
  );
}
