// The academy module's public face: the Mensenhandel Academy — a catalogue of courses (e-learning
// of short lessons, classroom courses linked to events, external courses), learner self sign-up
// with email confirmation, progress per lesson, a closing quiz and a tagged PDF certificate with a
// public verification page, imports of external completions, reach per municipality (map,
// CSV/XLSX) and the API (/api/v1/courses, /api/v1/reach). Contributes evidence for the advice
// module's "front-line staff trained" building block.
import { defineModule } from '../../module.ts';
import { loadAcademyDemo } from './demo.ts';
import { academyPrivacy } from './privacy.ts';
import { academyTrainedEvidence } from './reach.service.ts';
import { registerAcademyRoutes } from './routes.ts';

export { academyReach, completionsByMunicipality, type ReachCount } from './reach.service.ts';

export const academyModule = defineModule({
  name: 'academy',
  dependsOn: ['audit', 'outbox', 'auth', 'atlas', 'advice', 'events'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: registerAcademyRoutes,
  demo: { after: ['auth', 'atlas', 'events'], load: loadAcademyDemo },
  staffLinks: [
    {
      href: '/beheer/academy',
      label: { nl: 'Mensenhandel Academy', en: 'Human Trafficking Academy' },
      description: {
        nl: 'Cursussen, import van afrondingen en bereik per gemeente.',
        en: 'Courses, imported completions and reach per municipality.',
      },
      permission: 'staff',
    },
  ],
  openapiTag: { name: 'academy', description: 'De Mensenhandel Academy: cursussen (open) en bereik per gemeente (medewerkers)' },
  extensions: { policyEvidence: [academyTrainedEvidence], privacyStatement: [academyPrivacy] },
});
