// The builder: parts (sections) with their questions, forms to add and change them, move and
// delete questions; and the question form (type, texts, required, "weet niet", bounds, scale
// labels, options, condition). Works without JavaScript.
import type { FieldError } from '../../../http/errors.ts';
import type { Locale } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { formatAnswer } from '../answers.logic.ts';
import type { QuestionDef, QuestionType, SurveyDef } from '../types.ts';
import { questionsOf } from '../types.ts';
import { ButtonLink, L, T } from './common.tsx';
import type { Values } from './staff.tsx';

export const TYPE_LABELS: Record<QuestionType, { nl: string; en: string }> = {
  single: { nl: 'Eén keuze', en: 'Single choice' },
  multiple: { nl: 'Meerdere keuzes', en: 'Multiple choice' },
  yesno: { nl: 'Ja/nee', en: 'Yes/no' },
  scale: { nl: 'Schaal 1–5', en: 'Scale 1–5' },
  number: { nl: 'Getal', en: 'Number' },
  short_text: { nl: 'Korte tekst', en: 'Short text' },
  long_text: { nl: 'Lange tekst', en: 'Long text' },
};

function QuestionRow(props: { survey: SurveyDef; q: QuestionDef; locale: Locale }) {
  const { survey, q, locale } = props;
  const base = `/beheer/enquetes/${survey.id}/vragen/${q.id}`;
  const on = q.condition ? questionsOf(survey).find((x) => x.id === q.condition!.questionId) : undefined;
  return (
    <li class="utrecht-unordered-list__item gaz-survey-builder-question">
      <a class="utrecht-link" href={base}>
        {T(locale, q.text)}
      </a>{' '}
      <span class="gaz-survey-meta">
        ({T(locale, TYPE_LABELS[q.type])}
        {q.required ? `, ${L(locale, 'verplicht', 'required')}` : ''}
        {q.allowUnknown ? `, ${L(locale, 'met ‘weet niet’', 'with ‘don’t know’')}` : ''}; {L(locale, 'code', 'code')} {q.key})
      </span>
      {on && q.condition ? (
        <span class="gaz-survey-meta">
          {' '}
          — {L(locale, 'alleen als', 'only if')} ‘{T(locale, on.text)}’ ={' '}
          {q.condition.values.map((v) => formatAnswer(on, v, locale)).join(' / ')}
        </span>
      ) : null}
      <div class="gaz-survey-row-actions">
        {(['up', 'down'] as const).map((d) => (
          <Form action={`${base}/verplaatsen`} class="gaz-inline-form" key={d}>
            <input type="hidden" name="direction" value={d} />
            <SubmitButton variant="secondary">
              {d === 'up' ? L(locale, 'Omhoog', 'Up') : L(locale, 'Omlaag', 'Down')}
              <span class="gaz-visually-hidden">: {T(locale, q.text)}</span>
            </SubmitButton>
          </Form>
        ))}
        <Form action={`${base}/verwijderen`} class="gaz-inline-form">
          <SubmitButton variant="secondary">
            {L(locale, 'Verwijderen', 'Delete')}
            <span class="gaz-visually-hidden">: {T(locale, q.text)}</span>
          </SubmitButton>
        </Form>
      </div>
    </li>
  );
}

