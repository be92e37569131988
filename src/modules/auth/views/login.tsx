// The login form (first factor: email and password).
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, type Locale } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { USERNAME_EMAIL } from './username-field.ts';

const m = defineMessages({
  title: { nl: 'Inloggen', en: 'Log in' },
  intro: {
    nl: 'Log in met het e-mailadres en wachtwoord van uw account bij Gemeenten aan zet.',
    en: 'Log in with the email address and password of your Gemeenten aan zet account.',
  },
  email: { nl: 'E-mailadres', en: 'Email address' },
  password: { nl: 'Wachtwoord', en: 'Password' },
  submit: { nl: 'Inloggen', en: 'Log in' },
  forgot: { nl: 'Wachtwoord vergeten?', en: 'Forgot your password?' },
  noAccount: {
    nl: 'Nog geen account? Accounts worden aangemaakt door het programmateam; u krijgt een uitnodiging per e-mail.',
    en: 'No account yet? Accounts are created by the programme team; you receive an invitation by email.',
  },
  passwordSet: {
    nl: 'Uw wachtwoord is ingesteld. U kunt nu inloggen met uw nieuwe wachtwoord.',
    en: 'Your password has been set. You can now log in with your new password.',
  },
  loggedOut: { nl: 'U bent uitgelogd.', en: 'You have logged out.' },
  expired: {
    nl: 'Uw sessie is verlopen. Log opnieuw in.',
    en: 'Your session has expired. Please log in again.',
  },
});

export const loginTitle = (locale: Locale) => m(locale).title;

export type LoginNotice = 'password-set' | 'logged-out' | 'expired';

export const LOGIN_NOTICES: readonly LoginNotice[] = ['password-set', 'logged-out', 'expired'];

export function LoginPage(props: {
  email?: string;
  errors?: FieldError[];
  /** A message about the attempt as a whole: wrong credentials or throttled. */
  problem?: string;
  notice?: LoginNotice;
  returnTo?: string;
}) {
  const { locale } = usePage();
  const t = m(locale);
  const errors = props.errors ?? [];
  const notice =
    props.notice === 'password-set'
      ? t.passwordSet
      : props.notice === 'logged-out'
        ? t.loggedOut
        : props.notice === 'expired'
          ? t.expired
          : null;
  return (
    <div class="gaz-stack gaz-narrow">
      <Heading1>{t.title}</Heading1>
      {notice ? <Notice kind="ok">{notice}</Notice> : null}
      {props.problem ? <Notice kind="error">{props.problem}</Notice> : null}
      <ErrorSummary errors={errors} labels={{ email: t.email, password: t.password }} />
      <Paragraph>{t.intro}</Paragraph>
      <Form action="/inloggen">
        {props.returnTo ? <input type="hidden" name="terug" value={props.returnTo} /> : null}
        <TextField name="email" label={t.email} {...USERNAME_EMAIL} value={props.email} errors={errors} required />
        <TextField name="password" label={t.password} type="password" autocomplete="current-password" errors={errors} required />
        <div class="utrecht-button-group">
          <SubmitButton>{t.submit}</SubmitButton>
        </div>
      </Form>
      <Paragraph>
        <a class="utrecht-link" href="/wachtwoord/vergeten">
          {t.forgot}
        </a>
      </Paragraph>
      <Paragraph>{t.noAccount}</Paragraph>
    </div>
  );
}
