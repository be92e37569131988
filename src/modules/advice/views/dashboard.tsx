// /beheer/advies/dashboard: the programme's figures for a period (and the policy picture on a date),
// with the two maps, exports and a link to the printable activity report.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDate, formatNumber } from '../../../i18n.ts';
import { ChoroplethLegend } from '../../../views/choropleth/index.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Engagement } from '../engagement.service.ts';
import type { Values } from '../form-kit.ts';
import type { MapResult } from '../maps.ts';
import type { BlockTally } from '../policy.logic.ts';
import { IntensiveTable, MunicipalityTable, PolicyTable, ReachTables, TypeTable } from './dashboard-parts.tsx';
import { common } from './labels.ts';

const m = defineMessages({
  title: { nl: 'Programmadashboard', en: 'Programme dashboard' },
  period: { nl: 'Periode', en: 'Period' },
  policyDate: { nl: 'Peildatum beleidsstatus', en: 'Reference date of the policy status' },
  policyHint: { nl: 'Standaard: de laatste dag van de periode.', en: 'Default: the last day of the period.' },
  figures: { nl: 'Kerncijfers', en: 'Key figures' },
  interactions: { nl: 'Interacties van de adviseurs', en: 'Interactions of the advisers' },
  feed: { nl: 'Interacties uit andere onderdelen', en: 'Interactions from other parts' },
  reached: { nl: 'Gemeenten bereikt', en: 'Municipalities reached' },
  intensive: { nl: 'Intensieve contacten', en: 'Intensive contacts' },
  of: (a: string, b: string) => ({ nl: `${a} van ${b}`, en: `${a} of ${b}` }),
  counting: {
    nl: 'Bereikt telt elke interactie mee, ook via een regio en uit andere onderdelen (zoals evenementen); intensieve contacten tellen alleen de interacties van de adviseurs.',
    en: 'Reached counts every interaction, also through a region and from other parts (such as events); intensive contacts count only the advisers’ interactions.',
  },
  maps: { nl: 'Kaarten', en: 'Maps' },
  legendEngagement: { nl: 'Legenda: bereik', en: 'Legend: reach' },
  legendMaturity: { nl: 'Legenda: beleidsvolwassenheid', en: 'Legend: policy maturity' },
  skipMaps: { nl: 'Sla de kaarten over', en: 'Skip the maps' },
  downloads: { nl: 'Downloaden en afdrukken', en: 'Download and print' },
  csv: { nl: 'Interacties per gemeente (CSV)', en: 'Interactions per municipality (CSV)' },
  xlsx: { nl: 'Alle tabellen (Excel)', en: 'All tables (Excel)' },
  report: { nl: 'Activiteitenverslag om af te drukken', en: 'Printable activity report' },
  failed: (what: string) => ({ nl: `Niet beschikbaar, dus niet meegeteld: ${what}.`, en: `Not available, so not counted: ${what}.` }),
  noMap: { nl: 'Er zijn nog geen grenzen geïmporteerd.', en: 'No boundaries have been imported yet.' },
});

export const dashboardTitle = (locale: 'nl' | 'en') => m(locale).title;

export function DashboardForm(p: { action: string; values: Values; errors: FieldError[] }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  return (
    <>
      <ErrorSummary errors={p.errors} labels={{ van: c.from, tot: c.to, datum: t.policyDate }} />
      <Form action={p.action} method="get" class="gaz-advice-noprint">
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t.period}</legend>
          <TextField name="van" label={c.from} type="date" value={p.values.van} errors={p.errors} description={c.dateHint} />
          <TextField name="tot" label={c.to} type="date" value={p.values.tot} errors={p.errors} description={c.dateHint} />
          <TextField name="datum" label={t.policyDate} type="date" value={p.values.datum} errors={p.errors} description={t.policyHint} />
          <SubmitButton>{c.show}</SubmitButton>
        </fieldset>
      </Form>
    </>
  );
}

export interface DashboardData {
  e: Engagement;
  policyDate: string;
  tallies: BlockTally[];
  engagementMap: MapResult;
  maturityMap: MapResult;
  query: string;
}

