// Public pages: /netwerk (map, figures, timeline), the finder /netwerk/zoeken and the answer
// /netwerk/gemeente/{code}. /netwerk is rendered once per (date, data version, locale, url) for
// anonymous visitors and then served from memory.
import type { FastifyInstance } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import type { BodyCache } from '../../http/body-cache.ts';
import { errors } from '../../http/errors.ts';
import { pageContext, renderPageHtml, sendPage } from '../../http/render.tsx';
import { parseInput } from '../../http/validate.ts';
import { searchMunicipalitiesOn } from './atlas-port.ts';
import { mapShapesOn } from './map.ts';
import { finderQuery, pageDateQuery } from './schema.ts';
import { municipalityNetwork, networkDataVersion, networkOn, networkStartMonth, timeline } from './service.ts';
import { answerTitle, FinderResults, finderResultsTitle, MunicipalityAnswer } from './views/finder.tsx';
import { NetworkPage, networkTitle } from './views/network-page.tsx';

const CACHE = 'public, max-age=300';

/**
 * The growth chart runs from the month the network started (at most ten years back) to the date,
 * and covers at least the twelve months before it.
 */
export function timelineStart(date: string, networkStart: string | null): string {
  const yearBefore = `${Number(date.slice(0, 4)) - 1}-${date.slice(5, 7)}-01`;
  const tenYears = `${Number(date.slice(0, 4)) - 10}-${date.slice(5, 7)}-01`;
  if (!networkStart || networkStart >= yearBefore) return yearBefore;
  return networkStart < tenYears ? tenYears : networkStart;
}

export async function registerNetworkPages(app: FastifyInstance, deps: AppDeps, bodies: BodyCache) {
  const dateOr400 = (query: unknown) => {
    const parsed = parseInput(pageDateQuery, query);
    if (!parsed.ok)
      throw errors.badRequest(
        { nl: 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2019-09-30.', en: 'Enter a date as YYYY-MM-DD, for example 2019-09-30.' },
        parsed.errors,
      );
    return parsed.data.datum;
  };

  app.get('/netwerk', { config: { permission: 'public' } }, async (req, reply) => {
    const today = todayOf(deps);
    const date = dateOr400(req.query) ?? today;
    const version = await networkDataVersion(deps.db);
    const render = async () => {
      const [network, shapes, points] = await Promise.all([
        networkOn(deps.db, date),
        mapShapesOn(deps.db, date),
        timeline(deps.db, timelineStart(date, await networkStartMonth(deps.db)), date),
      ]);
      const options = { title: networkTitle(req.locale, date), islands: ['finder'], cacheControl: CACHE };
      const body = <NetworkPage network={network} date={date} isToday={date === today} shapes={shapes} timeline={points} />;
      return { options, body };
    };
    if (req.user) {
      const { options, body } = await render();
      return sendPage(req, reply, options, body);
    }
    // Anonymous visitors share one rendering per (data version, locale, url, today).
    return bodies.send(req, reply, `page|${version}|${req.locale}|${req.url}|${today}`, 'text/html; charset=utf-8', async () => {
      const { options, body } = await render();
      return renderPageHtml(pageContext(req, reply, options.islands), options, body);
    });
  });

  app.get('/netwerk/zoeken', { config: { permission: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
    const parsed = parseInput(finderQuery, req.query);
    const query = parsed.ok ? parsed.data.gemeente.trim() : '';
    const date = parsed.ok && parsed.data.datum ? parsed.data.datum : todayOf(deps);
    const dateParam = parsed.ok && parsed.data.datum ? `?datum=${date}` : '';
    const found = query === '' ? [] : await searchMunicipalitiesOn(deps.db, query, date, 20);
    const exact = found.filter(
      (f) => f.name.toLowerCase() === query.toLowerCase() || f.matchedFormerName?.toLowerCase() === query.toLowerCase(),
    );
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

  app.get<{ Params: { code: string }; Querystring: { datum?: string; via?: string } }>(
    '/netwerk/gemeente/:code',
    { config: { permission: 'public' } },
    async (req, reply) => {
      const date = dateOr400({ datum: req.query.datum }) ?? todayOf(deps);
      const code = String(req.params.code).toUpperCase();
      if (!/^GM\d{4}$/.test(code)) throw errors.notFound({ nl: 'Deze gemeente bestaat niet.', en: 'This municipality does not exist.' });
      const answer = await municipalityNetwork(deps.db, code, date);
      if (!answer)
        throw errors.notFound({ nl: 'Deze gemeente bestond niet op deze datum.', en: 'This municipality did not exist on this date.' });
      let via: { name: string; reason?: { nl: string; en: string } } | undefined;
      const viaName = typeof req.query.via === 'string' ? req.query.via.slice(0, 100) : '';
      if (viaName) {
        const hit = (await searchMunicipalitiesOn(deps.db, viaName, date, 20)).find((f) => f.code === code && f.matchedFormerName);
        if (hit) via = { name: hit.matchedFormerName!, reason: hit.reason };
      }
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
          via={via?.name}
          reason={via?.reason?.[req.locale]}
        />,
      );
    },
  );
}
