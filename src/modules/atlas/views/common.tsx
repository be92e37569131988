// Pieces shared by the atlas pages: the date/filter form fields and the attribution line.
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDate } from '../../../i18n.ts';
import { ErrorSummary, Paragraph, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { ATTRIBUTION } from '../service.ts';

export const atlasText = defineMessages({
  date: { nl: 'Datum', en: 'Date' },
  dateHint: {
    nl: 'Als JJJJ-MM-DD, bijvoorbeeld 2019-06-01. Leeg laten voor vandaag.',
    en: 'As YYYY-MM-DD, for example 2019-06-01. Leave empty for today.',
  },
  show: { nl: 'Tonen', en: 'Show' },
  attribution: { nl: 'Bronnen', en: 'Sources' },
  municipalities: { nl: 'gemeenten', en: 'municipalities' },
  municipality: { nl: 'gemeente', en: 'municipality' },
  on: { nl: 'op', en: 'on' },
  name: { nl: 'Naam', en: 'Name' },
  code: { nl: 'CBS-code', en: 'CBS code' },
  province: { nl: 'Provincie', en: 'Province' },
  population: { nl: 'Inwoners', en: 'Inhabitants' },
});

/** The date field of the atlas forms; `addon` puts the submit button beside it (one group). */
export function DateField(props: { value: string; errors: FieldError[]; addon?: ComponentChildren }) {
  const t = atlasText(usePage().locale);
  return (
    <TextField
      name="datum"
      label={t.date}
      description={t.dateHint}
      value={props.value}
      errors={props.errors}
      inputMode="numeric"
      addon={props.addon}
    />
  );
}

export function FormErrors(props: { errors: FieldError[]; labels: Record<string, string> }) {
  return <ErrorSummary errors={props.errors} labels={props.labels} />;
}

/** Source attribution required by CBS/Kadaster; shown on every page with atlas data. */
export function Attribution() {
  return <Paragraph class="gaz-map-attribution">{ATTRIBUTION}</Paragraph>;
}

/** "342 gemeenten op 28 november 2026". */
export function countLine(count: number, date: string, locale: 'nl' | 'en'): string {
  const t = atlasText(locale);
  return `${count} ${count === 1 ? t.municipality : t.municipalities} ${t.on} ${formatDate(date, locale)}`;
}
