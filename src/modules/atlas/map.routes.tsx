// /kaart: every municipality on a date on the shared choropleth (src/views/choropleth), coloured
// by province, with its legend and the same data as a table.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { BoundedCache } from '../../http/bounded-cache.ts';
import type { Locale } from '../../i18n.ts';
import { categoricalStyle, countByClass, type LegendClass, renderChoropleth } from '../../views/choropleth/index.ts';
import { boundariesOn } from './boundaries.ts';
import { CACHE_CONTROL, PUBLIC_PAGE, parseDate, sendPublicPage, str } from './pages.kit.tsx';
import { municipalitiesOn, regionsByType } from './service.ts';
import type { Municipality } from './types.ts';
import { MapPageView, mapPageTitle } from './views/map-page.tsx';

/** Rendered maps per (boundaries, colouring, locale): a handful of distinct ones exist per data version. */
const svgCache = new BoundedCache<string>((svg) => svg.length, { maxEntries: 40, maxBytes: 32 * 1024 * 1024 });

/** Province legend: one class per province, colour plus texture (unique pairs). */
export function provinceLegend(provinces: { code: string; name: string }[]): LegendClass[] {
  return provinces.map((p, i) => ({ key: p.code, label: { nl: p.name, en: p.name }, ...categoricalStyle(i) }));
}

export async function renderMunicipalityMap(deps: AppDeps, date: string, locale: Locale, list: Municipality[]) {
  const boundaries = await boundariesOn(deps.db, date);
  const provinces = await regionsByType(deps.db, 'province', date);
  const legend = provinceLegend(provinces);
  const values = new Map(list.map((x) => [x.code, x.provinceCode]));
  const names = new Map(list.map((x) => [x.code, x.name]));
  const counts = countByClass(values.keys(), values, legend);
  if (!boundaries) return { svg: null, legend, counts };
  const valuesVersion = createHash('sha1')
    .update(list.map((x) => `${x.code}:${x.provinceCode}:${x.name}`).join('|'))
    .digest('base64url');
  const svg = svgCache.getOrCreate(`${boundaries.version}|${valuesVersion}|${locale}`, () =>
    renderChoropleth({
      id: 'gaz-atlas-map',
      areas: { topology: boundaries.municipalities, object: 'municipalities' },
      overlay: boundaries.provinces ? { topology: boundaries.provinces, object: 'provinces' } : null,
      values,
      legend,
      title: mapPageTitle(locale),
      description:
        locale === 'nl'
          ? 'Gemeenten gekleurd per provincie; provinciegrenzen dik.'
          : 'Municipalities coloured by province; province borders thick.',
      locale,
      linkFor: (code) => `/gemeenten/${code}`,
      titleFor: (code, name, cls) => `${names.get(code) ?? name}: ${cls.label[locale]}`,
    }),
  );
  return { svg, legend, counts };
}

export function registerMapPage(app: FastifyInstance, deps: AppDeps): void {
  app.get('/kaart', { config: PUBLIC_PAGE }, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const input = { datum: str(q.datum) };
    const title = mapPageTitle(req.locale);
    return sendPublicPage(req, reply, deps, `map|${todayOf(deps)}`, async () => {
      const { date, errors: fieldErrors } = parseDate(input.datum, todayOf(deps));
      if (!date) {
        return {
          options: { title: `${title} – fout in invoer`, status: 400 },
          body: <MapPageView input={input} errors={fieldErrors} date={null} svg={null} legend={[]} counts={new Map()} rows={[]} />,
        };
      }
      const list = await municipalitiesOn(deps.db, date);
      const map = await renderMunicipalityMap(deps, date, req.locale, list);
      return {
        options: { title, cacheControl: CACHE_CONTROL, islands: ['map'] },
        body: (
          <MapPageView
            input={input}
            errors={[]}
            date={date}
            svg={map.svg}
            legend={map.legend}
            counts={map.counts}
            rows={list.map((x) => ({ code: x.code, name: x.name, provinceName: x.provinceName }))}
          />
        ),
      };
    });
  });
}
