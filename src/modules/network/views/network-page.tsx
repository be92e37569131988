// /netwerk: the network on a date — headline figures, the map (the shared choropleth) with its
// legend and the norm, a link to its text alternative (the table of every municipality, on its own
// page /netwerk/gemeenten: views/coverage-table.tsx), the growth timeline.

import { defineMessages, formatDate, formatNumber, type Locale, type Localized } from '../../../i18n.ts';
import { ChoroplethLegend, countByClass } from '../../../views/choropleth/index.ts';
import { Heading1, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Municipality } from '../../atlas/index.ts';
import { capacityLegend } from '../map.ts';
import type { CapacityLevel, CoverageSummary } from '../network.logic.ts';
import type { NetworkOnDate } from '../network-on.service.ts';
import type { TimelinePoint } from '../timeline.logic.ts';
import { FinderForm } from './finder.tsx';
import { Timeline } from './timeline-chart.tsx';

export const m = defineMessages({
  title: { nl: 'Netwerk zorgcoördinatoren mensenhandel', en: 'Network of care coordinators for human trafficking' },
  intro: {
    nl: 'Zorgcoördinatoren mensenhandel regelen opvang en zorg voor (mogelijke) slachtoffers. Waar geen zorgcoördinator is, coördineert het landelijk coördinatiecentrum tegen mensenhandel (CoMensha) op afstand.',
    en: 'Care coordinators for human trafficking arrange shelter and care for (possible) victims. Where there is none, the national coordination centre against human trafficking (CoMensha) coordinates from afar.',
  },
  dateLabel: { nl: 'Datum', en: 'Date' },
  show: { nl: 'Toon', en: 'Show' },
  onDate: { nl: 'Stand op', en: 'Situation on' },
  figures: { nl: 'Kerncijfers', en: 'Key figures' },
  coordinators: { nl: 'Actieve zorgcoördinatoren', en: 'Active care coordinators' },
  municipalitiesCovered: { nl: 'Gemeenten met een zorgcoördinator', en: 'Municipalities with a care coordinator' },
  inhabitantsCovered: { nl: 'Inwoners met een zorgcoördinator', en: 'Inhabitants with a care coordinator' },
  share: { nl: 'Aandeel van de inwoners van Nederland', en: 'Share of the inhabitants of the Netherlands' },
  of: { nl: 'van', en: 'of' },
  closed: {
    nl: 'Het netwerk is gesloten: elke gemeente heeft een zorgcoördinator.',
    en: 'The network is closed: every municipality has a care coordinator.',
  },
  notClosed: { nl: 'Het netwerk is nog niet gesloten.', en: 'The network is not yet closed.' },
  mapTitle: { nl: 'Kaart: dekking en capaciteit', en: 'Map: coverage and capacity' },
  legend: { nl: 'Legenda', en: 'Legend' },
  adequate: { nl: 'Zorgcoördinator, capaciteit volgens de norm', en: 'Care coordinator, capacity meets the norm' },
  insufficient: { nl: 'Zorgcoördinator, capaciteit onder de norm', en: 'Care coordinator, capacity below the norm' },
  remote: { nl: 'Geen zorgcoördinator: CoMensha coördineert op afstand', en: 'No care coordinator: CoMensha coordinates from afar' },
  norm: { nl: 'Norm', en: 'Norm' },
  normText: { nl: 'FTE per 100.000 inwoners', en: 'FTE per 100,000 inhabitants' },
  tableLink: {
    nl: 'De kaart als tabel: dekking en capaciteit per gemeente',
    en: 'The map as a table: coverage and capacity per municipality',
  },
  timeline: { nl: 'Groei van het netwerk per maand', en: 'Growth of the network per month' },
  month: { nl: 'Maand', en: 'Month' },
  noMap: {
    nl: 'Voor deze datum zijn geen gemeentegrenzen beschikbaar; de tabel per gemeente geeft de gegevens.',
    en: 'No municipal boundaries are available for this date; the table per municipality gives the data.',
  },
  attribution: {
    nl: 'Grenzen: CBS/Kadaster via PDOK, vereenvoudigd door cartomap/nl; inwoners: CBS (CC BY 4.0).',
    en: 'Boundaries: CBS/Kadaster via PDOK, simplified by cartomap/nl; inhabitants: CBS (CC BY 4.0).',
  },
  populationDate: { nl: 'Inwonertallen per', en: 'Population figures as of' },
  api: { nl: 'Deze gegevens als open data (API)', en: 'This data as open data (API)' },
});

