// The dashboard's two choropleths on the shared map component, on the municipal map of the date:
// engagement (interactions that reached each municipality in the period) and policy maturity (the
// share of building blocks in place). Rendered SVGs are memoised per (boundaries, values, locale).
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { BoundedCache } from '../../http/bounded-cache.ts';
import { defineMessages, type Locale, type Localized } from '../../i18n.ts';
import { countByClass, type LegendClass, renderChoropleth, sequentialPalette } from '../../views/choropleth/index.ts';
import { boundariesOn } from '../atlas/index.ts';
import { engagementClass } from './engagement.logic.ts';
import type { Engagement } from './engagement.service.ts';
import { maturityClass } from './policy.logic.ts';

const m = defineMessages({
  engagementTitle: (from: string, to: string) => ({
    nl: `Bereik van het programma, ${from} tot en met ${to}`,
    en: `Reach of the programme, ${from} to ${to}`,
  }),
  engagementDesc: {
    nl: 'Per gemeente het aantal interacties dat haar bereikte (ook via haar regio en uit andere onderdelen); provinciegrenzen dik.',
    en: 'Per municipality the number of interactions that reached it (also through its region and from other parts); province borders thick.',
  },
  maturityTitle: (date: string) => ({ nl: `Beleidsvolwassenheid op ${date}`, en: `Policy maturity on ${date}` }),
  maturityDesc: {
    nl: 'Per gemeente het deel van de bouwstenen dat op orde is.',
    en: 'Per municipality the share of building blocks in place.',
  },
  interactions: (n: number) => ({
    nl: `${n} ${n === 1 ? 'interactie' : 'interacties'}`,
    en: `${n} ${n === 1 ? 'interaction' : 'interactions'}`,
  }),
  inPlace: (pct: number) => ({ nl: `${pct}% op orde`, en: `${pct}% in place` }),
});

const svgCache = new BoundedCache<string>({ maxEntries: 60 });

export interface MapResult {
  svg: string | null;
  legend: LegendClass[];
  counts: Map<string, number>;
}

function engagementLegend(threshold: number): LegendClass[] {
  const fills = sequentialPalette(4);
  const labels: Localized[] = [
    { nl: 'geen interactie', en: 'no interaction' },
    { nl: '1 interactie', en: '1 interaction' },
    { nl: `2 tot ${threshold} interacties`, en: `2 to ${threshold} interactions` },
    { nl: `${threshold} of meer interacties`, en: `${threshold} or more interactions` },
  ];
  if (threshold <= 2) labels[2] = { nl: '—', en: '—' };
  return ['none', 'one', 'some', 'intensive'].map((key, i) => ({
    key,
    label: labels[i],
    fill: fills[i],
    pattern: i === 3 ? 'hatch' : 'none',
  }));
}

export const MATURITY_LEGEND: LegendClass[] = (() => {
  const fills = sequentialPalette(5);
  const labels: Localized[] = [
    { nl: 'niets op orde', en: 'nothing in place' },
    { nl: 'tot een derde op orde', en: 'up to a third in place' },
    { nl: 'tot twee derde op orde', en: 'up to two thirds in place' },
    { nl: 'meer dan twee derde op orde', en: 'more than two thirds in place' },
    { nl: 'alles op orde', en: 'everything in place' },
  ];
  return ['m0', 'm1', 'm2', 'm3', 'm4'].map((key, i) => ({ key, label: labels[i], fill: fills[i], pattern: i === 4 ? 'hatch' : 'none' }));
})();

async function draw(
  db: Db,
  date: string,
  key: string,
  values: Map<string, string>,
  legend: LegendClass[],
  text: { id: string; title: string; description: string; locale: Locale; titleFor: (code: string, name: string) => string },
): Promise<string | null> {
  const boundaries = await boundariesOn(db, date);
  if (!boundaries) return null;
  const hash = createHash('sha1')
    .update([...values].map(([c, v]) => `${c}:${v}`).join('|'))
    .digest('base64url');
  return svgCache.getOrCreate(`${text.id}|${boundaries.version}|${hash}|${key}|${text.locale}`, () =>
    renderChoropleth({
      id: text.id,
      areas: { topology: boundaries.municipalities, object: 'municipalities' },
      overlay: boundaries.provinces ? { topology: boundaries.provinces, object: 'provinces' } : null,
      values,
      legend,
      title: text.title,
      description: text.description,
      locale: text.locale,
      linkFor: (code) => `/beheer/advies/gemeente/${code}`,
      titleFor: (code, name) => text.titleFor(code, name),
    }),
  );
}

/** Engagement per municipality in the period, on the map of the period's last day. */
export async function engagementMap(
  db: Db,
  e: Engagement,
  codes: string[],
  locale: Locale,
  formatDate: (d: string) => string,
): Promise<MapResult> {
  const t = m(locale);
  const counts = new Map(e.perMunicipality.map((x) => [x.code, x.advice + x.feed]));
  const values = new Map(codes.map((c) => [c, engagementClass(counts.get(c) ?? 0, e.threshold)]));
  const legend = engagementLegend(e.threshold);
  const svg = await draw(db, e.to, String(e.threshold), values, legend, {
    id: 'gaz-advice-engagement',
    title: t.engagementTitle(formatDate(e.from), formatDate(e.to)),
    description: t.engagementDesc,
    locale,
    titleFor: (code, name) => `${name}: ${t.interactions(counts.get(code) ?? 0)}`,
  });
  return { svg, legend, counts: countByClass(codes, values, legend) };
}

/** Maturity per municipality on a date (share of current blocks in place). */
export async function maturityMap(
  db: Db,
  date: string,
  shares: Map<string, number>,
  locale: Locale,
  formatDate: (d: string) => string,
): Promise<MapResult> {
  const t = m(locale);
  const values = new Map([...shares].map(([c, s]) => [c, maturityClass(s)]));
  const svg = await draw(db, date, '', values, MATURITY_LEGEND, {
    id: 'gaz-advice-maturity',
    title: t.maturityTitle(formatDate(date)),
    description: t.maturityDesc,
    locale,
    titleFor: (code, name) => `${name}: ${t.inPlace(Math.round((shares.get(code) ?? 0) * 100))}`,
  });
  return { svg, legend: MATURITY_LEGEND, counts: countByClass(shares.keys(), values, MATURITY_LEGEND) };
}
