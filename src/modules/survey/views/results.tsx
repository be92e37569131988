// Results per question for the country, per province and per size class: an SVG chart with the
// table beside it. The same view serves staff (all figures, and the open answers) and the public
// page (small groups hidden and said so, no open answers).
import type { Locale } from '../../../i18n.ts';
import { formatNumber } from '../../../i18n.ts';
import { ScrollRegion } from '../../../views/scroll-region.tsx';
import type { GroupFigures, QuestionResult, SurveyResults } from '../aggregate.logic.ts';
import { shareOf } from '../aggregate.logic.ts';
import { choicesOf, isTextQuestion } from '../answers.logic.ts';
import type { TextAnswer } from '../results.service.ts';
import type { QuestionDef, SurveyDef } from '../types.ts';
import { BarChart, StackedChart } from './charts.tsx';
import { L, num, pct, T } from './common.tsx';

function hiddenText(f: GroupFigures, locale: Locale, threshold: number | null) {
  return f.suppressed === 'small'
    ? L(locale, `niet getoond: minder dan ${threshold} respondenten`, `not shown: fewer than ${threshold} respondents`)
    : L(locale, 'niet getoond: anders is een kleine groep terug te rekenen', 'not shown: a small group could otherwise be worked out');
}

function GroupTable(props: { q: QuestionDef; caption: string; groups: GroupFigures[]; locale: Locale; threshold: number | null }) {
  const { q, locale } = props;
  const choices = choicesOf(q);
  const numeric = q.type === 'number' || q.type === 'scale';
  return (
    <ScrollRegion label={props.caption}>
      <table class="utrecht-table utrecht-table--html-table gaz-survey-results-table">
        <caption class="utrecht-table__caption">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {L(locale, 'Groep', 'Group')}
            </th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
              n
            </th>
            {choices.map((c) => (
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col" key={c.value}>
                {T(locale, c.label)}
              </th>
            ))}
            {numeric ? (
              <>
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {L(locale, 'Gemiddelde', 'Mean')}
                </th>
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {L(locale, 'Mediaan', 'Median')}
                </th>
              </>
            ) : null}
            {q.allowUnknown ? (
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {L(locale, 'Weet niet', 'Don’t know')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.groups.map((g) => (
            <tr class="utrecht-table__row" key={g.key}>
              <th class="utrecht-table__header-cell" scope="row">
                {T(locale, g.label)}
              </th>
              {g.suppressed ? (
                <td
                  class="utrecht-table__cell gaz-survey-hidden"
                  colSpan={1 + choices.length + (numeric ? 2 : 0) + (q.allowUnknown ? 1 : 0)}
                >
                  {hiddenText(g, locale, props.threshold)}
                </td>
              ) : (
                <>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{g.respondents}</td>
                  {choices.map((c, i) => (
                    <td class="utrecht-table__cell utrecht-table__cell--numeric" key={c.value}>
                      {pct(shareOf(g, i), locale)} <span class="gaz-survey-count">({g.counts[i] ?? 0})</span>
                    </td>
                  ))}
                  {numeric ? (
                    <>
                      <td class="utrecht-table__cell utrecht-table__cell--numeric">{num(g.stats?.mean ?? null, locale, 1)}</td>
                      <td class="utrecht-table__cell utrecht-table__cell--numeric">{num(g.stats?.median ?? null, locale, 1)}</td>
                    </>
                  ) : null}
                  {q.allowUnknown ? <td class="utrecht-table__cell utrecht-table__cell--numeric">{g.unknown}</td> : null}
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function BreakdownChart(props: { q: QuestionDef; r: QuestionResult; id: string; title: string; groups: GroupFigures[]; locale: Locale }) {
  const { q, locale } = props;
  const choices = choicesOf(q);
  if (q.type === 'number') {
    const max = Math.max(1, ...props.groups.map((g) => g.stats?.mean ?? 0));
    const bars = props.groups.map((g) => ({
      label: T(locale, g.label),
      share: g.suppressed || !g.stats ? null : g.stats.mean / max,
      text: g.suppressed || !g.stats ? '—' : formatNumber(g.stats.mean, locale, 1),
    }));
    return <BarChart id={props.id} title={`${props.title} — ${L(locale, 'gemiddelde', 'mean')}`} bars={bars} locale={locale} />;
  }
  if (q.type === 'multiple') {
    // Several answers each: show the share choosing the answer chosen most in the country.
    const top = props.r.country.counts.reduce((best, n, i, all) => (n > all[best] ? i : best), 0);
    const bars = props.groups.map((g) => ({ label: T(locale, g.label), share: shareOf(g, top) }));
    return (
      <BarChart
        id={props.id}
        title={`${props.title} — ${L(locale, 'koos', 'chose')} ‘${T(locale, choices[top]?.label ?? { nl: '', en: '' })}’`}
        bars={bars}
        locale={locale}
      />
    );
  }
  const rows = props.groups.map((g) => ({
    label: T(locale, g.label),
    shares: g.suppressed || g.respondents - g.unknown <= 0 ? null : choices.map((_, i) => shareOf(g, i) ?? 0),
  }));
  return <StackedChart id={props.id} title={props.title} categories={choices.map((c) => T(locale, c.label))} rows={rows} locale={locale} />;
}

function Pair(props: { children: preact.ComponentChildren }) {
  return <div class="gaz-survey-chart-pair">{props.children}</div>;
}

function TextResult(props: { q: QuestionDef; r: QuestionResult; locale: Locale; texts?: TextAnswer[] }) {
  const { q, r, locale } = props;
  const id = `r${q.id}`;
  const text = T(locale, q.text);
  return (
    <section class="gaz-survey-result" aria-labelledby={`${id}-h`}>
      <h3 class="utrecht-heading-3" id={`${id}-h`}>
        {text}
      </h3>
      <p class="utrecht-paragraph">
        {L(
          locale,
          `${r.country.respondents} gemeenten gaven een open antwoord (alleen zichtbaar voor medewerkers).`,
          `${r.country.respondents} municipalities gave an open answer (staff only).`,
        )}
      </p>
      {props.texts && props.texts.length > 0 ? (
        <details class="gaz-details">
          <summary>{L(locale, 'Open antwoorden lezen', 'Read the open answers')}</summary>
          <ul class="utrecht-unordered-list">
            {props.texts.map((t) => (
              <li class="utrecht-unordered-list__item" key={t.code}>
                <strong>{t.name}</strong>: {t.text}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function QuestionBlock(props: { q: QuestionDef; r: QuestionResult; locale: Locale; threshold: number | null; texts?: TextAnswer[] }) {
  const { q, r, locale } = props;
  const id = `r${q.id}`;
  const text = T(locale, q.text);
  if (isTextQuestion(q)) return <TextResult q={q} r={r} locale={locale} texts={props.texts} />;
  const choices = choicesOf(q);
  const country = r.country;
  return (
    <section class="gaz-survey-result" aria-labelledby={`${id}-h`}>
      <h3 class="utrecht-heading-3" id={`${id}-h`}>
        {text}
      </h3>
      {q.type === 'multiple' ? (
        <p class="utrecht-paragraph">
          {L(
            locale,
            'Meerdere antwoorden mogelijk: de percentages tellen niet op tot 100.',
            'Several answers possible: percentages do not add up to 100.',
          )}
        </p>
      ) : null}
      <Pair>
        {country.suppressed ? (
          <p class="utrecht-paragraph">{hiddenText(country, locale, props.threshold)}</p>
        ) : q.type === 'number' ? (
          <p class="utrecht-paragraph">
            {L(locale, 'Gemiddelde', 'Mean')} {num(country.stats?.mean ?? null, locale, 1)}, {L(locale, 'mediaan', 'median')}{' '}
            {num(country.stats?.median ?? null, locale, 1)}, {L(locale, 'van', 'from')} {num(country.stats?.min ?? null, locale, 1)}{' '}
            {L(locale, 'tot', 'to')} {num(country.stats?.max ?? null, locale, 1)}.
          </p>
        ) : (
          <BarChart
            id={`${id}-nl`}
            title={`${text} — ${L(locale, 'Nederland', 'The Netherlands')}`}
            bars={choices.map((c, i) => ({ label: T(locale, c.label), share: shareOf(country, i) }))}
            locale={locale}
          />
        )}
        <GroupTable
          q={q}
          caption={L(locale, 'Nederland', 'The Netherlands')}
          groups={[country]}
          locale={locale}
          threshold={props.threshold}
        />
      </Pair>
      {(['provinces', 'sizeClasses'] as const).map((kind) => {
        const title = kind === 'provinces' ? L(locale, 'Per provincie', 'By province') : L(locale, 'Per grootteklasse', 'By size class');
        return (
          <Pair key={kind}>
            <BreakdownChart q={q} r={r} id={`${id}-${kind}`} title={`${text} — ${title.toLowerCase()}`} groups={r[kind]} locale={locale} />
            <GroupTable q={q} caption={title} groups={r[kind]} locale={locale} threshold={props.threshold} />
          </Pair>
        );
      })}
    </section>
  );
}

export function ResultsBody(props: { survey: SurveyDef; results: SurveyResults; locale: Locale; texts?: Map<number, TextAnswer[]> }) {
  const { survey, results, locale } = props;
  const byId = new Map(results.questions.map((r) => [r.questionId, r]));
  return (
    <div class="gaz-survey-results">
      <p class="utrecht-paragraph">
        {L(
          locale,
          `${results.responses.country} gemeenten hebben de vragenlijst ingediend.`,
          `${results.responses.country} municipalities submitted the questionnaire.`,
        )}{' '}
        {results.threshold !== null
          ? L(
              locale,
              `Groepen met minder dan ${results.threshold} respondenten tonen wij niet, en ook niet een groep waaruit zo’n kleine groep terug te rekenen is. Open antwoorden zijn alleen voor medewerkers.`,
              `Groups with fewer than ${results.threshold} respondents are not shown, nor a group from which such a small group could be worked out. Open answers are for staff only.`,
            )
          : L(
              locale,
              'Beheerweergave: alle groepen, ook kleine, en de open antwoorden. Buiten de beheeromgeving worden kleine groepen niet getoond.',
              'Staff view: every group, small ones too, and the open answers.',
            )}
      </p>
      {survey.sections.map((s) => (
        <section key={s.id} aria-labelledby={`rs${s.id}`}>
          <h2 class="utrecht-heading-2" id={`rs${s.id}`}>
            {T(locale, s.title)}
          </h2>
          {s.questions.map((q) => {
            const r = byId.get(q.id);
            return r ? (
              <QuestionBlock key={q.id} q={q} r={r} locale={locale} threshold={results.threshold} texts={props.texts?.get(q.id)} />
            ) : null;
          })}
        </section>
      ))}
    </div>
  );
}
