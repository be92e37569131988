// /gemeenten: the municipalities on a date, searchable (also by former names), per province, sorted.
// Every query value is checked against an allowlist; a wrong one re-renders the form with a 400.
import type { FastifyInstance } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import type { FieldError } from '../../http/errors.ts';
import type { Locale } from '../../i18n.ts';
import { type Built, CACHE_CONTROL, PUBLIC_PAGE, parseDate, sendPublicPage, str } from './pages.kit.tsx';
import { municipalitiesOn, regionsByType, searchMunicipalities } from './service.ts';
import type { Municipality, Region } from './types.ts';
import { type ListRow, type ListViewProps, MunicipalityListView, municipalityListTitle } from './views/list.tsx';

const SORTS = ['naam', 'provincie', 'inwoners'] as const;
type Sort = (typeof SORTS)[number];

function sortRows(rows: ListRow[], sort: Sort): ListRow[] {
  const byName = (a: ListRow, b: ListRow) => a.name.localeCompare(b.name, 'nl');
  const sorted = [...rows];
  if (sort === 'provincie') sorted.sort((a, b) => a.provinceName.localeCompare(b.provinceName, 'nl') || byName(a, b));
  else if (sort === 'inwoners') sorted.sort((a, b) => (b.population ?? -1) - (a.population ?? -1) || byName(a, b));
  else sorted.sort(byName);
  return sorted;
}

function filterErrors(input: ListViewProps['input'], provinces: Region[]): FieldError[] {
  const out: FieldError[] = [];
  if (input.provincie && !provinces.some((p) => p.code === input.provincie)) {
    out.push({
      field: 'provincie',
      message: { nl: 'Provincie: kies een provincie uit de lijst.', en: 'Province: choose a province from the list.' },
    });
  }
  if (input.sorteer && !(SORTS as readonly string[]).includes(input.sorteer)) {
    out.push({
      field: 'sorteer',
      message: { nl: 'Sorteer op: kies naam, provincie of inwoners.', en: 'Sort by: choose name, province or inhabitants.' },
    });
  }
  return out;
}

async function listRows(deps: AppDeps, all: Municipality[], input: ListViewProps['input'], date: string, locale: Locale) {
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
    const why = new Map(hits.map((h) => [h.code, h.reason?.[locale] ?? h.matchedFormerName]));
    rows = rows.filter((r) => why.has(r.code)).map((r) => ({ ...r, note: why.get(r.code) ?? undefined }));
  }
  return sortRows(rows, (input.sorteer || 'naam') as Sort);
}

export function registerListPage(app: FastifyInstance, deps: AppDeps): void {
  app.get('/gemeenten', { config: PUBLIC_PAGE }, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const input = { datum: str(q.datum), zoek: str(q.zoek), provincie: str(q.provincie), sorteer: str(q.sorteer) };
    const title = municipalityListTitle(req.locale);
    return sendPublicPage(req, reply, deps, `list|${todayOf(deps)}`, async (): Promise<Built> => {
      const { date, errors: dateErrors } = parseDate(input.datum, todayOf(deps));
      const provinces = await regionsByType(deps.db, 'province', date ?? todayOf(deps));
      const fieldErrors = [...dateErrors, ...filterErrors(input, provinces)];
      if (fieldErrors.length > 0 || !date) {
        return {
          options: { title: `${title} – fout in invoer`, status: 400 },
          body: <MunicipalityListView input={input} errors={fieldErrors} date={null} provinces={provinces} rows={[]} total={0} />,
        };
      }
      const all = await municipalitiesOn(deps.db, date);
      const rows = await listRows(deps, all, input, date, req.locale);
      return {
        options: { title, cacheControl: CACHE_CONTROL },
        body: <MunicipalityListView input={input} errors={[]} date={date} provinces={provinces} rows={rows} total={all.length} />,
      };
    });
  });
}
