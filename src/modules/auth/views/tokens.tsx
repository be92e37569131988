// Mijn account › API-tokens: list, create (the new token shown once), revoke.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDateTime, type Locale } from '../../../i18n.ts';
import { DataTable, ErrorSummary, Form, Heading1, Notice, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { ApiTokenView } from '../api-tokens.ts';

const m = defineMessages({
  title: { nl: 'API-tokens', en: 'API tokens' },
  intro: {
    nl: 'Met een persoonlijk API-token haalt een script of programma gegevens op via /api/v1, met dezelfde rechten als uw account. Stuur het mee als de header Authorization: Bearer <token>. Behandel een token als een wachtwoord.',
    en: 'With a personal API token a script or program reads data through /api/v1, with the same rights as your account. Send it as the header Authorization: Bearer <token>. Treat a token like a password.',
  },
  newHeading: { nl: 'Nieuw token', en: 'New token' },
  name: { nl: 'Naam', en: 'Name' },
  nameHelp: {
    nl: 'Waarvoor gebruikt u het token? Bijvoorbeeld "rapportage-script".',
    en: 'What is the token for? For example "reporting script".',
  },
  create: { nl: 'Token maken', en: 'Create token' },
  created: { nl: 'Uw nieuwe token', en: 'Your new token' },
  createdWarning: {
    nl: 'Kopieer het token nu. Het wordt maar één keer getoond en is daarna niet meer op te vragen. Kwijt? Trek het in en maak een nieuw token.',
    en: 'Copy the token now. It is shown only once and cannot be retrieved later. Lost it? Revoke it and create a new one.',
  },
  listHeading: { nl: 'Uw tokens', en: 'Your tokens' },
  none: { nl: 'U heeft nog geen tokens.', en: 'You have no tokens yet.' },
  begins: { nl: 'Begint met', en: 'Starts with' },
  createdAt: { nl: 'Gemaakt', en: 'Created' },
  lastUsed: { nl: 'Laatst gebruikt', en: 'Last used' },
  never: { nl: 'Nooit', en: 'Never' },
  state: { nl: 'Status', en: 'Status' },
  revokedOn: (when: string) => ({ nl: `Ingetrokken op ${when}`, en: `Revoked on ${when}` }),
  live: { nl: 'Actief', en: 'Active' },
  revoke: { nl: 'Intrekken', en: 'Revoke' },
  revokeLabel: (name: string) => ({ nl: `Token ${name} intrekken`, en: `Revoke token ${name}` }),
  revoked: { nl: 'Het token is ingetrokken en werkt niet meer.', en: 'The token has been revoked and no longer works.' },
  account: { nl: 'Mijn account', en: 'My account' },
  home: { nl: 'Home', en: 'Home' },
});

export const tokensTitle = (locale: Locale) => m(locale).title;
export const tokensCrumbs = (locale: Locale) => [
  { href: '/', label: m(locale).home },
  { href: '/account', label: m(locale).account },
  { label: m(locale).title },
];

export function TokensPage(props: { tokens: ApiTokenView[]; newToken?: string; revoked?: boolean; errors?: FieldError[]; name?: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const errors = props.errors ?? [];
  return (
    <div class="gaz-stack">
      <Heading1>{t.title}</Heading1>
      <ErrorSummary errors={errors} labels={{ name: t.name }} />
      {props.newToken ? (
        <Notice kind="warning">
          <h2 class="utrecht-heading-2">{t.created}</h2>
          <p class="utrecht-paragraph">
            <code class="gaz-token">{props.newToken}</code>
          </p>
          <p class="utrecht-paragraph">{t.createdWarning}</p>
        </Notice>
      ) : null}
      {props.revoked ? <Notice kind="ok">{t.revoked}</Notice> : null}
      <Paragraph>{t.intro}</Paragraph>
      <h2 class="utrecht-heading-2">{t.newHeading}</h2>
      <Form action="/account/tokens">
        <TextField name="name" label={t.name} description={t.nameHelp} value={props.name} errors={errors} autocomplete="off" required />
        <div class="utrecht-button-group">
          <SubmitButton>{t.create}</SubmitButton>
        </div>
      </Form>
      <h2 class="utrecht-heading-2">{t.listHeading}</h2>
      {props.tokens.length === 0 ? (
        <Paragraph>{t.none}</Paragraph>
      ) : (
        <DataTable
          caption={t.listHeading}
          captionHidden
          rows={props.tokens}
          columns={[
            { header: t.name, cell: (r) => r.name },
            { header: t.begins, cell: (r) => <code>{r.prefix}…</code> },
            { header: t.createdAt, cell: (r) => formatDateTime(r.createdAt, locale) },
            { header: t.lastUsed, cell: (r) => (r.lastUsedAt ? formatDateTime(r.lastUsedAt, locale) : t.never) },
            {
              header: t.state,
              cell: (r) =>
                r.revokedAt ? (
                  t.revokedOn(formatDateTime(r.revokedAt, locale))
                ) : (
                  <Form action={`/account/tokens/${r.id}/intrekken`}>
                    <button type="submit" class="utrecht-button utrecht-button--secondary-action" aria-label={t.revokeLabel(r.name)}>
                      {t.revoke}
                    </button>
                  </Form>
                ),
            },
          ]}
        />
      )}
    </div>
  );
}
