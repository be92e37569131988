// The survey module's paragraph on /privacy (the home module's `privacyStatement` extension point):
// the contacts invited to answer for their municipality (advice contacts, looked up at every email,
// or typed addresses) and whose the answers are. Fixed text: no data version.
import type { PrivacyStatementContribution } from '../home/index.ts';

const TEXT = {
  nl: 'Van wie wij uitnodigen voor een enquête: het e-mailadres waarnaar wij de uitnodiging en herinneringen sturen, meestal dat van de contactpersoon van uw gemeente, en wanneer wij die stuurden. Een gewist of vertrokken contactpersoon krijgt geen e-mail meer. De antwoorden zijn van de gemeente, niet van u persoonlijk: wij publiceren alleen cijfers over groepen gemeenten, kleine groepen niet, en de gemeente krijgt haar eigen terugkoppeling.',
  en: 'Of those we invite to a survey: the email address we send the invitation and reminders to, usually that of your municipality’s contact person, and when we sent them. An erased or departed contact person gets no more emails. The answers belong to the municipality, not to you personally: we publish only figures about groups of municipalities, not small groups, and the municipality gets its own feedback report.',
};

export const surveyPrivacy: PrivacyStatementContribution = { id: 'survey.contacts', read: async () => TEXT };
