// The respondent's section page: the questions of one section, saved as a whole by the form (no
// JavaScript needed) and field by field by the survey-form island. Errors sit beside the fields and
// are listed at the top; a colleague's newer answer is shown, never silently overwritten.
import type { FieldError } from '../../../http/errors.ts';
import type { Locale } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SubmitButton } from '../../../views/components.tsx';
import { answerHash, formatAnswer, visibleQuestionIds } from '../answers.logic.ts';
import type { Conflict } from '../save.logic.ts';
import type { AnswerValue, QuestionDef, SectionDef, SurveyDef } from '../types.ts';
import { L, T } from './common.tsx';
import { type FormLike, formOf, QuestionField } from './question-fields.tsx';

/** Where the respondent's pages live: the personal link (token in the query) or the municipality's account. */
export interface RespondLocation {
  base: string;
  token: string | null;
}

export function respondHref(loc: RespondLocation, path: string, query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...(loc.token ? { token: loc.token } : {}), ...query }).toString();
  return `${loc.base}${path}${params ? `?${params}` : ''}`;
}

export function TokenField(props: { loc: RespondLocation }) {
  return props.loc.token ? <input type="hidden" name="token" value={props.loc.token} /> : null;
}

export interface SectionPageProps {
  locale: Locale;
  survey: SurveyDef;
  municipalityName: string;
  loc: RespondLocation;
  index: number;
  version: number;
  /** Stored answers (what the hashes describe). */
  stored: Record<string, AnswerValue>;
  /** What the fields show: stored answers, or what was just typed. */
  form: FormLike | null;
  errors: FieldError[];
  conflicts: Conflict[];
  notice: 'saved' | 'updated' | null;
  updatedByOthers: QuestionDef[];
  editable: boolean;
  preview?: boolean;
}

function conditionHint(q: QuestionDef, section: SectionDef, locale: Locale): string | null {
  if (!q.condition) return null;
  const on = section.questions.find((x) => x.id === q.condition!.questionId);
  if (!on) return null;
  const values = q.condition.values.map((v) => formatAnswer(on, v, locale)).join(L(locale, ' of ', ' or '));
  return L(
    locale,
    `Beantwoord deze vraag als u bij ‘${T(locale, on.text)}’ ‘${values}’ koos.`,
    `Answer this question if you chose ‘${values}’ at ‘${T(locale, on.text)}’.`,
  );
}

export function SectionNav(props: { survey: SurveyDef; loc: RespondLocation; current: number | 'review'; locale: Locale }) {
  const { locale } = props;
  return (
    <nav class="gaz-survey-steps" aria-label={L(locale, 'Onderdelen van de vragenlijst', 'Parts of the questionnaire')}>
      <ol class="utrecht-ordered-list">
        {props.survey.sections.map((s, i) => (
          <li class="utrecht-ordered-list__item" key={s.id}>
            <a
              class="utrecht-link"
              href={respondHref(props.loc, `/sectie/${i + 1}`)}
              aria-current={props.current === i + 1 ? 'step' : undefined}
            >
              {T(locale, s.title)}
            </a>
          </li>
        ))}
        <li class="utrecht-ordered-list__item">
          <a class="utrecht-link" href={respondHref(props.loc, '/controle')} aria-current={props.current === 'review' ? 'step' : undefined}>
            {L(locale, 'Controleren en indienen', 'Review and submit')}
          </a>
        </li>
      </ol>
    </nav>
  );
}

function SectionNotices(props: { p: SectionPageProps }) {
  const { p } = props;
  const { locale } = p;
  return (
    <>
      {p.notice === 'saved' ? (
        <Notice kind="ok">{L(locale, 'Uw antwoorden zijn opgeslagen.', 'Your answers have been saved.')}</Notice>
      ) : null}
      {p.updatedByOthers.length > 0 ? (
        <Notice kind="info">
          {L(
            locale,
            'Een collega heeft intussen ook antwoorden gewijzigd. U ziet hieronder hun antwoord bij: ',
            'A colleague has changed answers meanwhile. You now see their answer at: ',
          )}
          {p.updatedByOthers.map((q) => T(locale, q.text)).join('; ')}.
        </Notice>
      ) : null}
      {p.conflicts.length > 0 ? (
        <Notice kind="warning">
          {L(
            locale,
            `Niet alles is opgeslagen: bij ${p.conflicts.length} vraag/vragen heeft een collega intussen een ander antwoord gegeven. Kijk bij de gemarkeerde vragen.`,
            `Not everything was saved: a colleague gave another answer to ${p.conflicts.length} question(s) meanwhile. See the marked questions.`,
          )}
        </Notice>
      ) : null}
    </>
  );
}

