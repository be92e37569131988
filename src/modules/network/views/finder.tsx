// The public finder: "Wie is de zorgcoördinator mensenhandel in mijn gemeente?" — a plain GET
// form (works without JavaScript; the finder island adds suggestions), its results and the
// linkable answer per municipality.
import { defineMessages, formatDate, formatNumber, type Locale } from '../../../i18n.ts';
import { Heading1, Notice, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { SearchHit } from '../../atlas/index.ts';
import type { MunicipalityCoverage } from '../network.logic.ts';
import type { Coordinator } from '../presenters.ts';

export const fm = defineMessages({
  question: {
    nl: 'Wie is de zorgcoördinator mensenhandel in mijn gemeente?',
    en: 'Who is the care coordinator for human trafficking in my municipality?',
  },
  label: { nl: 'Naam van uw gemeente', en: 'Name of your municipality' },
  hint: { nl: 'Ook een vroegere gemeentenaam kan, bijvoorbeeld Weesp.', en: 'A former municipality name also works, for example Weesp.' },
  search: { nl: 'Zoek', en: 'Search' },
  resultsTitle: { nl: 'Zoekresultaten zorgcoördinator', en: 'Care coordinator search results' },
  none: { nl: 'Er is geen gemeente gevonden met de naam', en: 'No municipality was found named' },
  noneHelp: { nl: 'Controleer de spelling of zoek op een deel van de naam.', en: 'Check the spelling or search for part of the name.' },
  empty: { nl: 'Vul de naam van een gemeente in.', en: 'Enter the name of a municipality.' },
  several: { nl: 'Meerdere gemeenten passen bij', en: 'Several municipalities match' },
  choose: { nl: 'Kies uw gemeente:', en: 'Choose your municipality:' },
  formerly: { nl: 'vroeger', en: 'formerly' },
  answerTitle: { nl: 'Zorgcoördinator mensenhandel in', en: 'Care coordinator for human trafficking in' },
  onDate: { nl: 'Stand op', en: 'Situation on' },
  mergedNote: { nl: 'U zocht op', en: 'You searched for' },
  mergedWhy: { nl: 'Die gemeente hoort nu bij', en: 'That municipality is now part of' },
  organisation: { nl: 'Organisatie', en: 'Organisation' },
  phone: { nl: 'Telefoon', en: 'Phone' },
  email: { nl: 'E-mail', en: 'Email' },
  web: { nl: 'Website', en: 'Website' },
  fteShare: { nl: 'Capaciteit voor deze gemeente', en: 'Capacity for this municipality' },
  per100k: { nl: 'FTE per 100.000 inwoners', en: 'FTE per 100,000 inhabitants' },
  belowNorm: { nl: 'Dat is minder dan de norm van', en: 'That is below the norm of' },
  noCoordinator: {
    nl: 'Deze gemeente heeft (nog) geen eigen zorgcoördinator mensenhandel. Het landelijk coördinatiecentrum tegen mensenhandel (CoMensha) coördineert de zorg dan op afstand. Neem contact op via de website van CoMensha.',
    en: 'This municipality has no care coordinator for human trafficking (yet). The national coordination centre against human trafficking (CoMensha) then coordinates care from afar. Get in touch via the CoMensha website.',
  },
  comensha: { nl: 'Naar de website van CoMensha', en: 'Go to the CoMensha website' },
  noContact: {
    nl: 'Contactgegevens volgen; neem intussen contact op via de organisatie.',
    en: 'Contact details will follow; meanwhile contact the organisation.',
  },
  inhabitants: { nl: 'Inwoners', en: 'Inhabitants' },
  profile: { nl: 'Meer over deze gemeente', en: 'More about this municipality' },
  back: { nl: 'Naar de kaart van het netwerk', en: 'To the network map' },
});

/** The finder form; also placed on the home page. */
export function FinderForm(props: { date?: string; value?: string; headingLevel?: 2 | 3 }) {
  const { locale } = usePage();
  const t = fm(locale);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="gaz-finder gaz-panel" aria-labelledby="finder-heading" data-island="finder">
      <Heading class={props.headingLevel === 3 ? 'utrecht-heading-3' : 'utrecht-heading-2'} id="finder-heading">
        {t.question}
      </Heading>
      <search>
        <form method="get" action="/netwerk/zoeken" class="utrecht-form gaz-finder__form">
          <TextField
            name="gemeente"
            id="finder-gemeente"
            label={t.label}
            description={t.hint}
            value={props.value ?? ''}
            autocomplete="off"
            hideOptional
            attributes={{ 'data-finder-input': '' }}
            addon={<SubmitButton>{t.search}</SubmitButton>}
          />
          {props.date ? <input type="hidden" name="datum" value={props.date} /> : null}
        </form>
      </search>
    </section>
  );
}

export const finderResultsTitle = (locale: Locale) => fm(locale).resultsTitle;

