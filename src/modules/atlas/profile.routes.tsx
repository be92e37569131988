// /gemeenten/{code}: one municipality's profile, with the panels other modules declare
// (ProfilePanel in src/module.ts). A failing panel is logged and left out.
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { combinedVersion, type PublicCacheVersion } from '../../http/public-cache.ts';
import { keepOutOfPublicCache } from '../../http/public-cache-route.ts';
import { atlasPublicCache, CACHE_CONTROL, parseDate, sendPublicPage, str } from './pages.kit.tsx';
import { getMunicipality } from './service.ts';
import { MunicipalityProfileView } from './views/profile.tsx';

/**
 * The profile shows the atlas' data and every panel's: it is kept in the public cache only when every
 * panel names the data version it shows (ProfilePanel.cacheVersion), under all of them together.
 */
function profileCacheVersion(deps: AppDeps): PublicCacheVersion | undefined {
  const panels = deps.modules.profilePanels();
  const versions = panels.flatMap((p) => (p.cacheVersion ? [p.cacheVersion] : []));
  return versions.length === panels.length ? combinedVersion('profile', [atlasPublicCache, ...versions]) : undefined;
}

export function registerProfilePage(app: FastifyInstance, deps: AppDeps): void {
  const publicCache = profileCacheVersion(deps);
  app.get('/gemeenten/:code', { config: { permission: 'public', ...(publicCache ? { publicCache } : {}) } }, async (req, reply) => {
    const code = String((req.params as { code: string }).code).toUpperCase();
    const q = (req.query ?? {}) as Record<string, unknown>;
    const { date, errors: fieldErrors } = parseDate(str(q.datum), todayOf(deps));
    if (!date) throw errors.validation(fieldErrors);
    const municipality = /^GM\d{4}$/.test(code) ? await getMunicipality(deps.db, code, date) : null;
    if (!municipality) {
      throw errors.notFound({ nl: `Er is geen gemeente met code ${code}.`, en: `There is no municipality with code ${code}.` });
    }
    const panels = deps.modules.profilePanels();
    // Panels carry other modules' data (not covered by the reference version): memoised only without panels.
    return sendPublicPage(
      req,
      reply,
      deps,
      `profile|${date}`,
      async () => {
        const rendered = await Promise.all(
          panels.map(async (p) => {
            try {
              return await p.render(code, date, req.locale, deps);
            } catch (err) {
              req.log.error({ err, panel: p.id }, 'municipality panel failed');
              keepOutOfPublicCache(req);
              return null;
            }
          }),
        );
        return {
          options: { title: `${municipality.name} (${municipality.code})`, cacheControl: CACHE_CONTROL },
          body: <MunicipalityProfileView municipality={municipality} date={date} panels={rendered.filter((x): x is VNode => x !== null)} />,
        };
      },
      panels.length === 0,
    );
  });
}
