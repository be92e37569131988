// The form kit's groups and special controls: a fieldset of checkboxes or radio buttons (ChoiceGroup)
// and a file field, in the same NL Design System pattern as src/views/form-field.tsx.
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../http/errors.ts';
import { usePage } from './context.ts';
import { ChoiceField, describedBy, FormField, fieldMessages as m } from './form-field.tsx';

export interface ChoiceOption {
  value: string;
  label: ComponentChildren;
  description?: string;
  /** The control's id (default `<group id>-<value>`). */
  id?: string;
}

/**
 * A group of checkboxes or radio buttons: a fieldset whose legend is the question, then its
 * description and error message (the fieldset is described by both), then one ChoiceField per
 * option. The fieldset's id (default `field-<name>`) is where the error summary links to.
 */
export function ChoiceGroup(p: {
  type: 'checkbox' | 'radio';
  name: string;
  legend: ComponentChildren;
  options: ChoiceOption[];
  checked?: readonly string[];
  description?: string;
  errors?: FieldError[];
  id?: string;
  /** An extra class on the fieldset, e.g. `gaz-checkbox-group`. */
  class?: string;
}) {
  const page = usePage();
  const t = m(page.locale);
  const error = p.errors?.find((e) => e.field === p.name);
  const id = p.id ?? `field-${p.name}`;
  return (
    <fieldset
      class={['utrecht-form-fieldset', p.class ?? '', error ? 'utrecht-form-fieldset--invalid' : ''].filter(Boolean).join(' ')}
      id={id}
      aria-describedby={describedBy(id, p.description, error)}
    >
      <legend class="utrecht-form-fieldset__legend">{p.legend}</legend>
      {p.description ? (
        <div class="utrecht-form-field-description" id={`${id}-description`}>
          {p.description}
        </div>
      ) : null}
      {error ? (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          <span class="gaz-visually-hidden">{t.error}: </span>
          {error.message[page.locale]}
        </div>
      ) : null}
      {p.options.map((o) => (
        <ChoiceField
          key={o.value}
          type={p.type}
          name={p.name}
          value={o.value}
          id={o.id ?? `${id}-${o.value}`}
          label={o.label}
          description={o.description}
          checked={p.checked?.includes(o.value)}
        />
      ))}
    </fieldset>
  );
}

/**
 * A file field (multipart forms): the same parts as a text field; a file input has no value, so the
 * message beside the field is the only trace of a refused file.
 */
export function FileField(p: {
  name: string;
  label: string;
  accept: string;
  description?: string;
  errors?: FieldError[];
  /** Leave out "(niet verplicht)" (a file input takes no aria-required). */
  required?: boolean;
  id?: string;
}) {
  const page = usePage();
  const t = m(page.locale);
  const error = p.errors?.find((e) => e.field === p.name);
  const id = p.id ?? `field-${p.name}`;
  const label = (
    <>
      {p.label} {p.required ? null : <span class="gaz-optional">{t.optional}</span>}
    </>
  );
  return (
    <FormField id={id} label={label} kind="text" description={p.description} error={error}>
      <input
        class={`utrecht-textbox ${error ? 'utrecht-textbox--invalid' : ''}`.trim()}
        type="file"
        id={id}
        name={p.name}
        accept={p.accept}
        aria-describedby={describedBy(id, p.description, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </FormField>
  );
}
