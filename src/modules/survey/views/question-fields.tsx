// The respondent's form fields, one component per question type. Choice questions are a fieldset
// with a legend (the question) and radio buttons or checkboxes; number and text questions a labelled
// input. Help, the error and a colleague's conflicting answer sit beside the field and are tied to
// it with aria-describedby. Values come from a form-like record (stored answers or what was typed).
import type { FieldError } from '../../../http/errors.ts';
import type { Locale } from '../../../i18n.ts';
import { choicesOf, formatAnswer, isTextQuestion, UNKNOWN_FIELD_VALUE } from '../answers.logic.ts';
import type { Conflict } from '../save.logic.ts';
import { type AnswerValue, type QuestionDef, UNKNOWN_LABEL } from '../types.ts';
import { date, L, T } from './common.tsx';

export type FormLike = Record<string, unknown>;

/** A stored answer as the form fields that show it. */
export function formOf(q: QuestionDef, value: AnswerValue | undefined): FormLike {
  const name = `q${q.id}`;
  if (value === undefined) return {};
  if (value === null)
    return q.type === 'single' || q.type === 'yesno' || q.type === 'scale'
      ? { [name]: UNKNOWN_FIELD_VALUE }
      : { [`${name}_weetniet`]: '1' };
  return { [name]: Array.isArray(value) ? value : String(value) };
}

const listOf = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

export interface FieldContext {
  locale: Locale;
  form: FormLike;
  errors: FieldError[];
  conflicts: Map<number, Conflict>;
  /** Shown as the field's hint when its condition question is in the same section. */
  conditionHint: string | null;
  readOnly: boolean;
}

function Describe(props: { q: QuestionDef; c: FieldContext; id: string }) {
  const { q, c, id } = props;
  const error = c.errors.find((e) => e.field === `q${q.id}`);
  const conflict = c.conflicts.get(q.id);
  const l = c.locale;
  return (
    <>
      {T(l, q.help) ? (
        <div class="utrecht-form-field-description" id={`${id}-help`}>
          {T(l, q.help)}
        </div>
      ) : null}
      {c.conditionHint ? (
        <div class="utrecht-form-field-description gaz-survey-condition" id={`${id}-condition`}>
          {c.conditionHint}
        </div>
      ) : null}
      {conflict ? (
        <div class="utrecht-alert utrecht-alert--warning gaz-survey-conflict" id={`${id}-conflict`} role="alert">
          <div class="utrecht-alert__content">
            {L(l, 'Een collega', 'A colleague')} ({conflict.by}) {L(l, 'heeft dit antwoord op', 'changed this answer on')}{' '}
            {date(conflict.at, l)} {L(l, 'gewijzigd in', 'to')} ‘
            {conflict.theirs === undefined ? L(l, 'geen antwoord', 'no answer') : formatAnswer(q, conflict.theirs, l)}’.{' '}
            {L(
              l,
              'Uw antwoord hieronder is nog niet opgeslagen. Sla opnieuw op om het toch te bewaren, of neem het antwoord van uw collega over.',
              'Your answer below has not been saved. Save again to keep it anyway, or take over your colleague’s answer.',
            )}
          </div>
        </div>
      ) : null}
      {error ? (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          <span class="gaz-visually-hidden">{L(l, 'Fout', 'Error')}: </span>
          {T(l, error.message)}
        </div>
      ) : null}
    </>
  );
}

