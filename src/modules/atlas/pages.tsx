// Atlas pages: /gemeenten (list), /gemeenten/{code} (profile with panels from other modules) and
// /kaart (the choropleth). Public, server-rendered, work without JavaScript. Anonymous responses
// are rendered once per (reference data version, URL, locale) and then served from memory with a
// content-hash ETag.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { type AppDeps, todayOf } from '../../deps.ts';
import type { FieldError } from '../../http/errors.ts';
import { errors } from '../../http/errors.ts';
import { conditionalGet, etagFor } from '../../http/http-cache.ts';
import { type PageOptions, pageContext, renderPageHtml, sendPage } from '../../http/render.tsx';
import type { Locale } from '../../i18n.ts';
import { categoricalStyle, countByClass, type LegendClass, LruCache, renderChoropleth } from '../../views/choropleth/index.ts';
import {
  boundariesOn,
  getMunicipality,
  isValidIsoDate,
  type Municipality,
  municipalitiesOn,
  referenceDataVersion,
  regionsByType,
  searchMunicipalities,
} from './service.ts';
import { type ListRow, MunicipalityListView, municipalityListTitle } from './views/list.tsx';
import { MapPageView, mapPageTitle } from './views/map-page.tsx';
import { MunicipalityProfileView } from './views/profile.tsx';

// ---------------------------------------------------------------------------------------------
// Query parsing (allowlisted values; messages name the field)

const SORTS = ['naam', 'provincie', 'inwoners'] as const;
type Sort = (typeof SORTS)[number];

const DATE_ERROR: FieldError = {
  field: 'datum',
  message: {
    nl: 'Datum: vul een geldige datum in als JJJJ-MM-DD, bijvoorbeeld 2019-06-01.',
    en: 'Date: enter a valid date as YYYY-MM-DD, for example 2019-06-01.',
  },
};

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim().slice(0, 100) : '';
}

/** The date asked for (empty = today), or a field error. */
export function parseDate(raw: string, fallback: string): { date: string | null; errors: FieldError[] } {
  if (raw === '') return { date: fallback, errors: [] };
  return isValidIsoDate(raw) ? { date: raw, errors: [] } : { date: null, errors: [DATE_ERROR] };
}

// ---------------------------------------------------------------------------------------------
// Memoised public pages

interface CachedPage {
  html: string;
  etag: string;
}

const pageCache = new LruCache<string, CachedPage>(300);
const svgCache = new LruCache<string, string>(40);
const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

interface Built {
  options: PageOptions;
  body: VNode;
}

async function sendPublicPage(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  key: string,
  build: () => Promise<Built>,
  memo = true,
) {
  if (req.user) {
    const b = await build();
    return sendPage(req, reply, b.options, b.body);
  }
  const fullKey = [await referenceDataVersion(deps.db), req.locale, req.server.assets.css, req.url, key].join('\u0000');
  let entry = memo ? pageCache.get(fullKey) : undefined;
  if (!entry) {
    const b = await build();
    const html = renderPageHtml(pageContext(req, reply, b.options.islands), b.options, b.body);
    if ((b.options.status ?? 200) !== 200) {
      reply.code(b.options.status!).type('text/html; charset=utf-8').header('cache-control', 'no-store');
      return reply.send(html);
    }
    entry = { html, etag: etagFor(html) };
    if (memo) pageCache.set(fullKey, entry);
  }
  if (conditionalGet(req, reply, entry.etag)) return reply.send();
  reply.type('text/html; charset=utf-8').header('cache-control', CACHE_CONTROL);
  return reply.send(entry.html);
}

// ---------------------------------------------------------------------------------------------
// Map rendering

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

// ---------------------------------------------------------------------------------------------
// Routes

function sortRows(rows: ListRow[], sort: Sort): ListRow[] {
  const byName = (a: ListRow, b: ListRow) => a.name.localeCompare(b.name, 'nl');
  const sorted = [...rows];
  if (sort === 'provincie') sorted.sort((a, b) => a.provinceName.localeCompare(b.provinceName, 'nl') || byName(a, b));
  else if (sort === 'inwoners') sorted.sort((a, b) => (b.population ?? -1) - (a.population ?? -1) || byName(a, b));
  else sorted.sort(byName);
  return sorted;
}