export function SectionPage(p: SectionPageProps) {
  const { locale, survey } = p;
  const section = survey.sections[p.index - 1];
  const visible = visibleQuestionIds(survey, p.stored);
  const conflicts = new Map(p.conflicts.map((c) => [c.questionId, c]));
  // A question whose condition lies in an earlier section is shown only when that answer asks for it.
  const shown = section.questions.filter(
    (q) => !q.condition || section.questions.some((x) => x.id === q.condition!.questionId) || visible.has(q.id),
  );
  const form = p.form ?? Object.assign({}, ...shown.map((q) => formOf(q, p.stored[String(q.id)])));
  const labels = Object.fromEntries(shown.map((q) => [`q${q.id}`, T(locale, q.text)]));
  const last = p.index === survey.sections.length;
  return (
    <>
      <Heading1>{T(locale, survey.title)}</Heading1>
      <Paragraph>
        {L(locale, 'Gemeente', 'Municipality')} {p.municipalityName} ·{' '}
        {L(locale, `Onderdeel ${p.index} van ${survey.sections.length}`, `Part ${p.index} of ${survey.sections.length}`)}
      </Paragraph>
      <SectionNav survey={survey} loc={p.loc} current={p.index} locale={locale} />
      <SectionNotices p={p} />
      {!p.editable && !p.preview ? (
        <Notice kind="info">
          {L(locale, 'U kunt deze antwoorden bekijken maar niet meer wijzigen.', 'You can view these answers but no longer change them.')}
        </Notice>
      ) : null}
      <ErrorSummary errors={p.errors} labels={labels} />
      <section class="gaz-survey-section" aria-labelledby="section-title">
        <h2 class="utrecht-heading-2" id="section-title">
          {T(locale, section.title)}
        </h2>
        {T(locale, section.intro) ? <Paragraph>{T(locale, section.intro)}</Paragraph> : null}
        <Form action={respondHref({ ...p.loc, token: null }, `/sectie/${p.index}`)} class="gaz-survey-form">
          <div data-survey-form="" data-save-url={p.preview ? undefined : `${p.loc.base}/antwoord`} data-locale={locale}>
            <TokenField loc={p.loc} />
            <input type="hidden" name="version" value={String(p.version)} />
            {shown.map((q) => (
              <QuestionField
                key={q.id}
                q={q}
                hash={answerHash(p.stored[String(q.id)])}
                c={{
                  locale,
                  form,
                  errors: p.errors,
                  conflicts,
                  conditionHint: conditionHint(q, section, locale),
                  readOnly: !p.editable && !p.preview,
                }}
              />
            ))}
          </div>
          {p.editable && !p.preview ? (
            <div class="utrecht-button-group gaz-survey-actions">
              <SubmitButton name="ga" value="verder">
                {last ? L(locale, 'Opslaan en controleren', 'Save and review') : L(locale, 'Opslaan en verder', 'Save and continue')}
              </SubmitButton>
              <SubmitButton name="ga" value="blijf" variant="secondary">
                {L(locale, 'Opslaan', 'Save')}
              </SubmitButton>
            </div>
          ) : null}
        </Form>
        <p class="utrecht-paragraph">
          {p.index > 1 ? (
            <a class="utrecht-link" href={respondHref(p.loc, `/sectie/${p.index - 1}`)}>
              {L(locale, 'Vorig onderdeel', 'Previous part')}
            </a>
          ) : null}
        </p>
      </section>
    </>
  );
}
