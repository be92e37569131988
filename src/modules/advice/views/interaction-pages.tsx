// The interaction list with its search form (municipality, adviser, type, period, free text) and the
// read-only feed items of other modules for the same filter; and one interaction with its tasks.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDate, formatNumber } from '../../../i18n.ts';
import {
  DataTable,
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
import type { SourcedFeedInteraction } from '../feed.ts';
import type { Values } from '../form-kit.ts';
import type { InteractionDetail, InteractionPage } from '../interactions.service.ts';
import { INTERACTION_TYPES } from '../tables.ts';
import type { Task } from '../tasks.service.ts';
import { common, TYPE_LABELS, typeLabel } from './labels.ts';
import { InteractionTable, Pager, TaskTable } from './parts.tsx';

const m = defineMessages({
  listTitle: { nl: 'Interacties', en: 'Interactions' },
  search: { nl: 'Zoeken', en: 'Search' },
  text: { nl: 'Zoekwoorden', en: 'Search words' },
  textHint: { nl: 'Zoekt in onderwerp en samenvatting.', en: 'Searches subject and summary.' },
  any: { nl: '— alle —', en: '— all —' },
  found: (n: number) => ({
    nl: `${n} ${n === 1 ? 'interactie' : 'interacties'} gevonden`,
    en: `${n} ${n === 1 ? 'interaction' : 'interactions'} found`,
  }),
  foundMore: (n: string) => ({ nl: `Meer dan ${n} interacties gevonden`, en: `More than ${n} interactions found` }),
  refine: (n: string) => ({
    nl: `De nieuwste ${n} kunt u doorbladeren. Maak de zoekopdracht preciezer met meer woorden, een gemeente, een soort of een periode.`,
    en: `You can browse the newest ${n}. Narrow the search with more words, a municipality, a type or a period.`,
  }),
  successor: (former: string, to: string) => ({
    nl: `${former} bestaat niet meer; de interacties van ${to} worden getoond (met die van ${former}).`,
    en: `${former} no longer exists; the interactions of ${to} are shown (with those of ${former}).`,
  }),
  feed: { nl: 'Ook in deze periode, uit andere onderdelen (alleen-lezen)', en: 'Also in this period, from other parts (read-only)' },
  feedFailed: (what: string) => ({ nl: `Niet beschikbaar: ${what}.`, en: `Not available: ${what}.` }),
  add: { nl: 'Nieuwe interactie', en: 'New interaction' },
  edit: { nl: 'Bewerken', en: 'Edit' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
  contacts: { nl: 'Aanwezige contactpersonen', en: 'Contacts present' },
  origin: { nl: 'Binnengekomen via het ondersteuningsformulier.', en: 'Came in through the support form.' },
  tasks: { nl: 'Vervolgtaken', en: 'Follow-up tasks' },
  newTask: { nl: 'Taak toevoegen', en: 'Add a task' },
  taskTitle: { nl: 'Wat moet er gebeuren?', en: 'What needs doing?' },
  nobody: { nl: '— nog niemand —', en: '— nobody yet —' },
  pastDue: {
    nl: 'Let op: de uiterste datum van de taak ligt in het verleden. De taak is opgeslagen en staat als te laat gemarkeerd.',
    en: 'Note: the task’s due date is in the past. The task was saved and is marked overdue.',
  },
  saved: { nl: 'De interactie is opgeslagen.', en: 'The interaction was saved.' },
  taskDone: { nl: 'De taak is afgerond.', en: 'The task is done.' },
});

export const interactionListTitle = (locale: 'nl' | 'en') => m(locale).listTitle;

export function InteractionListPage(p: {
  values: Values;
  errors: FieldError[];
  result: InteractionPage | null;
  municipalities: { value: string; label: string }[];
  staff: { value: string; label: string }[];
  feed: SourcedFeedInteraction[];
  feedFailed: string[];
  pageHref: (page: number) => string;
}) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  const labels = { gemeente: c.municipality, adviseur: c.adviser, type: c.type, van: c.from, tot: c.to, q: t.text };
  const any = { value: '', label: t.any };
  const found = p.result?.capped ? t.foundMore(formatNumber(p.result.total, locale)) : t.found(p.result?.total ?? 0);
  return (
    <>
      <Heading1>{t.listTitle}</Heading1>
      <Paragraph>
        <a class="utrecht-link" href="/beheer/advies/interacties/nieuw">
          {t.add}
        </a>
      </Paragraph>
      <ErrorSummary errors={p.errors} labels={labels} />
      <Form action="/beheer/advies/interacties" method="get">
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t.search}</legend>
          <TextField name="q" label={t.text} type="search" value={p.values.q} errors={p.errors} description={t.textHint} />
          <SelectField
            name="gemeente"
            label={c.municipality}
            value={p.values.gemeente ?? ''}
            errors={p.errors}
            options={[any, ...p.municipalities]}
          />
          <SelectField name="adviseur" label={c.adviser} value={p.values.adviseur ?? ''} errors={p.errors} options={[any, ...p.staff]} />
          <SelectField
            name="type"
            label={c.type}
            value={p.values.type ?? ''}
            errors={p.errors}
            options={[any, ...INTERACTION_TYPES.map((v) => ({ value: v, label: TYPE_LABELS[v][locale] }))]}
          />
          <TextField name="van" label={c.from} type="date" value={p.values.van} errors={p.errors} description={c.dateHint} />
          <TextField name="tot" label={c.to} type="date" value={p.values.tot} errors={p.errors} description={c.dateHint} />
          <SubmitButton>{c.show}</SubmitButton>
        </fieldset>
      </Form>
      {p.result ? (
        <>
          {p.result.successors.length > 0 && p.result.municipalityName ? (
            <Notice kind="info">
              <Paragraph>{t.successor(p.result.municipalityName, p.result.successors.map((s) => s.name).join(', '))}</Paragraph>
            </Notice>
          ) : null}
          <h2 class="utrecht-heading-2" id="results">
            {found}
          </h2>
          {p.result.capped ? <Paragraph>{t.refine(formatNumber(p.result.total, locale))}</Paragraph> : null}
          {p.result.items.length > 0 ? <InteractionTable caption={found} items={p.result.items} /> : null}
          <Pager page={p.result.page} pages={p.result.pages} href={p.pageHref} />
          <FeedTable items={p.feed} failed={p.feedFailed} />
        </>
      ) : null}
    </>
  );
}