function Figures(p: { e: Engagement }) {
  const { locale } = usePage();
  const t = m(locale);
  const n = (x: number) => formatNumber(x, locale);
  const items: [string, string][] = [
    [t.interactions, n(p.e.totals.interactions)],
    [t.feed, n(p.e.totals.feedInteractions)],
    [t.reached, t.of(n(p.e.totals.reached), n(p.e.totals.municipalities))],
    [t.intensive, n(p.e.intensive.length)],
  ];
  return (
    <dl class="gaz-figures">
      {items.map(([k, v]) => (
        <div class="gaz-figures__item" key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Maps(p: { d: DashboardData }) {
  const { locale } = usePage();
  const t = m(locale);
  if (!p.d.engagementMap.svg || !p.d.maturityMap.svg) return <Paragraph>{t.noMap}</Paragraph>;
  return (
    <>
      <Paragraph>
        <a class="utrecht-link gaz-advice-noprint" href="#gaz-advice-tables">
          {t.skipMaps}
        </a>
      </Paragraph>
      <div class="gaz-map-layout">
        <div class="gaz-map-frame" dangerouslySetInnerHTML={{ __html: p.d.engagementMap.svg }} />
        <ChoroplethLegend
          id="gaz-advice-engagement-legend"
          heading={t.legendEngagement}
          classes={p.d.engagementMap.legend}
          counts={p.d.engagementMap.counts}
          locale={locale}
          noData={null}
        />
      </div>
      <div class="gaz-map-layout">
        <div class="gaz-map-frame" dangerouslySetInnerHTML={{ __html: p.d.maturityMap.svg }} />
        <ChoroplethLegend
          id="gaz-advice-maturity-legend"
          heading={t.legendMaturity}
          classes={p.d.maturityMap.legend}
          counts={p.d.maturityMap.counts}
          locale={locale}
          noData={null}
        />
      </div>
    </>
  );
}

export function DashboardPage(p: { values: Values; errors: FieldError[]; data: DashboardData | null }) {
  const { locale } = usePage();
  const t = m(locale);
  const d = p.data;
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <DashboardForm action="/beheer/advies/dashboard" values={p.values} errors={p.errors} />
      {d ? (
        <>
          <h2 class="utrecht-heading-2">{`${t.figures}: ${formatDate(d.e.from, locale)} – ${formatDate(d.e.to, locale)}`}</h2>
          {d.e.feedFailed.length > 0 ? (
            <Notice kind="warning">
              <Paragraph>{t.failed(d.e.feedFailed.map((f) => f[locale]).join(', '))}</Paragraph>
            </Notice>
          ) : null}
          <Figures e={d.e} />
          <Paragraph>{t.counting}</Paragraph>
          <h2 class="utrecht-heading-2">{t.downloads}</h2>
          <ul class="utrecht-link-list utrecht-link-list--html-ul">
            <li class="utrecht-link-list__item">
              <a class="utrecht-link-list__link utrecht-link" href={`/beheer/advies/dashboard.csv?${d.query}`}>
                {t.csv}
              </a>
            </li>
            <li class="utrecht-link-list__item">
              <a class="utrecht-link-list__link utrecht-link" href={`/beheer/advies/dashboard.xlsx?${d.query}`}>
                {t.xlsx}
              </a>
            </li>
            <li class="utrecht-link-list__item">
              <a class="utrecht-link-list__link utrecht-link" href={`/beheer/advies/rapport?${d.query}`}>
                {t.report}
              </a>
            </li>
          </ul>
          <h2 class="utrecht-heading-2">{t.intensive}</h2>
          <IntensiveTable e={d.e} />
          <h2 class="utrecht-heading-2">{t.maps}</h2>
          <Maps d={d} />
          <div id="gaz-advice-tables">
            <ReachTables e={d.e} />
            <TypeTable e={d.e} />
            <PolicyTable tallies={d.tallies} dateLabel={formatDate(d.policyDate, locale)} />
            <MunicipalityTable e={d.e} />
          </div>
        </>
      ) : null}
    </>
  );
}
