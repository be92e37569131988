// Staff: reach of the events (attendance per municipality and province over a period, on a map)
// and the module's settings.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, rangeError, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { attendanceBetween, attendanceByMunicipality } from './attendance.service.ts';
import { amsterdamDate } from './events.logic.ts';
import { reachMap } from './reach.ts';
import { periodQuery, settingsForm } from './schema.ts';
import { eventSettings, saveEventSettings } from './settings.ts';
import { ReachPage, SettingsPage } from './views/reach.tsx';
import { sm } from './views/staff-messages.ts';

const STAFF = { permission: 'staff' as const };

/** The period of a reach page: `from`/`to` (default: the twelve months up to today). */
export function periodOf(query: unknown, today: string) {
  const parsed = parseInput(periodQuery, query);
  const lastYear = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  if (!parsed.ok) return { from: lastYear, to: today, errors: parsed.errors };
  const from = parsed.data.from ?? lastYear;
  const to = parsed.data.to ?? today;
  if (from > to) return { from, to, errors: [rangeError('to')] };
  return { from, to, errors: [] };
}

export async function registerReachRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/bijeenkomsten/bereik', { config: STAFF }, async (req, reply) => {
    const t = sm(req.locale);
    const period = periodOf(req.query, amsterdamDate(deps.now()));
    const ok = period.errors.length === 0;
    const per = ok ? await attendanceByMunicipality(deps.db, period.from, period.to) : new Map();
    const counts = new Map([...per].map(([code, v]) => [code, v.people as number]));
    const map = await reachMap(
      deps.db,
      period.to,
      counts,
      { id: 'events-reach', title: { nl: t.reachTitle, en: t.reachTitle }, unit: { nl: 'aanwezigen', en: 'attendees' } },
      req.locale,
    );
    const rows = [...map.byCode]
      .map(([code, people]) => ({ code, name: map.names.get(code) ?? code, people, events: per.get(code)?.events ?? 0 }))
      .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name, 'nl'));
    const provinces = new Map<string, { name: string; people: number; municipalities: number }>();
    for (const r of rows) {
      const name = map.provinceOf.get(r.code) ?? '—';
      const p = provinces.get(name) ?? { name, people: 0, municipalities: 0 };
      p.people += r.people;
      p.municipalities += 1;
      provinces.set(name, p);
    }
    const events = ok ? new Set((await attendanceBetween(deps.db, period.from, period.to)).map((r) => r.eventId)).size : 0;
    return sendPage(
      req,
      reply,
      {
        title: t.reachTitle,
        status: ok ? 200 : 400,
        breadcrumbs: [{ href: '/beheer/bijeenkomsten', label: t.staffTitle }, { label: t.reach }],
      },
      <ReachPage
        from={period.from}
        to={period.to}
        svg={map.svg}
        legend={map.legend}
        counts={map.counts}
        municipalities={rows}
        provinces={[...provinces.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'))}
        totals={{ people: rows.reduce((s, r) => s + r.people, 0), events, municipalities: rows.length }}
        errors={period.errors}
      />,
    );
  });

  app.get('/beheer/bijeenkomsten/instellingen', { config: STAFF }, async (req, reply) => {
    const s = await eventSettings(deps.db);
    const values = { retentionDays: String(s.retentionDays), reminderDays: String(s.reminderDays), offerHours: String(s.offerHours) };
    const saved = (req.query as Record<string, string>)?.klaar === '1';
    return sendPage(req, reply, { title: sm(req.locale).settingsTitle }, <SettingsPage values={values} errors={[]} saved={saved} />);
  });

  app.post('/beheer/bijeenkomsten/instellingen', { config: STAFF }, async (req, reply) => {
    const parsed = parseInput(settingsForm, req.body);
    if (!parsed.ok)
      return sendPage(
        req,
        reply,
        { title: sm(req.locale).settingsTitle, status: 400 },
        <SettingsPage values={formValues(req.body)} errors={parsed.errors} saved={false} />,
      );
    await saveEventSettings(serviceCtx(req, deps), parsed.data);
    return reply.redirect('/beheer/bijeenkomsten/instellingen?klaar=1', 303);
  });
}
