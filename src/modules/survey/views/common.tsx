// Small pieces every survey view uses: text in the page's language, breadcrumbs of the staff area,
// the status badge, numbers and shares as Dutch or English text.
import type { ComponentChildren } from 'preact';
import { formatDate, formatNumber, type Locale, type Localized } from '../../../i18n.ts';
import type { Crumb } from '../../../views/layout.tsx';
import { STATUS_LABELS } from '../builder.logic.ts';
import type { SurveyStatus, SurveySummary } from '../types.ts';

export const L = (locale: Locale, nl: string, en: string) => (locale === 'nl' ? nl : en);
export const T = (locale: Locale, text: Localized) => text[locale] || text.nl;

export function staffCrumbs(locale: Locale, survey?: Pick<SurveySummary, 'id' | 'title'>, ...rest: Crumb[]): Crumb[] {
  const base: Crumb[] = [
    { href: '/beheer', label: L(locale, 'Beheer', 'Staff') },
    { href: '/beheer/enquetes', label: L(locale, 'Enquêtes', 'Surveys') },
  ];
  if (survey) base.push({ href: `/beheer/enquetes/${survey.id}`, label: T(locale, survey.title) });
  return [...base, ...rest];
}

export function StatusBadge(props: { status: SurveyStatus; locale: Locale }) {
  return (
    <span class={`utrecht-status-badge gaz-survey-status gaz-survey-status--${props.status}`}>
      {T(props.locale, STATUS_LABELS[props.status])}
    </span>
  );
}

export const pct = (share: number | null, locale: Locale, digits = 0) =>
  share === null ? '—' : `${formatNumber(share * 100, locale, digits)}%`;
export const num = (n: number | null, locale: Locale, digits = 0) => (n === null ? '—' : formatNumber(n, locale, digits));
export const date = (d: string | null, locale: Locale) => (d ? formatDate(d, locale) : '—');

export function Period(props: { survey: SurveySummary; locale: Locale }) {
  const { survey, locale } = props;
  return (
    <span>
      {date(survey.opensOn, locale)} – {date(survey.closesOn, locale)}
    </span>
  );
}

/** A definition list of label/value pairs (NL Design System data list). */
export function Facts(props: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="utrecht-data-list gaz-survey-facts">
      {props.items.map(([k, v]) => (
        <div class="utrecht-data-list__item" key={k}>
          <dt class="utrecht-data-list__item-key">{k}</dt>
          <dd class="utrecht-data-list__item-value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A link styled as a button (for actions that are plain GETs). */
export function ButtonLink(props: { href: string; children: ComponentChildren; secondary?: boolean }) {
  return (
    <a class={`utrecht-button utrecht-button--${props.secondary ? 'secondary' : 'primary'}-action gaz-survey-buttonlink`} href={props.href}>
      {props.children}
    </a>
  );
}
