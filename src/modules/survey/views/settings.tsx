// The admin's settings of the survey module: the small-number threshold.
import type { FieldError } from '../../../http/errors.ts';
import type { Locale } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, SubmitButton, TextField } from '../../../views/components.tsx';
import { L } from './common.tsx';

export function SettingsPage(props: { locale: Locale; threshold: string; errors: FieldError[]; saved: boolean }) {
  const { locale } = props;
  return (
    <>
      <Heading1>{L(locale, 'Instellingen enquêtes', 'Survey settings')}</Heading1>
      {props.saved ? <Notice kind="ok">{L(locale, 'De drempel is opgeslagen.', 'The threshold has been saved.')}</Notice> : null}
      <ErrorSummary errors={props.errors} labels={{ threshold: L(locale, 'Drempel', 'Threshold') }} />
      <Form action="/beheer/enquetes/instellingen">
        <TextField
          name="threshold"
          label={L(locale, 'Drempel voor kleine aantallen', 'Small-number threshold')}
          description={L(
            locale,
            'Buiten de beheeromgeving worden groepen met minder respondenten dan dit aantal niet getoond (standaard 5).',
            'Outside the staff area, groups with fewer respondents than this are not shown (default 5).',
          )}
          value={props.threshold}
          errors={props.errors}
          inputMode="numeric"
          required
        />
        <SubmitButton>{L(locale, 'Opslaan', 'Save')}</SubmitButton>
      </Form>
    </>
  );
}
