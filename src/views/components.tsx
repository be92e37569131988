// Shared view components built from NL Design System (Utrecht) CSS classes.
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../http/errors.ts';
import { defineMessages } from '../i18n.ts';
import { usePage } from './context.ts';

const m = defineMessages({
  problem: { nl: 'Er is een probleem', en: 'There is a problem' },
  error: { nl: 'Fout', en: 'Error' },
  optional: { nl: '(niet verplicht)', en: '(optional)' },
});

/** A POST form with its CSRF token. */
export function Form(props: { action: string; method?: 'post' | 'get'; children: ComponentChildren; class?: string; id?: string }) {
  const page = usePage();
  const method = props.method ?? 'post';
  return (
    <form method={method} action={props.action} class={`utrecht-form ${props.class ?? ''}`.trim()} id={props.id} noValidate>
      {method === 'post' ? <input type="hidden" name="_csrf" value={page.csrfToken()} /> : null}
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

export interface FieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'tel' | 'url' | 'search';
  value?: string | number | null;
  description?: string;
  errors?: FieldError[];
  required?: boolean;
  autocomplete?: string;
  inputMode?: string;
  multiline?: boolean;
  step?: string;
  list?: string;
  /** The control's id (default `field-<name>`; the error summary links to that default). */
  id?: string;
  /** Extra attributes for the control, e.g. `{ 'data-finder-input': '' }`. */
  attributes?: Record<string, string>;
  /** A button (or other control) grouped with the input on one line: search + "Zoek", date + "Toon". */
  addon?: ComponentChildren;
  /** Leave out "(niet verplicht)" (forms of one optional-looking field such as a search). */
  hideOptional?: boolean;
}

/**
 * The NL Design System form-field pattern, shared by every field: label, description, the error
 * message beside the field (before the control, so it is read first), then the control. `addon`
 * puts a button in one group with the control, aligned on its baseline.
 */
export function FormField(p: {
  id: string;
  label: ComponentChildren;
  kind: 'text' | 'select' | 'textarea';
  description?: string;
  error?: FieldError;
  addon?: ComponentChildren;
  /** Announce "Fout:" before the message (select fields have not so far; their tests match the bare text). */
  errorPrefix?: boolean;
  children: ComponentChildren;
}) {
  const page = usePage();
  const t = m(page.locale);
  return (
    <div class={`utrecht-form-field utrecht-form-field--${p.kind} ${p.error ? 'utrecht-form-field--invalid' : ''}`.trim()}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={p.id}>
          {p.label}
        </label>
      </div>
      {p.description ? (
        <div class="utrecht-form-field__description utrecht-form-field-description" id={`${p.id}-description`}>
          {p.description}
        </div>
      ) : null}
      {p.error ? (
        <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${p.id}-error`}>
          {p.errorPrefix === false ? null : <span class="gaz-visually-hidden">{t.error}: </span>}
          {p.error.message[page.locale]}
        </div>
      ) : null}
      <div class={`utrecht-form-field__input ${p.addon ? 'gaz-input-group' : ''}`.trim()}>
        {p.children}
        {p.addon}
      </div>
    </div>
  );
}

/** The ids a control is described by: its description and its error message. */
function describedBy(id: string, description: unknown, error: unknown): string | undefined {
  return [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField(p: FieldProps) {
  const page = usePage();
  const t = m(page.locale);
  const error = p.errors?.find((e) => e.field === p.name);
  const id = p.id ?? `field-${p.name}`;
  const common = {
    id,
    name: p.name,
    'aria-describedby': describedBy(id, p.description, error),
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-required': p.required ? ('true' as const) : undefined,
    ...p.attributes,
  };
  const label = (
    <>
      {p.label} {p.required || p.hideOptional ? null : <span class="gaz-optional">{t.optional}</span>}
    </>
  );
  return (
    <FormField id={id} label={label} kind={p.multiline ? 'textarea' : 'text'} description={p.description} error={error} addon={p.addon}>
      {p.multiline ? (
        <textarea class={`utrecht-textarea ${error ? 'utrecht-textarea--invalid' : ''}`.trim()} {...common} rows={5}>
          {p.value ?? ''}
        </textarea>
      ) : (
        <input
          {...({
            class: ['utrecht-textbox', error ? 'utrecht-textbox--invalid' : '', p.type === 'date' ? 'gaz-textbox--date' : '']
              .filter(Boolean)
              .join(' '),
            type: p.type ?? 'text',
            value: p.value ?? '',
            autocomplete: p.autocomplete,
            inputMode: p.inputMode,
            step: p.step,
            list: p.list,
            ...common,
          } as Record<string, unknown>)}
        />
      )}
    </FormField>
  );
}

export function SelectField(p: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | null;
  errors?: FieldError[];
  description?: string;
  id?: string;
  addon?: ComponentChildren;
}) {
  const error = p.errors?.find((e) => e.field === p.name);
  const id = p.id ?? `field-${p.name}`;
  return (
    <FormField id={id} label={p.label} kind="select" description={p.description} error={error} addon={p.addon} errorPrefix={false}>
      <select
        class={`utrecht-select utrecht-select--html-select ${error ? 'utrecht-select--invalid' : ''}`.trim()}
        id={id}
        name={p.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.description, error)}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value} key={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormField>
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

/** A data table with a caption; columns are given as header labels and cell renderers. */
export function DataTable<T>(props: {
  caption: string;
  rows: T[];
  columns: { header: string; cell: (row: T) => ComponentChildren; numeric?: boolean }[];
  captionHidden?: boolean;
}) {
  // A focusable, named region, so keyboard users can scroll a wide table (WCAG 2.1.1, 1.4.10).
  return (
    <div class="gaz-table-scroll" tabIndex={0} role="region" aria-label={props.caption}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption class={`utrecht-table__caption ${props.captionHidden ? 'gaz-visually-hidden' : ''}`}>{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {props.columns.map((c, i) => (
              <th class={`utrecht-table__header-cell ${c.numeric ? 'utrecht-table__header-cell--numeric' : ''}`} scope="col" key={i}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.rows.map((row, r) => (
            <tr class="utrecht-table__row" key={r}>
              {props.columns.map((c, i) => (
                <td class={`utrecht-table__cell ${c.numeric ? 'utrecht-table__cell--numeric' : ''}`} key={i}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
