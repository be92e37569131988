// Server-rendered SVG charts (no client charting library). Each chart is an image with a title and
// a description; the numbers are always in the table its caller puts beside it, so the chart adds
// a picture and nothing only it can tell. Categories differ by colour and by texture (WCAG 1.4.1).
import type { Locale } from '../../../i18n.ts';
import { categoricalStyle, patternMarks } from '../../../views/choropleth/index.ts';
import { L, pct } from './common.tsx';

const HIDDEN_FILL = '#e6e6e6';

function Patterns(props: { id: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: props.count }, (_, i) => {
        const s = categoricalStyle(i);
        return (
          <pattern id={`${props.id}-c${i}`} width="6" height="6" patternUnits="userSpaceOnUse" key={i}>
            <rect width="6" height="6" fill={s.fill} />
            <g dangerouslySetInnerHTML={{ __html: patternMarks(s.pattern) }} />
          </pattern>
        );
      })}
      <pattern id={`${props.id}-hidden`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={HIDDEN_FILL} />
        <g dangerouslySetInnerHTML={{ __html: patternMarks('hatch') }} />
      </pattern>
    </defs>
  );
}

function Frame(props: { id: string; title: string; desc: string; width: number; height: number; children: preact.ComponentChildren }) {
  return (
    <svg
      class="gaz-survey-chart"
      viewBox={`0 0 ${props.width} ${props.height}`}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      focusable="false"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.desc}</desc>
      {props.children}
    </svg>
  );
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface Bar {
  label: string;
  /** 0–1 of the bar's length; null: hidden or no answers. */
  share: number | null;
  /** The value written after the bar (default: the share as a percentage). */
  text?: string;
}

/** Horizontal bars, one per answer (shares of one group). */
export function BarChart(props: { id: string; title: string; bars: Bar[]; locale: Locale }) {
  const rowH = 24;
  const width = 520;
  const labelW = 200;
  const barW = width - labelW - 60;
  const height = props.bars.length * rowH + 8;
  const desc = L(props.locale, 'Staafdiagram; de cijfers staan in de tabel ernaast.', 'Bar chart; the figures are in the table beside it.');
  return (
    <Frame id={props.id} title={props.title} desc={desc} width={width} height={height}>
      <Patterns id={props.id} count={props.bars.length} />
      {props.bars.map((b, i) => {
        const y = 4 + i * rowH;
        const w = b.share === null ? 0 : Math.max(1, Math.round(b.share * barW));
        return (
          <g key={i}>
            <text x={labelW - 6} y={y + 15} text-anchor="end" class="gaz-survey-chart__label">
              {clip(b.label, 30)}
            </text>
            <rect x={labelW} y={y + 3} width={barW} height={rowH - 8} fill="#f5f5f5" />
            {w > 0 ? (
              <rect x={labelW} y={y + 3} width={w} height={rowH - 8} fill={`url(#${props.id}-c${i})`} stroke="#1f1f1f" stroke-width=".5" />
            ) : null}
            <text x={labelW + barW + 6} y={y + 15} class="gaz-survey-chart__value">
              {b.text ?? pct(b.share, props.locale)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

export interface StackRow {
  label: string;
  /** Share per category (0–1), or null when the group is hidden. */
  shares: number[] | null;
}

/** One 100% bar per group, split by answer; hidden groups drawn hatched grey. */
export function StackedChart(props: { id: string; title: string; categories: string[]; rows: StackRow[]; locale: Locale }) {
  const rowH = 22;
  const width = 520;
  const labelW = 170;
  const barW = width - labelW - 10;
  const legendH = Math.ceil(props.categories.length / 3) * 18 + 8;
  const height = props.rows.length * rowH + legendH + 8;
  const desc = L(
    props.locale,
    'Gestapelde staven per groep; de cijfers staan in de tabel ernaast.',
    'Stacked bars per group; the figures are in the table beside it.',
  );
  return (
    <Frame id={props.id} title={props.title} desc={desc} width={width} height={height}>
      <Patterns id={props.id} count={props.categories.length} />
      {props.rows.map((r, i) => {
        const y = 4 + i * rowH;
        let x = labelW;
        return (
          <g key={i}>
            <text x={labelW - 6} y={y + 14} text-anchor="end" class="gaz-survey-chart__label">
              {clip(r.label, 26)}
            </text>
            {r.shares === null ? (
              <rect x={labelW} y={y + 2} width={barW} height={rowH - 6} fill={`url(#${props.id}-hidden)`} />
            ) : (
              r.shares.map((s, c) => {
                const w = s * barW;
                const rect = (
                  <rect
                    key={c}
                    x={x}
                    y={y + 2}
                    width={w}
                    height={rowH - 6}
                    fill={`url(#${props.id}-c${c})`}
                    stroke="#1f1f1f"
                    stroke-width=".4"
                  />
                );
                x += w;
                return rect;
              })
            )}
          </g>
        );
      })}
      {props.categories.map((c, i) => {
        const x = (i % 3) * 173;
        const y = props.rows.length * rowH + 12 + Math.floor(i / 3) * 18;
        return (
          <g key={`l${i}`}>
            <rect x={x} y={y} width="12" height="12" fill={`url(#${props.id}-c${i})`} stroke="#1f1f1f" stroke-width=".5" />
            <text x={x + 16} y={y + 10} class="gaz-survey-chart__legend">
              {clip(c, 24)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

/** Two cumulative lines over days: started and submitted. */
export function ProgressChart(props: {
  id: string;
  title: string;
  points: { date: string; started: number; submitted: number }[];
  max: number;
  locale: Locale;
}) {
  const width = 560;
  const height = 240;
  const pad = { l: 40, r: 16, t: 12, b: 36 };
  const n = Math.max(1, props.points.length - 1);
  const max = Math.max(1, props.max);
  const xOf = (i: number) => pad.l + (i / n) * (width - pad.l - pad.r);
  const yOf = (v: number) => height - pad.b - (v / max) * (height - pad.t - pad.b);
  const line = (key: 'started' | 'submitted') =>
    props.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${xOf(i).toFixed(1)} ${yOf(p[key]).toFixed(1)}`).join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * max));
  const desc = L(
    props.locale,
    'Lijngrafiek van begonnen en ingediende vragenlijsten per dag; de cijfers staan in de tabel eronder.',
    'Line chart of started and submitted questionnaires per day; the figures are in the table below.',
  );
  const first = props.points[0];
  const last = props.points[props.points.length - 1];
  return (
    <Frame id={props.id} title={props.title} desc={desc} width={width} height={height}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={pad.l} x2={width - pad.r} y1={yOf(v)} y2={yOf(v)} stroke="#d0d0d0" />
          <text x={pad.l - 6} y={yOf(v) + 4} text-anchor="end" class="gaz-survey-chart__value">
            {v}
          </text>
        </g>
      ))}
      <path d={line('started')} fill="none" stroke="#4477aa" stroke-width="2" stroke-dasharray="6 3" />
      <path d={line('submitted')} fill="none" stroke="#1f1f1f" stroke-width="2.5" />
      {first ? (
        <text x={pad.l} y={height - 12} class="gaz-survey-chart__label">
          {first.date}
        </text>
      ) : null}
      {last && props.points.length > 1 ? (
        <text x={width - pad.r} y={height - 12} text-anchor="end" class="gaz-survey-chart__label">
          {last.date}
        </text>
      ) : null}
    </Frame>
  );
}
