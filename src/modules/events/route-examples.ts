// How the permission walk (test/permissions.test.ts) calls the events module's routes (convention:
// test/helpers/walk.ts). Pages that read share one event; every form makes what it changes.
import type { ExampleContext, RouteExamples } from '../../../test/helpers/walk.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { setAttended } from './attendance.service.ts';
import { amsterdamDate } from './events.logic.ts';
import { linksOf } from './links.ts';
import { register } from './registrations.service.ts';
import type { EventInput } from './schema.ts';
import { createEvent } from './service.ts';

let n = 0;

function eventInput(ctx: ExampleContext, daysFromNow: number, capacity = 20): EventInput {
  const now = ctx.deps.now();
  const day = amsterdamDate(new Date(now.getTime() + daysFromNow * 86_400_000));
  const today = amsterdamDate(now);
  return {
    title: `Walk-bijeenkomst ${++n}`,
    type: 'workshop',
    audiences: ['frontline-staff'],
    description: 'Voor de permissietest.',
    date: day,
    startTime: '10:00',
    endTime: '12:00',
    place: 'Utrecht',
    onlineUrl: undefined,
    organisers: 'Gemeenten aan zet',
    capacity,
    registrationOpens: daysFromNow > 0 ? today : day,
    registrationCloses: daysFromNow > 0 ? day : day,
    access: 'public',
    questions: '',
    targetProvince: undefined,
    targetCodes: [],
    status: 'published',
  };
}

const system = (ctx: ExampleContext) => ({ db: ctx.deps.db, actor: SYSTEM_ACTOR, now: ctx.deps.now() });
const upcoming = (ctx: ExampleContext, capacity = 20) => createEvent(system(ctx), eventInput(ctx, 60, capacity));
const sharedEvent = (ctx: ExampleContext) => ctx.shared('events:event', () => upcoming(ctx));

async function registration(ctx: ExampleContext, eventId: number) {
  n += 1;
  const input = { name: `Walk ${n}`, email: `walk-${n}-${process.pid}@example.org`, organisation: 'Gemeente', municipality: 'GM0363' };
  return (await register(system(ctx), linksOf(ctx.deps), eventId, input)).id;
}

const keyOf = (ctx: ExampleContext, id: number) => linksOf(ctx.deps).manage(id).split('/').pop()!;

/** A registration that was offered a freed place (capacity 1: A registered, B waiting, A cancels). */
async function offered(ctx: ExampleContext) {
  const eventId = await upcoming(ctx, 1);
  const first = await registration(ctx, eventId);
  const second = await registration(ctx, eventId);
  const { cancelRegistration } = await import('./registrations.service.ts');
  await cancelRegistration(system(ctx), linksOf(ctx.deps), first);
  return second;
}

async function attendedRegistration(ctx: ExampleContext) {
  const eventId = await upcoming(ctx);
  const id = await registration(ctx, eventId);
  await setAttended(system(ctx), eventId, id, true);
  return id;
}

export const routeExamples: RouteExamples = {
  'GET /bijeenkomsten/:id': async (ctx) => ({ params: { id: await sharedEvent(ctx) } }),
  'GET /bijeenkomsten/:id/agenda.ics': async (ctx) => ({ params: { id: await sharedEvent(ctx) } }),
  'GET /bijeenkomsten/:id/aangemeld': async (ctx) => ({ params: { id: await sharedEvent(ctx) } }),
  'POST /bijeenkomsten/:id/aanmelden': async (ctx) => ({
    params: { id: await upcoming(ctx) },
    body: { name: 'Walk Aanmelder', email: `aanmelder-${++n}@example.org`, organisation: 'Gemeente', municipality: 'other' },
  }),
  'GET /bijeenkomsten/aanmelding/:key': async (ctx) => ({ params: { key: keyOf(ctx, await registration(ctx, await sharedEvent(ctx))) } }),
  'POST /bijeenkomsten/aanmelding/:key/annuleren': async (ctx) => ({
    params: { key: keyOf(ctx, await registration(ctx, await upcoming(ctx))) },
  }),
  'POST /bijeenkomsten/aanmelding/:key/bevestigen': async (ctx) => ({ params: { key: keyOf(ctx, await offered(ctx)) } }),
  'GET /bijeenkomsten/evaluatie/:key': async (ctx) => ({ params: { key: keyOf(ctx, await attendedRegistration(ctx)) } }),
  'POST /bijeenkomsten/evaluatie/:key': async (ctx) => ({
    params: { key: keyOf(ctx, await attendedRegistration(ctx)) },
    body: { rating: '4' },
  }),

  'POST /beheer/bijeenkomsten/nieuw': async (ctx) => {
    const e = eventInput(ctx, 30);
    return {
      body: {
        title: e.title,
        type: e.type,
        audiences: 'frontline-staff',
        description: e.description,
        date: e.date,
        startTime: e.startTime,
        endTime: e.endTime,
        place: 'Utrecht',
        organisers: e.organisers,
        capacity: '20',
        registrationOpens: e.registrationOpens,
        registrationCloses: e.registrationCloses,
        access: 'public',
        status: 'published',
      },
    };
  },
  'GET /beheer/bijeenkomsten/:id': async (ctx) => ({ params: { id: await sharedEvent(ctx) } }),
  'GET /beheer/bijeenkomsten/:id/bewerken': async (ctx) => ({ params: { id: await sharedEvent(ctx) } }),
  'POST /beheer/bijeenkomsten/:id/bewerken': async (ctx) => {
    const e = eventInput(ctx, 45);
    return {
      params: { id: await upcoming(ctx) },
      body: {
        title: 'Gewijzigde walk-bijeenkomst',
        type: 'webinar',
        audiences: ['police', 'policy-officers'],
        description: 'Gewijzigd.',
        date: e.date,
        startTime: '09:00',
        endTime: '10:00',
        onlineUrl: 'https://meet.example.org/walk',
        organisers: 'Gemeenten aan zet',
        capacity: '25',
        registrationOpens: e.registrationOpens,
        registrationCloses: e.registrationCloses,
        access: 'invitation',
        status: 'published',
      },
    };
  },
  'POST /beheer/bijeenkomsten/:id/aanmeldingen/:registrationId/annuleren': async (ctx) => {
    const id = await upcoming(ctx);
    return { params: { id, registrationId: await registration(ctx, id) } };
  },
  'POST /beheer/bijeenkomsten/:id/evaluatie': async (ctx) => ({ params: { id: await createEvent(system(ctx), eventInput(ctx, -2)) } }),
  'GET /beheer/bijeenkomsten/:id/aanwezigheid': async (ctx) => ({ params: { id: await sharedEvent(ctx) } }),
  'POST /beheer/bijeenkomsten/:id/aanwezigheid/:registrationId': async (ctx) => {
    const id = await upcoming(ctx);
    return { params: { id, registrationId: await registration(ctx, id) }, body: { attended: '1' } };
  },
  'POST /beheer/bijeenkomsten/:id/inloop': async (ctx) => ({
    params: { id: await upcoming(ctx) },
    body: { name: 'Walk Inloper', municipality: 'other' },
  }),
  'GET /beheer/bijeenkomsten/:id/presentielijst': async (ctx) => ({ params: { id: await sharedEvent(ctx) } }),
  'POST /beheer/bijeenkomsten/instellingen': async () => ({ body: { retentionDays: '365', reminderDays: '2', offerHours: '48' } }),
};
