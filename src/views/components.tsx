// Shared view components built from NL Design System (Utrecht) CSS classes.
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../http/errors.ts';
import { defineMessages } from '../i18n.ts';
import { usePage } from './context.ts';

export { ChoiceField, type FieldProps, FormField, SelectField, TextField } from './form-field.tsx';
export { ChoiceGroup, type ChoiceOption, FileField } from './form-groups.tsx';

const m = defineMessages({
  problem: { nl: 'Er is een probleem', en: 'There is a problem' },
});

/** The hidden CSRF token of a POST form, when the page has one (see PageContextValue.csrfToken). */
export function CsrfField() {
  const token = usePage().csrfToken();
  return token === null ? null : <input type="hidden" name="_csrf" value={token} />;
}

/** A POST form with its CSRF token. */
export function Form(props: { action: string; method?: 'post' | 'get'; children: ComponentChildren; class?: string; id?: string }) {
  const method = props.method ?? 'post';
  return (
    <form method={method} action={props.action} class={`utrecht-form ${props.class ?? ''}`.trim()} id={props.id} noValidate>
      {method === 'post' ? <CsrfField /> : null}
      {props.children}
    </form>
  );
}

/** Lists the form's errors at the top, each linking to its field (WCAG 3.3.1). */
export function ErrorSummary(props: { errors: FieldError[]; labels: Record<string, string> }) {
  const page = usePage();
  const t = m(page.locale);
  if (props.errors.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error gaz-error-summary" role="alert" tabIndex={-1} id="error-summary">
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2">{t.problem}</h2>
        <ul class="utrecht-unordered-list">
          {props.errors.map((e) => (
            <li class="utrecht-unordered-list__item" key={e.field}>
              {props.labels[e.field] ? (
                <a class="utrecht-link" href={`#field-${e.field}`}>
                  {props.labels[e.field]}: {e.message[page.locale]}
                </a>
              ) : (
                e.message[page.locale]
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function SubmitButton(props: { children: ComponentChildren; variant?: 'primary' | 'secondary'; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      name={props.name}
      value={props.value}
      class={`utrecht-button utrecht-button--${props.variant === 'secondary' ? 'secondary' : 'primary'}-action`}
    >
      {props.children}
    </button>
  );
}

export function Notice(props: { kind?: 'info' | 'ok' | 'warning' | 'error'; children: ComponentChildren }) {
  const kind = props.kind ?? 'info';
  return (
    <div class={`utrecht-alert utrecht-alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div class="utrecht-alert__content">{props.children}</div>
    </div>
  );
}

export function Heading1(props: { children: ComponentChildren }) {
  return <h1 class="utrecht-heading-1">{props.children}</h1>;
}

export function Paragraph(props: { children: ComponentChildren; class?: string }) {
  return <p class={`utrecht-paragraph ${props.class ?? ''}`.trim()}>{props.children}</p>;
}

/** A class attribute from the names given (false, null and undefined left out). */
function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** A data table with a caption; columns are given as header labels and cell renderers. */
export function DataTable<T>(props: {
  caption: string;
  rows: T[];
  /** `rowHeader`: this column's cells name their row (`<th scope="row">`), e.g. the group a row counts. */
  columns: { header: string; cell: (row: T) => ComponentChildren; numeric?: boolean; rowHeader?: boolean }[];
  captionHidden?: boolean;
  /** An extra class for a row (e.g. to mark one that needs attention). */
  rowClass?: (row: T) => string | undefined;
}) {
  // A focusable, named region (div role="region", see scroll-region.tsx), so keyboard users can
  // scroll a wide table (WCAG 2.1.1, 1.4.10).
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take keyboard focus to be scrolled (WCAG 2.1.1)
    // biome-ignore lint/a11y/useSemanticElements: a <section> without a heading is flagged by HTML validators; the region is named by aria-label
    <div class="gaz-table-scroll" role="region" tabIndex={0} aria-label={props.caption}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption class={classes('utrecht-table__caption', props.captionHidden && 'gaz-visually-hidden')}>{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {props.columns.map((c, i) => (
              <th class={classes('utrecht-table__header-cell', c.numeric && 'utrecht-table__header-cell--numeric')} scope="col" key={i}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.rows.map((row, r) => (
            <tr class={classes('utrecht-table__row', props.rowClass?.(row))} key={r}>
              {props.columns.map((c, i) =>
                c.rowHeader ? (
                  <th class="utrecht-table__header-cell" scope="row" key={i}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td class={classes('utrecht-table__cell', c.numeric && 'utrecht-table__cell--numeric')} key={i}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