export const networkTitle = (locale: Locale, date: string) => `${m(locale).title} — ${formatDate(date, locale)}`;

const both = (key: 'adequate' | 'insufficient' | 'remote'): Localized => ({ nl: m('nl')[key], en: m('en')[key] });

/** The map's legend: capacity against the norm (fill and texture per class). */
export const NETWORK_LEGEND = capacityLegend({ adequate: both('adequate'), insufficient: both('insufficient'), none: both('remote') });

export function statusLabel(mc: { capacity: CapacityLevel }, locale: Locale) {
  const t = m(locale);
  return mc.capacity === 'adequate' ? t.adequate : mc.capacity === 'insufficient' ? t.insufficient : t.remote;
}

export function DateForm(props: { date: string; action?: string }) {
  const t = m(usePage().locale);
  return (
    <form method="get" action={props.action ?? '/netwerk'} class="utrecht-form gaz-date-form">
      <TextField
        name="datum"
        type="date"
        label={t.dateLabel}
        value={props.date}
        hideOptional
        addon={<SubmitButton variant="secondary">{t.show}</SubmitButton>}
      />
    </form>
  );
}

function Figures(props: { summary: CoverageSummary; date: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const s = props.summary;
  const items: [string, string][] = [
    [t.coordinators, formatNumber(s.coordinators, locale)],
    [t.municipalitiesCovered, `${formatNumber(s.municipalitiesCovered, locale)} ${t.of} ${formatNumber(s.municipalitiesTotal, locale)}`],
    [t.inhabitantsCovered, formatNumber(s.populationCovered, locale)],
    [t.share, `${formatNumber(s.populationShare * 100, locale, 1)}%`],
  ];
  return (
    <>
      <h2 class="utrecht-heading-2">
        {t.figures} — {t.onDate} {formatDate(props.date, locale)}
      </h2>
      <Paragraph class={`gaz-verdict ${s.closed ? 'gaz-verdict--closed' : ''}`.trim()}>{s.closed ? t.closed : t.notClosed}</Paragraph>
      <dl class="gaz-figures">
        {items.map(([label, value]) => (
          <div class="gaz-figures__item" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function MapSection(props: { svg: string | null; network: NetworkOnDate; dateParam: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const list = props.network.result.municipalities;
  const values = new Map(list.map((x) => [x.code, x.capacity]));
  const refDates = [...new Set([...props.network.municipalities.values()].flatMap((x: Municipality) => x.populationRefDate ?? []))].sort();
  return (
    <>
      <h2 class="utrecht-heading-2">{t.mapTitle}</h2>
      <div class="gaz-map-layout">
        {props.svg ? <div class="gaz-map-frame" dangerouslySetInnerHTML={{ __html: props.svg }} /> : <Paragraph>{t.noMap}</Paragraph>}
        <div class="gaz-legend">
          <ChoroplethLegend
            id="gaz-network-legend"
            heading={t.legend}
            classes={NETWORK_LEGEND}
            counts={countByClass(values.keys(), values, NETWORK_LEGEND)}
            locale={locale}
          />
          <Paragraph>
            {t.norm}: {formatNumber(props.network.result.norm, locale, 2)} {t.normText}
          </Paragraph>
        </div>
      </div>
      <Paragraph>
        <a class="utrecht-link" href={`/netwerk/gemeenten${props.dateParam}`}>
          {t.tableLink}
        </a>
      </Paragraph>
      <Paragraph class="gaz-attribution">
        {t.attribution} {refDates.length > 0 ? `${t.populationDate} ${refDates.map((d) => formatDate(d, locale)).join(', ')}.` : ''}
      </Paragraph>
    </>
  );
}

export function NetworkPage(props: {
  network: NetworkOnDate;
  date: string;
  isToday: boolean;
  map: string | null;
  timeline: TimelinePoint[];
}) {
  const t = m(usePage().locale);
  const dateParam = props.isToday ? '' : `?datum=${props.date}`;
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph class="utrecht-paragraph--lead">{t.intro}</Paragraph>
      <DateForm date={props.date} />
      <Figures summary={props.network.summary} date={props.date} />
      <MapSection svg={props.map} network={props.network} dateParam={dateParam} />
      <Timeline points={props.timeline} />
      <FinderForm date={props.isToday ? undefined : props.date} headingLevel={2} />
      <Paragraph>
        <a class="utrecht-link" href={`/api/v1/network/coverage${props.isToday ? '' : `?date=${props.date}`}`}>
          {t.api}
        </a>
      </Paragraph>
    </>
  );
}
