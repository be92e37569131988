// The grants form on a user's page: one checkbox per grant a permission declares (e.g. `editor`).
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages } from '../../../i18n.ts';
import { Form, Paragraph, SubmitButton } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { GrantOption } from '../users-grants.ts';

const m = defineMessages({
  heading: { nl: 'Extra rechten', en: 'Extra rights' },
  intro: {
    nl: 'Rechten bovenop de rol, bijvoorbeeld om nieuws te schrijven. Vink aan wat deze gebruiker mag; wat niet is aangevinkt, vervalt.',
    en: 'Rights on top of the role, for example to write news. Tick what this user may do; what is not ticked is taken away.',
  },
  legend: { nl: 'Rechten', en: 'Rights' },
  submit: { nl: 'Rechten opslaan', en: 'Save rights' },
});

export function GrantsForm(props: { action: string; options: GrantOption[]; granted: readonly string[]; errors: FieldError[] }) {
  const { locale } = usePage();
  const t = m(locale);
  if (props.options.length === 0) return null;
  const error = props.errors.find((e) => e.field === 'grants');
  return (
    <>
      <h2 class="utrecht-heading-2">{t.heading}</h2>
      <Paragraph>{t.intro}</Paragraph>
      <Form action={props.action}>
        <fieldset
          class="utrecht-form-fieldset gaz-checkbox-group"
          id="field-grants"
          aria-describedby={error ? 'field-grants-error' : undefined}
        >
          <legend class="utrecht-form-fieldset__legend">{t.legend}</legend>
          {error ? (
            <div class="utrecht-form-field-error-message" id="field-grants-error">
              {error.message[locale]}
            </div>
          ) : null}
          {props.options.map((o) => (
            <div class="utrecht-form-field utrecht-form-field--checkbox" key={o.grant}>
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id={`field-grants-${o.grant}`}
                name="grants"
                value={o.grant}
                checked={props.granted.includes(o.grant)}
                aria-describedby={`field-grants-${o.grant}-description`}
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={`field-grants-${o.grant}`}>
                {o.grant}
              </label>
              <div class="utrecht-form-field-description" id={`field-grants-${o.grant}-description`}>
                {o.description}
              </div>
            </div>
          ))}
        </fieldset>
        <div class="utrecht-button-group">
          <SubmitButton>{t.submit}</SubmitButton>
        </div>
      </Form>
    </>
  );
}
