// Staff page of the feedback reports: how many were made and sent, the batch's progress, and the
// report of each respondent (a preview with today's answers).
import type { Locale } from '../../../i18n.ts';
import { Form, Heading1, Notice, Paragraph, SubmitButton } from '../../../views/components.tsx';
import type { JobProgress } from '../../jobs/index.ts';
import type { SurveySummary } from '../types.ts';
import { L, T } from './common.tsx';

const JOB_STATUS: Record<JobProgress['status'], { nl: string; en: string }> = {
  queued: { nl: 'wacht op zijn beurt', en: 'queued' },
  running: { nl: 'bezig', en: 'running' },
  done: { nl: 'klaar', en: 'done' },
  failed: { nl: 'mislukt', en: 'failed' },
  cancelled: { nl: 'geannuleerd', en: 'cancelled' },
};

export function ReportsPage(props: {
  locale: Locale;
  survey: SurveySummary;
  counts: { generated: number; emailed: number };
  respondents: { code: string; name: string }[];
  job: JobProgress | null;
  notice: string | null;
}) {
  const { locale, survey, job } = props;
  const base = `/beheer/enquetes/${survey.id}/terugkoppeling`;
  const ready = survey.status === 'closed' || survey.status === 'published';
  return (
    <>
      <Heading1>
        {L(locale, 'Terugkoppeling', 'Feedback reports')}: {T(locale, survey.title)}
      </Heading1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      <Paragraph>
        {L(
          locale,
          `${props.respondents.length} gemeenten hebben ingediend. Rapporten gemaakt: ${props.counts.generated}; per e-mail verstuurd: ${props.counts.emailed}.`,
          `${props.respondents.length} municipalities submitted. Reports made: ${props.counts.generated}; emailed: ${props.counts.emailed}.`,
        )}
      </Paragraph>
      {job ? (
        <div class="gaz-card" role="status">
          <p class="utrecht-paragraph">
            {L(locale, 'Laatste verzending', 'Latest batch')}: {T(locale, JOB_STATUS[job.status])}
            {job.progress
              ? ` — ${job.progress.done} / ${job.progress.total}${job.progress.percent !== null ? ` (${job.progress.percent}%)` : ''}`
              : ''}
            {job.lastError ? ` — ${job.lastError}` : ''}
          </p>
          {job.progress ? (
            <progress
              class="gaz-survey-progressbar"
              max={job.progress.total}
              value={job.progress.done}
              aria-label={L(locale, 'Voortgang van de verzending', 'Progress of the batch')}
            />
          ) : null}
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={base}>
              {L(locale, 'Voortgang vernieuwen', 'Refresh progress')}
            </a>
          </p>
        </div>
      ) : null}
      {ready ? (
        <Form action={base}>
          <Paragraph>
            {L(
              locale,
              'Maakt voor elke gemeente die indiende een rapport (HTML en PDF) en stuurt de ontvangers een e-mail met een persoonlijke link. Opnieuw starten maakt en verstuurt de rapporten opnieuw.',
              'Makes a report (HTML and PDF) for every municipality that submitted and emails its recipients a personal link. Starting again remakes and resends them.',
            )}
          </Paragraph>
          <SubmitButton>{L(locale, 'Terugkoppelingen maken en versturen', 'Make and send the feedback reports')}</SubmitButton>
        </Form>
      ) : (
        <Notice kind="info">
          {L(
            locale,
            'Terugkoppelingen kunnen worden verstuurd zodra de enquête gesloten is.',
            'Feedback reports can be sent once the survey is closed.',
          )}
        </Notice>
      )}
      <h2 class="utrecht-heading-2">{L(locale, 'Rapport per gemeente (voorbeeld)', 'Report per municipality (preview)')}</h2>
      <ul class="utrecht-unordered-list gaz-survey-columns">
        {props.respondents.map((r) => (
          <li class="utrecht-unordered-list__item" key={r.code}>
            <a class="utrecht-link" href={`${base}/${r.code}`}>
              {r.name}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
