// A panel on the atlas' municipality profile (/gemeenten/{code}): who coordinates care for
// victims of human trafficking there on the date shown, with a link to the finder's answer.
import { formatNumber, type Locale } from '../../i18n.ts';
import type { ProfilePanel } from '../../module.ts';
import { municipalityNetwork } from './service.ts';

const L = (locale: Locale, nl: string, en: string) => (locale === 'nl' ? nl : en);

export const networkPanel: ProfilePanel = {
  id: 'network',
  async render(code, date, locale, deps) {
    const answer = await municipalityNetwork(deps.db, code, date);
    if (!answer) return null;
    const { coverage, coordinators } = answer;
    return (
      <section aria-labelledby="panel-network">
        <h2 class="utrecht-heading-2" id="panel-network">
          {L(locale, 'Zorgcoördinator mensenhandel', 'Care coordinator for human trafficking')}
        </h2>
        {coordinators.length === 0 ? (
          <p class="utrecht-paragraph">
            {L(
              locale,
              'Geen zorgcoördinator: het landelijk coördinatiecentrum tegen mensenhandel (CoMensha) coördineert op afstand.',
              'No care coordinator: the national coordination centre against human trafficking (CoMensha) coordinates from afar.',
            )}
          </p>
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
              {formatNumber(coverage.ftePer100k, locale, 3)} {L(locale, 'FTE per 100.000 inwoners', 'FTE per 100,000 inhabitants')}
              {coverage.capacity === 'insufficient' ? L(locale, ' (onder de norm)', ' (below the norm)') : ''}.
            </p>
          </>
        )}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/netwerk/gemeente/${code}?datum=${date}`}>
            {L(locale, 'Contactgegevens en details', 'Contact details and more')}
          </a>
        </p>
      </section>
    );
  },
};
