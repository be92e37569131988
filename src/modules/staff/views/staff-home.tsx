import { defineMessages, type Locale } from '../../../i18n.ts';
import { Heading1, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';

const m = defineMessages({
  title: { nl: 'Beheer', en: 'Management' },
  intro: { nl: 'Kies wat u wilt beheren.', en: 'Choose what you want to manage.' },
  areas: { nl: 'Onderdelen', en: 'Areas' },
});

export const staffTitle = (locale: Locale) => m(locale).title;

export interface StaffCard {
  href: string;
  label: string;
  description: string | null;
}

export function StaffHome(props: { cards: StaffCard[] }) {
  const t = m(usePage().locale);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      <h2 class="utrecht-heading-2 gaz-visually-hidden">{t.areas}</h2>
      <ul class="gaz-cards gaz-staff-cards">
        {props.cards.map((c) => (
          <li class="gaz-card gaz-card--link" key={c.href}>
            <p class="gaz-card__title">
              <a class="utrecht-link" href={c.href}>
                {c.label}
              </a>
            </p>
            {c.description ? <Paragraph>{c.description}</Paragraph> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
