// /beheer/netwerk/tekorten: municipalities without a coordinator or below the norm on a date, with
// the extra FTE needed, and downloads as CSV and Excel.
import { defineMessages, formatDate, formatNumber } from '../../../i18n.ts';
import { DataTable, Heading1, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Gap } from '../network.logic.ts';
import { DateForm } from './network-page.tsx';

export const gapText = defineMessages({
  title: { nl: 'Tekorten in het netwerk', en: 'Gaps in the network' },
  norm: { nl: 'Norm', en: 'Norm' },
  normUnit: { nl: 'FTE per 100.000 inwoners', en: 'FTE per 100,000 inhabitants' },
  summary: (count: number, total: string) => ({
    nl: `${count} gemeenten zonder zorgcoördinator of onder de norm; samen ${total} FTE extra nodig.`,
    en: `${count} municipalities without a care coordinator or below the norm; together ${total} extra FTE needed.`,
  }),
  csv: { nl: 'Download als CSV', en: 'Download as CSV' },
  xlsx: { nl: 'Download als Excel (XLSX)', en: 'Download as Excel (XLSX)' },
  caption: (date: string) => ({ nl: `Tekorten op ${date}, meeste inwoners eerst`, en: `Gaps on ${date}, most inhabitants first` }),
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  status: { nl: 'Status', en: 'Status' },
  remote: { nl: 'geen zorgcoördinator', en: 'no coordinator' },
  belowNorm: { nl: 'onder de norm', en: 'below the norm' },
  inhabitants: { nl: 'Inwoners', en: 'Inhabitants' },
  per100k: { nl: 'FTE per 100.000', en: 'FTE per 100,000' },
  extra: { nl: 'Extra FTE nodig', en: 'Extra FTE needed' },
});

export function GapReport(props: { gaps: Gap[]; norm: number; date: string }) {
  const { locale } = usePage();
  const t = gapText(locale);
  const total = props.gaps.reduce((s, g) => s + g.extraFte, 0);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <DateForm date={props.date} action="/beheer/netwerk/tekorten" />
      <Paragraph>
        {t.norm}: {formatNumber(props.norm, locale, 2)} {t.normUnit}. {t.summary(props.gaps.length, formatNumber(total, locale, 2))}
      </Paragraph>
      <Paragraph>
        <a class="utrecht-link" href={`/beheer/netwerk/tekorten.csv?datum=${props.date}`}>
          {t.csv}
        </a>
        {' · '}
        <a class="utrecht-link" href={`/beheer/netwerk/tekorten.xlsx?datum=${props.date}`}>
          {t.xlsx}
        </a>
      </Paragraph>
      <DataTable
        caption={t.caption(formatDate(props.date, locale))}
        rows={props.gaps}
        columns={[
          { header: t.municipality, cell: (g) => g.name },
          { header: t.status, cell: (g) => (g.status === 'remote' ? t.remote : t.belowNorm) },
          { header: t.inhabitants, cell: (g) => formatNumber(g.population, locale), numeric: true },
          { header: t.per100k, cell: (g) => formatNumber(g.ftePer100k, locale, 3), numeric: true },
          { header: t.extra, cell: (g) => formatNumber(g.extraFte, locale, 3), numeric: true },
        ]}
      />
    </>
  );
}
