// The NL Design System form-field pattern, one component for every field: label, description, the
// error message beside the field, the control (and optionally a button grouped with it).
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../http/errors.ts';
import { defineMessages } from '../i18n.ts';
import { usePage } from './context.ts';

export const fieldMessages = defineMessages({
  error: { nl: 'Fout', en: 'Error' },
  optional: { nl: '(niet verplicht)', en: '(optional)' },
});

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
  /** Rows of a multiline field (default 5). */
  rows?: number;
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
  const t = fieldMessages(page.locale);
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
export function describedBy(id: string, description: unknown, error: unknown): string | undefined {
  return [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField(p: FieldProps) {
  const page = usePage();
  const t = fieldMessages(page.locale);
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
        <textarea class={`utrecht-textarea ${error ? 'utrecht-textarea--invalid' : ''}`.trim()} {...common} rows={p.rows ?? 5}>
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
  /** A multiple select (works without JavaScript): `selected` are the chosen values, `size` the rows shown. */
  multiple?: boolean;
  selected?: readonly string[];
  size?: number;
  /** An extra class on the select, e.g. for a wider multiple select. */
  controlClass?: string;
}) {
  const error = p.errors?.find((e) => e.field === p.name);
  const id = p.id ?? `field-${p.name}`;
  const chosen = (value: string) => (p.multiple ? (p.selected ?? []).includes(value) : value === p.value);
  return (
    <FormField id={id} label={p.label} kind="select" description={p.description} error={error} addon={p.addon} errorPrefix={false}>
      <select
        class={['utrecht-select utrecht-select--html-select', p.controlClass ?? '', error ? 'utrecht-select--invalid' : '']
          .filter(Boolean)
          .join(' ')}
        id={id}
        name={p.name}
        multiple={p.multiple}
        size={p.multiple ? (p.size ?? 8) : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.description, error)}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={chosen(o.value)} key={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormField>
  );
}

/**
 * One checkbox or radio button with its label (and description) in the NL Design System
 * form-field layout: the control beside its label. Group several in a fieldset with a legend.
 */
export function ChoiceField(p: {
  type: 'checkbox' | 'radio';
  name: string;
  value: string;
  label: ComponentChildren;
  checked?: boolean;
  description?: string;
  id?: string;
  disabled?: boolean;
}) {
  const id = p.id ?? `field-${p.name}-${p.value}`;
  const control =
    p.type === 'checkbox' ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input';
  return (
    <div class={`utrecht-form-field utrecht-form-field--${p.type}`}>
      <div class="utrecht-form-field__label">
        <label class={`utrecht-form-label utrecht-form-label--${p.type}`} for={id}>
          {p.label}
        </label>
      </div>
      {p.description ? (
        <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {p.description}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">
        <input
          class={control}
          type={p.type}
          id={id}
          name={p.name}
          value={p.value}
          checked={p.checked}
          disabled={p.disabled}
          aria-describedby={p.description ? `${id}-description` : undefined}
        />
      </div>
    </div>
  );
}
