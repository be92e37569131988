// The second login step: a code from the authenticator app, or a recovery code.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, type Locale } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';

const m = defineMessages({
  title: { nl: 'Code invoeren', en: 'Enter code' },
  intro: {
    nl: 'Uw wachtwoord klopt. Vul nu de code van zes cijfers in die uw authenticator-app toont.',
    en: 'Your password is correct. Now enter the six-digit code shown by your authenticator app.',
  },
  code: { nl: 'Code', en: 'Code' },
  codeHelp: {
    nl: 'Telefoon kwijt? Vul dan een van uw herstelcodes in (bijvoorbeeld abcde-fghjk). Elke herstelcode werkt één keer.',
    en: 'Lost your phone? Then enter one of your recovery codes (for example abcde-fghjk). Each recovery code works once.',
  },
  submit: { nl: 'Verder', en: 'Continue' },
  restart: { nl: 'Opnieuw inloggen met een ander account', en: 'Log in again with another account' },
});

export const loginCodeTitle = (locale: Locale) => m(locale).title;

export function LoginCodePage(props: { errors?: FieldError[]; problem?: string; returnTo?: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const errors = props.errors ?? [];
  return (
    <div class="gaz-stack gaz-narrow">
      <Heading1>{t.title}</Heading1>
      {props.problem ? <Notice kind="error">{props.problem}</Notice> : null}
      <ErrorSummary errors={errors} labels={{ code: t.code }} />
      <Paragraph>{t.intro}</Paragraph>
      <Form action="/inloggen/code">
        {props.returnTo ? <input type="hidden" name="terug" value={props.returnTo} /> : null}
        <TextField name="code" label={t.code} autocomplete="one-time-code" description={t.codeHelp} errors={errors} required />
        <div class="utrecht-button-group">
          <SubmitButton>{t.submit}</SubmitButton>
        </div>
      </Form>
      <Paragraph>
        <a class="utrecht-link" href="/inloggen">
          {t.restart}
        </a>
      </Paragraph>
    </div>
  );
}
