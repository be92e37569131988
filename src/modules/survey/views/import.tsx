// The import page: upload or paste the CSV export of another survey tool, see the dry run (every
// column mapped or named, every row and cell it cannot map), then import the rows without problems.
import type { Locale } from '../../../i18n.ts';
import { CsrfField, DataTable, FileField, Heading1, Notice, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import type { ImportPlan } from '../import.logic.ts';
import type { SurveyDef } from '../types.ts';
import { questionsOf } from '../types.ts';
import { L, T } from './common.tsx';

function PlanView(props: { plan: ImportPlan; survey: SurveyDef; locale: Locale }) {
  const { plan, locale } = props;
  const questions = new Map(questionsOf(props.survey).map((q) => [q.id, q]));
  const targetText = (t: ImportPlan['columns'][number]['target']) => {
    if (t === null) return L(locale, 'niet te koppelen', 'cannot be mapped');
    if (t.kind === 'code') return L(locale, 'gemeentecode', 'municipality code');
    if (t.kind === 'name') return L(locale, 'gemeentenaam', 'municipality name');
    if (t.kind === 'submitted') return L(locale, 'datum van indienen', 'date submitted');
    if (t.kind === 'ignored') return `${L(locale, 'overgeslagen', 'skipped')}: ${T(locale, t.why)}`;
    const q = questions.get(t.questionId);
    const text = q ? T(locale, q.text) : '';
    return t.kind === 'question'
      ? `${L(locale, 'vraag', 'question')}: ${text}`
      : `${L(locale, 'antwoord', 'option')} ${t.value} ${L(locale, 'van', 'of')}: ${text}`;
  };
  return (
    <section aria-labelledby="plan-h">
      <h2 class="utrecht-heading-2" id="plan-h">
        {L(locale, 'Proefimport', 'Dry run')}
      </h2>
      <Paragraph>
        {L(
          locale,
          `${plan.total} rijen gelezen; ${plan.rows.length} zonder problemen; ${plan.problems.length} problemen.`,
          `${plan.total} rows read; ${plan.rows.length} without problems; ${plan.problems.length} problems.`,
        )}
      </Paragraph>
      <DataTable
        caption={L(locale, 'Kolommen', 'Columns')}
        rows={plan.columns}
        rowClass={(c) => (c.target === null ? 'gaz-survey-missing' : undefined)}
        columns={[
          { header: L(locale, 'Kolom', 'Column'), cell: (c) => c.header || L(locale, '(leeg)', '(empty)') },
          { header: L(locale, 'Gekoppeld aan', 'Mapped to'), cell: (c) => targetText(c.target) },
        ]}
      />
      {plan.problems.length > 0 ? (
        <DataTable
          caption={L(locale, 'Wat niet te koppelen is', 'What cannot be mapped')}
          rows={plan.problems.slice(0, 500)}
          columns={[
            { header: L(locale, 'Regel', 'Line'), cell: (p) => p.line ?? '—' },
            { header: L(locale, 'Kolom', 'Column'), cell: (p) => p.column ?? '—' },
            { header: L(locale, 'Waarde', 'Value'), cell: (p) => p.value ?? '—' },
            { header: L(locale, 'Probleem', 'Problem'), cell: (p) => T(locale, p.message) },
          ]}
        />
      ) : null}
    </section>
  );
}

export function ImportPage(props: {
  locale: Locale;
  survey: SurveyDef;
  csv: string;
  plan: ImportPlan | null;
  notice: string | null;
  problem: string | null;
}) {
  const { locale, survey } = props;
  const action = `/beheer/enquetes/${survey.id}/import`;
  return (
    <>
      <Heading1>
        {L(locale, 'Importeren', 'Import')}: {T(locale, survey.title)}
      </Heading1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.problem ? <Notice kind="error">{props.problem}</Notice> : null}
      <Paragraph>
        {L(
          locale,
          `Een CSV-export van een ander enquêteprogramma: één rij per gemeente (kolom ‘gemeentecode’ of ‘gemeente’), één kolom per vraag (code of vraagtekst als kopje), bij meerdere keuzes één kolom per antwoord (‘code__antwoord’, 1/0) of één kolom met antwoorden gescheiden door |. Gemeenten moeten bestaan op de peildatum ${survey.referenceDate}. Eerst ziet u een proefimport; daarna importeert u de rijen zonder problemen.`,
          `A CSV export of another survey tool: one row per municipality, one column per question (code or question text as header), for multiple choice one column per option (‘code__option’, 1/0) or one column with answers separated by |. Municipalities must exist on ${survey.referenceDate}. You first see a dry run.`,
        )}
      </Paragraph>
      <form method="post" action={action} class="utrecht-form" encType="multipart/form-data" noValidate>
        <CsrfField />
        <FileField name="file" label={L(locale, 'CSV-bestand', 'CSV file')} accept=".csv,text/csv" />
        <TextField
          name="csv"
          label={L(locale, 'Of plak de inhoud hier', 'Or paste the content here')}
          value={props.csv}
          multiline
          rows={8}
        />
        <div class="utrecht-button-group">
          <SubmitButton name="mode" value="proef">
            {L(locale, 'Proefimport', 'Dry run')}
          </SubmitButton>
          {props.plan && props.plan.rows.length > 0 ? (
            <SubmitButton name="mode" value="importeren" variant="secondary">
              {L(
                locale,
                `${props.plan.rows.length} rijen zonder problemen importeren`,
                `Import ${props.plan.rows.length} rows without problems`,
              )}
            </SubmitButton>
          ) : null}
        </div>
      </form>
      {props.plan ? <PlanView plan={props.plan} survey={survey} locale={locale} /> : null}
    </>
  );
}
