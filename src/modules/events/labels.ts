// Names of the events module's kinds and audiences, Dutch and English.
import type { Localized } from '../../i18n.ts';
import type { Audience, EventType, RegistrationStatus } from './tables.ts';

export const TYPE_LABELS: Record<EventType, Localized> = {
  workshop: { nl: 'Workshop', en: 'Workshop' },
  'information-session': { nl: 'Informatiebijeenkomst', en: 'Information session' },
  'regional-meeting': { nl: 'Regionale bijeenkomst', en: 'Regional meeting' },
  'congress-session': { nl: 'Congressessie', en: 'Congress session' },
  webinar: { nl: 'Webinar', en: 'Webinar' },
};

export const AUDIENCE_LABELS: Record<Audience, Localized> = {
  'heads-of-safety': { nl: 'Hoofden openbare orde en veiligheid', en: 'Heads of public safety' },
  'policy-officers': { nl: 'Beleidsmedewerkers', en: 'Policy officers' },
  'frontline-staff': { nl: 'Frontlijnmedewerkers', en: 'Front-line staff' },
  police: { nl: 'Politie', en: 'Police' },
  'care-partners': { nl: 'Zorgpartners', en: 'Care partners' },
};

export const STATUS_LABELS: Record<RegistrationStatus, Localized> = {
  registered: { nl: 'Aangemeld', en: 'Registered' },
  offered: { nl: 'Plaats aangeboden', en: 'Place offered' },
  waiting: { nl: 'Op de wachtlijst', en: 'On the waiting list' },
  cancelled: { nl: 'Geannuleerd', en: 'Cancelled' },
  expired: { nl: 'Aanbod verlopen', en: 'Offer expired' },
};
