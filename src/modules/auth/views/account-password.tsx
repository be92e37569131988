// Change password: the current one, then the new one twice.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, type Locale } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';

const m = defineMessages({
  title: { nl: 'Wachtwoord wijzigen', en: 'Change password' },
  intro: {
    nl: 'Kies een wachtwoord van minstens 12 tekens dat u nergens anders gebruikt. Na het wijzigen wordt u op andere apparaten uitgelogd.',
    en: 'Choose a password of at least 12 characters that you use nowhere else. After the change you are logged out on other devices.',
  },
  current: { nl: 'Huidig wachtwoord', en: 'Current password' },
  next: { nl: 'Nieuw wachtwoord', en: 'New password' },
  nextHelp: {
    nl: 'Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.',
    en: 'At least 12 characters. A sentence of a few words is strong and easy to remember.',
  },
  confirm: { nl: 'Herhaal het nieuwe wachtwoord', en: 'Repeat the new password' },
  submit: { nl: 'Wachtwoord wijzigen', en: 'Change password' },
  cancel: { nl: 'Terug naar mijn account', en: 'Back to my account' },
});

export const changePasswordTitle = (locale: Locale) => m(locale).title;

export function ChangePasswordPage(props: { errors?: FieldError[] }) {
  const { locale } = usePage();
  const t = m(locale);
  const errors = props.errors ?? [];
  return (
    <div class="gaz-stack gaz-narrow">
      <Heading1>{t.title}</Heading1>
      <ErrorSummary errors={errors} labels={{ current_password: t.current, new_password: t.next, confirm_password: t.confirm }} />
      <Paragraph>{t.intro}</Paragraph>
      <Form action="/account/wachtwoord">
        <TextField name="current_password" label={t.current} type="password" autocomplete="current-password" errors={errors} required />
        <TextField
          name="new_password"
          label={t.next}
          type="password"
          autocomplete="new-password"
          description={t.nextHelp}
          errors={errors}
          required
        />
        <TextField name="confirm_password" label={t.confirm} type="password" autocomplete="new-password" errors={errors} required />
        <div class="utrecht-button-group">
          <SubmitButton>{t.submit}</SubmitButton>
        </div>
      </Form>
      <Paragraph>
        <a class="utrecht-link" href="/account">
          {t.cancel}
        </a>
      </Paragraph>
    </div>
  );
}
