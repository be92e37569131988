// The policy scorecard of one municipality on a date: themes, blocks, status, evidence (own and from
// other modules), history per block. Staff get the forms to set a status and to review self-reports;
// a municipality gets the form to report its own status.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDate, formatDateTime, formatNumber } from '../../../i18n.ts';
import { ErrorSummary, Form, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { BLOCK_LEVEL_LABELS, editableBlocks } from '../blocks.ts';
import type { Values } from '../form-kit.ts';
import type { StatusRecord } from '../policy.logic.ts';
import type { Scorecard, ScorecardBlock } from '../scorecard.ts';
import { POLICY_STATUSES } from '../tables.ts';
import { common, SOURCE_LABELS, STATUS_LABELS } from './labels.ts';
import { StatusBadge } from './parts.tsx';

const m = defineMessages({
  heading: (date: string) => ({ nl: `Beleidsstatus op ${date}`, en: `Policy status on ${date}` }),
  maturity: (pct: string) => ({ nl: `${pct} van de bouwstenen op orde.`, en: `${pct} of the building blocks in place.` }),
  block: { nl: 'Bouwsteen', en: 'Building block' },
  since: { nl: 'Sinds', en: 'Since' },
  evidence: { nl: 'Onderbouwing', en: 'Evidence' },
  history: (n: number) => ({ nl: `Geschiedenis (${n})`, en: `History (${n})` }),
  by: (who: string, at: string) => ({ nl: `door ${who}, vastgelegd ${at}`, en: `by ${who}, recorded ${at}` }),
  coordinators: (names: string) => ({ nl: `Zorgcoördinatie door: ${names}`, en: `Care coordination by: ${names}` }),
  noCoordinator: { nl: 'Geen zorgcoördinator op deze datum.', en: 'No care coordinator on this date.' },
  link: { nl: 'bron', en: 'source' },
  retired: { nl: 'Bouwstenen uit een eerdere versie van de lijst', en: 'Building blocks from an earlier version of the list' },
  version: (v: number) => ({ nl: `versie ${v}`, en: `version ${v}` }),
  otherDate: { nl: 'Status op een andere datum', en: 'Status on another date' },
  setTitle: { nl: 'Status vastleggen', en: 'Record a status' },
  selfTitle: { nl: 'Eigen status doorgeven', en: 'Report your own status' },
  selfHint: {
    nl: 'Uw melding staat als “zelf gemeld” op de kaart tot een adviseur van het programma haar bevestigt of corrigeert.',
    en: 'Your report shows as “self-reported” until an adviser of the programme confirms or corrects it.',
  },
  url: { nl: 'Link naar onderbouwing', en: 'Link to evidence' },
  note: { nl: 'Toelichting', en: 'Note' },
  effective: { nl: 'Geldt vanaf', en: 'Holds from' },
  save: { nl: 'Status opslaan', en: 'Save status' },
  review: { nl: 'Zelfmelding beoordelen', en: 'Review self-report' },
  reviewHint: {
    nl: 'Dezelfde status bevestigt de melding; een andere corrigeert haar.',
    en: 'The same status confirms the report; another corrects it.',
  },
  reviewButton: (block: string) => ({ nl: `Beoordeling opslaan: ${block}`, en: `Save review: ${block}` }),
  awaiting: { nl: 'wacht op beoordeling', en: 'awaiting review' },
});

function RecordLine(p: { r: StatusRecord }) {
  const { locale } = usePage();
  const t = m(locale);
  return (
    <>
      {`${formatDate(p.r.effectiveDate, locale)}: ${STATUS_LABELS[p.r.status][locale]} — ${SOURCE_LABELS[p.r.source][locale]}, ${t.by(p.r.setByLabel, formatDateTime(p.r.recordedAt, locale))}`}
      {p.r.evidenceNote ? ` — ${p.r.evidenceNote}` : ''}
    </>
  );
}

function BlockRow(p: { b: ScorecardBlock; review: boolean; code: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  const { b } = p;
  const status = b.derived?.status ?? b.current?.status ?? null;
  return (
    <tr class="utrecht-table__row">
      <th class="utrecht-table__header-cell" scope="row">
        {b.block.label[locale]} <span class="gaz-advice-level">({BLOCK_LEVEL_LABELS[b.block.level][locale]})</span>
      </th>
      <td class="utrecht-table__cell">
        <StatusBadge status={status} />
        {b.awaitingReview ? <strong class="gaz-advice-flag"> {SOURCE_LABELS.self[locale]}</strong> : null}
        {b.derived ? <div>{SOURCE_LABELS.network[locale]}</div> : b.current ? <div>{SOURCE_LABELS[b.current.source][locale]}</div> : null}
      </td>
      <td class="utrecht-table__cell">{b.current ? formatDate(b.current.effectiveDate, locale) : ''}</td>
      <td class="utrecht-table__cell">
        {b.derived ? (
          <div>{b.derived.coordinators.length > 0 ? t.coordinators(b.derived.coordinators.join(', ')) : t.noCoordinator}</div>
        ) : null}
        {b.current?.evidenceNote ? <div>{b.current.evidenceNote}</div> : null}
        {b.current?.evidenceUrl ? (
          <div>
            <a class="utrecht-link" href={b.current.evidenceUrl} rel="noopener noreferrer">
              {t.link}: {b.current.evidenceUrl}
            </a>
          </div>
        ) : null}
        {b.evidence.map((e) => (
          <div key={e.providerId} class="gaz-advice-evidence">
            {e.url ? (
              <a class="utrecht-link" href={e.url}>
                {e.summary[locale]}
              </a>
            ) : (
              e.summary[locale]
            )}
          </div>
        ))}
        {b.history.length > 0 ? (
          <details>
            <summary>{t.history(b.history.length)}</summary>
            <ul class="utrecht-unordered-list">
              {b.history.map((r) => (
                <li class="utrecht-unordered-list__item" key={r.id}>
                  <RecordLine r={r} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {p.review && b.awaitingReview && b.current ? <ReviewForm code={p.code} record={b.current} label={b.block.label[locale]} /> : null}
        {b.derived || b.current ? null : c.none}
      </td>
    </tr>
  );
}

function ReviewForm(p: { code: string; record: StatusRecord; label: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const id = `review-${p.record.id}`;
  return (
    <Form action={`/beheer/advies/gemeente/${p.code}/beleid/${p.record.id}/beoordeling`} class="gaz-advice-review">
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">{t.review}</legend>
        <Paragraph>{t.reviewHint}</Paragraph>
        <SelectField
          name="status"
          id={`${id}-status`}
          label={`${common(locale).status} (${p.label})`}
          value={p.record.status}
          options={POLICY_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s][locale] }))}
        />
        <SubmitButton variant="secondary">{t.reviewButton(p.label)}</SubmitButton>
      </fieldset>
    </Form>
  );
}

export function ScorecardTable(p: { card: Scorecard; review: boolean }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  return (
    <>
      <Paragraph>{t.maturity(`${formatNumber(Math.round(p.card.maturity * 100), locale)}%`)}</Paragraph>
      {p.card.themes.map((theme) => (
        <section key={theme.id}>
          <h3 class="utrecht-heading-3" id={`theme-${theme.id}`}>
            {theme.label[locale]}
          </h3>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways on a narrow screen must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable); named by the theme's heading */}
          {/* biome-ignore lint/a11y/useSemanticElements: a <section> without its own heading is flagged by HTML validators; named by the theme's heading */}
          <div class="gaz-table-scroll" role="region" tabIndex={0} aria-labelledby={`theme-${theme.id}`}>
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="utrecht-table__caption gaz-visually-hidden">{theme.label[locale]}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">
                    {t.block}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {c.status}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {t.since}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {t.evidence}
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {theme.blocks.map((b) => (
                  <BlockRow b={b} review={p.review} code={p.card.code} key={b.block.id} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {p.card.retired.length > 0 ? (
        <section aria-labelledby="retired-blocks">
          <h3 class="utrecht-heading-3" id="retired-blocks">
            {t.retired}
          </h3>
          <ul class="utrecht-unordered-list">
            {p.card.retired.map((r) => (
              <li class="utrecht-unordered-list__item" key={r.block.id}>
                {`${r.block.label[locale]} (${t.version(r.version)}): `}
                <RecordLine r={r.current} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The GET form that shows the scorecard on another date (`?datum=`), its error beside the field. */
export function ScorecardDateForm(p: { action: string; date: string; errors: FieldError[] }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  return (
    <Form action={p.action} method="get">
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">{t.otherDate}</legend>
        <TextField
          name="datum"
          label={c.date}
          type="date"
          value={p.date}
          errors={p.errors.filter((e) => e.field === 'datum')}
          description={c.dateHint}
        />
        <SubmitButton>{c.show}</SubmitButton>
      </fieldset>
    </Form>
  );
}

export const scorecardHeading = (locale: 'nl' | 'en', date: string) => m(locale).heading(formatDate(date, locale));

/** The form to record a status: staff choose the date it holds from; a municipality reports for today. */
export function StatusForm(p: { action: string; values: Values; errors: FieldError[]; self: boolean }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  const labels = { block: t.block, status: c.status, evidence_url: t.url, evidence_note: t.note, effective_date: t.effective };
  return (
    <section aria-labelledby="status-form">
      <h2 class="utrecht-heading-2" id="status-form">
        {p.self ? t.selfTitle : t.setTitle}
      </h2>
      {p.self ? <Paragraph>{t.selfHint}</Paragraph> : null}
      <ErrorSummary errors={p.errors} labels={labels} />
      <Form action={p.action}>
        <SelectField
          name="block"
          label={t.block}
          value={p.values.block ?? ''}
          errors={p.errors}
          options={editableBlocks().map((b) => ({ value: b.id, label: b.label[locale] }))}
        />
        <SelectField
          name="status"
          label={c.status}
          value={p.values.status ?? ''}
          errors={p.errors}
          options={POLICY_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s][locale] }))}
        />
        {p.self ? null : (
          <TextField
            name="effective_date"
            label={t.effective}
            type="date"
            value={p.values.effective_date}
            errors={p.errors}
            required
            description={c.dateHint}
          />
        )}
        <TextField name="evidence_url" label={t.url} type="url" value={p.values.evidence_url} errors={p.errors} />
        <TextField name="evidence_note" label={t.note} value={p.values.evidence_note} errors={p.errors} multiline />
        <SubmitButton>{t.save}</SubmitButton>
      </Form>
    </section>
  );
}

export const awaitingLabel = (locale: 'nl' | 'en') => m(locale).awaiting;
