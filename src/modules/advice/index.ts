// The advice module's public face: advisers' contacts, interactions and tasks with municipalities,
// the municipal policy monitor (building blocks with history, self-assessment), support requests,
// the programme dashboard and its API.
//
// Offered to other modules (a stable contract, extended only compatibly):
// - `contactsForMunicipality(db, code, date)`: current contacts with an email (survey invitations);
// - extension point `policyEvidence` (PolicyEvidenceProvider): evidence beside a building block;
// - extension point `interactionFeed` (InteractionFeed): read-only interactions (events attended…)
//   shown in the interaction list and on the municipality page, and counted as "reached".
import { defineModule } from '../../module.ts';
import './extensions.ts';
import { adviceIsEmpty, loadAdviceDemo } from './demo.ts';
import { advicePanel } from './panel.tsx';
import { advicePrivacy } from './privacy.ts';
import { registerAdviceRoutes } from './routes.ts';

export { contactsForMunicipality, type InvitableContact } from './contacts.service.ts';
export type { FeedInteraction, FeedQuery, InteractionFeed, PolicyEvidence, PolicyEvidenceProvider } from './extensions.ts';
export { CONTACT_ROLES, type ContactRole, INTERACTION_TYPES, type InteractionType } from './tables.ts';

export const adviceModule = defineModule({
  name: 'advice',
  dependsOn: ['audit', 'outbox', 'auth', 'atlas', 'network'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: registerAdviceRoutes,
  // After the accounts (advisers, the Amsterdam account's self-reports), the reference data and the network.
  demo: { after: ['auth', 'atlas', 'network'], load: loadAdviceDemo },
  boot: { isEmpty: adviceIsEmpty },
  staffLinks: [
    {
      href: '/beheer/advies',
      label: { nl: 'Advies en beleidsmonitor', en: 'Advice and policy monitor' },
      description: {
        nl: 'Contactpersonen, interacties en taken per gemeente, de beleidsstatus en het programmadashboard.',
        en: 'Contacts, interactions and tasks per municipality, policy status and the programme dashboard.',
      },
      permission: 'staff',
    },
  ],
  profilePanels: [advicePanel],
  extensions: { privacyStatement: [advicePrivacy] },
  openapiTag: {
    name: 'advice',
    description:
      'Advieswerk en beleidsmonitor: bereik, intensieve contacten en beleidsstatus per gemeente (alleen medewerkers, met een persoonlijk API-token)',
  },
});
