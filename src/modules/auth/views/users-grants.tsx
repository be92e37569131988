// The grants form on a user's page: one checkbox per grant a permission declares (e.g. `editor`).
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages } from '../../../i18n.ts';
import { ChoiceGroup, Form, Paragraph, SubmitButton } from '../../../views/components.tsx';
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
  return (
    <>
      <h2 class="utrecht-heading-2">{t.heading}</h2>
      <Paragraph>{t.intro}</Paragraph>
      <Form action={props.action}>
        <ChoiceGroup
          type="checkbox"
          name="grants"
          legend={t.legend}
          class="gaz-checkbox-group"
          errors={props.errors}
          checked={props.granted}
          options={props.options.map((o) => ({ value: o.grant, label: o.grant, description: o.description }))}
        />
        <div class="utrecht-button-group">
          <SubmitButton>{t.submit}</SubmitButton>
        </div>
      </Form>
    </>
  );
}
