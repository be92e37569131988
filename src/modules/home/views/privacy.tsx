import { defineMessages, type Locale } from '../../../i18n.ts';
import { Heading1, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';

const m = defineMessages({
  title: { nl: 'Privacyverklaring', en: 'Privacy statement' },
  victims: {
    nl: 'Dit platform bewaart nooit gegevens over (mogelijke) slachtoffers van mensenhandel. Het gaat over het programma en het netwerk, niet over casussen.',
    en: 'This platform never stores data about (possible) victims of human trafficking. It is about the programme and the network, not about cases.',
  },
  whatTitle: { nl: 'Welke persoonsgegevens wij bewaren', en: 'What personal data we keep' },
  accounts: {
    nl: 'Van gebruikers met een account: naam, e-mailadres, rol, een versleutelde vorm van het wachtwoord en de geheime sleutel voor tweestapsverificatie, en de momenten van inloggen.',
    en: 'Of users with an account: name, email address, role, a hashed form of the password and the two-factor secret, and login times.',
  },
  coordinators: {
    nl: 'Van zorgcoördinatoren: naam of functie, organisatie en de zakelijke contactgegevens die zij zelf openbaar maken.',
    en: 'Of care coordinators: name or post title, organisation and the business contact details they choose to publish.',
  },
  audit: {
    nl: 'Bij elke wijziging: wie wat wanneer veranderde (het logboek), zodat wijzigingen te controleren zijn.',
    en: 'For every change: who changed what and when (the audit trail), so that changes can be checked.',
  },
  whyTitle: { nl: 'Waarom', en: 'Why' },
  why: {
    nl: 'Wij gebruiken deze gegevens alleen om het programma uit te voeren: om in te loggen, om de juiste contactpersoon te tonen en om wijzigingen te kunnen verantwoorden. De grondslag is de publieke taak van de programmapartners.',
    en: 'We use this data only to run the programme: to log in, to show the right contact person and to account for changes. The legal basis is the public task of the programme partners.',
  },
  howLongTitle: { nl: 'Hoe lang', en: 'How long' },
  howLong: {
    nl: 'Accountgegevens bewaren wij zolang het account actief is en tot twaalf maanden daarna. Sessies verlopen na 30 minuten zonder activiteit en uiterlijk na 12 uur. Logboekregels bewaren wij vijf jaar. Verzoekt u om verwijdering, dan wissen wij uw gegevens ook uit het logboek.',
    en: 'We keep account data as long as the account is active and up to twelve months after. Sessions expire after 30 minutes without activity and after 12 hours at most. Audit entries are kept for five years. If you ask us to erase your data, we also erase it from the audit trail.',
  },
  rightsTitle: { nl: 'Uw rechten', en: 'Your rights' },
  rights: {
    nl: 'U kunt uw gegevens inzien, laten verbeteren of laten verwijderen via privacy@gemeentenaanzet.nl. Cookies gebruiken wij alleen om in te loggen, formulieren te beveiligen en uw taalkeuze te onthouden; wij volgen u niet.',
    en: 'You can view, correct or erase your data via privacy@gemeentenaanzet.nl. We use cookies only to log you in, to protect forms and to remember your language; we do not track you.',
  },
});

export const privacyTitle = (locale: Locale) => m(locale).title;

/** `modules`: the modules' own paragraphs (the privacyStatement extension point), in module order. */
export function PrivacyPage({ modules }: { modules: readonly string[] }) {
  const t = m(usePage().locale);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.victims}</Paragraph>
      <h2 class="utrecht-heading-2">{t.whatTitle}</h2>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">{t.accounts}</li>
        <li class="utrecht-unordered-list__item">{t.coordinators}</li>
        {modules.map((text) => (
          <li class="utrecht-unordered-list__item">{text}</li>
        ))}
        <li class="utrecht-unordered-list__item">{t.audit}</li>
      </ul>
      <h2 class="utrecht-heading-2">{t.whyTitle}</h2>
      <Paragraph>{t.why}</Paragraph>
      <h2 class="utrecht-heading-2">{t.howLongTitle}</h2>
      <Paragraph>{t.howLong}</Paragraph>
      <h2 class="utrecht-heading-2">{t.rightsTitle}</h2>
      <Paragraph>{t.rights}</Paragraph>
    </>
  );
}
