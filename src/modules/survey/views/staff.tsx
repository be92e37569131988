// Staff pages: the list of surveys with the form for a new one, a survey's overview (dates, status,
// the steps of a round, actions) and the settings form (admin).
import type { FieldError } from '../../../http/errors.ts';
import type { Locale } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { STATUS_LABELS, TRANSITIONS } from '../builder.logic.ts';
import type { RateRow } from '../groups.logic.ts';
import type { SurveyDef, SurveyStatus, SurveySummary } from '../types.ts';
import { Facts, L, Period, pct, StatusBadge, T } from './common.tsx';

export type Values = Record<string, string>;

export function surveyValues(s: SurveySummary): Values {
  return {
    titleNl: s.title.nl,
    titleEn: s.title.en,
    introNl: s.intro.nl,
    introEn: s.intro.en,
    referenceDate: s.referenceDate,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    reminderDays: s.reminderDays.join(', '),
    previousSurveyId: s.previousSurveyId === null ? '' : String(s.previousSurveyId),
  };
}

export function SurveyFields(props: { values: Values; errors: FieldError[]; locale: Locale; others: SurveySummary[] }) {
  const { values: v, errors: e, locale } = props;
  return (
    <>
      <TextField name="titleNl" label={L(locale, 'Titel (Nederlands)', 'Title (Dutch)')} value={v.titleNl} errors={e} required />
      <TextField name="titleEn" label={L(locale, 'Titel (Engels)', 'Title (English)')} value={v.titleEn} errors={e} />
      <TextField
        name="introNl"
        label={L(locale, 'Inleiding voor de gemeente (Nederlands)', 'Introduction (Dutch)')}
        value={v.introNl}
        errors={e}
        multiline
      />
      <TextField name="introEn" label={L(locale, 'Inleiding (Engels)', 'Introduction (English)')} value={v.introEn} errors={e} multiline />
      <TextField
        name="referenceDate"
        label={L(locale, 'Peildatum', 'Reference date')}
        description={L(
          locale,
          'Welke gemeenten bestaan (en in welke provincie en grootteklasse): de gemeentelijke kaart van deze datum. JJJJ-MM-DD.',
          'Which municipalities exist: the municipal map of this date. YYYY-MM-DD.',
        )}
        value={v.referenceDate}
        errors={e}
        required
      />
      <TextField
        name="opensOn"
        label={L(locale, 'Openingsdatum', 'Opening date')}
        description="JJJJ-MM-DD"
        value={v.opensOn}
        errors={e}
        required
      />
      <TextField
        name="closesOn"
        label={L(locale, 'Sluitingsdatum (laatste dag)', 'Closing date (last day)')}
        description="JJJJ-MM-DD"
        value={v.closesOn}
        errors={e}
        required
      />
      <TextField
        name="reminderDays"
        label={L(locale, 'Herinneringen: dagen vóór de sluiting', 'Reminders: days before closing')}
        description={L(locale, 'Bijvoorbeeld 7, 2. Leeg: geen herinneringen.', 'For example 7, 2. Empty: no reminders.')}
        value={v.reminderDays ?? '7, 2'}
        errors={e}
      />
      <SelectField
        name="previousSurveyId"
        label={L(locale, 'Vorige meting (voor de vergelijking in de terugkoppeling)', 'Previous round (compared in the feedback report)')}
        value={v.previousSurveyId ?? ''}
        errors={e}
        options={[
          { value: '', label: L(locale, 'Geen', 'None') },
          ...props.others.map((s) => ({ value: String(s.id), label: T(locale, s.title) })),
        ]}
      />
    </>
  );
}

const SURVEY_LABELS = (locale: Locale) => ({
  titleNl: L(locale, 'Titel', 'Title'),
  referenceDate: L(locale, 'Peildatum', 'Reference date'),
  opensOn: L(locale, 'Openingsdatum', 'Opening date'),
  closesOn: L(locale, 'Sluitingsdatum', 'Closing date'),
  reminderDays: L(locale, 'Herinneringen', 'Reminders'),
  previousSurveyId: L(locale, 'Vorige meting', 'Previous round'),
});

