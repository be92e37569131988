// Small view parts shared by the advice pages: breadcrumbs, status badges, the task and interaction
// tables, a pager. (Form fields come from the form kit, src/views/form-field.tsx.)
import { defineMessages, formatDate, type Locale } from '../../../i18n.ts';
import { DataTable, Form, SubmitButton } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Crumb } from '../../../views/layout.tsx';
import type { InteractionListItem } from '../interactions.service.ts';
import type { PolicyStatusValue } from '../tables.ts';
import type { Task } from '../tasks.service.ts';
import { common, STATUS_LABELS, typeLabel } from './labels.ts';

const m = defineMessages({
  unknown: { nl: 'Onbekend', en: 'Unknown' },
  task: { nl: 'Taak', en: 'Task' },
  complete: { nl: 'Afronden', en: 'Mark done' },
  paging: { nl: 'Paginering', en: 'Pagination' },
  previous: { nl: 'Vorige pagina', en: 'Previous page' },
  next: { nl: 'Volgende pagina', en: 'Next page' },
  pageOf: (page: number, pages: number) => ({ nl: `Pagina ${page} van ${pages}`, en: `Page ${page} of ${pages}` }),
});

export function adviceCrumbs(locale: Locale, ...rest: Crumb[]): Crumb[] {
  const t = common(locale);
  return [{ href: '/beheer', label: t.staff }, { href: '/beheer/advies', label: t.advice }, ...rest];
}

export function StatusBadge(p: { status: PolicyStatusValue | null }) {
  const { locale } = usePage();
  const label = p.status ? STATUS_LABELS[p.status][locale] : m(locale).unknown;
  return <span class={`utrecht-status-badge gaz-advice-status gaz-advice-status--${p.status ?? 'unknown'}`}>{label}</span>;
}

/** Tasks in a table; with `complete`, each open task has a button to mark it done. */
export function TaskTable(p: { caption: string; tasks: Task[]; complete?: boolean; back?: string }) {
  const { locale } = usePage();
  const t = common(locale);
  if (p.tasks.length === 0) return <p class="utrecht-paragraph">{`${p.caption}: ${t.none}.`}</p>;
  return (
    <DataTable
      caption={p.caption}
      rows={p.tasks}
      columns={[
        { header: m(locale).task, cell: (task) => task.title },
        {
          header: t.interactions,
          cell: (task) => (
            <a class="utrecht-link" href={`/beheer/advies/interacties/${task.interaction.id}`}>
              {task.interaction.subject}
            </a>
          ),
        },
        { header: t.owner, cell: (task) => task.owner?.name ?? t.nobody },
        {
          header: t.due,
          cell: (task) => (
            <>
              {formatDate(task.dueDate, locale)}
              {task.overdue ? <strong class="gaz-advice-flag"> ({t.overdue})</strong> : null}
            </>
          ),
        },
        {
          header: t.status,
          cell: (task) =>
            task.done ? (
              t.done
            ) : p.complete ? (
              <Form action={`/beheer/advies/taken/${task.id}/afgerond`} class="gaz-inline-form">
                {p.back ? <input type="hidden" name="terug" value={p.back} /> : null}
                <SubmitButton variant="secondary">
                  {m(locale).complete}
                  <span class="gaz-visually-hidden">: {task.title}</span>
                </SubmitButton>
              </Form>
            ) : (
              t.open
            ),
        },
      ]}
    />
  );
}

export function InteractionTable(p: { caption: string; items: InteractionListItem[] }) {
  const { locale } = usePage();
  const t = common(locale);
  return (
    <DataTable
      caption={p.caption}
      rows={p.items}
      columns={[
        { header: t.date, cell: (i) => formatDate(i.date, locale) },
        { header: t.type, cell: (i) => typeLabel(i.type, locale) },
        {
          header: t.subject,
          cell: (i) => (
            <a class="utrecht-link" href={`/beheer/advies/interacties/${i.id}`}>
              {i.subject}
            </a>
          ),
        },
        { header: t.area, cell: (i) => i.areas.join(', ') },
      ]}
    />
  );
}

/** Previous/next links for a paged list; `href(page)` builds each URL. */
export function Pager(p: { page: number; pages: number; href: (page: number) => string }) {
  const { locale } = usePage();
  if (p.pages <= 1) return null;
  return (
    <nav aria-label={m(locale).paging}>
      <ul class="gaz-inline-list">
        {p.page > 1 ? (
          <li>
            <a class="utrecht-link" href={p.href(p.page - 1)} rel="prev">
              {m(locale).previous}
            </a>
          </li>
        ) : null}
        <li>{m(locale).pageOf(p.page, p.pages)}</li>
        {p.page < p.pages ? (
          <li>
            <a class="utrecht-link" href={p.href(p.page + 1)} rel="next">
              {m(locale).next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