export async function registerAtlasPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/gemeenten', { config: { permission: 'public' } }, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const input = { datum: str(q.datum), zoek: str(q.zoek), provincie: str(q.provincie), sorteer: str(q.sorteer) };
    const title = municipalityListTitle(req.locale);
    return sendPublicPage(req, reply, deps, `list|${todayOf(deps)}`, async () => {
      const { date, errors: fieldErrors } = parseDate(input.datum, todayOf(deps));
      const provinces = await regionsByType(deps.db, 'province', date ?? todayOf(deps));
      if (input.provincie && !provinces.some((p) => p.code === input.provincie)) {
        fieldErrors.push({
          field: 'provincie',
          message: { nl: 'Provincie: kies een provincie uit de lijst.', en: 'Province: choose a province from the list.' },
        });
      }
      if (input.sorteer && !(SORTS as readonly string[]).includes(input.sorteer)) {
        fieldErrors.push({
          field: 'sorteer',
          message: { nl: 'Sorteer op: kies naam, provincie of inwoners.', en: 'Sort by: choose name, province or inhabitants.' },
        });
      }
      if (fieldErrors.length > 0 || !date) {
        return {
          options: { title: `${title} – fout in invoer`, status: 400 },
          body: <MunicipalityListView input={input} errors={fieldErrors} date={null} provinces={provinces} rows={[]} total={0} />,
        };
      }
      const all = await municipalitiesOn(deps.db, date);
      let rows: ListRow[] = all.map((x) => ({
        code: x.code,
        name: x.name,
        provinceName: x.provinceName,
        population: x.population,
        populationRefDate: x.populationRefDate,
      }));
      if (input.provincie) {
        const wanted = new Set(all.filter((x) => x.provinceCode === input.provincie).map((x) => x.code));
        rows = rows.filter((r) => wanted.has(r.code));
      }
      if (input.zoek) {
        const hits = await searchMunicipalities(deps.db, input.zoek, date, 1000);
        const why = new Map(hits.map((h) => [h.code, (req.locale === 'en' ? (h.reasonEn ?? h.reason) : h.reason) ?? h.matchedFormerName]));
        rows = rows.filter((r) => why.has(r.code)).map((r) => ({ ...r, note: why.get(r.code) ?? undefined }));
      }
      rows = sortRows(rows, (input.sorteer || 'naam') as Sort);
      return {
        options: { title, cacheControl: CACHE_CONTROL },
        body: <MunicipalityListView input={input} errors={[]} date={date} provinces={provinces} rows={rows} total={all.length} />,
      };
    });
  });

  app.get('/gemeenten/:code', { config: { permission: 'public' } }, async (req, reply) => {
    const code = String((req.params as { code: string }).code).toUpperCase();
    const q = (req.query ?? {}) as Record<string, unknown>;
    const { date, errors: fieldErrors } = parseDate(str(q.datum), todayOf(deps));
    if (!date) throw errors.validation(fieldErrors);
    const municipality = /^GM\d{4}$/.test(code) ? await getMunicipality(deps.db, code, date) : null;
    if (!municipality) {
      throw errors.notFound({ nl: `Er is geen gemeente met code ${code}.`, en: `There is no municipality with code ${code}.` });
    }
    // Panels carry other modules' data (not covered by the reference version): ETag by content only.
    return sendPublicPage(
      req,
      reply,
      deps,
      `profile|${date}`,
      async () => {
        const rendered = await Promise.all(
          deps.modules.profilePanels().map(async (p) => {
            try {
              return await p.render(code, date, req.locale, deps);
            } catch (err) {
              req.log.error({ err, panel: p.id }, 'municipality panel failed');
              return null;
            }
          }),
        );
        return {
          options: { title: `${municipality.name} (${municipality.code})`, cacheControl: CACHE_CONTROL },
          body: <MunicipalityProfileView municipality={municipality} date={date} panels={rendered.filter((x): x is VNode => x !== null)} />,
        };
      },
      deps.modules.profilePanels().length === 0,
    );
  });

  app.get('/kaart', { config: { permission: 'public' } }, async (req, reply) => {
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
