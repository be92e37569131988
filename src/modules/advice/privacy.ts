// The advice module's paragraph on /privacy (the home module's `privacyStatement` extension point):
// municipalities' and regions' contact persons — role, contact details, the lawful basis recorded per
// person, and export or erasure on request (README: "Contacts: duplicates, merge, export, erasure").
// Fixed text: no data version.
import type { PrivacyStatementContribution } from '../home/index.ts';

const TEXT = {
  nl: 'Van contactpersonen bij gemeenten en regio’s: naam, functie of rol (zoals aandachtsfunctionaris of wethouder), zakelijk e-mailadres en telefoonnummer, sinds en tot wanneer u die rol heeft, en de contacten die de programma-adviseurs met u hadden. Wij gebruiken die om gemeenten te adviseren en te ondersteunen. Per persoon leggen wij de grondslag vast: de publieke taak, een gerechtvaardigd belang of uw toestemming. Op verzoek via privacy@gemeentenaanzet.nl krijgt u alles wat wij over u bewaren als bestand, of wissen wij uw gegevens; dan blijft alleen het aantal contacten met de gemeente over.',
  en: 'Of contact persons at municipalities and regions: name, post or role (such as anti-trafficking official or alderman), business email address and phone number, since and until when you hold that role, and the contacts the programme’s advisers had with you. We use them to advise and support municipalities. For each person we record the legal basis: public task, legitimate interest or your consent. On request via privacy@gemeentenaanzet.nl you get everything we keep about you as a file, or we erase your data; then only the number of contacts with the municipality remains.',
};

export const advicePrivacy: PrivacyStatementContribution = { id: 'advice.contacts', read: async () => TEXT };
