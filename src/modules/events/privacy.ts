// The events module's paragraph on /privacy (the home module's `privacyStatement` extension point):
// what registrants give, and the retention term from the events settings (`retentionDays`), after
// which the erasure job (jobs.ts) wipes their data and keeps only the counts. Its data version is the
// events version, which saving the settings bumps.
import type { PrivacyStatementContribution } from '../home/index.ts';
import { eventsOwnVersion } from './public-version.ts';
import { eventSettings } from './settings.ts';

export const eventsPrivacy: PrivacyStatementContribution = {
  id: 'events.registrants',
  version: eventsOwnVersion,
  read: async (db) => {
    const { retentionDays: days } = await eventSettings(db);
    return {
      nl: `Van wie zich aanmeldt voor een bijeenkomst: naam, e-mailadres, organisatie, gemeente, de antwoorden op de vragen bij de aanmelding, of u op de wachtlijst staat en of u aanwezig was. Wij gebruiken die om de bijeenkomst te organiseren, u te herinneren en naar uw mening te vragen. ${days} dagen na de bijeenkomst wissen wij deze gegevens; alleen de aantallen blijven. Met de link in de bevestiging kunt u uw aanmelding inzien of annuleren.`,
      en: `Of people who register for an event: name, email address, organisation, municipality, the answers to the registration questions, whether you are on the waiting list and whether you attended. We use them to organise the event, remind you and ask your opinion. ${days} days after the event we erase this data; only the counts remain. With the link in the confirmation you can view or cancel your registration.`,
    };
  },
};
