// The dashboard's downloads: interactions per municipality as CSV, and every table as an Excel file.
import ExcelJS from 'exceljs';
import { currentBlocks } from './blocks.ts';
import { SIZE_CLASSES } from './engagement.logic.ts';
import type { Engagement } from './engagement.service.ts';
import type { BlockTally } from './policy.logic.ts';

function cell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  // Quote when needed; a leading =, +, - or @ is neutralised so spreadsheets never run it as a formula.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const sizeLabel = (key: string) => SIZE_CLASSES.find((s) => s.key === key)?.label.nl ?? 'onbekend';

/** One line per reached municipality: code, name, province, size class, advice and feed interactions. */
export function engagementCsv(e: Engagement): string {
  const lines = ['code,gemeente,provincie,grootteklasse,interacties_advies,interacties_andere_onderdelen,intensief_contact'];
  const intensive = new Set(e.intensive.filter((p) => p.kind !== 'region').map((p) => p.code));
  for (const m of e.perMunicipality) {
    lines.push(
      [m.code, m.name, m.provinceName, sizeLabel(m.sizeClass), m.advice, m.feed, intensive.has(m.code) ? 'ja' : 'nee'].map(cell).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

interface Sheet {
  name: string;
  columns: { header: string; key: string; width: number }[];
  rows: Record<string, string | number>[];
}

const col = (header: string, key: string, width: number) => ({ header, key, width });

function engagementSheets(e: Engagement): Sheet[] {
  const summary: [string, string | number][] = [
    ['Van', e.from],
    ['Tot en met', e.to],
    ['Interacties van de adviseurs', e.totals.interactions],
    ['Interacties uit andere onderdelen', e.totals.feedInteractions],
    ['Gemeenten bereikt', e.totals.reached],
    ['Gemeenten totaal', e.totals.municipalities],
    [`Intensieve contacten (${e.threshold} of meer)`, e.intensive.length],
  ];
  const groups = [col('Groep', 'label', 30), col('Bereikt', 'reached', 10), col('Totaal', 'total', 10)];
  return [
    { name: 'Samenvatting', columns: [col('Gegeven', 'k', 40), col('Waarde', 'v', 20)], rows: summary.map(([k, v]) => ({ k, v })) },
    {
      name: 'Intensieve contacten',
      columns: [col('Code', 'code', 10), col('Gemeente of regio', 'name', 36), col('Interacties', 'n', 12)],
      rows: e.intensive.map((p) => ({ code: p.code, name: p.name, n: p.interactions })),
    },
    {
      name: 'Per gemeente',
      columns: [
        col('Code', 'code', 10),
        col('Gemeente', 'name', 30),
        col('Provincie', 'province', 18),
        col('Grootteklasse', 'size', 22),
        col('Advies', 'advice', 10),
        col('Andere onderdelen', 'feed', 18),
      ],
      rows: e.perMunicipality.map((m) => ({
        code: m.code,
        name: m.name,
        province: m.provinceName,
        size: sizeLabel(m.sizeClass),
        advice: m.advice,
        feed: m.feed,
      })),
    },
    {
      name: 'Per soort',
      columns: [col('Soort', 'type', 24), col('Advies', 'advice', 10), col('Andere onderdelen', 'feed', 18)],
      rows: e.perType,
    },
    { name: 'Per provincie', columns: groups, rows: e.provinces.map((g) => ({ label: g.label.nl, reached: g.reached, total: g.total })) },
    {
      name: 'Per grootteklasse',
      columns: groups,
      rows: e.sizeClasses.map((g) => ({ label: sizeLabel(g.key), reached: g.reached, total: g.total })),
    },
  ];
}

function policySheet(tallies: BlockTally[], policyDate: string): Sheet {
  const blocks = new Map(currentBlocks().blocks.map((b) => [b.id, b.label.nl]));
  return {
    name: `Beleid ${policyDate}`,
    columns: [
      col('Bouwsteen', 'block', 60),
      col('Op orde', 'inPlace', 10),
      col('In ontwikkeling', 'progress', 16),
      col('Niet gestart', 'none', 12),
      col('Onbekend', 'unknown', 10),
    ],
    rows: tallies.map((x) => ({
      block: blocks.get(x.blockId) ?? x.blockId,
      inPlace: x['in-place'],
      progress: x['in-progress'],
      none: x['not-started'],
      unknown: x.unknown,
    })),
  };
}

/** Every dashboard table as a sheet. */
export async function engagementXlsx(e: Engagement, tallies: BlockTally[], policyDate: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gemeenten aan zet';
  for (const sheet of [...engagementSheets(e), policySheet(tallies, policyDate)]) {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.columns;
    ws.getRow(1).font = { bold: true };
    for (const r of sheet.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
