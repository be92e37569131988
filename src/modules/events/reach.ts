// Reach on a map: counts per municipality (attendance, completions) drawn on the municipalities of
// a date with the shared choropleth renderer. Used by this module and by the academy.
import type { Db } from '../../db/database.ts';
import type { Locale, Localized } from '../../i18n.ts';
import { countByClass, type LegendClass, NO_DATA_FILL, renderChoropleth, sequentialPalette } from '../../views/choropleth/index.ts';
import { boundariesOn, municipalitiesOn, successorsOf } from '../atlas/index.ts';
import { REACH_CLASSES, reachClass } from './events.logic.ts';

/** Areas without any count. */
export const NOT_REACHED: LegendClass = { key: '0', label: { nl: 'niet bereikt', en: 'not reached' }, fill: NO_DATA_FILL, pattern: 'none' };

export interface ReachMap {
  svg: string | null;
  legend: LegendClass[];
  counts: Map<string, number>;
  /** Counts per municipality of `date` (codes of earlier dates carried to their successor). */
  byCode: Map<string, number>;
  names: Map<string, string>;
  provinceOf: Map<string, string>;
}

/** Draws counts per municipality code on the municipalities of `date`. */
export async function reachMap(
  db: Db,
  date: string,
  counts: Map<string, number>,
  text: { id: string; title: Localized; unit: Localized },
  locale: Locale,
): Promise<ReachMap> {
  const list = await municipalitiesOn(db, date);
  const names = new Map(list.map((m) => [m.code, m.name]));
  const provinceOf = new Map(list.map((m) => [m.code, m.provinceName]));
  const byCode = new Map<string, number>();
  for (const [code, n] of counts) {
    let target = code;
    if (!names.has(code)) target = (await successorsOf(db, code, date))[0]?.code ?? code;
    byCode.set(target, (byCode.get(target) ?? 0) + n);
  }
  const fills = sequentialPalette(REACH_CLASSES.length);
  const legend: LegendClass[] = REACH_CLASSES.map((c, i) => ({ key: c.key, label: c.label, fill: fills[i] }));
  const values = new Map<string, string>();
  for (const [code, n] of byCode) {
    const cls = reachClass(n);
    if (cls && names.has(code)) values.set(code, cls);
  }
  const boundaries = await boundariesOn(db, date);
  const svg = boundaries
    ? renderChoropleth({
        id: text.id,
        areas: { topology: boundaries.municipalities, object: 'municipalities' },
        overlay: boundaries.provinces ? { topology: boundaries.provinces, object: 'provinces' } : null,
        values,
        legend,
        noData: NOT_REACHED,
        title: text.title[locale],
        locale,
        linkFor: () => null,
        titleFor: (code, name) => `${names.get(code) ?? name}: ${byCode.get(code) ?? 0} ${text.unit[locale]}`,
      })
    : null;
  return { svg, legend, counts: countByClass(names.keys(), values, legend, NOT_REACHED), byCode, names, provinceOf };
}
