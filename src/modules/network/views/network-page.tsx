// /netwerk: the network on a date — headline figures, map with legend, table, growth timeline.
import { defineMessages, formatDate, formatNumber, type Locale } from '../../../i18n.ts';
import { DataTable, Heading1, Paragraph, SubmitButton } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { MAP_HEIGHT, MAP_WIDTH, type MapShape } from '../map.ts';
import type { CapacityLevel, MunicipalityCoverage, TimelinePoint } from '../network.logic.ts';
import type { NetworkOnDate } from '../service.ts';
import { FinderForm } from './finder.tsx';

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
  tableTitle: { nl: 'Dekking per gemeente', en: 'Coverage per municipality' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  status: { nl: 'Status', en: 'Status' },
  capacity: { nl: 'FTE per 100.000 inwoners', en: 'FTE per 100,000 inhabitants' },
  inhabitants: { nl: 'Inwoners', en: 'Inhabitants' },
  showTable: { nl: 'Toon de tabel met alle gemeenten', en: 'Show the table of all municipalities' },
  timeline: { nl: 'Groei van het netwerk per maand', en: 'Growth of the network per month' },
  month: { nl: 'Maand', en: 'Month' },
  noMap: {
    nl: 'Voor deze datum zijn geen gemeentegrenzen beschikbaar; de tabel hieronder geeft de gegevens.',
    en: 'No municipal boundaries are available for this date; the table below gives the data.',
  },
  attribution: {
    nl: 'Grenzen: CBS/Kadaster via PDOK, vereenvoudigd door cartomap/nl; inwoners: CBS (CC BY 4.0).',
    en: 'Boundaries: CBS/Kadaster via PDOK, simplified by cartomap/nl; inhabitants: CBS (CC BY 4.0).',
  },
  populationDate: { nl: 'Inwonertallen per', en: 'Population figures as of' },
  api: { nl: 'Deze gegevens als open data (API)', en: 'This data as open data (API)' },
});

export const networkTitle = (locale: Locale, date: string) => `${m(locale).title} — ${formatDate(date, locale)}`;

const FILL: Record<CapacityLevel, string> = { adequate: '#1b6e3a', insufficient: '#e8a33d', none: '#d4d4d4' };

export function statusLabel(mc: { capacity: CapacityLevel }, locale: Locale) {
  const t = m(locale);
  return mc.capacity === 'adequate' ? t.adequate : mc.capacity === 'insufficient' ? t.insufficient : t.remote;
}

export function Legend(props: { norm: number }) {
  const { locale } = usePage();
  const t = m(locale);
  const item = (level: CapacityLevel, label: string) => (
    <li class="gaz-legend__item">
      <svg width="16" height="16" aria-hidden="true" focusable="false" class="gaz-legend__swatch">
        <rect width="16" height="16" fill={FILL[level]} stroke="#333" stroke-width="1" />
      </svg>{' '}
      {label}
    </li>
  );
  return (
    <div class="gaz-legend">
      <h3 class="utrecht-heading-3">{t.legend}</h3>
      <ul class="utrecht-unordered-list gaz-legend__list">
        {item('adequate', t.adequate)}
        {item('insufficient', t.insufficient)}
        {item('none', t.remote)}
      </ul>
      <Paragraph>
        {t.norm}: {formatNumber(props.norm, locale, 2)} {t.normText}
      </Paragraph>
    </div>
  );
}

export function NetworkMap(props: { shapes: MapShape[]; network: NetworkOnDate; dateParam: string }) {
  const { locale } = usePage();
  const byCode = new Map(props.network.result.municipalities.map((x) => [x.code, x]));
  return (
    <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} class="gaz-map" aria-labelledby="network-map-title">
      <title id="network-map-title">{m(locale).mapTitle}</title>
      {props.shapes.map((s) => {
        const mc = byCode.get(s.code);
        if (!mc) return null;
        return (
          <a href={`/netwerk/gemeente/${mc.code}${props.dateParam}`} key={s.code}>
            <path d={s.d} fill={FILL[mc.capacity]} stroke="#ffffff" stroke-width="0.4" data-code={mc.code}>
              <title>{`${mc.name}: ${statusLabel(mc, locale)}`}</title>
            </path>
          </a>
        );
      })}
    </svg>
  );
}

function LineChart(props: { title: string; id: string; points: { label: string; value: number }[]; max: number }) {
  const w = 480;
  const h = 180;
  const pad = { l: 44, r: 8, t: 10, b: 28 };
  const n = props.points.length;
  const max = Math.max(1, props.max);
  const x = (i: number) => pad.l + (n <= 1 ? 0 : (i * (w - pad.l - pad.r)) / (n - 1));
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / max);
  const line = props.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join('');
  const ticks = [0, Math.round(max / 2), max];
  const labelEvery = Math.max(1, Math.ceil(n / 6));
  return (
    <svg viewBox={`0 0 ${w} ${h}`} class="gaz-chart" role="img" aria-labelledby={`${props.id}-title`}>
      <title id={`${props.id}-title`}>{props.title}</title>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={pad.l} x2={w - pad.r} y1={y(v)} y2={y(v)} stroke="#cccccc" stroke-width="1" />
          <text x={pad.l - 6} y={y(v) + 4} text-anchor="end" font-size="11" fill="#333333">
            {v}
          </text>
        </g>
      ))}
      {props.points.map((p, i) =>
        i % labelEvery === 0 || i === n - 1 ? (
          <text key={p.label} x={x(i)} y={h - 8} text-anchor="middle" font-size="11" fill="#333333">
            {p.label}
          </text>
        ) : null,
      )}
      <path d={line} fill="none" stroke="#154273" stroke-width="2" />
      {props.points.map((p, i) => (
        <circle key={`c${i}`} cx={x(i)} cy={y(p.value)} r="2.5" fill="#154273" />
      ))}
    </svg>
  );
}