export function SurveyListPage(props: {
  locale: Locale;
  surveys: SurveySummary[];
  values: Values;
  errors: FieldError[];
  isAdmin: boolean;
}) {
  const { locale } = props;
  return (
    <>
      <Heading1>{L(locale, 'Enquêtes', 'Surveys')}</Heading1>
      {props.isAdmin ? (
        <Paragraph>
          <a class="utrecht-link" href="/beheer/enquetes/instellingen">
            {L(locale, 'Instellingen (drempel voor kleine aantallen)', 'Settings (small-number threshold)')}
          </a>
        </Paragraph>
      ) : null}
      {props.surveys.length === 0 ? <Paragraph>{L(locale, 'Er zijn nog geen enquêtes.', 'There are no surveys yet.')}</Paragraph> : null}
      <ul class="utrecht-unordered-list gaz-survey-list">
        {props.surveys.map((s) => (
          <li class="utrecht-unordered-list__item" key={s.id}>
            <a class="utrecht-link" href={`/beheer/enquetes/${s.id}`}>
              {T(locale, s.title)}
            </a>{' '}
            <StatusBadge status={s.status} locale={locale} /> · <Period survey={s} locale={locale} />
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{L(locale, 'Nieuwe enquête', 'New survey')}</h2>
      <ErrorSummary errors={props.errors} labels={SURVEY_LABELS(locale)} />
      <Form action="/beheer/enquetes">
        <SurveyFields values={props.values} errors={props.errors} locale={locale} others={props.surveys} />
        <SubmitButton>{L(locale, 'Enquête aanmaken', 'Create survey')}</SubmitButton>
      </Form>
    </>
  );
}

export interface OverviewProps {
  locale: Locale;
  survey: SurveyDef;
  others: SurveySummary[];
  values: Values;
  errors: FieldError[];
  notice: string | null;
  problem: string | null;
  rate: RateRow | null;
  questions: number;
}

function StatusActions(props: { survey: SurveyDef; locale: Locale }) {
  const { survey, locale } = props;
  const verbs: Record<SurveyStatus, string> = {
    draft: L(locale, 'Terug naar concept', 'Back to draft'),
    open: survey.status === 'closed' ? L(locale, 'Heropenen', 'Reopen') : L(locale, 'Openen', 'Open'),
    closed: survey.status === 'published' ? L(locale, 'Publicatie intrekken', 'Unpublish') : L(locale, 'Sluiten', 'Close'),
    published: L(locale, 'Resultaten publiceren', 'Publish results'),
  };
  return (
    <div class="utrecht-button-group">
      {TRANSITIONS[survey.status].map((to) => (
        <Form action={`/beheer/enquetes/${survey.id}/status`} class="gaz-inline-form" key={to}>
          <input type="hidden" name="to" value={to} />
          <SubmitButton variant={to === 'open' || to === 'published' ? 'primary' : 'secondary'}>{verbs[to]}</SubmitButton>
        </Form>
      ))}
      <Form action={`/beheer/enquetes/${survey.id}/kopie`} class="gaz-inline-form">
        <SubmitButton variant="secondary">{L(locale, 'Kopiëren als nieuwe ronde', 'Copy as a new round')}</SubmitButton>
      </Form>
    </div>
  );
}

function stepsOf(p: OverviewProps): [string, string, string][] {
  const { locale, survey } = p;
  const base = `/beheer/enquetes/${survey.id}`;
  return [
    [
      `${base}/vragen`,
      L(locale, 'Vragen', 'Questions'),
      L(
        locale,
        `${p.questions} vragen in ${survey.sections.length} onderdelen; voorbeeld zoals de gemeente het ziet.`,
        `${p.questions} questions in ${survey.sections.length} parts; preview.`,
      ),
    ],
    [
      `${base}/uitnodigingen`,
      L(locale, 'Uitnodigingen', 'Invitations'),
      L(
        locale,
        'Ontvangers per gemeente, versturen, opnieuw versturen, intrekken, herinneren.',
        'Recipients, send, resend, revoke, remind.',
      ),
    ],
    [
      `${base}/voortgang`,
      L(locale, 'Voortgang', 'Progress'),
      L(
        locale,
        'Respons in de tijd, per provincie en grootteklasse, kaart, wie nog niet reageerde.',
        'Response over time, by group, map, non-responders.',
      ),
    ],
    [
      `${base}/resultaten`,
      L(locale, 'Resultaten', 'Results'),
      L(locale, 'Per vraag voor Nederland, provincies en grootteklassen; open antwoorden.', 'Per question; open answers.'),
    ],
    [
      `${base}/terugkoppeling`,
      L(locale, 'Terugkoppeling', 'Feedback reports'),
      L(locale, 'Een rapport per gemeente, in één keer gemaakt en verstuurd.', 'One report per municipality, made and sent in one batch.'),
    ],
    [
      `${base}/import`,
      L(locale, 'Importeren', 'Import'),
      L(locale, 'Een ronde die elders liep, uit een CSV-export.', 'A round run elsewhere, from a CSV export.'),
    ],
    [
      `${base}/export.xlsx`,
      L(locale, 'Export (XLSX)', 'Export (XLSX)'),
      L(locale, 'Eén rij per gemeente, met codeboek. Ook als CSV:', 'One row per municipality, with codebook. Also as CSV:'),
    ],
  ];
}

export function OverviewPage(p: OverviewProps) {
  const { locale, survey } = p;
  const base = `/beheer/enquetes/${survey.id}`;
  const steps = stepsOf(p);
  return (
    <>
      <Heading1>{T(locale, survey.title)}</Heading1>
      {p.notice ? <Notice kind="ok">{p.notice}</Notice> : null}
      {p.problem ? <Notice kind="error">{p.problem}</Notice> : null}
      <Facts
        items={[
          [L(locale, 'Status', 'Status'), <StatusBadge status={survey.status} locale={locale} key="s" />],
          [L(locale, 'Periode', 'Period'), <Period survey={survey} locale={locale} key="p" />],
          [L(locale, 'Peildatum', 'Reference date'), survey.referenceDate],
          [L(locale, 'Respons', 'Response'), p.rate ? `${p.rate.submitted} / ${p.rate.invited} (${pct(p.rate.rate, locale)})` : '—'],
          [
            L(locale, 'Openbare pagina', 'Public page'),
            survey.status === 'published' ? (
              <a class="utrecht-link" href={`/enquetes/${survey.slug}`} key="u">
                /enquetes/{survey.slug}
              </a>
            ) : (
              L(locale, 'na publicatie', 'after publication')
            ),
          ],
        ]}
      />
      <StatusActions survey={survey} locale={locale} />
      <h2 class="utrecht-heading-2">{L(locale, 'Stappen', 'Steps')}</h2>
      <ul class="utrecht-unordered-list gaz-survey-steps-list">
        {steps.map(([href, label, desc]) => (
          <li class="utrecht-unordered-list__item" key={href}>
            <a class="utrecht-link" href={href}>
              {label}
            </a>{' '}
            — {desc}
            {href.endsWith('.xlsx') ? (
              <>
                {' '}
                <a class="utrecht-link" href={`${base}/export.csv`}>
                  {L(locale, 'antwoorden.csv', 'responses.csv')}
                </a>
                ,{' '}
                <a class="utrecht-link" href={`${base}/codeboek.csv`}>
                  {L(locale, 'codeboek.csv', 'codebook.csv')}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{L(locale, 'Gegevens wijzigen', 'Edit details')}</h2>
      <ErrorSummary errors={p.errors} labels={SURVEY_LABELS(locale)} />
      <Form action={base}>
        <SurveyFields values={p.values} errors={p.errors} locale={locale} others={p.others.filter((s) => s.id !== survey.id)} />
        <SubmitButton>{L(locale, 'Opslaan', 'Save')}</SubmitButton>
      </Form>
    </>
  );
}

export { STATUS_LABELS };
