// The gap report as files: CSV (RFC 4180, comma-separated, Dutch header) and Excel.
import ExcelJS from 'exceljs';
import type { Gap } from './network.logic.ts';

export function gapCsv(gaps: Gap[]): string {
  const esc = (v: string | number) => (typeof v === 'number' ? String(v) : /[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['code,gemeente,status,inwoners,fte,fte_per_100000,extra_fte_nodig'];
  for (const g of gaps) lines.push([g.code, g.name, g.status, g.population, g.fte, g.ftePer100k, g.extraFte].map(esc).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export async function gapXlsx(gaps: Gap[], norm: number, date: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tekorten');
  ws.columns = [
    { header: 'Code', key: 'code', width: 10 },
    { header: 'Gemeente', key: 'name', width: 30 },
    { header: 'Status', key: 'status', width: 12 },
    { header: 'Inwoners', key: 'population', width: 12 },
    { header: 'FTE', key: 'fte', width: 8 },
    { header: 'FTE per 100.000', key: 'ftePer100k', width: 16 },
    { header: 'Extra FTE nodig', key: 'extraFte', width: 16 },
  ];
  for (const g of gaps) ws.addRow(g);
  ws.addRow([]);
  ws.addRow([`Datum ${date}; norm ${norm} FTE per 100.000 inwoners`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
