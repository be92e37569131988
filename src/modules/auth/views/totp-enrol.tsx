// Two-step verification: enrol (QR code, secret as text, confirm with a code) or, once on,
// the status and a way to make new recovery codes.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, type Locale } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';

const m = defineMessages({
  title: { nl: 'Tweestapsverificatie', en: 'Two-step verification' },
  required: {
    nl: 'Voor uw rol is tweestapsverificatie verplicht. Stel het nu in; daarna kunt u verder.',
    en: 'Two-step verification is required for your role. Set it up now; then you can continue.',
  },
  why: {
    nl: 'Met tweestapsverificatie heeft u bij het inloggen naast uw wachtwoord een code nodig uit een app op uw telefoon. Zo kan niemand inloggen met alleen uw wachtwoord.',
    en: 'With two-step verification you need a code from an app on your phone as well as your password to log in. Nobody can log in with your password alone.',
  },
  step1: { nl: 'Stap 1: scan de QR-code', en: 'Step 1: scan the QR code' },
  step1Text: {
    nl: 'Open een authenticator-app (bijvoorbeeld FreeOTP, Microsoft Authenticator of Google Authenticator) en scan deze QR-code.',
    en: 'Open an authenticator app (for example FreeOTP, Microsoft Authenticator or Google Authenticator) and scan this QR code.',
  },
  qrLabel: { nl: 'QR-code voor de authenticator-app', en: 'QR code for the authenticator app' },
  manual: {
    nl: 'Kunt u niet scannen? Voer dan deze sleutel in de app in (type: op tijd gebaseerd):',
    en: 'Cannot scan? Then enter this key in the app (type: time-based):',
  },
  step2: { nl: 'Stap 2: vul de code in', en: 'Step 2: enter the code' },
  code: { nl: 'Code van zes cijfers', en: 'Six-digit code' },
  codeHelp: { nl: 'De code die de app nu toont.', en: 'The code the app shows now.' },
  confirm: { nl: 'Tweestapsverificatie aanzetten', en: 'Turn on two-step verification' },
  on: { nl: 'Tweestapsverificatie staat aan voor uw account.', en: 'Two-step verification is on for your account.' },
  left: (n: number) => ({
    nl: `U heeft nog ${n} ongebruikte herstelcode${n === 1 ? '' : 's'}.`,
    en: `You have ${n} unused recovery code${n === 1 ? '' : 's'} left.`,
  }),
  newCodes: { nl: 'Nieuwe herstelcodes maken', en: 'Make new recovery codes' },
  newCodesText: {
    nl: 'Herstelcodes kwijt of bijna op? Maak tien nieuwe; de oude werken daarna niet meer. Vul ter controle een code uit uw app in.',
    en: 'Lost your recovery codes or nearly out? Make ten new ones; the old ones stop working. Enter a code from your app to confirm.',
  },
  newCodesSubmit: { nl: 'Nieuwe herstelcodes maken', en: 'Make new recovery codes' },
  back: { nl: 'Terug naar mijn account', en: 'Back to my account' },
});

export const totpTitle = (locale: Locale) => m(locale).title;

export function TotpEnrolPage(props: { qrSvg: string; secret: string; required: boolean; errors?: FieldError[] }) {
  const { locale } = usePage();
  const t = m(locale);
  const errors = props.errors ?? [];
  return (
    <div class="gaz-stack">
      <Heading1>{t.title}</Heading1>
      {props.required ? <Notice kind="warning">{t.required}</Notice> : null}
      <ErrorSummary errors={errors} labels={{ code: t.code }} />
      <Paragraph>{t.why}</Paragraph>
      <h2 class="utrecht-heading-2">{t.step1}</h2>
      <Paragraph>{t.step1Text}</Paragraph>
      {/* The SVG is made by our own code from the otpauth URI (no user input); see totp.ts. */}
      <div class="gaz-qr-box" dangerouslySetInnerHTML={{ __html: props.qrSvg }} />
      <Paragraph>{t.manual}</Paragraph>
      <p class="utrecht-paragraph gaz-code" id="totp-secret">
        {props.secret}
      </p>
      <h2 class="utrecht-heading-2">{t.step2}</h2>
      <Form action="/account/tweestapsverificatie">
        <TextField
          name="code"
          label={t.code}
          autocomplete="one-time-code"
          inputMode="numeric"
          description={t.codeHelp}
          errors={errors}
          required
        />
        <div class="utrecht-button-group">
          <SubmitButton>{t.confirm}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}

export function TotpStatusPage(props: { recoveryCodesLeft: number; errors?: FieldError[] }) {
  const { locale } = usePage();
  const t = m(locale);
  const errors = props.errors ?? [];
  return (
    <div class="gaz-stack gaz-narrow">
      <Heading1>{t.title}</Heading1>
      <ErrorSummary errors={errors} labels={{ code: t.code }} />
      <Notice kind="ok">{t.on}</Notice>
      <Paragraph>{t.left(props.recoveryCodesLeft)}</Paragraph>
      <h2 class="utrecht-heading-2">{t.newCodes}</h2>
      <Paragraph>{t.newCodesText}</Paragraph>
      <Form action="/account/tweestapsverificatie/herstelcodes">
        <TextField name="code" label={t.code} autocomplete="one-time-code" inputMode="numeric" errors={errors} required />
        <div class="utrecht-button-group">
          <SubmitButton variant="secondary">{t.newCodesSubmit}</SubmitButton>
        </div>
      </Form>
      <Paragraph>
        <a class="utrecht-link" href="/account">
          {t.back}
        </a>
      </Paragraph>
    </div>
  );
}
