// The advice module's panel on the public municipality profile (/gemeenten/{code}). The panel gets no
// user, so it shows only what is public: that the programme's advisers support the municipality, who
// is responsible for it (when that adviser publishes a profile) and the way to ask. Contacts,
// interactions, tasks and the scorecard are on the staff page /beheer/advies/gemeente/{code} and,
// for the municipality itself, on /gemeente/{code}/beleid.
import { defineMessages } from '../../i18n.ts';
import type { ProfilePanel } from '../../module.ts';
import { advicePublicCache } from './public-version.ts';
import { profileOf, responsibleAdviser } from './settings.service.ts';

const m = defineMessages({
  heading: { nl: 'Ondersteuning bij de aanpak van mensenhandel', en: 'Support with the approach to human trafficking' },
  adviser: (name: string, role: string) => ({
    nl: `Adviseur voor deze gemeente: ${name}, ${role}.`,
    en: `Adviser for this municipality: ${name}, ${role}.`,
  }),
  ask: { nl: 'Stel uw vraag aan de adviseurs van het programma', en: 'Ask the programme’s advisers' },
});

export const advicePanel: ProfilePanel = {
  id: 'advice',
  // The profile page is kept by the public cache only when every panel names its data version.
  cacheVersion: advicePublicCache,
  async render(code, date, locale, deps) {
    const t = m(locale);
    const adviserId = await responsibleAdviser(deps.db, code, date);
    const profile = adviserId === null ? null : await profileOf(deps.db, adviserId);
    return (
      <section aria-labelledby="panel-advice">
        <h2 class="utrecht-heading-2" id="panel-advice">
          {t.heading}
        </h2>
        {profile?.published ? <p class="utrecht-paragraph">{t.adviser(profile.displayName, profile.roleTitle)}</p> : null}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/ondersteuning?gemeente=${code}#vraag`}>
            {t.ask}
          </a>
        </p>
      </section>
    );
  },
};
