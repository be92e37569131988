// Tables of the programme dashboard and the activity report: intensive contacts, reach per province
// and size class, interactions per type and per municipality, policy status per block.
import { defineMessages, formatNumber } from '../../../i18n.ts';
import { DataTable } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { currentBlocks } from '../blocks.ts';
import { SIZE_CLASSES } from '../engagement.logic.ts';
import type { Engagement } from '../engagement.service.ts';
import type { BlockTally } from '../policy.logic.ts';
import { common, STATUS_LABELS, typeLabel } from './labels.ts';

const m = defineMessages({
  intensive: (n: number) => ({
    nl: `Intensieve contacten (${n} of meer interacties)`,
    en: `Intensive contacts (${n} or more interactions)`,
  }),
  party: { nl: 'Gemeente of regio', en: 'Municipality or region' },
  count: { nl: 'Interacties', en: 'Interactions' },
  none: { nl: 'Geen intensieve contacten in deze periode.', en: 'No intensive contacts in this period.' },
  byProvince: { nl: 'Bereikte gemeenten per provincie', en: 'Municipalities reached per province' },
  bySize: { nl: 'Bereikte gemeenten per grootteklasse (CBS)', en: 'Municipalities reached per size class (CBS)' },
  province: { nl: 'Provincie', en: 'Province' },
  size: { nl: 'Grootteklasse', en: 'Size class' },
  reached: { nl: 'Bereikt', en: 'Reached' },
  total: { nl: 'Totaal', en: 'Total' },
  share: { nl: 'Aandeel', en: 'Share' },
  byType: { nl: 'Interacties per soort', en: 'Interactions per type' },
  advice: { nl: 'Advieswerk', en: 'Advice work' },
  feed: { nl: 'Andere onderdelen', en: 'Other parts' },
  perMunicipality: { nl: 'Interacties per gemeente', en: 'Interactions per municipality' },
  policy: (date: string) => ({
    nl: `Beleidsstatus per bouwsteen op ${date} (aantal gemeenten)`,
    en: `Policy status per building block on ${date} (number of municipalities)`,
  }),
  block: { nl: 'Bouwsteen', en: 'Building block' },
  unknown: { nl: 'Onbekend', en: 'Unknown' },
});

function pct(n: number, d: number, locale: 'nl' | 'en') {
  return d === 0 ? '—' : `${formatNumber(Math.round((n / d) * 100), locale)}%`;
}

export function IntensiveTable(p: { e: Engagement }) {
  const { locale } = usePage();
  const t = m(locale);
  if (p.e.intensive.length === 0) return <p class="utrecht-paragraph">{t.none}</p>;
  return (
    <DataTable
      caption={t.intensive(p.e.threshold)}
      rows={p.e.intensive}
      columns={[
        {
          header: t.party,
          cell: (x) =>
            x.kind === 'region' ? (
              x.name
            ) : (
              <a class="utrecht-link" href={`/beheer/advies/gemeente/${x.code}`}>
                {x.name}
              </a>
            ),
        },
        { header: t.count, cell: (x) => formatNumber(x.interactions, locale), numeric: true },
      ]}
    />
  );
}

export function ReachTables(p: { e: Engagement }) {
  const { locale } = usePage();
  const t = m(locale);
  const sizeLabel = (key: string) => SIZE_CLASSES.find((s) => s.key === key)?.label[locale] ?? t.unknown;
  const cols = (first: string, label: (key: string, l: { nl: string; en: string }) => string) => [
    { header: first, cell: (g: Engagement['provinces'][number]) => label(g.key, g.label) },
    { header: t.reached, cell: (g: Engagement['provinces'][number]) => formatNumber(g.reached, locale), numeric: true },
    { header: t.total, cell: (g: Engagement['provinces'][number]) => formatNumber(g.total, locale), numeric: true },
    { header: t.share, cell: (g: Engagement['provinces'][number]) => pct(g.reached, g.total, locale), numeric: true },
  ];
  return (
    <div class="gaz-advice-columns">
      <DataTable caption={t.byProvince} rows={p.e.provinces} columns={cols(t.province, (_k, l) => l[locale])} />
      <DataTable caption={t.bySize} rows={p.e.sizeClasses} columns={cols(t.size, (k) => sizeLabel(k))} />
    </div>
  );
}

export function TypeTable(p: { e: Engagement }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  return (
    <DataTable
      caption={t.byType}
      rows={p.e.perType}
      columns={[
        { header: c.type, cell: (x) => typeLabel(x.type, locale) },
        { header: t.advice, cell: (x) => formatNumber(x.advice, locale), numeric: true },
        { header: t.feed, cell: (x) => formatNumber(x.feed, locale), numeric: true },
      ]}
    />
  );
}

export function MunicipalityTable(p: { e: Engagement; limit?: number }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  const rows = p.limit ? p.e.perMunicipality.slice(0, p.limit) : p.e.perMunicipality;
  return (
    <DataTable
      caption={t.perMunicipality}
      rows={rows}
      columns={[
        {
          header: c.municipality,
          cell: (x) => (
            <a class="utrecht-link" href={`/beheer/advies/gemeente/${x.code}`}>
              {x.name}
            </a>
          ),
        },
        { header: t.province, cell: (x) => x.provinceName },
        { header: t.advice, cell: (x) => formatNumber(x.advice, locale), numeric: true },
        { header: t.feed, cell: (x) => formatNumber(x.feed, locale), numeric: true },
      ]}
    />
  );
}

export function PolicyTable(p: { tallies: BlockTally[]; dateLabel: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const blocks = new Map(currentBlocks().blocks.map((b) => [b.id, b]));
  return (
    <DataTable
      caption={t.policy(p.dateLabel)}
      rows={p.tallies}
      columns={[
        { header: t.block, cell: (x) => blocks.get(x.blockId)?.label[locale] ?? x.blockId },
        { header: STATUS_LABELS['in-place'][locale], cell: (x) => formatNumber(x['in-place'], locale), numeric: true },
        { header: STATUS_LABELS['in-progress'][locale], cell: (x) => formatNumber(x['in-progress'], locale), numeric: true },
        { header: STATUS_LABELS['not-started'][locale], cell: (x) => formatNumber(x['not-started'], locale), numeric: true },
        { header: t.unknown, cell: (x) => formatNumber(x.unknown, locale), numeric: true },
      ]}
    />
  );
}