function describedBy(q: QuestionDef, c: FieldContext, id: string): string | undefined {
  const parts = [
    T(c.locale, q.help) ? `${id}-help` : '',
    c.conditionHint ? `${id}-condition` : '',
    c.conflicts.has(q.id) ? `${id}-conflict` : '',
    c.errors.some((e) => e.field === `q${q.id}`) ? `${id}-error` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function Mark(props: { q: QuestionDef; locale: Locale }) {
  return props.q.required ? <span class="gaz-survey-required"> ({L(props.locale, 'verplicht', 'required')})</span> : null;
}

function ChoiceField(props: { q: QuestionDef; c: FieldContext }) {
  const { q, c } = props;
  const id = `field-q${q.id}`;
  const multiple = q.type === 'multiple';
  const chosen = new Set(listOf(c.form[`q${q.id}`]));
  const unknownChosen = chosen.has(UNKNOWN_FIELD_VALUE) || listOf(c.form[`q${q.id}_weetniet`]).length > 0;
  const invalid = c.errors.some((e) => e.field === `q${q.id}`);
  const choices = choicesOf(q);
  const described = describedBy(q, c, id);
  return (
    <fieldset
      class={`utrecht-form-fieldset gaz-survey-fieldset ${invalid ? 'utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={described}
      aria-invalid={invalid ? 'true' : undefined}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-label">
        {T(c.locale, q.text)}
        <Mark q={q} locale={c.locale} />
      </legend>
      <Describe q={q} c={c} id={id} />
      {q.type === 'scale' && (T(c.locale, q.lowLabel) || T(c.locale, q.highLabel)) ? (
        <p class="utrecht-paragraph gaz-survey-scale-labels">
          1 = {T(c.locale, q.lowLabel) || '—'}; 5 = {T(c.locale, q.highLabel) || '—'}
        </p>
      ) : null}
      <div class={`gaz-survey-choices ${q.type === 'scale' ? 'gaz-survey-choices--scale' : ''}`}>
        {choices.map((o, i) => (
          <div class="utrecht-form-field gaz-survey-choice" key={o.value}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              class={multiple ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input'}
              id={i === 0 ? id : `${id}-${i}`}
              name={`q${q.id}`}
              value={o.value}
              checked={chosen.has(o.value)}
              disabled={c.readOnly}
            />
            <label class="utrecht-form-label utrecht-form-label--radio-button" for={i === 0 ? id : `${id}-${i}`}>
              {T(c.locale, o.label)}
            </label>
          </div>
        ))}
        {q.allowUnknown ? (
          <div class="utrecht-form-field gaz-survey-choice gaz-survey-choice--unknown">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              class={multiple ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input'}
              id={`${id}-unknown`}
              name={multiple ? `q${q.id}_weetniet` : `q${q.id}`}
              value={multiple ? '1' : UNKNOWN_FIELD_VALUE}
              checked={unknownChosen}
              disabled={c.readOnly}
            />
            <label class="utrecht-form-label" for={`${id}-unknown`}>
              {T(c.locale, UNKNOWN_LABEL)}
            </label>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}

function InputField(props: { q: QuestionDef; c: FieldContext }) {
  const { q, c } = props;
  const id = `field-q${q.id}`;
  const invalid = c.errors.some((e) => e.field === `q${q.id}`);
  const value = listOf(c.form[`q${q.id}`]).join(' ');
  const common = {
    id,
    name: `q${q.id}`,
    disabled: c.readOnly,
    'aria-describedby': describedBy(q, c, id),
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-required': q.required ? ('true' as const) : undefined,
  };
  return (
    <div class={`utrecht-form-field utrecht-form-field--text ${invalid ? 'utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {T(c.locale, q.text)}
          <Mark q={q} locale={c.locale} />
        </label>
      </div>
      <Describe q={q} c={c} id={id} />
      <div class="utrecht-form-field__input">
        {q.type === 'long_text' ? (
          <textarea class={`utrecht-textarea ${invalid ? 'utrecht-textarea--invalid' : ''}`} rows={6} maxLength={5000} {...common}>
            {value}
          </textarea>
        ) : (
          <input
            class={`utrecht-textbox ${invalid ? 'utrecht-textbox--invalid' : ''} ${q.type === 'number' ? 'gaz-survey-number' : ''}`}
            type="text"
            inputMode={q.type === 'number' ? 'decimal' : undefined}
            autocomplete="off"
            maxLength={q.type === 'number' ? 20 : 300}
            value={value}
            {...common}
          />
        )}
      </div>
      {q.allowUnknown ? (
        <div class="gaz-survey-choice gaz-survey-choice--unknown">
          <input
            type="checkbox"
            class="utrecht-checkbox utrecht-checkbox--html-input"
            id={`${id}-unknown`}
            name={`q${q.id}_weetniet`}
            value="1"
            checked={listOf(c.form[`q${q.id}_weetniet`]).length > 0}
            disabled={c.readOnly}
          />
          <label class="utrecht-form-label" for={`${id}-unknown`}>
            {T(c.locale, UNKNOWN_LABEL)}
          </label>
        </div>
      ) : null}
    </div>
  );
}

/** One question of the respondent's form, wrapped with what the island needs (its id and condition). */
export function QuestionField(props: { q: QuestionDef; c: FieldContext; hash: string }) {
  const { q } = props;
  const condition = q.condition ? JSON.stringify({ q: q.condition.questionId, v: q.condition.values }) : undefined;
  return (
    <div class="gaz-survey-question" id={`question-${q.id}`} data-question={String(q.id)} data-type={q.type} data-condition={condition}>
      {isTextQuestion(q) || q.type === 'number' ? <InputField q={q} c={props.c} /> : <ChoiceField q={q} c={props.c} />}
      <input type="hidden" name={`h${q.id}`} value={props.hash} />
      <p class="gaz-survey-saved" data-status-for={String(q.id)} aria-live="polite" />
    </div>
  );
}