export function Timeline(props: { points: TimelinePoint[] }) {
  const { locale } = usePage();
  const t = m(locale);
  const short = (month: string) => `${month.slice(5, 7)}-${month.slice(2, 4)}`;
  const maxCoordinators = Math.max(0, ...props.points.map((p) => p.coordinators));
  const maxMunicipalities = Math.max(0, ...props.points.map((p) => p.municipalitiesTotal));
  return (
    <section aria-labelledby="timeline-heading" class="gaz-timeline">
      <h2 class="utrecht-heading-2" id="timeline-heading">
        {t.timeline}
      </h2>
      <div class="gaz-timeline__charts">
        <LineChart
          id="chart-coordinators"
          title={t.coordinators}
          points={props.points.map((p) => ({ label: short(p.month), value: p.coordinators }))}
          max={Math.max(5, Math.ceil(maxCoordinators / 5) * 5)}
        />
        <LineChart
          id="chart-municipalities"
          title={t.municipalitiesCovered}
          points={props.points.map((p) => ({ label: short(p.month), value: p.municipalitiesCovered }))}
          max={maxMunicipalities}
        />
      </div>
      <DataTable
        caption={t.timeline}
        rows={props.points}
        columns={[
          { header: t.month, cell: (p) => p.month },
          { header: t.coordinators, cell: (p) => formatNumber(p.coordinators, locale), numeric: true },
          {
            header: t.municipalitiesCovered,
            cell: (p) => `${formatNumber(p.municipalitiesCovered, locale)} ${t.of} ${formatNumber(p.municipalitiesTotal, locale)}`,
            numeric: true,
          },
          { header: t.inhabitantsCovered, cell: (p) => formatNumber(p.populationCovered, locale), numeric: true },
        ]}
      />
    </section>
  );
}

export function NetworkPage(props: {
  network: NetworkOnDate;
  date: string;
  isToday: boolean;
  shapes: MapShape[];
  timeline: TimelinePoint[];
}) {
  const { locale } = usePage();
  const t = m(locale);
  const s = props.network.summary;
  const dateParam = props.isToday ? '' : `?datum=${props.date}`;
  const refDates = [...new Set([...props.network.municipalities.values()].map((x) => x.populationRefDate).filter(Boolean))].sort();
  const rows: MunicipalityCoverage[] = [...props.network.result.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph class="utrecht-paragraph--lead">{t.intro}</Paragraph>
      <form method="get" action="/netwerk" class="utrecht-form gaz-inline-form">
        <div class="utrecht-form-field utrecht-form-field--text">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="field-datum">
              {t.dateLabel}
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <input class="utrecht-textbox" type="date" id="field-datum" name="datum" value={props.date} />
          </div>
        </div>
        <SubmitButton variant="secondary">{t.show}</SubmitButton>
      </form>

      <h2 class="utrecht-heading-2">
        {t.figures} — {t.onDate} {formatDate(props.date, locale)}
      </h2>
      <dl class="gaz-figures">
        <div class="gaz-figures__item">
          <dt>{t.coordinators}</dt>
          <dd>{formatNumber(s.coordinators, locale)}</dd>
        </div>
        <div class="gaz-figures__item">
          <dt>{t.municipalitiesCovered}</dt>
          <dd>
            {formatNumber(s.municipalitiesCovered, locale)} {t.of} {formatNumber(s.municipalitiesTotal, locale)}
          </dd>
        </div>
        <div class="gaz-figures__item">
          <dt>{t.inhabitantsCovered}</dt>
          <dd>{formatNumber(s.populationCovered, locale)}</dd>
        </div>
        <div class="gaz-figures__item">
          <dt>{t.share}</dt>
          <dd>{formatNumber(s.populationShare * 100, locale, 1)}%</dd>
        </div>
      </dl>
      <Paragraph>{s.closed ? t.closed : t.notClosed}</Paragraph>

      <h2 class="utrecht-heading-2">{t.mapTitle}</h2>
      <div class="gaz-map-layout" data-island="map">
        {props.shapes.length > 0 ? (
          <NetworkMap shapes={props.shapes} network={props.network} dateParam={dateParam} />
        ) : (
          <Paragraph>{t.noMap}</Paragraph>
        )}
        <Legend norm={props.network.result.norm} />
      </div>
      <Paragraph class="gaz-attribution">
        {t.attribution} {refDates.length > 0 ? `${t.populationDate} ${refDates.map((d) => formatDate(d!, locale)).join(', ')}.` : ''}
      </Paragraph>

      <details class="gaz-details">
        <summary>{t.showTable}</summary>
        <DataTable
          caption={`${t.tableTitle} (${formatDate(props.date, locale)})`}
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
      </details>

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
