// "Wachtwoord vergeten": ask for a reset link; the answer is the same whether the address is known.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, type Locale } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { USERNAME_EMAIL } from './username-field.ts';

const m = defineMessages({
  title: { nl: 'Wachtwoord vergeten', en: 'Forgot password' },
  intro: {
    nl: 'Vul het e-mailadres van uw account in. U krijgt dan een e-mail met een link om een nieuw wachtwoord te kiezen.',
    en: 'Enter the email address of your account. You will receive an email with a link to choose a new password.',
  },
  email: { nl: 'E-mailadres', en: 'Email address' },
  submit: { nl: 'Stuur mij een link', en: 'Send me a link' },
  sent: {
    nl: 'Als er een account bij dit e-mailadres hoort, is er nu een e-mail met een link onderweg. De link werkt één uur en één keer. Geen e-mail ontvangen? Kijk ook in uw map met ongewenste e-mail.',
    en: 'If an account belongs to this email address, an email with a link is on its way. The link works for one hour and once. No email? Also check your spam folder.',
  },
  back: { nl: 'Terug naar inloggen', en: 'Back to log in' },
});

export const forgotPasswordTitle = (locale: Locale) => m(locale).title;

export function ForgotPasswordPage(props: { email?: string; errors?: FieldError[]; sent?: boolean }) {
  const { locale } = usePage();
  const t = m(locale);
  const errors = props.errors ?? [];
  return (
    <div class="gaz-stack gaz-narrow">
      <Heading1>{t.title}</Heading1>
      {props.sent ? (
        <Notice kind="ok">{t.sent}</Notice>
      ) : (
        <>
          <ErrorSummary errors={errors} labels={{ email: t.email }} />
          <Paragraph>{t.intro}</Paragraph>
          <Form action="/wachtwoord/vergeten">
            <TextField name="email" label={t.email} {...USERNAME_EMAIL} value={props.email} errors={errors} required />
            <div class="utrecht-button-group">
              <SubmitButton>{t.submit}</SubmitButton>
            </div>
          </Form>
        </>
      )}
      <Paragraph>
        <a class="utrecht-link" href="/inloggen">
          {t.back}
        </a>
      </Paragraph>
    </div>
  );
}
