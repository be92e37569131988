// The feedback report as an HTML page: per question the municipality's answer beside its province,
// its size class and the country (hidden groups marked), a short explanation and the change since
// the previous round with predecessors' answers labelled. Same data as the PDF.
import type { Locale } from '../../../i18n.ts';
import { Heading1, Notice, Paragraph } from '../../../views/components.tsx';
import { ScrollRegion } from '../../../views/scroll-region.tsx';
import type { ReportData, ReportItem } from '../report.logic.ts';
import { date, L, num, pct, T } from './common.tsx';

function groupHeader(item: ReportItem, i: number, locale: Locale) {
  const g = item.groups[i];
  return g.suppressed
    ? `${T(locale, g.label)} (${L(locale, 'te weinig respondenten', 'too few respondents')})`
    : `${T(locale, g.label)} (n=${g.respondents})`;
}

function ItemTable(props: { item: ReportItem; locale: Locale }) {
  const { item, locale } = props;
  if (item.kind === 'text' || item.groups.length === 0) return null;
  return (
    <ScrollRegion label={`${L(locale, 'Antwoorden vergeleken', 'Answers compared')}: ${T(locale, item.text)}`}>
      <table class="utrecht-table utrecht-table--html-table gaz-survey-report-table">
        <caption class="utrecht-table__caption gaz-visually-hidden">
          {L(locale, 'Antwoorden vergeleken', 'Answers compared')}: {T(locale, item.text)}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {L(locale, 'Antwoord', 'Answer')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {L(locale, 'Uw gemeente', 'Your municipality')}
            </th>
            {item.groups.map((_, i) => (
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col" key={i}>
                {groupHeader(item, i, locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {item.rows.map((r, i) => (
            <tr class={`utrecht-table__row ${r.own ? 'gaz-survey-own' : ''}`} key={i}>
              <th class="utrecht-table__header-cell" scope="row">
                {T(locale, r.label)}
              </th>
              <td class="utrecht-table__cell">{r.own ? L(locale, 'gekozen', 'chosen') : ''}</td>
              {r.shares.map((s, j) => (
                <td class="utrecht-table__cell utrecht-table__cell--numeric" key={j}>
                  {pct(s, locale)}
                </td>
              ))}
            </tr>
          ))}
          {item.means.length > 0 ? (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {L(locale, 'Gemiddelde', 'Mean')}
              </th>
              <td class="utrecht-table__cell">{item.kind === 'number' && item.own ? T(locale, item.own) : ''}</td>
              {item.means.map((m, j) => (
                <td class="utrecht-table__cell utrecht-table__cell--numeric" key={j}>
                  {num(m, locale, 1)}
                </td>
              ))}
            </tr>
          ) : null}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Item(props: { item: ReportItem; locale: Locale }) {
  const { item, locale } = props;
  return (
    <section class="gaz-survey-report-item" aria-labelledby={`item-${item.questionId}`}>
      <h3 class="utrecht-heading-3" id={`item-${item.questionId}`}>
        {T(locale, item.text)}
      </h3>
      <Paragraph>
        <strong>{L(locale, 'Uw antwoord', 'Your answer')}:</strong>{' '}
        {item.own ? T(locale, item.own) : L(locale, 'niet beantwoord', 'not answered')}
      </Paragraph>
      {T(locale, item.explanation) ? <Paragraph>{T(locale, item.explanation)}</Paragraph> : null}
      <ItemTable item={item} locale={locale} />
      {item.previous.length > 0 ? (
        <div class="gaz-survey-previous">
          <p class="utrecht-paragraph">
            <strong>{T(locale, item.changeLabel)}.</strong>
          </p>
          <ul class="utrecht-unordered-list">
            {item.previous.map((p, i) => (
              <li class="utrecht-unordered-list__item" key={i}>
                {T(locale, p.label)}: {T(locale, p.answer)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

export function ReportView(props: { data: ReportData; locale: Locale; pdfHref: string; generatedAt: string | null; preview?: boolean }) {
  const { data, locale } = props;
  return (
    <article class="gaz-survey-report">
      <Heading1>
        {L(locale, 'Terugkoppeling', 'Feedback report')}: {data.municipality.name}
      </Heading1>
      <Paragraph>
        {T(locale, data.survey.title)} · {data.municipality.provinceName} · {T(locale, data.municipality.sizeClass)}
        {props.generatedAt ? ` · ${L(locale, 'verstuurd op', 'sent on')} ${date(props.generatedAt, locale)}` : ''}
      </Paragraph>
      {props.preview ? (
        <Notice kind="info">
          {L(
            locale,
            'Voorbeeld met de antwoorden van nu; de gemeente ziet de versie die verstuurd is.',
            'Preview with today’s answers; the municipality sees the version that was sent.',
          )}
        </Notice>
      ) : null}
      <Paragraph>
        {L(
          locale,
          `Hieronder staan de antwoorden van uw gemeente naast die van ${data.municipality.provinceName}, gemeenten met ${T(locale, data.municipality.sizeClass).toLowerCase()} en heel Nederland. ${data.responses} gemeenten vulden de vragenlijst in. De percentages tellen ‘weet niet’ niet mee. Groepen met minder dan ${data.threshold} gemeenten tonen wij niet (—), zodat antwoorden niet tot één gemeente te herleiden zijn.`,
          `Below, your municipality's answers are set beside those of ${data.municipality.provinceName}, municipalities with ${T(locale, data.municipality.sizeClass).toLowerCase()} and the whole country. ${data.responses} municipalities took part. Percentages leave out ‘don’t know’. Groups of fewer than ${data.threshold} municipalities are not shown (—).`,
        )}
      </Paragraph>
      {data.previousRound ? (
        <Paragraph>
          {L(locale, 'Vergeleken met de vorige meting', 'Compared with the previous round')}: {T(locale, data.previousRound)}.{' '}
          {L(
            locale,
            'Als uw gemeente sindsdien is ontstaan uit een herindeling, staan de antwoorden van de voorgangers erbij.',
            'If your municipality was formed by a merger since, the answers of its predecessors are shown.',
          )}
        </Paragraph>
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={props.pdfHref}>
          {L(locale, 'Download als PDF', 'Download as PDF')}
        </a>
      </p>
      {data.sections.map((s, i) => (
        <section key={i} aria-labelledby={`report-section-${i}`}>
          <h2 class="utrecht-heading-2" id={`report-section-${i}`}>
            {T(locale, s.title)}
          </h2>
          {s.items.map((item) => (
            <Item key={item.questionId} item={item} locale={locale} />
          ))}
        </section>
      ))}
    </article>
  );
}
