// /netwerk/gemeenten: the network's map as a table — every municipality on the date with its
// status, capacity against the norm and inhabitants. The map's text alternative, on a page of its
// own so that /netwerk does not carry 355 rows for everyone who only looks at the map.
import { defineMessages, formatDate, formatNumber, type Locale } from '../../../i18n.ts';
import { DataTable, Heading1, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { MunicipalityCoverage } from '../network.logic.ts';
import type { NetworkOnDate } from '../network-on.service.ts';
import { DateForm, m as pageMessages, statusLabel } from './network-page.tsx';

const m = defineMessages({
  title: { nl: 'Dekking per gemeente', en: 'Coverage per municipality' },
  intro: {
    nl: 'Per gemeente: of er een zorgcoördinator mensenhandel is, en zo ja of de capaciteit aan de norm voldoet. Dit zijn de gegevens van de kaart op de netwerkpagina.',
    en: 'Per municipality: whether it has a care coordinator for human trafficking and, if so, whether the capacity meets the norm. This is the data of the map on the network page.',
  },
  backToMap: { nl: 'Terug naar de kaart en de kerncijfers', en: 'Back to the map and the key figures' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  status: { nl: 'Status', en: 'Status' },
  capacity: { nl: 'FTE per 100.000 inwoners', en: 'FTE per 100,000 inhabitants' },
  inhabitants: { nl: 'Inwoners', en: 'Inhabitants' },
});

export const coverageTableTitle = (locale: Locale, date: string) => `${m(locale).title} — ${formatDate(date, locale)}`;

export function CoverageTablePage(props: { network: NetworkOnDate; date: string; isToday: boolean }) {
  const { locale } = usePage();
  const t = m(locale);
  const dateParam = props.isToday ? '' : `?datum=${props.date}`;
  const rows: MunicipalityCoverage[] = [...props.network.result.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph class="utrecht-paragraph--lead">{t.intro}</Paragraph>
      <Paragraph>
        <a class="utrecht-link" href={`/netwerk${dateParam}`}>
          {t.backToMap}
        </a>
      </Paragraph>
      <DateForm date={props.date} action="/netwerk/gemeenten" />
      <Paragraph>
        {pageMessages(locale).norm}: {formatNumber(props.network.result.norm, locale, 2)} {pageMessages(locale).normText}
      </Paragraph>
      <DataTable
        caption={`${t.title} (${formatDate(props.date, locale)})`}
        rows={rows}
        columns={[
          {
            header: t.municipality,
            cell: (r) => (
              <a class="utrecht-link" href={`/netwerk/gemeente/${r.code}${dateParam}`}>
                {r.name}
              </a>
            ),
          },
          { header: t.status, cell: (r) => statusLabel(r, locale) },
          { header: t.capacity, cell: (r) => (r.status === 'covered' ? formatNumber(r.ftePer100k, locale, 3) : '–'), numeric: true },
          { header: t.inhabitants, cell: (r) => formatNumber(r.population, locale), numeric: true },
        ]}
      />
      <Paragraph>
        <a class="utrecht-link" href={`/api/v1/network/coverage${props.isToday ? '' : `?date=${props.date}`}`}>
          {pageMessages(locale).api}
        </a>
      </Paragraph>
    </>
  );
}
