// The network's map on the shared choropleth (src/views/choropleth): every municipality of the date
// coloured by its capacity class — fill and texture, so colour is not the only cue — each a link to
// its answer page. Rendering reuses the choropleth's projection of the date's boundaries.
import type { Db } from '../../db/database.ts';
import type { Locale, Localized } from '../../i18n.ts';
import { type LegendClass, renderChoropleth } from '../../views/choropleth/index.ts';
import { boundariesOn } from '../atlas/index.ts';
import type { CapacityLevel, MunicipalityCoverage } from './network.logic.ts';

/** The legend classes, in legend order. The fills keep 3:1 against the boundary stroke (WCAG 1.4.11). */
export const CAPACITY_CLASSES: Record<CapacityLevel, { fill: string; pattern: LegendClass['pattern'] }> = {
  adequate: { fill: '#44bb99', pattern: 'none' },
  insufficient: { fill: '#eedd88', pattern: 'hatch' },
  none: { fill: '#dddddd', pattern: 'dots' },
};

export function capacityLegend(labels: Record<CapacityLevel, Localized>): LegendClass[] {
  return (Object.keys(CAPACITY_CLASSES) as CapacityLevel[]).map((level) => ({
    key: level,
    label: labels[level],
    ...CAPACITY_CLASSES[level],
  }));
}

export interface NetworkMapInput {
  date: string;
  locale: Locale;
  municipalities: MunicipalityCoverage[];
  legend: LegendClass[];
  title: string;
  /** `?datum=…` for a date other than today, else ''. */
  dateParam: string;
}

/** The map as an SVG string, or null when no boundaries are imported for the date. */
export async function renderNetworkMap(db: Db, input: NetworkMapInput): Promise<string | null> {
  const boundaries = await boundariesOn(db, input.date);
  if (!boundaries) return null;
  const byCode = new Map(input.municipalities.map((m) => [m.code, m]));
  return renderChoropleth({
    id: 'gaz-network-map',
    areas: { topology: boundaries.municipalities, object: 'municipalities' },
    values: new Map(input.municipalities.map((m) => [m.code, m.capacity])),
    legend: input.legend,
    title: input.title,
    locale: input.locale,
    linkFor: (code) => `/netwerk/gemeente/${code}${input.dateParam}`,
    titleFor: (code, name, cls) => `${byCode.get(code)?.name ?? name}: ${cls.label[input.locale]}`,
  });
}
