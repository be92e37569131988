// The printable activity report for a period: the counts and lists a newsletter item or an annual
// report quotes, in sentences and tables, styled for paper (advice.css @media print).
import { defineMessages, formatDate, formatNumber } from '../../../i18n.ts';
import { Heading1, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Engagement } from '../engagement.service.ts';
import type { BlockTally } from '../policy.logic.ts';
import { IntensiveTable, PolicyTable, ReachTables, TypeTable } from './dashboard-parts.tsx';

const m = defineMessages({
  title: (from: string, to: string) => ({ nl: `Activiteitenverslag ${from} – ${to}`, en: `Activity report ${from} – ${to}` }),
  print: {
    nl: 'Druk dit verslag af of bewaar het als pdf via het afdrukmenu van uw browser.',
    en: 'Print this report or save it as a PDF from your browser’s print menu.',
  },
  back: { nl: 'Terug naar het dashboard', en: 'Back to the dashboard' },
  summary: (n: string, reached: string, total: string) => ({
    nl: `In deze periode legden de adviseurs van het programma ${n} interacties vast: adviesgesprekken, regionale overleggen, telefonische en e-mailcontacten, workshops en presentaties. Samen met de activiteiten uit andere onderdelen bereikte het programma ${reached} van de ${total} gemeenten.`,
    en: `In this period the programme's advisers recorded ${n} interactions: advice conversations, regional consultations, phone and email contacts, workshops and presentations. Together with the activities of other parts, the programme reached ${reached} of the ${total} municipalities.`,
  }),
  intensive: (k: number, n: number, list: string) => ({
    nl:
      k === 0
        ? `Met geen enkele gemeente of regio was er intensief contact (${n} of meer interacties).`
        : `Intensief contact (${n} of meer interacties) was er met ${k} gemeenten en regio’s: ${list}.`,
    en:
      k === 0
        ? `There was no intensive contact (${n} or more interactions) with any municipality or region.`
        : `There was intensive contact (${n} or more interactions) with ${k} municipalities and regions: ${list}.`,
  }),
  figures: { nl: 'Cijfers', en: 'Figures' },
  generated: (at: string) => ({
    nl: `Opgesteld op ${at} uit het register van het programma.`,
    en: `Compiled on ${at} from the programme's register.`,
  }),
});

export const reportTitle = (locale: 'nl' | 'en', from: string, to: string) =>
  m(locale).title(formatDate(from, locale), formatDate(to, locale));

function joinList(names: string[], locale: 'nl' | 'en'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${locale === 'nl' ? 'en' : 'and'} ${names[names.length - 1]}`;
}

export function ReportPage(p: { e: Engagement; tallies: BlockTally[]; policyDate: string; today: string; dashboardQuery: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const n = (x: number) => formatNumber(x, locale);
  return (
    <article class="gaz-advice-report">
      <Heading1>{reportTitle(locale, p.e.from, p.e.to)}</Heading1>
      <Paragraph class="gaz-advice-noprint">
        {t.print}{' '}
        <a class="utrecht-link" href={`/beheer/advies/dashboard?${p.dashboardQuery}`}>
          {t.back}
        </a>
      </Paragraph>
      <Paragraph>{t.summary(n(p.e.totals.interactions), n(p.e.totals.reached), n(p.e.totals.municipalities))}</Paragraph>
      <Paragraph>
        {t.intensive(
          p.e.intensive.length,
          p.e.threshold,
          joinList(
            p.e.intensive.map((x) => x.name),
            locale,
          ),
        )}
      </Paragraph>
      <h2 class="utrecht-heading-2">{t.figures}</h2>
      <IntensiveTable e={p.e} />
      <TypeTable e={p.e} />
      <ReachTables e={p.e} />
      <PolicyTable tallies={p.tallies} dateLabel={formatDate(p.policyDate, locale)} />
      <Paragraph>{t.generated(formatDate(p.today, locale))}</Paragraph>
    </article>
  );
}
