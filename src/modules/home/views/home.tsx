import { defineMessages, type Locale } from '../../../i18n.ts';
import { Heading1, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { FinderForm } from '../../network/index.ts';

const m = defineMessages({
  title: { nl: 'Samen tegen mensenhandel, in elke gemeente', en: 'Together against human trafficking, in every municipality' },
  intro: {
    nl: 'Gemeenten aan zet helpt alle 342 gemeenten om mensenhandel lokaal en regionaal aan te pakken. Hier vindt u wie in uw gemeente de zorg voor slachtoffers coördineert, hoe het landelijke netwerk ervoor staat en wat gemeenten samen bereiken.',
    en: 'Gemeenten aan zet helps all 342 Dutch municipalities tackle human trafficking locally and regionally. Here you find who coordinates care for victims in your municipality, how the national network is doing and what municipalities achieve together.',
  },
  tasks: { nl: 'Direct naar', en: 'Go straight to' },
  network: { nl: 'Het netwerk van zorgcoördinatoren', en: 'The network of care coordinators' },
  networkText: {
    nl: 'Hoeveel gemeenten een zorgcoördinator hebben, op elke datum, met de groei per maand.',
    en: 'How many municipalities have a care coordinator, on any date, with the growth per month.',
  },
  municipalities: { nl: 'Alle gemeenten', en: 'All municipalities' },
  municipalitiesText: {
    nl: 'Elke gemeente met haar inwoners, regio’s en herindelingen, ook van vroeger.',
    en: 'Every municipality with its inhabitants, regions and mergers, also from the past.',
  },
  map: { nl: 'Kaart van Nederland', en: 'Map of the Netherlands' },
  mapText: {
    nl: 'Gemeenten en regio’s op de kaart, op een datum naar keuze.',
    en: 'Municipalities and regions on the map, on a date of your choice.',
  },
  noVictimData: {
    nl: 'Dit platform bewaart nooit gegevens over slachtoffers.',
    en: 'This platform never stores data about victims.',
  },
});

export const homeTitle = (locale: Locale) => (locale === 'nl' ? 'Home' : 'Home');

export function HomePage() {
  const { locale } = usePage();
  const t = m(locale);
  const tasks: [string, string, string][] = [
    ['/netwerk', t.network, t.networkText],
    ['/gemeenten', t.municipalities, t.municipalitiesText],
    ['/kaart', t.map, t.mapText],
  ];
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph class="utrecht-paragraph--lead">{t.intro}</Paragraph>
      <FinderForm />
      <h2 class="utrecht-heading-2">{t.tasks}</h2>
      <ul class="gaz-cards">
        {tasks.map(([href, title, text]) => (
          <li class="gaz-card gaz-card--link" key={href}>
            <p class="gaz-card__title">
              <a class="utrecht-link" href={href}>
                {title}
              </a>
            </p>
            <Paragraph>{text}</Paragraph>
          </li>
        ))}
      </ul>
      <Paragraph class="gaz-note">{t.noVictimData}</Paragraph>
    </>
  );
}