export function BuilderPage(props: {
  locale: Locale;
  survey: SurveyDef;
  values: Values;
  errors: FieldError[];
  problem: string | null;
  notice: string | null;
}) {
  const { locale, survey } = props;
  const base = `/beheer/enquetes/${survey.id}`;
  return (
    <>
      <Heading1>
        {L(locale, 'Vragen', 'Questions')}: {T(locale, survey.title)}
      </Heading1>
      {survey.status !== 'draft' ? (
        <Notice kind="info">
          {L(
            locale,
            'Deze enquête is niet meer in concept. Tekstcorrecties kunnen altijd; wijzigingen die gegeven antwoorden zouden breken worden geweigerd, met de reden.',
            'This survey is no longer a draft. Text fixes are always allowed; changes that would break given answers are refused, with the reason.',
          )}
        </Notice>
      ) : null}
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.problem ? <Notice kind="error">{props.problem}</Notice> : null}
      <p class="utrecht-paragraph">
        <ButtonLink href={`${base}/voorbeeld/sectie/1`} secondary>
          {L(locale, 'Voorbeeld bekijken zoals de gemeente het ziet', 'Preview as the municipality sees it')}
        </ButtonLink>
      </p>
      {survey.sections.map((s, i) => (
        <section class="gaz-card" key={s.id} aria-labelledby={`section-${s.id}`}>
          <h2 class="utrecht-heading-2" id={`section-${s.id}`}>
            {i + 1}. {T(locale, s.title)}
          </h2>
          {s.questions.length === 0 ? <Paragraph>{L(locale, 'Nog geen vragen.', 'No questions yet.')}</Paragraph> : null}
          <ul class="utrecht-unordered-list">
            {s.questions.map((q) => (
              <QuestionRow key={q.id} survey={survey} q={q} locale={locale} />
            ))}
          </ul>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${base}/secties/${s.id}/nieuwe-vraag`}>
              {L(locale, `Vraag toevoegen aan ‘${T(locale, s.title)}’`, `Add a question to ‘${T(locale, s.title)}’`)}
            </a>
          </p>
          <details class="gaz-details">
            <summary>{L(locale, `Onderdeel ‘${T(locale, s.title)}’ wijzigen`, `Edit part ‘${T(locale, s.title)}’`)}</summary>
            <Form action={`${base}/secties/${s.id}`}>
              <SectionFields
                values={{ titleNl: s.title.nl, titleEn: s.title.en, introNl: s.intro.nl, introEn: s.intro.en }}
                errors={[]}
                locale={locale}
                prefix={`s${s.id}`}
              />
              <SubmitButton>{L(locale, 'Onderdeel opslaan', 'Save part')}</SubmitButton>
            </Form>
            {s.questions.length === 0 ? (
              <Form action={`${base}/secties/${s.id}/verwijderen`}>
                <SubmitButton variant="secondary">{L(locale, 'Onderdeel verwijderen', 'Delete part')}</SubmitButton>
              </Form>
            ) : null}
          </details>
        </section>
      ))}
      <h2 class="utrecht-heading-2">{L(locale, 'Onderdeel toevoegen', 'Add a part')}</h2>
      <ErrorSummary errors={props.errors} labels={{ titleNl: L(locale, 'Titel', 'Title') }} />
      <Form action={`${base}/secties`}>
        <SectionFields values={props.values} errors={props.errors} locale={locale} />
        <SubmitButton>{L(locale, 'Onderdeel toevoegen', 'Add part')}</SubmitButton>
      </Form>
    </>
  );
}

function SectionFields(props: { values: Values; errors: FieldError[]; locale: Locale; prefix?: string }) {
  const { values: v, errors: e, locale } = props;
  // Field ids must be unique on the page; names stay the same for every section form.
  const id = (name: string) => (props.prefix ? `${props.prefix}-${name}` : name);
  return (
    <>
      <TextField name={id('titleNl')} label={L(locale, 'Titel (Nederlands)', 'Title (Dutch)')} value={v.titleNl} errors={e} required />
      <TextField name={id('titleEn')} label={L(locale, 'Titel (Engels)', 'Title (English)')} value={v.titleEn} errors={e} />
      <TextField
        name={id('introNl')}
        label={L(locale, 'Toelichting (Nederlands)', 'Introduction (Dutch)')}
        value={v.introNl}
        errors={e}
        multiline
      />
      <TextField
        name={id('introEn')}
        label={L(locale, 'Toelichting (Engels)', 'Introduction (English)')}
        value={v.introEn}
        errors={e}
        multiline
      />
    </>
  );
}
