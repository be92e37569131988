// The audit trail page: a GET filter form, a table of entries (newest first), each expandable to
// its before/after values with the changed keys listed first, and a pager.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, type Locale } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { ScrollRegion } from '../../../views/scroll-region.tsx';
import { changedKeys, type KeyChange } from '../audit.logic.ts';
import type { AuditEntryView } from '../service.ts';

const m = defineMessages({
  title: { nl: 'Logboek', en: 'Audit trail' },
  staff: { nl: 'Beheer', en: 'Management' },
  intro: {
    nl: 'Elke wijziging via het platform: wie, wanneer, wat, en de waarden ervoor en erna. Het logboek kan niet worden gewijzigd.',
    en: 'Every change made through the platform: who, when, what, and the values before and after. The trail cannot be changed.',
  },
  filters: { nl: 'Filteren', en: 'Filter' },
  entity: { nl: 'Onderdeel', en: 'Entity' },
  action: { nl: 'Handeling', en: 'Action' },
  actor: { nl: 'Door (e-mailadres of accountnummer)', en: 'By (email or account number)' },
  from: { nl: 'Vanaf (JJJJ-MM-DD)', en: 'From (YYYY-MM-DD)' },
  to: { nl: 'Tot en met (JJJJ-MM-DD)', en: 'To (YYYY-MM-DD)' },
  any: { nl: 'Alle', en: 'All' },
  apply: { nl: 'Filter toepassen', en: 'Apply filter' },
  when: { nl: 'Wanneer', en: 'When' },
  who: { nl: 'Door', en: 'By' },
  what: { nl: 'Wat', en: 'What' },
  details: { nl: 'Details', en: 'Details' },
  show: { nl: 'Toon waarden', en: 'Show values' },
  changed: { nl: 'Gewijzigd', en: 'Changed' },
  key: { nl: 'Veld', en: 'Field' },
  before: { nl: 'Ervoor', en: 'Before' },
  after: { nl: 'Erna', en: 'After' },
  noValues: { nl: 'Geen waarden vastgelegd.', en: 'No values recorded.' },
  none: { nl: 'Geen vermeldingen gevonden.', en: 'No entries found.' },
  count: (n: number) => ({ nl: `${n} ${n === 1 ? 'vermelding' : 'vermeldingen'}`, en: `${n} ${n === 1 ? 'entry' : 'entries'}` }),
  pages: { nl: 'Pagina’s', en: 'Pages' },
  previous: { nl: 'Vorige', en: 'Previous' },
  next: { nl: 'Volgende', en: 'Next' },
  pageOf: { nl: 'Pagina', en: 'Page' },
  of: { nl: 'van', en: 'of' },
  request: { nl: 'Verzoek', en: 'Request' },
});

export const auditTitle = (locale: Locale) => m(locale).title;
export const auditCrumbs = (locale: Locale) => [{ href: '/beheer', label: m(locale).staff }, { label: m(locale).title }];

export interface AuditRowView {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  requestId: string | null;
  beforeText: string | null;
  afterText: string | null;
  changes: KeyChange[];
}

/** Picks and formats what the page shows of an entry. */
export function presentAuditEntry(e: AuditEntryView): AuditRowView {
  return {
    id: e.id,
    at: e.at,
    actorLabel: e.actorLabel,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    requestId: e.requestId,
    beforeText: e.before === null ? null : JSON.stringify(e.before, null, 2),
    afterText: e.after === null ? null : JSON.stringify(e.after, null, 2),
    changes: changedKeys(e.before, e.after),
  };
}

function formatAt(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Europe/Amsterdam',
  }).format(d);
}

