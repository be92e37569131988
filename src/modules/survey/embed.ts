// The response-rate block for news articles (`{{enquete 2019-04-10}}`), contributed to the news
// module's `newsEmbed` extension point: how many invited municipalities had submitted by that date
// in the survey running then (or the latest one that opened before it). National totals only.
import type { AppDeps } from '../../deps.ts';
import { formatDate, formatNumber } from '../../i18n.ts';
import type { NewsEmbedProvider } from '../news/index.ts';
import { selectInvitations } from './invitations.queries.ts';
import { selectResponses } from './responses.queries.ts';
import { listSurveys } from './surveys.service.ts';

async function describe(deps: AppDeps, date: string) {
  const surveys = (await listSurveys(deps.db, ['open', 'closed', 'published'])).filter((s) => s.opensOn <= date);
  const survey = surveys.sort((a, b) => (a.opensOn < b.opensOn ? 1 : -1))[0];
  if (!survey)
    return {
      nl: `Op ${formatDate(date, 'nl')} liep er geen enquête onder gemeenten.`,
      en: `No survey of municipalities was running on ${formatDate(date, 'en')}.`,
    };
  const invited = (await selectInvitations(deps.db, survey.id)).length;
  const submitted = (await selectResponses(deps.db, survey.id)).filter(
    (r) => r.status === 'submitted' && r.submitted_at !== null && r.submitted_at.slice(0, 10) <= date,
  ).length;
  const rate = invited === 0 ? 0 : (submitted / invited) * 100;
  return {
    nl: `Enquête “${survey.title.nl}”: op ${formatDate(date, 'nl')} hadden ${submitted} van de ${invited} gemeenten geantwoord (${formatNumber(rate, 'nl')}%).`,
    en: `Survey “${survey.title.en}”: by ${formatDate(date, 'en')}, ${submitted} of ${invited} municipalities had answered (${formatNumber(rate, 'en')}%).`,
  };
}

export const responseRateEmbed: NewsEmbedProvider = {
  kind: 'enquete',
  label: { nl: 'Respons op de enquête onder gemeenten', en: 'Response to the survey of municipalities' },
  describe,
};
