// Tracking a round (staff): the response over time, by province and size class (chart + table), a
// choropleth of who responded on the map of the reference date, and the non-responders to follow up.
import type { Locale } from '../../../i18n.ts';
import { ChoroplethLegend, type LegendClass } from '../../../views/choropleth/index.ts';
import { Heading1, Paragraph } from '../../../views/components.tsx';
import { ScrollRegion } from '../../../views/scroll-region.tsx';
import type { RateRow } from '../groups.logic.ts';
import type { ParticipationView, Tracking } from '../results.service.ts';
import type { SurveySummary } from '../types.ts';
import { BarChart, ProgressChart } from './charts.tsx';
import { date, L, pct, T } from './common.tsx';

function RateTable(props: { caption: string; rows: RateRow[]; locale: Locale }) {
  const { locale } = props;
  return (
    <ScrollRegion label={props.caption}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {[
              L(locale, 'Groep', 'Group'),
              L(locale, 'Uitgenodigd', 'Invited'),
              L(locale, 'Begonnen', 'Started'),
              L(locale, 'Ingediend', 'Submitted'),
              L(locale, 'Respons', 'Rate'),
            ].map((h, i) => (
              <th class={`utrecht-table__header-cell ${i > 0 ? 'utrecht-table__header-cell--numeric' : ''}`} scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.rows.map((r) => (
            <tr class="utrecht-table__row" key={r.key}>
              <th class="utrecht-table__header-cell" scope="row">
                {T(locale, r.label)}
              </th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{r.invited}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{r.started}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{r.submitted}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{pct(r.rate, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function NonResponders(props: { survey: SurveySummary; list: ParticipationView[]; locale: Locale }) {
  const { locale } = props;
  if (props.list.length === 0)
    return <Paragraph>{L(locale, 'Alle uitgenodigde gemeenten hebben ingediend.', 'Every invited municipality has submitted.')}</Paragraph>;
  return (
    <ScrollRegion label={L(locale, 'Nog niet ingediend', 'Not submitted yet')}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">
          {L(locale, `Nog niet ingediend (${props.list.length})`, `Not submitted yet (${props.list.length})`)}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {[
              L(locale, 'Gemeente', 'Municipality'),
              L(locale, 'Provincie', 'Province'),
              L(locale, 'Uitgenodigd', 'Invited'),
              L(locale, 'Stand', 'State'),
            ].map((h) => (
              <th class="utrecht-table__header-cell" scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.list.map((m) => (
            <tr class="utrecht-table__row" key={m.code}>
              <td class="utrecht-table__cell">
                <a class="utrecht-link" href={`/beheer/enquetes/${props.survey.id}/uitnodigingen/${m.code}`}>
                  {m.name}
                </a>
              </td>
              <td class="utrecht-table__cell">{m.provinceName}</td>
              <td class="utrecht-table__cell">{date(m.invitedAt, locale)}</td>
              <td class="utrecht-table__cell">
                {m.started
                  ? L(locale, `begonnen op ${date(m.startedAt, locale)}`, `started on ${date(m.startedAt, locale)}`)
                  : L(locale, 'niet begonnen', 'not started')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
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
          <ScrollRegion label={L(locale, 'Cumulatief per dag', 'Cumulative per day')}>
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="utrecht-table__caption">{L(locale, 'Cumulatief per dag', 'Cumulative per day')}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  {[L(locale, 'Datum', 'Date'), L(locale, 'Begonnen', 'Started'), L(locale, 'Ingediend', 'Submitted')].map((h) => (
                    <th class="utrecht-table__header-cell" scope="col" key={h}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {t.series.map((p) => (
                  <tr class="utrecht-table__row" key={p.date}>
                    <td class="utrecht-table__cell">{p.date}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">{p.started}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">{p.submitted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
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
