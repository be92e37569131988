// /gemeenten: the municipalities on a date, searchable (also by former names), sortable, per province.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDate, formatNumber } from '../../../i18n.ts';
import { DataTable, Form, Heading1, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { Attribution, atlasText, countLine, DateField, FormErrors } from './common.tsx';

const m = defineMessages({
  title: { nl: 'Gemeenten', en: 'Municipalities' },
  intro: {
    nl: 'Alle gemeenten van Nederland op een gekozen datum, met hun provincie en aantal inwoners. Zoek ook op vroegere namen.',
    en: 'All municipalities of the Netherlands on a chosen date, with their province and population. Former names are searched too.',
  },
  filter: { nl: 'Zoeken en filteren', en: 'Search and filter' },
  search: { nl: 'Zoek op naam', en: 'Search by name' },
  searchHint: { nl: 'Ook vroegere namen, bijvoorbeeld Weesp.', en: 'Former names too, for example Weesp.' },
  allProvinces: { nl: 'Alle provincies', en: 'All provinces' },
  sort: { nl: 'Sorteer op', en: 'Sort by' },
  sortName: { nl: 'Naam', en: 'Name' },
  sortProvince: { nl: 'Provincie', en: 'Province' },
  sortPopulation: { nl: 'Inwoners (meeste eerst)', en: 'Inhabitants (most first)' },
  caption: { nl: 'Gemeenten', en: 'Municipalities' },
  of: { nl: 'van de', en: 'of' },
  none: {
    nl: 'Geen gemeenten gevonden. Pas de zoekterm of het filter aan.',
    en: 'No municipalities found. Change the search or the filter.',
  },
  map: { nl: 'Bekijk deze gemeenten op de kaart', en: 'See these municipalities on the map' },
  refDate: { nl: 'peildatum', en: 'reference date' },
});

export interface ListRow {
  code: string;
  name: string;
  provinceName: string;
  population: number | null;
  populationRefDate: string | null;
  note?: string;
}

export interface ListViewProps {
  input: { datum: string; zoek: string; provincie: string; sorteer: string };
  errors: FieldError[];
  date: string | null;
  provinces: { code: string; name: string }[];
  rows: ListRow[];
  total: number;
}

export function municipalityListTitle(locale: 'nl' | 'en') {
  return m(locale).title;
}

function FilterForm(p: Pick<ListViewProps, 'input' | 'errors' | 'provinces'>) {
  const { locale } = usePage();
  const t = m(locale);
  const a = atlasText(locale);
  return (
    <Form action="/gemeenten" method="get" class="gaz-panel">
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t.filter}</legend>
        <div class="gaz-atlas-filters">
          <TextField name="zoek" type="search" label={t.search} description={t.searchHint} value={p.input.zoek} errors={p.errors} />
          <SelectField
            name="provincie"
            label={a.province}
            value={p.input.provincie}
            errors={p.errors}
            options={[{ value: '', label: t.allProvinces }, ...p.provinces.map((x) => ({ value: x.code, label: x.name }))]}
          />
          <SelectField
            name="sorteer"
            label={t.sort}
            value={p.input.sorteer || 'naam'}
            errors={p.errors}
            options={[
              { value: 'naam', label: t.sortName },
              { value: 'provincie', label: t.sortProvince },
              { value: 'inwoners', label: t.sortPopulation },
            ]}
          />
          <DateField value={p.input.datum} errors={p.errors} />
        </div>
        <SubmitButton>{a.show}</SubmitButton>
      </fieldset>
    </Form>
  );
}

function ResultTable(p: { rows: ListRow[]; date: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const a = atlasText(locale);
  if (p.rows.length === 0) return <Paragraph>{t.none}</Paragraph>;
  const refDate = p.rows[0]?.populationRefDate;
  return (
    <DataTable
      caption={`${t.caption} ${a.on} ${formatDate(p.date, locale)}`}
      rows={p.rows}
      columns={[
        {
          header: a.name,
          cell: (r) => (
            <>
              <a class="utrecht-link" href={`/gemeenten/${r.code}?datum=${p.date}`}>
                {r.name}
              </a>
              {r.note ? <span class="gaz-atlas-note">{r.note}</span> : null}
            </>
          ),
        },
        { header: a.code, cell: (r) => r.code },
        { header: a.province, cell: (r) => r.provinceName },
        {
          header: refDate ? `${a.population} (${t.refDate} ${formatDate(refDate, locale)})` : a.population,
          numeric: true,
          cell: (r) => (r.population === null ? '–' : formatNumber(r.population, locale)),
        },
      ]}
    />
  );
}

export function MunicipalityListView(p: ListViewProps) {
  const { locale } = usePage();
  const t = m(locale);
  const a = atlasText(locale);
  const labels = { datum: a.date, zoek: t.search, provincie: a.province, sorteer: t.sort };
  const filtered = p.rows.length !== p.total;
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      <FormErrors errors={p.errors} labels={labels} />
      <FilterForm input={p.input} errors={p.errors} provinces={p.provinces} />
      {p.date ? (
        <>
          <Paragraph>
            <strong id="gaz-atlas-count">
              {countLine(p.rows.length, p.date, locale)}
              {filtered ? ` (${t.of} ${p.total})` : ''}
            </strong>
          </Paragraph>
          <Paragraph>
            <a class="utrecht-link" href={`/kaart?datum=${p.date}`}>
              {t.map}
            </a>
          </Paragraph>
          <ResultTable rows={p.rows} date={p.date} />
          <Attribution />
        </>
      ) : null}
    </>
  );
}
