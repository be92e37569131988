// Staff pages: subscribers (search, counts per state, export, unsubscribe, erase), the CSV import
// and the newsletter settings (tracking, rate, soft-bounce limit, webhook secret).
import type { FieldError } from '../../../http/errors.ts';
import { formatDateTime } from '../../../i18n.ts';
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
import type { SubscriberStatus } from '../tables.ts';
import { s } from './editions.tsx';

export const STATUS_LABELS: Record<SubscriberStatus, { nl: string; en: string }> = {
  pending: { nl: 'te bevestigen', en: 'to be confirmed' },
  confirmed: { nl: 'bevestigd', en: 'confirmed' },
  unsubscribed: { nl: 'afgemeld', en: 'unsubscribed' },
  bounced: { nl: 'onbereikbaar (bounce)', en: 'unreachable (bounce)' },
  complained: { nl: 'klacht (spam)', en: 'complaint (spam)' },
};

export interface SubscriberListRow {
  id: number;
  email: string;
  status: SubscriberStatus;
  createdAt: string;
}

export function SubscribersPage(props: {
  rows: SubscriberListRow[];
  counts: Record<SubscriberStatus, number>;
  q: string;
  notice?: string;
}) {
  const page = usePage();
  const t = s(page.locale);
  return (
    <>
      <Heading1>{t.subscribers}</Heading1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      <dl class="gaz-figures-list">
        {(Object.keys(STATUS_LABELS) as SubscriberStatus[]).map((k) => (
          <div key={k}>
            <dt>{STATUS_LABELS[k][page.locale]}</dt>
            <dd>{props.counts[k]}</dd>
          </div>
        ))}
      </dl>
      <Paragraph>
        <a class="utrecht-link" href="/beheer/nieuwsbrief/abonnees/importeren">
          {t.importTitle}
        </a>
      </Paragraph>
      <Form action="/beheer/nieuwsbrief/abonnees" method="get">
        <TextField name="q" label={t.search} type="search" value={props.q} />
        <SubmitButton variant="secondary">{t.search}</SubmitButton>
      </Form>
      <DataTable
        caption={t.subscribers}
        rows={props.rows}
        columns={[
          { header: t.email, cell: (r) => r.email },
          { header: t.status, cell: (r) => STATUS_LABELS[r.status][page.locale] },
          { header: t.since, cell: (r) => formatDateTime(r.createdAt, page.locale) },
          {
            header: t.export,
            cell: (r) => (
              <a class="utrecht-link" href={`/beheer/nieuwsbrief/abonnees/${r.id}/gegevens.json`}>
                {t.export}
                <span class="gaz-visually-hidden"> {r.email}</span>
              </a>
            ),
          },
          {
            header: t.erase,
            cell: (r) => (
              <Form action={`/beheer/nieuwsbrief/abonnees/${r.id}/wissen`} class="gaz-inline-form">
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                  {t.erase}
                  <span class="gaz-visually-hidden"> {r.email}</span>
                </button>
              </Form>
            ),
          },
        ]}
      />
    </>
  );
}

export function ImportPage(props: {
  values: Record<string, string | undefined>;
  errors: FieldError[];
  result?: { added: number; known: number; invalid: { line: number; value: string }[] };
}) {
  const page = usePage();
  const t = s(page.locale);
  return (
    <>
      <Heading1>{t.importTitle}</Heading1>
      <Paragraph>{t.importHelp}</Paragraph>
      {props.result ? (
        <Notice kind="ok">
          <p class="utrecht-paragraph">{t.imported(props.result.added, props.result.known, props.result.invalid.length)}</p>
          {props.result.invalid.length > 0 ? (
            <ul class="utrecht-unordered-list">
              {props.result.invalid.slice(0, 20).map((i) => (
                <li class="utrecht-unordered-list__item" key={i.line}>
                  {page.locale === 'nl' ? 'Regel' : 'Line'} {i.line}: {i.value || '—'}
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <ErrorSummary errors={props.errors} labels={{ csv: t.csv }} />
      <Form action="/beheer/nieuwsbrief/abonnees/importeren">
        <TextField name="csv" label={t.csv} multiline required value={props.values.csv} errors={props.errors} />
        <SubmitButton>{t.import}</SubmitButton>
      </Form>
    </>
  );
}

export function SettingsPage(props: {
  values: Record<string, string | undefined>;
  errors: FieldError[];
  webhookConfigured: boolean;
  newSecret?: string;
  notice?: string;
  isAdmin: boolean;
}) {
  const page = usePage();
  const t = s(page.locale);
  return (
    <>
      <Heading1>{t.settings}</Heading1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.newSecret ? <Notice kind="warning">{t.secretOnce(props.newSecret)}</Notice> : null}
      <ErrorSummary errors={props.errors} labels={{ ratePerMinute: t.rate, softBounceLimit: t.softLimit }} />
      <Form action="/beheer/nieuwsbrief/instellingen">
        <ChoiceGroup
          type="checkbox"
          name="tracking"
          legend={t.tracking}
          description={t.trackingHelp}
          options={[{ value: 'on', label: t.tracking }]}
          checked={props.values.tracking === 'on' ? ['on'] : []}
        />
        <TextField name="ratePerMinute" label={t.rate} type="number" required value={props.values.ratePerMinute} errors={props.errors} />
        <TextField
          name="softBounceLimit"
          label={t.softLimit}
          type="number"
          required
          value={props.values.softBounceLimit}
          errors={props.errors}
        />
        <SubmitButton>{t.save}</SubmitButton>
      </Form>
      <h2 class="utrecht-heading-2">{t.webhook}</h2>
      <Paragraph>{t.webhookHelp}</Paragraph>
      <Paragraph>{props.webhookConfigured ? t.webhookSet : t.webhookNone}</Paragraph>
      <Form action="/beheer/nieuwsbrief/instellingen/geheim">
        <SubmitButton variant="secondary">{t.newSecret}</SubmitButton>
      </Form>
    </>
  );
}
