// The events module's public face: workshops and information sessions with self-registration,
// capacity and a waiting list, reminders, check-in and attendance, evaluation, reach per
// municipality, a calendar feed and the events API.
//
// Offered to other modules: `attendanceBetween` / `attendanceByMunicipality` (the academy's reach
// and API), `reachMap` (the shared reach choropleth), `listEvents`/`getEvent` (classroom courses).
// Contributed to the advice module: an interaction feed (events attended) and evidence for the
// "front-line staff trained" building block.
import { defineModule } from '../../module.ts';
import { loadEventsDemo } from './demo.ts';
import { eventsFrontlineEvidence, eventsInteractionFeed } from './extensions.ts';
import { eventJobs } from './jobs.ts';
import { eventsPrivacy } from './privacy.ts';
import { registerEventRoutes } from './routes.ts';

export { type AttendanceRecord, attendanceBetween, attendanceByMunicipality } from './attendance.service.ts';
export { amsterdamDate, amsterdamToUtc, reachClass } from './events.logic.ts';
export { registrationLinks } from './links.ts';
export { eventsPublicCache } from './public-version.ts';
export { NOT_REACHED, type ReachMap, reachMap } from './reach.ts';
export { register as registerForEvent } from './registrations.service.ts';
export { changeEvent, createEvent, type EventRow, getEvent, getPublicEvent, listEvents } from './service.ts';

export const eventsModule = defineModule({
  name: 'events',
  dependsOn: ['audit', 'outbox', 'jobs', 'auth', 'atlas', 'advice'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: registerEventRoutes,
  jobs: eventJobs,
  demo: { after: ['auth', 'atlas', 'advice'], load: loadEventsDemo },
  staffLinks: [
    {
      href: '/beheer/bijeenkomsten',
      label: { nl: 'Bijeenkomsten', en: 'Events' },
      description: {
        nl: 'Workshops en bijeenkomsten, aanmeldingen, wachtlijst, aanwezigheid en bereik.',
        en: 'Workshops and sessions, registrations, waiting list, attendance and reach.',
      },
      permission: 'staff',
    },
  ],
  openapiTag: {
    name: 'events',
    description: 'Bijeenkomsten van het programma: workshops, informatiebijeenkomsten, regionale bijeenkomsten',
  },
  extensions: {
    policyEvidence: [eventsFrontlineEvidence],
    interactionFeed: [eventsInteractionFeed],
    privacyStatement: [eventsPrivacy],
  },
});
