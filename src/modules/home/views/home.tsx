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
  municipalities: { nl: 'Alle gemeenten', en: 'All municipalities' },
  map: { nl: 'Kaart van Nederland', en: 'Map of the Netherlands' },
  noVictimData: {
    nl: 'Dit platform bewaart nooit gegevens over slachtoffers.',
    en: 'This platform never stores data about victims.',
  },
});

export const homeTitle = (locale: Locale) => (locale === 'nl' ? 'Home' : 'Home');

export function HomePage() {
  const { locale } = usePage();
  const t = m(locale);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph class="utrecht-paragraph--lead">{t.intro}</Paragraph>
      <FinderForm />
      <h2 class="utrecht-heading-2">{t.tasks}</h2>
      <ul class="utrecht-link-list utrecht-link-list--html-ul">
        <li class="utrecht-link-list__item">
          <a class="utrecht-link-list__link utrecht-link" href="/netwerk">
            {t.network}
          </a>
        </li>
        <li class="utrecht-link-list__item">
          <a class="utrecht-link-list__link utrecht-link" href="/gemeenten">
            {t.municipalities}
          </a>
        </li>
        <li class="utrecht-link-list__item">
          <a class="utrecht-link-list__link utrecht-link" href="/kaart">
            {t.map}
          </a>
        </li>
      </ul>
      <Paragraph>{t.noVictimData}</Paragraph>
    </>
  );
}
