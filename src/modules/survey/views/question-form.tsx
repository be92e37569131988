// The question form of the builder: type, texts, required, "weet niet", bounds, scale labels,
// options (existing ones keep their codes) and a condition on an earlier choice question.
import type { FieldError } from '../../../http/errors.ts';
import type { Locale } from '../../../i18n.ts';
import {
  ChoiceField,
  ChoiceGroup,
  ErrorSummary,
  Form,
  Heading1,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../views/components.tsx';
import { choicesOf, isTextQuestion } from '../answers.logic.ts';
import { MAX_OPTIONS } from '../schema.ts';
import { type QuestionDef, questionsOf, type SurveyDef } from '../types.ts';
import { TYPE_LABELS } from './builder.tsx';
import { L, T } from './common.tsx';
import type { Values } from './staff.tsx';

export function questionValues(q: QuestionDef): Values {
  const v: Values = {
    key: q.key,
    type: q.type,
    textNl: q.text.nl,
    textEn: q.text.en,
    helpNl: q.help.nl,
    helpEn: q.help.en,
    required: q.required ? '1' : '',
    allowUnknown: q.allowUnknown ? '1' : '',
    min: q.min === null ? '' : String(q.min),
    max: q.max === null ? '' : String(q.max),
    lowNl: q.lowLabel.nl,
    lowEn: q.lowLabel.en,
    highNl: q.highLabel.nl,
    highEn: q.highLabel.en,
    condition: q.condition ? q.condition.values.map((x) => `${q.condition!.questionId}:${x}`).join(' ') : '',
  };
  q.options.forEach((o, i) => {
    v[`o${i}_value`] = o.value;
    v[`o${i}_nl`] = o.label.nl;
    v[`o${i}_en`] = o.label.en;
  });
  return v;
}

function OptionRows(props: { values: Values; locale: Locale; errors: FieldError[] }) {
  const { values: v, locale } = props;
  const filled = Array.from({ length: MAX_OPTIONS }, (_, i) => i).filter((i) => v[`o${i}_nl`]);
  const rows = [
    ...filled,
    ...Array.from({ length: MAX_OPTIONS }, (_, i) => i)
      .filter((i) => !v[`o${i}_nl`])
      .slice(0, 3),
  ].sort((a, b) => a - b);
  return (
    <fieldset class="utrecht-form-fieldset">
      <legend class="utrecht-form-fieldset__legend">
        {L(locale, 'Antwoordmogelijkheden (bij één of meerdere keuzes)', 'Options (single or multiple choice)')}
      </legend>
      {rows.map((i, n) => (
        <div class="gaz-survey-option-row" key={i}>
          <input type="hidden" name={`o${i}_value`} value={v[`o${i}_value`] ?? ''} />
          <TextField
            name={`o${i}_nl`}
            label={L(locale, `Antwoord ${n + 1} (Nederlands)`, `Option ${n + 1} (Dutch)`)}
            value={v[`o${i}_nl`]}
            errors={props.errors}
          />
          <TextField
            name={`o${i}_en`}
            label={L(locale, `Antwoord ${n + 1} (Engels)`, `Option ${n + 1} (English)`)}
            value={v[`o${i}_en`]}
            errors={props.errors}
          />
          {v[`o${i}_value`] ? (
            <ChoiceField
              type="checkbox"
              id={`field-o${i}_remove`}
              name={`o${i}_remove`}
              value="1"
              label={L(locale, `Antwoord ${n + 1} weghalen`, `Remove option ${n + 1}`)}
            />
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}

function ConditionField(props: { survey: SurveyDef; questionId: number | null; values: Values; locale: Locale }) {
  const { survey, locale } = props;
  const all = questionsOf(survey);
  const own = props.questionId === null ? all.length : all.findIndex((q) => q.id === props.questionId);
  const earlier = all.slice(0, own < 0 ? all.length : own).filter((q) => !isTextQuestion(q) && q.type !== 'number');
  const chosen = new Set((props.values.condition ?? '').split(' ').filter(Boolean));
  if (earlier.length === 0) return null;
  return (
    <details class="gaz-details" open={chosen.size > 0}>
      <summary>
        {L(locale, 'Voorwaarde: deze vraag alleen tonen bij bepaalde antwoorden', 'Condition: show this question only for certain answers')}
      </summary>
      <p class="utrecht-paragraph" id="field-condition">
        {L(
          locale,
          'Vink antwoorden van één eerdere vraag aan. Leeg: altijd tonen.',
          'Tick answers of one earlier question. Empty: always shown.',
        )}
      </p>
      {earlier.map((q) => (
        <ChoiceGroup
          key={q.id}
          type="checkbox"
          name="condition"
          id={`field-condition-${q.id}`}
          legend={T(locale, q.text)}
          checked={[...chosen]}
          options={choicesOf(q).map((c) => ({ value: `${q.id}:${c.value}`, label: T(locale, c.label), id: `cond-${q.id}-${c.value}` }))}
        />
      ))}
    </details>
  );
}

export function QuestionFormPage(props: {
  locale: Locale;
  survey: SurveyDef;
  action: string;
  questionId: number | null;
  values: Values;
  errors: FieldError[];
  problem: string | null;
}) {
  const { locale, values: v, errors: e } = props;
  const labels = {
    key: L(locale, 'Code', 'Code'),
    textNl: L(locale, 'Vraag', 'Question'),
    type: L(locale, 'Soort', 'Type'),
    o0_nl: L(locale, 'Antwoorden', 'Options'),
    min: 'Min',
    max: 'Max',
    condition: L(locale, 'Voorwaarde', 'Condition'),
    required: L(locale, 'Verplicht', 'Required'),
  };
  return (
    <>
      <Heading1>
        {props.questionId === null ? L(locale, 'Nieuwe vraag', 'New question') : L(locale, 'Vraag wijzigen', 'Edit question')}
      </Heading1>
      {props.problem ? <Notice kind="error">{props.problem}</Notice> : null}
      <ErrorSummary errors={e} labels={labels} />
      <Form action={props.action}>
        <TextField
          name="textNl"
          label={L(locale, 'Vraag (Nederlands)', 'Question (Dutch)')}
          value={v.textNl}
          errors={e}
          required
          multiline
        />
        <TextField name="textEn" label={L(locale, 'Vraag (Engels)', 'Question (English)')} value={v.textEn} errors={e} multiline />
        <SelectField
          name="type"
          label={L(locale, 'Soort vraag', 'Question type')}
          value={v.type ?? 'single'}
          errors={e}
          options={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label: T(locale, label) }))}
        />
        <TextField
          name="key"
          label={L(locale, 'Code (voor export en vergelijking)', 'Code (for export and comparison)')}
          description={L(
            locale,
            'Kleine letters, cijfers, - en _. Gelijk houden tussen rondes.',
            'Lower-case letters, digits, - and _. Keep it the same between rounds.',
          )}
          value={v.key}
          errors={e}
          required
        />
        <TextField name="helpNl" label={L(locale, 'Toelichting (Nederlands)', 'Help text (Dutch)')} value={v.helpNl} errors={e} />
        <TextField name="helpEn" label={L(locale, 'Toelichting (Engels)', 'Help text (English)')} value={v.helpEn} errors={e} />
        <ChoiceField
          type="checkbox"
          id="field-required"
          name="required"
          value="1"
          checked={v.required === '1'}
          label={L(locale, 'Verplicht', 'Required')}
        />
        <ChoiceField
          type="checkbox"
          id="field-allowUnknown"
          name="allowUnknown"
          value="1"
          checked={v.allowUnknown === '1'}
          label={L(locale, '‘Weet niet’ aanbieden', 'Offer ‘don’t know’')}
        />
        <OptionRows values={v} locale={locale} errors={e} />
        <TextField
          name="min"
          label={L(locale, 'Kleinste getal (bij een getal)', 'Minimum (number)')}
          value={v.min}
          errors={e}
          inputMode="decimal"
        />
        <TextField
          name="max"
          label={L(locale, 'Grootste getal (bij een getal)', 'Maximum (number)')}
          value={v.max}
          errors={e}
          inputMode="decimal"
        />
        <TextField name="lowNl" label={L(locale, 'Betekenis van 1 (bij een schaal)', 'Meaning of 1 (scale)')} value={v.lowNl} errors={e} />
        <TextField name="lowEn" label={L(locale, 'Betekenis van 1, Engels', 'Meaning of 1, English')} value={v.lowEn} errors={e} />
        <TextField
          name="highNl"
          label={L(locale, 'Betekenis van 5 (bij een schaal)', 'Meaning of 5 (scale)')}
          value={v.highNl}
          errors={e}
        />
        <TextField name="highEn" label={L(locale, 'Betekenis van 5, Engels', 'Meaning of 5, English')} value={v.highEn} errors={e} />
        <ConditionField survey={props.survey} questionId={props.questionId} values={v} locale={locale} />
        <SubmitButton>{L(locale, 'Vraag opslaan', 'Save question')}</SubmitButton>
      </Form>
    </>
  );
}
