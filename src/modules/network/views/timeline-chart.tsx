// The growth of the network per month on /netwerk: two small line charts (SVG, labelled) and the
// same figures as a table.
import { defineMessages, formatNumber } from '../../../i18n.ts';
import { DataTable } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { TimelinePoint } from '../timeline.logic.ts';

const tm = defineMessages({
  timeline: { nl: 'Groei van het netwerk per maand', en: 'Growth of the network per month' },
  month: { nl: 'Maand', en: 'Month' },
  coordinators: { nl: 'Actieve zorgcoördinatoren', en: 'Active care coordinators' },
  municipalitiesCovered: { nl: 'Gemeenten met een zorgcoördinator', en: 'Municipalities with a care coordinator' },
  inhabitantsCovered: { nl: 'Inwoners met een zorgcoördinator', en: 'Inhabitants with a care coordinator' },
  of: { nl: 'van', en: 'of' },
  asTable: { nl: 'De cijfers per maand als tabel', en: 'The figures per month as a table' },
});

function LineChart(props: { title: string; id: string; points: { label: string; value: number }[]; max: number }) {
  const w = 480;
  const h = 180;
  const pad = { l: 44, r: 22, t: 10, b: 28 };
  const n = props.points.length;
  const max = Math.max(1, props.max);
  const x = (i: number) => pad.l + (n <= 1 ? 0 : (i * (w - pad.l - pad.r)) / (n - 1));
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / max);
  const line = props.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join('');
  const ticks = [0, Math.round(max / 2), max];
  const labelEvery = Math.max(1, Math.ceil(n / 6));
  return (
    <figure class="gaz-chart-figure">
      <figcaption class="gaz-chart-figure__caption" aria-hidden="true">
        {props.title}
      </figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} class="gaz-chart" role="img" aria-labelledby={`${props.id}-title`}>
        <title id={`${props.id}-title`}>{props.title}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={w - pad.r} y1={y(v)} y2={y(v)} stroke="#cccccc" stroke-width="1" />
            <text x={pad.l - 6} y={y(v) + 4} text-anchor="end" font-size="12" fill="currentColor">
              {v}
            </text>
          </g>
        ))}
        {props.points.map((p, i) =>
          i % labelEvery === 0 || i === n - 1 ? (
            <text key={p.label} x={x(i)} y={h - 8} text-anchor="middle" font-size="12" fill="currentColor">
              {p.label}
            </text>
          ) : null,
        )}
        <path d={line} fill="none" stroke="#154273" stroke-width="2" />
        {props.points.map((p, i) => (
          <circle key={`c${i}`} cx={x(i)} cy={y(p.value)} r="2.5" fill="#154273" />
        ))}
      </svg>
    </figure>
  );
}

export function Timeline(props: { points: TimelinePoint[] }) {
  const { locale } = usePage();
  const t = tm(locale);
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
      <details class="gaz-details">
        <summary>{t.asTable}</summary>
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
      </details>
    </section>
  );
}
