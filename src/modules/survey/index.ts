// The survey module's public face: surveys of every municipality — build, invite, answer, track,
// results, a feedback report for each, publish — on the municipal map of each round's own date.
//
// Offered to other modules (typed calls, extended only compatibly):
// - `listSurveys(db, statuses?)`, `surveyResponseRate(db, surveyId, today)`: a survey's response;
// - the `newsEmbed` block `{{enquete YYYY-MM-DD}}` (contributed to the news module).
import { defineModule } from '../../module.ts';
import { loadSurveyDemo } from './demo.ts';
import { responseRateEmbed } from './embed.ts';
import { surveyJobs } from './jobs.ts';
import { surveyPrivacy } from './privacy.ts';
import { registerSurveyRoutes } from './routes.ts';
import { countSurveys } from './surveys.queries.ts';

export { surveyResponseRate } from './results.service.ts';
export { listSurveys } from './surveys.service.ts';
export type { SurveySummary } from './types.ts';

export const surveyModule = defineModule({
  name: 'survey',
  dependsOn: ['audit', 'outbox', 'jobs', 'auth', 'atlas', 'advice'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: registerSurveyRoutes,
  jobs: surveyJobs,
  demo: { after: ['auth', 'atlas', 'advice'], load: loadSurveyDemo },
  boot: { isEmpty: async (deps) => (await countSurveys(deps.db)) === 0 },
  extensions: { newsEmbed: [responseRateEmbed], privacyStatement: [surveyPrivacy] },
  staffLinks: [
    {
      href: '/beheer/enquetes',
      label: { nl: 'Enquêtes', en: 'Surveys' },
      description: {
        nl: 'Vragenlijsten aan alle gemeenten: bouwen, uitnodigen, voortgang, resultaten, terugkoppeling, publiceren.',
        en: 'Questionnaires to every municipality: build, invite, track, results, feedback reports, publish.',
      },
      permission: 'staff',
    },
  ],
  openapiTag: { name: 'surveys', description: 'Enquêtes onder alle gemeenten: respons en resultaten (kleine groepen onderdrukt)' },
});
