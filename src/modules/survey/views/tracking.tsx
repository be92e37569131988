// Tracking a round (staff): the response over time, by province and size class (chart + table), a
// choropleth of who responded on the map of the reference date, and the non-responders to follow up.
import type { Locale } from '../../../i18n.ts';
import { ChoroplethLegend, type LegendClass } from '../../../views/choropleth/index.ts';
import { DataTable, Heading1, Paragraph } from '../../../views/components.tsx';
import type { RateRow } from '../groups.logic.ts';
import type { ParticipationView, Tracking } from '../results.service.ts';
import type { SurveySummary } from '../types.ts';
import { BarChart, ProgressChart } from './charts.tsx';
import { date, L, pct, T } from './common.tsx';

function RateTable(props: { caption: string; rows: RateRow[]; locale: Locale }) {
  const { locale } = props;
  return (
    <DataTable
      caption={props.caption}
      rows={props.rows}
      columns={[
        { header: L(locale, 'Groep', 'Group'), cell: (r) => T(locale, r.label), rowHeader: true },
        { header: L(locale, 'Uitgenodigd', 'Invited'), cell: (r) => r.invited, numeric: true },
        { header: L(locale, 'Begonnen', 'Started'), cell: (r) => r.started, numeric: true },
        { header: L(locale, 'Ingediend', 'Submitted'), cell: (r) => r.submitted, numeric: true },
        { header: L(locale, 'Respons', 'Rate'), cell: (r) => pct(r.rate, locale), numeric: true },
      ]}
    />
  );
}

function NonResponders(props: { survey: SurveySummary; list: ParticipationView[]; locale: Locale }) {
  const { locale } = props;
  if (props.list.length === 0)
    return <Paragraph>{L(locale, 'Alle uitgenodigde gemeenten hebben ingediend.', 'Every invited municipality has submitted.')}</Paragraph>;
  return (
    <DataTable
      caption={L(locale, `Nog niet ingediend (${props.list.length})`, `Not submitted yet (${props.list.length})`)}
      rows={props.list}
      columns={[
        {
          header: L(locale, 'Gemeente', 'Municipality'),
          cell: (m) => (
            <a class="utrecht-link" href={`/beheer/enquetes/${props.survey.id}/uitnodigingen/${m.code}`}>
              {m.name}
            </a>
          ),
        },
        { header: L(locale, 'Provincie', 'Province'), cell: (m) => m.provinceName },
        { header: L(locale, 'Uitgenodigd', 'Invited'), cell: (m) => date(m.invitedAt, locale) },
        {
          header: L(locale, 'Stand', 'State'),
          cell: (m) =>
            m.started
              ? L(locale, `begonnen op ${date(m.startedAt, locale)}`, `started on ${date(m.startedAt, locale)}`)
              : L(locale, 'niet begonnen', 'not started'),
        },
      ]}
    />
  );
}

export function TrackingPage(props: {
  locale: Locale;
  survey: SurveySummary;
  t: Tracking;
  map: { svg: string | null; legend: LegendClass[]; counts: Map<string, number> };
}) {
  const { locale, survey, t } = props;
  const rateBars = (rows: RateRow[]) => rows.map((r) => ({ label: T(locale, r.label), share: r.rate }));
  return (
    <>
      <Heading1>
        {L(locale, 'Voortgang', 'Progress')}: {T(locale, survey.title)}
      </Heading1>
      <Paragraph>
        {L(
          locale,
          `${t.total.submitted} van ${t.total.invited} gemeenten hebben ingediend (${pct(t.total.rate, locale)}); ${t.total.started} zijn begonnen.`,
          `${t.total.submitted} of ${t.total.invited} municipalities submitted (${pct(t.total.rate, locale)}); ${t.total.started} started.`,
        )}
      </Paragraph>
      <h2 class="utrecht-heading-2">{L(locale, 'Respons in de tijd', 'Response over time')}</h2>
      <p class="utrecht-paragraph gaz-survey-key">
        {L(locale, 'Doorgetrokken lijn: ingediend; gestreepte lijn: begonnen.', 'Solid line: submitted; dashed line: started.')}
      </p>
      <div class="gaz-survey-chart-pair">
        <ProgressChart
          id="progress"
          title={L(locale, 'Begonnen en ingediend per dag', 'Started and submitted per day')}
          points={t.series}
          max={t.total.invited}
          locale={locale}
        />
        <details class="gaz-details">
          <summary>{L(locale, 'Cijfers per dag', 'Figures per day')}</summary>
          <DataTable
            caption={L(locale, 'Cumulatief per dag', 'Cumulative per day')}
            rows={t.series}
            columns={[
              { header: L(locale, 'Datum', 'Date'), cell: (p) => p.date },
              { header: L(locale, 'Begonnen', 'Started'), cell: (p) => p.started, numeric: true },
              { header: L(locale, 'Ingediend', 'Submitted'), cell: (p) => p.submitted, numeric: true },
            ]}
          />
        </details>
      </div>
      {(['byProvince', 'bySizeClass'] as const).map((k) => {
        const title =
          k === 'byProvince'
            ? L(locale, 'Respons per provincie', 'Response by province')
            : L(locale, 'Respons per grootteklasse', 'Response by size class');
        return (
          <section key={k} aria-labelledby={`h-${k}`}>
            <h2 class="utrecht-heading-2" id={`h-${k}`}>
              {title}
            </h2>
            <div class="gaz-survey-chart-pair">
              <BarChart id={`rate-${k}`} title={title} bars={rateBars(t[k])} locale={locale} />
              <RateTable caption={title} rows={t[k]} locale={locale} />
            </div>
          </section>
        );
      })}
      <h2 class="utrecht-heading-2">{L(locale, 'Wie heeft gereageerd', 'Who responded')}</h2>
      <div class="gaz-map-layout">
        {props.map.svg ? (
          <div class="gaz-map-frame" dangerouslySetInnerHTML={{ __html: props.map.svg }} />
        ) : (
          <Paragraph>{L(locale, 'Geen kaart: er zijn geen grenzen van deze datum.', 'No map: no boundaries of this date.')}</Paragraph>
        )}
        <ChoroplethLegend
          id="respons-legenda"
          heading={L(locale, 'Legenda', 'Legend')}
          classes={props.map.legend}
          locale={locale}
          counts={props.map.counts}
          noData={null}
        />
      </div>
      <h2 class="utrecht-heading-2">{L(locale, 'Opvolgen', 'Follow up')}</h2>
      <NonResponders survey={survey} list={t.municipalities.filter((m) => !m.submitted)} locale={locale} />
    </>
  );
}
