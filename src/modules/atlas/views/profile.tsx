// /gemeenten/{code}: one municipality's profile, with panels added by other modules.
import type { VNode } from 'preact';
import { defineMessages, formatDate, formatNumber } from '../../../i18n.ts';
import { Heading1, Notice, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { MunicipalityDetail, MunicipalityLink, Region } from '../types.ts';
import { Attribution, atlasText } from './common.tsx';

const m = defineMessages({
  facts: { nl: 'Gegevens', en: 'Facts' },
  regions: { nl: 'Regio’s', en: 'Regions' },
  safety: { nl: 'Veiligheidsregio', en: 'Safety region' },
  ggd: { nl: 'GGD-regio', en: 'GGD (public health) region' },
  populationOn: { nl: 'Inwoners op', en: 'Inhabitants on' },
  validFrom: { nl: 'Bestaat sinds', en: 'Exists since' },
  validTo: { nl: 'Opgeheven op', en: 'Dissolved on' },
  beforeData: { nl: 'vóór 1 januari 2019 (begin van de gegevens)', en: 'before 1 January 2019 (start of the data)' },
  stillExists: { nl: 'bestaat nog', en: 'still exists' },
  history: { nl: 'Herindelingen', en: 'Mergers' },
  predecessors: { nl: 'Ontstaan uit', en: 'Formed from' },
  successors: { nl: 'Opgegaan in', en: 'Merged into' },
  formerNames: { nl: 'Vroegere namen', en: 'Former names' },
  until: { nl: 'tot', en: 'until' },
  dissolved: { nl: 'Opgeheven op', en: 'Dissolved on' },
  mergedInto: { nl: 'opgegaan in', en: 'merged into' },
  share: { nl: 'deel van het gebied', en: 'share of the area' },
  onDate: { nl: 'Stand op', en: 'As on' },
  back: { nl: 'Alle gemeenten', en: 'All municipalities' },
  map: { nl: 'Kaart', en: 'Map' },
});

export interface ProfileViewProps {
  municipality: MunicipalityDetail;
  date: string;
  panels: VNode[];
}

function LinkList(props: { links: MunicipalityLink[]; showShare: boolean }) {
  const { locale } = usePage();
  const t = m(locale);
  return (
    <ul class="utrecht-unordered-list">
      {props.links.map((l) => (
        <li class="utrecht-unordered-list__item" key={`${l.code}-${l.effectiveDate}`}>
          <a class="utrecht-link" href={`/gemeenten/${l.code}`}>
            {l.name}
          </a>{' '}
          ({l.code}), {formatDate(l.effectiveDate, locale)}
          {props.showShare && l.share < 1 ? `, ${t.share} ≈ ${Math.round(l.share * 100)}%` : ''}
        </li>
      ))}
    </ul>
  );
}

function joinLinks(links: MunicipalityLink[]) {
  return links.map((l, i) => (
    <>
      {i > 0 ? (i === links.length - 1 ? ' en ' : ', ') : null}
      <a class="utrecht-link" href={`/gemeenten/${l.code}`}>
        {l.name}
      </a>
    </>
  ));
}

function regionOf(regions: Region[], type: Region['type']) {
  return regions.find((r) => r.type === type)?.name ?? '–';
}

function factRows(mu: MunicipalityDetail, locale: 'nl' | 'en'): [string, string][] {
  const t = m(locale);
  const a = atlasText(locale);
  return [
    [a.code, mu.code],
    [a.province, mu.provinceName || '–'],
    [t.safety, regionOf(mu.regions, 'safety-region')],
    [t.ggd, regionOf(mu.regions, 'ggd-region')],
    [
      mu.populationRefDate ? `${t.populationOn} ${formatDate(mu.populationRefDate, locale)}` : a.population,
      mu.population === null ? '–' : formatNumber(mu.population, locale),
    ],
    [t.validFrom, mu.validFrom ? formatDate(mu.validFrom, locale) : t.beforeData],
    [t.validTo, mu.validTo ? formatDate(mu.validTo, locale) : t.stillExists],
  ];
}

function DissolvedNotice(props: { municipality: MunicipalityDetail }) {
  const { locale } = usePage();
  const t = m(locale);
  const mu = props.municipality;
  return (
    <Notice kind="warning">
      <p class="utrecht-paragraph" id="gaz-dissolved">
        {t.dissolved} {formatDate(mu.validTo!, locale)}
        {mu.successors.length > 0 ? (
          <>
            {' '}
            — {t.mergedInto} {joinLinks(mu.successors)}
          </>
        ) : null}
        .
      </p>
    </Notice>
  );
}

function FormerNames(props: { names: MunicipalityDetail['formerNames'] }) {
  const { locale } = usePage();
  const t = m(locale);
  if (props.names.length === 0) return null;
  return (
    <>
      <h2 class="utrecht-heading-2">{t.formerNames}</h2>
      <ul class="utrecht-unordered-list">
        {props.names.map((n) => (
          <li class="utrecht-unordered-list__item" key={n.name}>
            {n.name}
            {n.validTo ? ` (${t.until} ${formatDate(n.validTo, locale)})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

function MergerHistory(props: { municipality: MunicipalityDetail }) {
  const t = m(usePage().locale);
  const mu = props.municipality;
  if (mu.predecessors.length + mu.successors.length === 0) return null;
  return (
    <>
      <h2 class="utrecht-heading-2">{t.history}</h2>
      {mu.predecessors.length > 0 ? (
        <>
          <h3 class="utrecht-heading-3">{t.predecessors}</h3>
          <LinkList links={mu.predecessors} showShare={false} />
        </>
      ) : null}
      {mu.successors.length > 0 ? (
        <>
          <h3 class="utrecht-heading-3">{t.successors}</h3>
          <LinkList links={mu.successors} showShare />
        </>
      ) : null}
    </>
  );
}

export function MunicipalityProfileView(p: ProfileViewProps) {
  const { locale } = usePage();
  const t = m(locale);
  const mu = p.municipality;
  const dissolved = mu.validTo !== null && mu.validTo <= p.date;
  return (
    <>
      <Heading1>{mu.name}</Heading1>
      {dissolved ? <DissolvedNotice municipality={mu} /> : null}
      <Paragraph>
        {t.onDate} {formatDate(p.date, locale)}.
      </Paragraph>
      <h2 class="utrecht-heading-2">{t.facts}</h2>
      <dl class="utrecht-data-list gaz-atlas-facts">
        {factRows(mu, locale).map(([k, v]) => (
          <div class="utrecht-data-list__item" key={k}>
            <dt class="utrecht-data-list__item-key">{k}</dt>
            <dd class="utrecht-data-list__item-value">{v}</dd>
          </div>
        ))}
      </dl>
      {/* What other modules know (care coordinator, support) before the history: the answer first. */}
      {p.panels}
      <FormerNames names={mu.formerNames} />
      <MergerHistory municipality={mu} />
      <Paragraph>
        <a class="utrecht-link" href="/gemeenten">
          {t.back}
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href={`/kaart?datum=${p.date}`}>
          {t.map}
        </a>
      </Paragraph>
      <Attribution />
    </>
  );
}
