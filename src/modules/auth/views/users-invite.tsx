// Beheer › Gebruikers › Uitnodigen: email, name, role and the role's details.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { roleOptions, um } from './users-common.tsx';

const m = defineMessages({
  intro: {
    nl: 'De gebruiker krijgt een e-mail met een link om een wachtwoord te kiezen. De link is 7 dagen geldig. Beheerders en adviseurs stellen bij de eerste keer inloggen tweestapsverificatie in.',
    en: 'The user receives an email with a link to choose a password. The link is valid for 7 days. Administrators and advisers set up two-step verification at their first login.',
  },
  submit: { nl: 'Uitnodiging versturen', en: 'Send invitation' },
  cancel: { nl: 'Terug naar gebruikers', en: 'Back to users' },
});

export interface InviteValues {
  email?: string;
  name?: string;
  role?: string;
  municipality_code?: string;
  coordinator_id?: string;
}

export function InviteUserPage(props: { values?: InviteValues; errors?: FieldError[] }) {
  const { locale } = usePage();
  const t = m(locale);
  const u = um(locale);
  const v = props.values ?? {};
  const errors = props.errors ?? [];
  return (
    <div class="gaz-stack gaz-narrow">
      <Heading1>{u.invite}</Heading1>
      <ErrorSummary
        errors={errors}
        labels={{ email: u.email, name: u.name, role: u.role, municipality_code: u.municipalityCode, coordinator_id: u.coordinatorId }}
      />
      <Paragraph>{t.intro}</Paragraph>
      <Form action="/beheer/gebruikers/uitnodigen">
        <TextField name="email" type="email" label={u.email} value={v.email} errors={errors} autocomplete="off" required />
        <TextField name="name" label={u.name} value={v.name} errors={errors} autocomplete="off" />
        <SelectField name="role" label={u.role} value={v.role ?? 'municipality'} options={roleOptions(locale)} errors={errors} />
        <TextField
          name="municipality_code"
          label={u.municipalityCode}
          description={u.municipalityCodeHelp}
          value={v.municipality_code}
          errors={errors}
        />
        <TextField
          name="coordinator_id"
          label={u.coordinatorId}
          description={u.coordinatorIdHelp}
          value={v.coordinator_id}
          inputMode="numeric"
          errors={errors}
        />
        <div class="utrecht-button-group">
          <SubmitButton>{t.submit}</SubmitButton>
        </div>
      </Form>
      <Paragraph>
        <a class="utrecht-link" href="/beheer/gebruikers">
          {t.cancel}
        </a>
      </Paragraph>
    </div>
  );
}
