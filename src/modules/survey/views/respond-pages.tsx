// The respondent's other pages: the start (what this is, how far the municipality is), the review
// of every answer before submitting, the confirmation, and the page of a link that does not work.
import type { FieldError } from '../../../http/errors.ts';
import type { Locale, Localized } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SubmitButton } from '../../../views/components.tsx';
import { formatAnswer, missingRequired, visibleQuestionIds } from '../answers.logic.ts';
import type { ResponseState } from '../responses.service.ts';
import type { SurveyDef } from '../types.ts';
import { ButtonLink, date, L, T } from './common.tsx';
import { type RespondLocation, respondHref, SectionNav, TokenField } from './respond-section.tsx';

export interface RespondBase {
  locale: Locale;
  survey: SurveyDef;
  municipalityName: string;
  loc: RespondLocation;
  state: ResponseState;
  editable: boolean;
  reportAvailable: boolean;
}

function answeredIn(p: RespondBase, index: number): [number, number] {
  const visible = visibleQuestionIds(p.survey, p.state.answers);
  const qs = p.survey.sections[index].questions.filter((q) => visible.has(q.id));
  return [qs.filter((q) => p.state.answers[String(q.id)] !== undefined).length, qs.length];
}

export function StartPage(p: RespondBase) {
  const { locale, survey, state } = p;
  const begun = state.status !== 'not_started';
  return (
    <>
      <Heading1>{T(locale, survey.title)}</Heading1>
      <Paragraph>
        {L(locale, 'Gemeente', 'Municipality')} <strong>{p.municipalityName}</strong> · {L(locale, 'open tot en met', 'open until')}{' '}
        {date(survey.closesOn, locale)}
      </Paragraph>
      {state.status === 'submitted' ? (
        <Notice kind="ok">
          {L(locale, 'Uw gemeente heeft de vragenlijst ingediend op', 'Your municipality submitted the questionnaire on')}{' '}
          {date(state.submittedAt, locale)}. {L(locale, 'Dank u wel!', 'Thank you!')}
        </Notice>
      ) : null}
      {!p.editable && state.status !== 'submitted' ? (
        <Notice kind="info">{L(locale, 'Deze vragenlijst is gesloten.', 'This questionnaire is closed.')}</Notice>
      ) : null}
      {T(locale, survey.intro) ? <Paragraph>{T(locale, survey.intro)}</Paragraph> : null}
      <Paragraph>
        {L(
          locale,
          'Uw antwoorden worden bewaard zodra u een onderdeel opslaat (met JavaScript al bij elk antwoord). U kunt stoppen en later verdergaan met dezelfde link; collega’s met de link werken in dezelfde vragenlijst.',
          'Your answers are kept as soon as you save a part (with JavaScript at every answer). You can stop and continue later with the same link; colleagues with the link work in the same questionnaire.',
        )}
      </Paragraph>
      <table class="utrecht-table utrecht-table--html-table gaz-survey-progress">
        <caption class="utrecht-table__caption">{L(locale, 'Voortgang per onderdeel', 'Progress per part')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {L(locale, 'Onderdeel', 'Part')}
            </th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
              {L(locale, 'Beantwoord', 'Answered')}
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {survey.sections.map((s, i) => {
            const [done, total] = answeredIn(p, i);
            return (
              <tr class="utrecht-table__row" key={s.id}>
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={respondHref(p.loc, `/sectie/${i + 1}`)}>
                    {T(locale, s.title)}
                  </a>
                </td>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">
                  {done} / {total}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="utrecht-button-group">
        {p.editable ? (
          <ButtonLink href={respondHref(p.loc, '/sectie/1')}>
            {begun ? L(locale, 'Verder met invullen', 'Continue') : L(locale, 'Begin met invullen', 'Start')}
          </ButtonLink>
        ) : null}
        <ButtonLink href={respondHref(p.loc, '/controle')} secondary>
          {L(locale, 'Alle antwoorden bekijken', 'View all answers')}
        </ButtonLink>
        {p.reportAvailable ? (
          <ButtonLink href={respondHref(p.loc, '/terugkoppeling')} secondary>
            {L(locale, 'Terugkoppeling lezen', 'Read the feedback report')}
          </ButtonLink>
        ) : null}
      </div>
    </>
  );
}

export function ReviewPage(p: RespondBase & { errors: FieldError[] }) {
  const { locale, survey, state } = p;
  const visible = visibleQuestionIds(survey, state.answers);
  const missing = new Set(missingRequired(survey, state.answers).map((q) => q.id));
  const labels = Object.fromEntries(survey.sections.flatMap((s) => s.questions).map((q) => [`q${q.id}`, T(locale, q.text)]));
  return (
    <>
      <Heading1>{L(locale, 'Controleren en indienen', 'Review and submit')}</Heading1>
      <Paragraph>
        {T(locale, survey.title)} · {L(locale, 'Gemeente', 'Municipality')} {p.municipalityName}
      </Paragraph>
      <SectionNav survey={survey} loc={p.loc} current="review" locale={locale} />
      <ErrorSummary errors={p.errors} labels={labels} />
      {survey.sections.map((s, i) => (
        <section key={s.id} aria-labelledby={`review-${s.id}`} class="gaz-survey-review">
          <h2 class="utrecht-heading-2" id={`review-${s.id}`}>
            {T(locale, s.title)}
          </h2>
          <dl class="utrecht-data-list">
            {s.questions
              .filter((q) => visible.has(q.id))
              .map((q) => {
                const value = state.answers[String(q.id)];
                return (
                  <div class={`utrecht-data-list__item ${missing.has(q.id) ? 'gaz-survey-missing' : ''}`} key={q.id} id={`field-q${q.id}`}>
                    <dt class="utrecht-data-list__item-key">{T(locale, q.text)}</dt>
                    <dd class="utrecht-data-list__item-value">
                      {value === undefined ? (
                        missing.has(q.id) ? (
                          <strong>{L(locale, 'Nog niet beantwoord (verplicht)', 'Not answered yet (required)')}</strong>
                        ) : (
                          L(locale, 'Niet beantwoord', 'Not answered')
                        )
                      ) : (
                        formatAnswer(q, value, locale)
                      )}
                    </dd>
                  </div>
                );
              })}
          </dl>
          {p.editable ? (
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={respondHref(p.loc, `/sectie/${i + 1}`)}>
                {L(locale, `Antwoorden bij ‘${T(locale, s.title)}’ wijzigen`, `Change the answers of ‘${T(locale, s.title)}’`)}
              </a>
            </p>
          ) : null}
        </section>
      ))}
      {p.editable ? (
        <Form action={respondHref({ ...p.loc, token: null }, '/indienen')}>
          <TokenField loc={p.loc} />
          <input type="hidden" name="version" value={String(state.version)} />
          <Paragraph>
            {L(
              locale,
              'Na het indienen liggen de antwoorden vast. Alle ontvangers van de uitnodiging krijgen een bevestiging met een kopie van de antwoorden.',
              'After submitting the answers are locked. Every recipient of the invitation receives a confirmation with a copy of the answers.',
            )}
          </Paragraph>
          <SubmitButton>{L(locale, 'Antwoorden indienen', 'Submit answers')}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}

export function ConfirmationPage(p: RespondBase) {
  const { locale } = p;
  return (
    <>
      <Heading1>{L(locale, 'Dank u wel', 'Thank you')}</Heading1>
      <Notice kind="ok">
        {L(
          locale,
          `De antwoorden van gemeente ${p.municipalityName} zijn ingediend op`,
          `The answers of ${p.municipalityName} were submitted on`,
        )}{' '}
        {date(p.state.submittedAt, locale)}.
      </Notice>
      <Paragraph>
        {L(
          locale,
          'U ontvangt een bevestiging per e-mail met een kopie van de antwoorden. Na de sluiting ontvangt uw gemeente een terugkoppeling.',
          'You will receive a confirmation by email with a copy of the answers. After closing your municipality receives a feedback report.',
        )}
      </Paragraph>
      <Paragraph>
        <a class="utrecht-link" href={respondHref(p.loc, '/controle')}>
          {L(locale, 'Bekijk de ingediende antwoorden', 'View the submitted answers')}
        </a>
      </Paragraph>
    </>
  );
}

export function LinkProblemPage(props: { locale: Locale; message: Localized }) {
  const { locale } = props;
  return (
    <>
      <Heading1>{L(locale, 'Deze link werkt niet', 'This link does not work')}</Heading1>
      <Paragraph>{T(locale, props.message)}</Paragraph>
      <Paragraph>
        {L(
          locale,
          'Vraag het programma om een nieuwe link, of log in met het account van uw gemeente.',
          'Ask the programme for a new link, or log in with your municipality’s account.',
        )}{' '}
        <a class="utrecht-link" href="/inloggen">
          {L(locale, 'Inloggen', 'Log in')}
        </a>
      </Paragraph>
    </>
  );
}
