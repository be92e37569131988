// Choose a password from an emailed link (reset or invitation), or say why the link does not work.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, type Locale } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';

const m = defineMessages({
  title: { nl: 'Wachtwoord instellen', en: 'Set password' },
  account: (email: string) => ({ nl: `Voor het account ${email}.`, en: `For the account ${email}.` }),
  intro: {
    nl: 'Kies een wachtwoord van minstens 12 tekens dat u nergens anders gebruikt. Een zin van een paar woorden is sterk en goed te onthouden.',
    en: 'Choose a password of at least 12 characters that you use nowhere else. A sentence of a few words is strong and easy to remember.',
  },
  next: { nl: 'Nieuw wachtwoord', en: 'New password' },
  confirm: { nl: 'Herhaal het nieuwe wachtwoord', en: 'Repeat the new password' },
  submit: { nl: 'Wachtwoord opslaan', en: 'Save password' },
  invalidTitle: { nl: 'Link werkt niet', en: 'Link does not work' },
  unknown: {
    nl: 'Deze link is niet geldig. Controleer of u de hele link uit de e-mail heeft gebruikt, of vraag een nieuwe link aan.',
    en: 'This link is not valid. Check that you used the whole link from the email, or ask for a new link.',
  },
  expired: {
    nl: 'Deze link is verlopen. Een link om een wachtwoord te kiezen werkt één uur (een uitnodiging zeven dagen). Vraag een nieuwe link aan.',
    en: 'This link has expired. A link to choose a password works for one hour (an invitation for seven days). Ask for a new link.',
  },
  used: {
    nl: 'Deze link is al gebruikt. Elke link werkt één keer. Log in met uw wachtwoord, of vraag een nieuwe link aan.',
    en: 'This link has already been used. Each link works once. Log in with your password, or ask for a new link.',
  },
  askNew: { nl: 'Vraag een nieuwe link aan', en: 'Ask for a new link' },
  login: { nl: 'Naar inloggen', en: 'Go to log in' },
});

export const setPasswordTitle = (locale: Locale) => m(locale).title;
export const invalidLinkTitle = (locale: Locale) => m(locale).invalidTitle;

export function SetPasswordPage(props: { token: string; email: string; errors?: FieldError[] }) {
  const { locale } = usePage();
  const t = m(locale);
  const errors = props.errors ?? [];
  return (
    <div class="gaz-stack gaz-narrow">
      <Heading1>{t.title}</Heading1>
      <ErrorSummary errors={errors} labels={{ new_password: t.next, confirm_password: t.confirm }} />
      <Paragraph>{t.account(props.email)}</Paragraph>
      <Paragraph>{t.intro}</Paragraph>
      <Form action="/wachtwoord/instellen">
        <input type="hidden" name="token" value={props.token} />
        <TextField name="new_password" label={t.next} type="password" autocomplete="new-password" errors={errors} required />
        <TextField name="confirm_password" label={t.confirm} type="password" autocomplete="new-password" errors={errors} required />
        <div class="utrecht-button-group">
          <SubmitButton>{t.submit}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}

export function InvalidLinkPage(props: { reason: 'unknown' | 'expired' | 'used' }) {
  const { locale } = usePage();
  const t = m(locale);
  return (
    <div class="gaz-stack gaz-narrow">
      <Heading1>{t.invalidTitle}</Heading1>
      <Paragraph>{t[props.reason]}</Paragraph>
      <Paragraph>
        <a class="utrecht-link" href="/wachtwoord/vergeten">
          {t.askNew}
        </a>
      </Paragraph>
      {props.reason === 'used' ? (
        <Paragraph>
          <a class="utrecht-link" href="/inloggen">
            {t.login}
          </a>
        </Paragraph>
      ) : null}
    </div>
  );
}