export function AuditPage(props: {
  facets: { entities: string[]; actions: string[] };
  values: Record<string, string>;
  errors: FieldError[];
  result: { entries: AuditRowView[]; total: number; page: number; pages: number } | null;
}) {
  const page = usePage();
  const t = m(page.locale);
  const v = props.values;
  const labels = { entity: t.entity, action: t.action, actor: t.actor, from: t.from, to: t.to, page: t.pageOf };
  const options = (list: string[]) => [{ value: '', label: t.any }, ...list.map((x) => ({ value: x, label: x }))];
  const pageHref = (n: number) => {
    const q = new URLSearchParams();
    for (const [k, val] of Object.entries(v)) if (val) q.set(k, val);
    q.set('page', String(n));
    return `/beheer/audit?${q.toString()}`;
  };
  const r = props.result;
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      <ErrorSummary errors={props.errors} labels={labels} />
      <section aria-labelledby="audit-filters">
        <h2 class="utrecht-heading-2" id="audit-filters">
          {t.filters}
        </h2>
        <Form action="/beheer/audit" method="get" class="gaz-filter-form">
          <SelectField name="entity" label={t.entity} options={options(props.facets.entities)} value={v.entity} errors={props.errors} />
          <SelectField name="action" label={t.action} options={options(props.facets.actions)} value={v.action} errors={props.errors} />
          <TextField name="actor" label={t.actor} value={v.actor} errors={props.errors} />
          <TextField name="from" label={t.from} value={v.from} errors={props.errors} inputMode="numeric" />
          <TextField name="to" label={t.to} value={v.to} errors={props.errors} inputMode="numeric" />
          <SubmitButton variant="secondary">{t.apply}</SubmitButton>
        </Form>
      </section>
      {r ? (
        <section aria-labelledby="audit-entries">
          <h2 class="utrecht-heading-2" id="audit-entries">
            {t.count(r.total)}
          </h2>
          {r.entries.length === 0 ? (
            <Paragraph>{t.none}</Paragraph>
          ) : (
            <ScrollRegion label={t.title}>
              <table class="utrecht-table utrecht-table--html-table">
                <caption class="utrecht-table__caption gaz-visually-hidden">{t.title}</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">
                      {t.when}
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      {t.who}
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      {t.what}
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      {t.details}
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {r.entries.map((e) => (
                    <tr class="utrecht-table__row" key={e.id} id={`entry-${e.id}`}>
                      <td class="utrecht-table__cell">
                        <time dateTime={e.at}>{formatAt(e.at, page.locale)}</time>
                      </td>
                      <td class="utrecht-table__cell">{e.actorLabel}</td>
                      <td class="utrecht-table__cell">
                        {e.action} · {e.entity}
                        {e.entityId !== null ? ` #${e.entityId}` : ''}
                      </td>
                      <td class="utrecht-table__cell">
                        <EntryDetails entry={e} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {r.pages > 1 ? (
            <nav aria-label={t.pages} class="gaz-pager">
              <ul class="gaz-inline-list">
                {r.page > 1 ? (
                  <li>
                    <a class="utrecht-link" href={pageHref(r.page - 1)} rel="prev">
                      {t.previous}
                    </a>
                  </li>
                ) : null}
                <li aria-current="page">
                  {t.pageOf} {r.page} {t.of} {r.pages}
                </li>
                {r.page < r.pages ? (
                  <li>
                    <a class="utrecht-link" href={pageHref(r.page + 1)} rel="next">
                      {t.next}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function EntryDetails(props: { entry: AuditRowView }) {
  const t = m(usePage().locale);
  const e = props.entry;
  if (e.beforeText === null && e.afterText === null) return <span>{t.noValues}</span>;
  return (
    <details class="gaz-audit-details">
      <summary>{t.show}</summary>
      {e.changes.length > 0 ? (
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">{t.changed}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t.key}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t.before}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t.after}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {e.changes.map((c) => (
              <tr class="utrecht-table__row" key={c.key}>
                <th class="utrecht-table__header-cell" scope="row">
                  {c.key}
                </th>
                <td class="utrecht-table__cell">
                  <del>{c.before}</del>
                </td>
                <td class="utrecht-table__cell">
                  <ins>{c.after}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {e.beforeText !== null ? (
        <>
          <h3 class="utrecht-heading-3">{t.before}</h3>
          <pre class="gaz-audit-json">{e.beforeText}</pre>
        </>
      ) : null}
      {e.afterText !== null ? (
        <>
          <h3 class="utrecht-heading-3">{t.after}</h3>
          <pre class="gaz-audit-json">{e.afterText}</pre>
        </>
      ) : null}
      {e.requestId ? (
        <Paragraph>
          {t.request}: <code>{e.requestId}</code>
        </Paragraph>
      ) : null}
    </details>
  );
}