export function FeedTable(p: { items: SourcedFeedInteraction[]; failed: string[]; caption?: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  if (p.items.length === 0 && p.failed.length === 0) return null;
  return (
    <section aria-labelledby="feed-heading">
      <h2 class="utrecht-heading-2" id="feed-heading">
        {p.caption ?? t.feed}
      </h2>
      {p.failed.length > 0 ? <Paragraph>{t.feedFailed(p.failed.join(', '))}</Paragraph> : null}
      {p.items.length > 0 ? (
        <DataTable
          caption={`${p.caption ?? t.feed} (${c.readOnly})`}
          captionHidden
          rows={p.items}
          columns={[
            { header: c.date, cell: (i) => formatDate(i.date, locale) },
            { header: c.source, cell: (i) => <span class="utrecht-status-badge gaz-advice-source">{i.sourceLabel[locale]}</span> },
            { header: c.type, cell: (i) => typeLabel(i.type, locale) },
            {
              header: c.subject,
              cell: (i) =>
                i.url ? (
                  <a class="utrecht-link" href={i.url}>
                    {i.title[locale]}
                  </a>
                ) : (
                  i.title[locale]
                ),
            },
          ]}
        />
      ) : null}
    </section>
  );
}

export function InteractionView(p: {
  detail: InteractionDetail;
  tasks: Task[];
  staff: { value: string; label: string }[];
  values: Values;
  errors: FieldError[];
  notice: 'saved' | 'pastDue' | 'taskDone' | null;
}) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  const d = p.detail;
  const rows: [string, string][] = [
    [c.date, formatDate(d.date, locale)],
    [c.type, typeLabel(d.type, locale)],
    [c.municipalities, d.municipalities.map((x) => x.name).join(', ') || c.none],
    [c.region, d.region?.name ?? c.none],
    [c.advisers, d.advisers.map((a) => a.name).join(', ') || c.none],
    [t.contacts, d.contacts.map((x) => (x.erased ? c.erased : (x.name ?? c.erased))).join(', ') || c.none],
  ];
  return (
    <>
      <Heading1>{d.subject}</Heading1>
      {p.notice ? (
        <Notice kind={p.notice === 'pastDue' ? 'warning' : 'ok'}>
          <Paragraph>{t[p.notice]}</Paragraph>
        </Notice>
      ) : null}
      {d.origin === 'support-request' ? <Paragraph>{t.origin}</Paragraph> : null}
      <dl class="utrecht-data-list gaz-advice-facts">
        {rows.map(([k, v]) => (
          <div class="utrecht-data-list__item" key={k}>
            <dt class="utrecht-data-list__item-key">{k}</dt>
            <dd class="utrecht-data-list__item-value">{v}</dd>
          </div>
        ))}
      </dl>
      <h2 class="utrecht-heading-2">{t.summary}</h2>
      <div class="gaz-advice-prewrap">
        <Paragraph>{d.summary || c.none}</Paragraph>
      </div>
      <Paragraph>
        <a class="utrecht-link" href={`/beheer/advies/interacties/${d.id}/bewerken`}>
          {t.edit}
        </a>
      </Paragraph>
      <h2 class="utrecht-heading-2">{t.tasks}</h2>
      <TaskTable caption={t.tasks} tasks={p.tasks} complete back={`/beheer/advies/interacties/${d.id}`} />
      <h3 class="utrecht-heading-3">{t.newTask}</h3>
      <ErrorSummary errors={p.errors} labels={{ title: t.taskTitle, owner: c.owner, due: c.due }} />
      <Form action={`/beheer/advies/interacties/${d.id}/taken`}>
        <TextField name="title" label={t.taskTitle} value={p.values.title} errors={p.errors} required />
        <SelectField
          name="owner"
          label={c.owner}
          value={p.values.owner ?? ''}
          errors={p.errors}
          options={[{ value: '', label: t.nobody }, ...p.staff]}
        />
        <TextField name="due" label={c.due} type="date" value={p.values.due} errors={p.errors} required description={c.dateHint} />
        <SubmitButton>{t.newTask}</SubmitButton>
      </Form>
    </>
  );
}
