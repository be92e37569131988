// Public pages: the published surveys, and a survey's results (small groups hidden and said so) with
// aggregated downloads; and the municipality's own list of surveys.
import type { Locale } from '../../../i18n.ts';
import { Heading1, Paragraph } from '../../../views/components.tsx';
import type { SurveyResults } from '../aggregate.logic.ts';
import type { RateRow } from '../groups.logic.ts';
import type { SurveyDef, SurveySummary } from '../types.ts';
import { date, L, Period, pct, StatusBadge, T } from './common.tsx';
import { ResultsBody } from './results.tsx';

export function PublishedListPage(props: { locale: Locale; surveys: SurveySummary[] }) {
  const { locale } = props;
  return (
    <>
      <Heading1>{L(locale, 'Enquêtes onder gemeenten', 'Surveys of municipalities')}</Heading1>
      <Paragraph>
        {L(
          locale,
          'Het programma vraagt alle gemeenten regelmatig naar hun aanpak van mensenhandel. Hier staan de gepubliceerde resultaten.',
          'The programme regularly asks every municipality about its approach to human trafficking. Published results are here.',
        )}
      </Paragraph>
      {props.surveys.length === 0 ? (
        <Paragraph>{L(locale, 'Er zijn nog geen gepubliceerde resultaten.', 'No results have been published yet.')}</Paragraph>
      ) : null}
      <ul class="utrecht-unordered-list">
        {props.surveys.map((s) => (
          <li class="utrecht-unordered-list__item" key={s.id}>
            <a class="utrecht-link" href={`/enquetes/${s.slug}`}>
              {T(locale, s.title)}
            </a>{' '}
            (<Period survey={s} locale={locale} />)
          </li>
        ))}
      </ul>
    </>
  );
}

export function PublicResultsPage(props: { locale: Locale; survey: SurveyDef; results: SurveyResults; rate: RateRow }) {
  const { locale, survey } = props;
  const base = `/enquetes/${survey.slug}`;
  return (
    <>
      <Heading1>{T(locale, survey.title)}</Heading1>
      <Paragraph>
        {L(
          locale,
          `Gehouden van ${date(survey.opensOn, locale)} tot en met ${date(survey.closesOn, locale)} onder de ${props.rate.invited} gemeenten van ${date(survey.referenceDate, locale)}. ${props.rate.submitted} gemeenten deden mee (${pct(props.rate.rate, locale)}).`,
          `Held from ${date(survey.opensOn, locale)} to ${date(survey.closesOn, locale)} among the ${props.rate.invited} municipalities of ${date(survey.referenceDate, locale)}. ${props.rate.submitted} took part (${pct(props.rate.rate, locale)}).`,
        )}
      </Paragraph>
      {T(locale, survey.intro) ? <Paragraph>{T(locale, survey.intro)}</Paragraph> : null}
      <p class="utrecht-paragraph">
        {L(locale, 'Downloads (samengevat per groep)', 'Downloads (aggregated per group)')}:{' '}
        <a class="utrecht-link" href={`${base}/resultaten.csv`}>
          CSV
        </a>
        ,{' '}
        <a class="utrecht-link" href={`${base}/resultaten.xlsx`}>
          XLSX
        </a>
      </p>
      <ResultsBody survey={survey} results={props.results} locale={locale} />
    </>
  );
}

export function MySurveysPage(props: {
  locale: Locale;
  code: string;
  name: string;
  surveys: SurveySummary[];
  states: Map<number, string>;
}) {
  const { locale } = props;
  return (
    <>
      <Heading1>
        {L(locale, 'Enquêtes voor', 'Surveys for')} {props.name}
      </Heading1>
      {props.surveys.length === 0 ? (
        <Paragraph>
          {L(locale, 'Uw gemeente is nog niet uitgenodigd voor een enquête.', 'Your municipality has not been invited to a survey yet.')}
        </Paragraph>
      ) : null}
      <ul class="utrecht-unordered-list">
        {props.surveys.map((s) => (
          <li class="utrecht-unordered-list__item" key={s.id}>
            <a class="utrecht-link" href={`/mijn-gemeente/${props.code}/enquetes/${s.id}`}>
              {T(locale, s.title)}
            </a>{' '}
            <StatusBadge status={s.status} locale={locale} /> · {props.states.get(s.id) ?? ''}
          </li>
        ))}
      </ul>
    </>
  );
}
