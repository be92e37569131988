// Public pages: /netwerk (figures, map, table, timeline), the finder /netwerk/zoeken and the answer
// /netwerk/gemeente/{code}. Dates follow the one rule (`?datum=`, route-kit's dateFromQuery).
// /netwerk is rendered once per (date, data version, locale, url) for anonymous visitors and then
// served from memory; its timeline is bounded (timeline.logic.ts) and made of memoised months.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import type { BodyCache } from '../../http/body-cache.ts';
import { errors } from '../../http/errors.ts';
import { pageContext, renderPageHtml, sendPage } from '../../http/render.tsx';
import { dateFromQuery } from '../../http/route-kit.ts';
import { searchMunicipalities } from '../atlas/index.ts';
import { renderNetworkMap } from './map.ts';
import { municipalityNetwork, networkDataVersion, networkOn, networkStartMonth, timeline } from './service.ts';
import { timelineStart } from './timeline.logic.ts';
import { answerTitle, FinderResults, finderResultsTitle, MunicipalityAnswer } from './views/finder.tsx';
import { m, NETWORK_LEGEND, NetworkPage, networkTitle } from './views/network-page.tsx';

const CACHE = 'public, max-age=300';
const PUBLIC = { permission: 'public' } as const;

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

function registerNetworkPage(app: FastifyInstance, deps: AppDeps, bodies: BodyCache) {
  app.get('/netwerk', { config: PUBLIC }, async (req, reply) => {
    const today = todayOf(deps);
    const date = dateFromQuery(req.query, 'datum', today);
    if (req.user) {
      const { options, body } = await networkPage(req, deps, date, today);
      return sendPage(req, reply, options, body);
    }
    // Anonymous visitors share one rendering per (data version, locale, url, today).
    const version = await networkDataVersion(deps.db);
    return bodies.send(req, reply, `page|${version}|${req.locale}|${req.url}|${today}`, 'text/html; charset=utf-8', async () => {
      const { options, body } = await networkPage(req, deps, date, today);
      return renderPageHtml(pageContext(req, reply, options.islands), options, body);
    });
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
    { config: PUBLIC },
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

export async function registerNetworkPages(app: FastifyInstance, deps: AppDeps, bodies: BodyCache) {
  registerNetworkPage(app, deps, bodies);
  registerFinder(app, deps);
  registerAnswer(app, deps);
}
