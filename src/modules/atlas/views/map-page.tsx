// /kaart: every municipality on a date on a choropleth (coloured by province), with its legend and
// the same data as a table.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDate } from '../../../i18n.ts';
import { ChoroplethLegend, type LegendClass } from '../../../views/choropleth/index.ts';
import { DataTable, Form, Heading1, Paragraph, SubmitButton } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { Attribution, atlasText, countLine, DateField, FormErrors } from './common.tsx';

const m = defineMessages({
  title: { nl: 'Kaart van de gemeenten', en: 'Map of the municipalities' },
  intro: {
    nl: 'Elke gemeente op de gekozen datum, gekleurd per provincie. Kies een gemeente op de kaart of in de tabel voor haar gegevens.',
    en: 'Every municipality on the chosen date, coloured by province. Choose a municipality on the map or in the table for its details.',
  },
  legend: { nl: 'Legenda: provincie', en: 'Legend: province' },
  table: { nl: 'Dezelfde gegevens als tabel', en: 'The same data as a table' },
  choose: { nl: 'Andere datum', en: 'Another date' },
  noMap: { nl: 'Er zijn nog geen grenzen geïmporteerd.', en: 'No boundaries have been imported yet.' },
  skip: { nl: 'Sla de kaart over, naar de tabel', en: 'Skip the map, go to the table' },
});

export function mapPageTitle(locale: 'nl' | 'en') {
  return m(locale).title;
}

export interface MapViewProps {
  input: { datum: string };
  errors: FieldError[];
  date: string | null;
  svg: string | null;
  legend: LegendClass[];
  counts: Map<string, number>;
  rows: { code: string; name: string; provinceName: string }[];
}

export function MapPageView(p: MapViewProps) {
  const { locale } = usePage();
  const t = m(locale);
  const a = atlasText(locale);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      <FormErrors errors={p.errors} labels={{ datum: a.date }} />
      <Form action="/kaart" method="get" class="gaz-panel">
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t.choose}</legend>
          <DateField value={p.input.datum} errors={p.errors} addon={<SubmitButton>{a.show}</SubmitButton>} />
        </fieldset>
      </Form>
      {p.date ? (
        <>
          <h2 class="utrecht-heading-2" id="gaz-atlas-count">
            {countLine(p.rows.length, p.date, locale)}
          </h2>
          {p.svg ? (
            <>
              <Paragraph>
                <a class="utrecht-link" href="#gaz-atlas-table">
                  {t.skip}
                </a>
              </Paragraph>
              <div class="gaz-map-layout">
                <div class="gaz-map-frame" dangerouslySetInnerHTML={{ __html: p.svg }} />
                <ChoroplethLegend id="gaz-atlas-legend" heading={t.legend} classes={p.legend} counts={p.counts} locale={locale} />
              </div>
            </>
          ) : (
            <Paragraph>{t.noMap}</Paragraph>
          )}
          <Attribution />
          <h2 class="utrecht-heading-2" id="gaz-atlas-table">
            {t.table}
          </h2>
          <DataTable
            caption={`${t.title} ${a.on} ${formatDate(p.date, locale)}`}
            captionHidden
            rows={p.rows}
            columns={[
              {
                header: a.name,
                cell: (r) => (
                  <a class="utrecht-link" href={`/gemeenten/${r.code}?datum=${p.date}`}>
                    {r.name}
                  </a>
                ),
              },
              { header: a.code, cell: (r) => r.code },
              { header: a.province, cell: (r) => r.provinceName },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
