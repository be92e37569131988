// The academy's paragraph on /privacy (the home module's `privacyStatement` extension point): what is
// kept of learners and how they download or erase it themselves (learner.routes.tsx, mydata.service.ts).
// Fixed text: no data version.
import type { PrivacyStatementContribution } from '../home/index.ts';

const TEXT = {
  nl: 'Van cursisten van de Mensenhandel Academy: naam, e-mailadres en gemeente (uw account), voor welke cursussen u zich inschreef, welke lessen u afrondde, uw quizscore en uw certificaat met de naam erop en een code waarmee anderen het kunnen controleren. De bevestigingslink bij het aanmelden is 48 uur geldig. Wij gebruiken deze gegevens om u de cursussen te laten volgen en om per gemeente te tellen hoeveel mensen zijn opgeleid. Op "Mijn cursussen" downloadt u zelf al uw gegevens of wist u ze; daarna blijven alleen anonieme aantallen over.',
  en: 'Of learners of the Human Trafficking Academy: name, email address and municipality (your account), the courses you enrolled in, the lessons you completed, your quiz score and your certificate with your name on it and a code others can use to check it. The confirmation link when you sign up is valid for 48 hours. We use this data to let you take the courses and to count per municipality how many people were trained. On "My courses" you download all your data or erase it yourself; after that only anonymous counts remain.',
};

export const academyPrivacy: PrivacyStatementContribution = { id: 'academy.learners', read: async () => TEXT };
