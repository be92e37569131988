// Public pages: /netwerk (figures, map, timeline), its text alternative /netwerk/gemeenten (the table
// of every municipality), the finder /netwerk/zoeken and the answer /netwerk/gemeente/{code}. Dates
// follow the one rule (`?datum=`, route-kit's dateFromQuery). Anonymous answers of /netwerk, the table
// and the answer pages are kept in the public cache while the network's data version holds
// (networkPublicCache: src/http/public-cache.ts); the finder is not, it has its own request limit.
// The timeline of /netwerk is bounded (timeline.logic.ts) and made of memoised months.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { dateFromQuery } from '../../http/route-kit.ts';
import { searchMunicipalities } from '../atlas/index.ts';
import { renderNetworkMap } from './map.ts';
import { municipalityNetwork, networkOn, networkPublicCache, networkStartMonth, timeline } from './service.ts';
import { timelineStart } from './timeline.logic.ts';
import { CoverageTablePage, coverageTableTitle } from './views/coverage-table.tsx';
import { answerTitle, FinderResults, finderResultsTitle, MunicipalityAnswer } from './views/finder.tsx';
import { m, NETWORK_LEGEND, NetworkPage, networkTitle } from './views/network-page.tsx';

const CACHE = 'public, max-age=300';
const PUBLIC = { permission: 'public' } as const;
/** Public and kept in the public cache while the network's data (and the atlas') is unchanged. */
const CACHED = { permission: 'public', publicCache: networkPublicCache } as const;

async function networkPage(req: FastifyRequest, deps: AppDeps, date: string, today: string) {
  const [network, points] = await Promise.all([
    networkOn(deps.db, date),
    networkStartMonth(deps.db).then((start) => timeline(deps.db, timelineStart(date, start), date)),
  ]);
  const map = await renderNetworkMap(deps.db, {
    date,
    locale: req.locale,
    municipalities: network.result.municipalities,
    legend: NETWORK_LEGEND,
    title: m(req.locale).mapTitle,
    dateParam: date === today ? '' : `?datum=${date}`,
  });
  const options = { title: networkTitle(req.locale, date), islands: ['finder', 'map'], cacheControl: CACHE };
  return { options, body: <NetworkPage network={network} date={date} isToday={date === today} map={map} timeline={points} /> };
}

function registerNetworkPage(app: FastifyInstance, deps: AppDeps) {
  app.get('/netwerk', { config: CACHED }, async (req, reply) => {
    const today = todayOf(deps);
    const date = dateFromQuery(req.query, 'datum', today);
    const { options, body } = await networkPage(req, deps, date, today);
    return sendPage(req, reply, options, body);
  });
  app.get('/netwerk/gemeenten', { config: CACHED }, async (req, reply) => {
    const today = todayOf(deps);
    const date = dateFromQuery(req.query, 'datum', today);
    const network = await networkOn(deps.db, date);
    return sendPage(
      req,
      reply,
      { title: coverageTableTitle(req.locale, date), cacheControl: CACHE },
      <CoverageTablePage network={network} date={date} isToday={date === today} />,
    );
  });
}

function registerFinder(app: FastifyInstance, deps: AppDeps) {
  app.get('/netwerk/zoeken', { config: { ...PUBLIC, rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const query = typeof q.gemeente === 'string' ? q.gemeente.slice(0, 100).trim() : '';
    const asked = dateFromQuery(req.query, 'datum', '');
    const date = asked || todayOf(deps);
    const dateParam = asked ? `?datum=${date}` : '';
    const found = query === '' ? [] : await searchMunicipalities(deps.db, query, date, 20);
    const lower = query.toLowerCase();
    const exact = found.filter((f) => f.name.toLowerCase() === lower || f.matchedFormerName?.toLowerCase() === lower);
    const single = found.length === 1 ? found[0] : exact.length === 1 ? exact[0] : null;
    if (single) {
      const via = single.matchedFormerName ? `${dateParam ? '&' : '?'}via=${encodeURIComponent(single.matchedFormerName)}` : '';
      return reply.redirect(`/netwerk/gemeente/${single.code}${dateParam}${via}`, 303);
    }
    return sendPage(
      req,
      reply,
      { title: finderResultsTitle(req.locale), status: found.length === 0 ? 404 : 200, islands: ['finder'], cacheControl: CACHE },
      <FinderResults query={query} found={found} dateParam={dateParam} />,
    );
  });
}

function registerAnswer(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { code: string }; Querystring: { via?: string } }>(
    '/netwerk/gemeente/:code',
    { config: CACHED },
    async (req, reply) => {
      const date = dateFromQuery(req.query, 'datum', todayOf(deps));
      const code = String(req.params.code).toUpperCase();
      if (!/^GM\d{4}$/.test(code)) throw errors.notFound({ nl: 'Deze gemeente bestaat niet.', en: 'This municipality does not exist.' });
      const answer = await municipalityNetwork(deps.db, code, date);
      if (!answer)
        throw errors.notFound({ nl: 'Deze gemeente bestond niet op deze datum.', en: 'This municipality did not exist on this date.' });
      const viaName = typeof req.query.via === 'string' ? req.query.via.slice(0, 100) : '';
      const via = viaName
        ? (await searchMunicipalities(deps.db, viaName, date, 20)).find((f) => f.code === code && f.matchedFormerName)
        : undefined;
      return sendPage(
        req,
        reply,
        { title: answerTitle(req.locale, answer.municipality.name), islands: ['finder'], cacheControl: CACHE },
        <MunicipalityAnswer
          name={answer.municipality.name}
          code={code}
          date={date}
          coverage={answer.coverage}
          coordinators={answer.coordinators}
          norm={answer.norm}
          via={via?.matchedFormerName}
          reason={via?.reason?.[req.locale]}
        />,
      );
    },
  );
}

export async function registerNetworkPages(app: FastifyInstance, deps: AppDeps) {
  registerNetworkPage(app, deps);
  registerFinder(app, deps);
  registerAnswer(app, deps);
}
