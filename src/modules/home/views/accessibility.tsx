import { defineMessages, type Locale } from '../../../i18n.ts';
import { Heading1, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';

const m = defineMessages({
  title: { nl: 'Toegankelijkheidsverklaring', en: 'Accessibility statement' },
  aim: {
    nl: 'Wij willen dat iedereen deze website kan gebruiken. De website is gebouwd volgens de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA en met de componenten van NL Design System.',
    en: 'We want everyone to be able to use this website. It is built to the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, using NL Design System components.',
  },
  howTitle: { nl: 'Hoe wij dit bewaken', en: 'How we check this' },
  how: {
    nl: 'Elke pagina werkt zonder JavaScript en met alleen een toetsenbord. Bij elke wijziging controleren geautomatiseerde tests (axe-core) de pagina’s die zij bezoeken; zij mogen geen overtredingen vinden. Naast elke kaart staat dezelfde informatie als tabel.',
    en: 'Every page works without JavaScript and with a keyboard alone. On every change, automated tests (axe-core) check the pages they visit; they must find no violations. Next to every map the same information is given as a table.',
  },
  knownTitle: { nl: 'Bekende beperkingen', en: 'Known limitations' },
  known: {
    nl: 'Kaarten zijn vereenvoudigde afbeeldingen van gemeentegrenzen; gebruik de tabel ernaast voor exacte gegevens.',
    en: 'Maps are simplified drawings of municipal boundaries; use the table beside them for exact figures.',
  },
  contactTitle: { nl: 'Een probleem melden', en: 'Report a problem' },
  contact: {
    nl: 'Loopt u tegen een probleem aan? Mail ons via toegankelijkheid@gemeentenaanzet.nl. U krijgt binnen vijf werkdagen antwoord.',
    en: 'Did you run into a problem? Email accessibility@gemeentenaanzet.nl. You will get an answer within five working days.',
  },
});

export const accessibilityTitle = (locale: Locale) => m(locale).title;

export function AccessibilityPage() {
  const t = m(usePage().locale);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.aim}</Paragraph>
      <h2 class="utrecht-heading-2">{t.howTitle}</h2>
      <Paragraph>{t.how}</Paragraph>
      <h2 class="utrecht-heading-2">{t.knownTitle}</h2>
      <Paragraph>{t.known}</Paragraph>
      <h2 class="utrecht-heading-2">{t.contactTitle}</h2>
      <Paragraph>{t.contact}</Paragraph>
    </>
  );
}