export function FinderResults(props: { query: string; found: SearchHit[]; dateParam: string }) {
  const { locale } = usePage();
  const t = fm(locale);
  return (
    <>
      <Heading1>{t.resultsTitle}</Heading1>
      {props.query.trim() === '' ? (
        <Notice kind="warning">
          <Paragraph>{t.empty}</Paragraph>
        </Notice>
      ) : props.found.length === 0 ? (
        <Notice kind="warning">
          <Paragraph>
            {t.none} “{props.query}”.
          </Paragraph>
          <Paragraph>{t.noneHelp}</Paragraph>
        </Notice>
      ) : (
        <>
          <Paragraph>
            {t.several} “{props.query}”. {t.choose}
          </Paragraph>
          <ul class="utrecht-link-list utrecht-link-list--html-ul">
            {props.found.map((f) => (
              <li class="utrecht-link-list__item" key={f.code}>
                <a
                  class="utrecht-link-list__link utrecht-link"
                  href={`/netwerk/gemeente/${f.code}${props.dateParam}${f.matchedFormerName ? `${props.dateParam ? '&' : '?'}via=${encodeURIComponent(f.matchedFormerName)}` : ''}`}
                >
                  {f.name}
                  {f.matchedFormerName ? ` (${t.formerly} ${f.matchedFormerName})` : ''}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <FinderForm value={props.query} />
    </>
  );
}

export const answerTitle = (locale: Locale, name: string) => `${fm(locale).answerTitle} ${name}`;

export function MunicipalityAnswer(props: {
  name: string;
  code: string;
  date: string;
  coverage: MunicipalityCoverage;
  coordinators: Coordinator[];
  norm: number;
  via?: string;
  reason?: string;
}) {
  const { locale } = usePage();
  const t = fm(locale);
  const c = props.coverage;
  return (
    <>
      <Heading1>{answerTitle(locale, props.name)}</Heading1>
      <Paragraph>
        {t.onDate} {formatDate(props.date, locale)}. {t.inhabitants}: {formatNumber(c.population, locale)}.
      </Paragraph>
      {props.via && props.via.toLowerCase() !== props.name.toLowerCase() ? (
        <Notice kind="info">
          <Paragraph>
            {t.mergedNote} “{props.via}”. {props.reason ? `${props.reason}.` : `${t.mergedWhy} ${props.name}.`}
          </Paragraph>
        </Notice>
      ) : null}
      {props.coordinators.length === 0 ? (
        <>
          <Paragraph>{t.noCoordinator}</Paragraph>
          <Paragraph>
            <a class="utrecht-link" href="https://www.comensha.nl">
              {t.comensha}
            </a>
          </Paragraph>
        </>
      ) : (
        <>
          {props.coordinators.map((k) => (
            <section class="gaz-card" key={k.id} aria-labelledby={`coordinator-${k.id}`}>
              <h2 class="utrecht-heading-2" id={`coordinator-${k.id}`}>
                {k.name}
              </h2>
              <dl class="gaz-contact">
                {k.organisation ? (
                  <div>
                    <dt>{t.organisation}</dt>
                    <dd>
                      {k.organisation.website ? (
                        <a class="utrecht-link" href={k.organisation.website}>
                          {k.organisation.name}
                        </a>
                      ) : (
                        k.organisation.name
                      )}
                    </dd>
                  </div>
                ) : null}
                {k.phone ? (
                  <div>
                    <dt>{t.phone}</dt>
                    <dd>
                      <a class="utrecht-link" href={`tel:${k.phone.replace(/[^\d+]/g, '')}`}>
                        {k.phone}
                      </a>
                    </dd>
                  </div>
                ) : null}
                {k.email ? (
                  <div>
                    <dt>{t.email}</dt>
                    <dd>
                      <a class="utrecht-link" href={`mailto:${k.email}`}>
                        {k.email}
                      </a>
                    </dd>
                  </div>
                ) : null}
                {k.webPage ? (
                  <div>
                    <dt>{t.web}</dt>
                    <dd>
                      <a class="utrecht-link" href={k.webPage}>
                        {k.webPage}
                      </a>
                    </dd>
                  </div>
                ) : null}
              </dl>
              {!k.phone && !k.email && !k.webPage ? <Paragraph>{t.noContact}</Paragraph> : null}
            </section>
          ))}
          <Paragraph>
            {t.fteShare}: {formatNumber(c.ftePer100k, locale, 3)} {t.per100k}.
            {c.capacity === 'insufficient' ? ` ${t.belowNorm} ${formatNumber(props.norm, locale, 2)}.` : ''}
          </Paragraph>
        </>
      )}
      <ul class="utrecht-link-list utrecht-link-list--html-ul">
        <li class="utrecht-link-list__item">
          <a class="utrecht-link-list__link utrecht-link" href={`/netwerk?datum=${props.date}`}>
            {t.back}
          </a>
        </li>
        <li class="utrecht-link-list__item">
          <a class="utrecht-link-list__link utrecht-link" href={`/gemeenten/${props.code}`}>
            {t.profile}
          </a>
        </li>
      </ul>
      <FinderForm headingLevel={2} />
    </>
  );
}
