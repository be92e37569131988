// A panel on the atlas' municipality profile (/gemeenten/{code}): who coordinates care for
// victims of human trafficking there on the date shown, with a link to the finder's answer.
import { defineMessages, formatNumber } from '../../i18n.ts';
import type { ProfilePanel } from '../../module.ts';
import { municipalityNetwork, networkPublicCache } from './service.ts';

const pm = defineMessages({
  heading: { nl: 'Zorgcoördinator mensenhandel', en: 'Care coordinator for human trafficking' },
  none: {
    nl: 'Geen zorgcoördinator: het landelijk coördinatiecentrum tegen mensenhandel (CoMensha) coördineert op afstand.',
    en: 'No care coordinator: the national coordination centre against human trafficking (CoMensha) coordinates from afar.',
  },
  per100k: { nl: 'FTE per 100.000 inwoners', en: 'FTE per 100,000 inhabitants' },
  belowNorm: { nl: ' (onder de norm)', en: ' (below the norm)' },
  more: { nl: 'Contactgegevens en details', en: 'Contact details and more' },
});

export const networkPanel: ProfilePanel = {
  id: 'network',
  cacheVersion: networkPublicCache,
  async render(code, date, locale, deps) {
    const answer = await municipalityNetwork(deps.db, code, date);
    if (!answer) return null;
    const { coverage, coordinators } = answer;
    const t = pm(locale);
    return (
      <section aria-labelledby="panel-network">
        <h2 class="utrecht-heading-2" id="panel-network">
          {t.heading}
        </h2>
        {coordinators.length === 0 ? (
          <p class="utrecht-paragraph">{t.none}</p>
        ) : (
          <>
            <ul class="utrecht-unordered-list">
              {coordinators.map((c) => (
                <li class="utrecht-unordered-list__item" key={c.id}>
                  {c.name}
                  {c.organisation ? ` — ${c.organisation.name}` : ''}
                </li>
              ))}
            </ul>
            <p class="utrecht-paragraph">
              {formatNumber(coverage.ftePer100k, locale, 3)} {t.per100k}
              {coverage.capacity === 'insufficient' ? t.belowNorm : ''}.
            </p>
          </>
        )}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/netwerk/gemeente/${code}?datum=${date}`}>
            {t.more}
          </a>
        </p>
      </section>
    );
  },
};
