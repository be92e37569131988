// /beheer/netwerk/norm (admin): the capacity norm in FTE per 100,000 inhabitants.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { SavedNotice, staffText } from './staff-common.tsx';

export const normText = defineMessages({
  title: { nl: 'Capaciteitsnorm', en: 'Capacity norm' },
  saved: { nl: 'De norm is opgeslagen.', en: 'The norm has been saved.' },
  norm: { nl: 'Norm', en: 'Norm' },
  intro: {
    nl: 'De norm bepaalt wanneer de capaciteit in een gemeente voldoende is. Hij staat in de legenda van de kaart.',
    en: 'The norm decides when the capacity in a municipality is sufficient. It is shown in the map legend.',
  },
  label: { nl: 'Norm in FTE per 100.000 inwoners', en: 'Norm in FTE per 100,000 inhabitants' },
  hint: {
    nl: 'Een getal met een komma, bijvoorbeeld 0,1 (van 0,001 tot en met 10).',
    en: 'A decimal number, for example 0.1 (from 0.001 to 10).',
  },
});

export function NormPage(props: { value: string; errors: FieldError[]; saved?: boolean }) {
  const { locale } = usePage();
  const t = normText(locale);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <SavedNotice text={props.saved ? t.saved : undefined} />
      <ErrorSummary errors={props.errors} labels={{ norm: t.norm }} />
      <Paragraph>{t.intro}</Paragraph>
      <Form action="/beheer/netwerk/norm">
        <TextField
          name="norm"
          label={t.label}
          description={t.hint}
          value={props.value}
          errors={props.errors}
          required
          inputMode="decimal"
        />
        <SubmitButton>{staffText(locale).save}</SubmitButton>
      </Form>
    </>
  );
}
