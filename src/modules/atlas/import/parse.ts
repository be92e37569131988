// Parses and validates the seven reference files. Anything wrong raises a ReferenceDataError that
// names the file, the row (1 = the header line) and the problem.
import { isSupportedDate } from '../../../http/route-kit.ts';
import { ReferenceDataError } from './errors.ts';
import type { LoadedFiles, ReferenceFile } from './source.ts';
import { type ParsedTopology, parseTopology } from './topology.ts';

export type { ParsedTopology } from './topology.ts';

export interface CsvMunicipality {
  code: string;
  name: string;
  province: string;
  exists2019: boolean;
  exists2025: boolean;
  population2019: number | null;
  population2019RefDate: string | null;
  population2025: number | null;
  population2025RefDate: string | null;
}

export interface CsvMerger {
  row: number;
  effectiveDate: string;
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
}

export interface ParsedReference {
  municipalities: CsvMunicipality[];
  mergers: CsvMerger[];
  gemeente2019: ParsedTopology;
  gemeente2025: ParsedTopology;
  provinces: ParsedTopology;
  safetyRegions: ParsedTopology;
  ggdRegions: ParsedTopology;
}

const GM = /^GM\d{4}$/;

/** A small RFC 4180 parser (quoted fields, "" escapes); returns rows of cells with their line numbers. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

function table(file: ReferenceFile, text: string, required: string[]) {
  const rows = parseCsv(text);
  if (rows.length === 0) throw new ReferenceDataError(file, 1, 'the file is empty (expected a header line).');
  const header = rows[0].cells.map((h) => h.trim());
  for (const col of required) {
    if (!header.includes(col)) throw new ReferenceDataError(file, 1, `column "${col}" is missing from the header (${header.join(',')}).`);
  }
  const index = Object.fromEntries(header.map((h, i) => [h, i]));
  return rows.slice(1).map((r) => {
    if (r.cells.length !== header.length) {
      throw new ReferenceDataError(file, r.line, `has ${r.cells.length} fields, the header has ${header.length}.`);
    }
    const get = (col: string) => (r.cells[index[col]] ?? '').trim();
    return { line: r.line, get };
  });
}

function flag(file: ReferenceFile, line: number, col: string, v: string): boolean {
  if (v === '1') return true;
  if (v === '0') return false;
  throw new ReferenceDataError(file, line, `${col} must be 0 or 1, got "${v}".`);
}

function count(file: ReferenceFile, line: number, col: string, v: string): number | null {
  if (v === '') return null;
  if (!/^\d+$/.test(v)) throw new ReferenceDataError(file, line, `${col} must be a whole number, got "${v}".`);
  return Number(v);
}

function date(file: ReferenceFile, line: number, col: string, v: string, optional = false): string | null {
  if (v === '' && optional) return null;
  if (!isSupportedDate(v)) throw new ReferenceDataError(file, line, `${col} must be a date YYYY-MM-DD, got "${v}".`);
  return v;
}

export function parseMunicipalities(text: string): CsvMunicipality[] {
  const file = 'gemeenten.csv';
  const cols = [
    'code',
    'name',
    'province',
    'exists_2019',
    'exists_2025',
    'population_2019',
    'population_2025',
    'population_2025_refdate',
    'population_2019_refdate',
  ];
  const seen = new Set<string>();
  return table(file, text, cols).map(({ line, get }) => {
    const code = get('code');
    if (!GM.test(code))
      throw new ReferenceDataError(file, line, `code "${code}" is not a CBS municipality code (GM followed by four digits).`);
    if (seen.has(code)) throw new ReferenceDataError(file, line, `code ${code} appears twice.`);
    seen.add(code);
    const name = get('name');
    if (!name) throw new ReferenceDataError(file, line, `name is empty for ${code}.`);
    if (!get('province')) throw new ReferenceDataError(file, line, `province is empty for ${code}.`);
    const m: CsvMunicipality = {
      code,
      name,
      province: get('province'),
      exists2019: flag(file, line, 'exists_2019', get('exists_2019')),
      exists2025: flag(file, line, 'exists_2025', get('exists_2025')),
      population2019: count(file, line, 'population_2019', get('population_2019')),
      population2019RefDate: date(file, line, 'population_2019_refdate', get('population_2019_refdate'), true),
      population2025: count(file, line, 'population_2025', get('population_2025')),
      population2025RefDate: date(file, line, 'population_2025_refdate', get('population_2025_refdate'), true),
    };
    if (!m.exists2019 && !m.exists2025) throw new ReferenceDataError(file, line, `${code} exists in neither 2019 nor 2025.`);
    if (m.exists2019 && m.population2019 === null)
      throw new ReferenceDataError(file, line, `population_2019 is empty for ${code}, which existed in 2019.`);
    if (m.exists2025 && m.population2025 === null)
      throw new ReferenceDataError(file, line, `population_2025 is empty for ${code}, which exists in 2025.`);
    if (m.population2019 !== null && !m.population2019RefDate)
      throw new ReferenceDataError(file, line, `population_2019_refdate is empty for ${code}.`);
    if (m.population2025 !== null && !m.population2025RefDate)
      throw new ReferenceDataError(file, line, `population_2025_refdate is empty for ${code}.`);
    return m;
  });
}

export function parseMergers(text: string, municipalities: CsvMunicipality[]): CsvMerger[] {
  const file = 'herindelingen_2019_2025.csv';
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const rows = table(file, text, ['effective_date', 'old_code', 'old_name', 'new_code', 'new_name']).map(({ line, get }) => {
    const r: CsvMerger = {
      row: line,
      effectiveDate: date(file, line, 'effective_date', get('effective_date'))!,
      oldCode: get('old_code'),
      oldName: get('old_name'),
      newCode: get('new_code'),
      newName: get('new_name'),
    };
    for (const [col, code] of [
      ['old_code', r.oldCode],
      ['new_code', r.newCode],
    ] as const) {
      if (!GM.test(code))
        throw new ReferenceDataError(file, line, `${col} "${code}" is not a CBS municipality code (GM followed by four digits).`);
      if (!byCode.has(code)) throw new ReferenceDataError(file, line, `${col} ${code} is not in gemeenten.csv.`);
    }
    const old = byCode.get(r.oldCode)!;
    if (!old.exists2019) throw new ReferenceDataError(file, line, `old_code ${r.oldCode} did not exist in 2019.`);
    if (old.exists2025)
      throw new ReferenceDataError(file, line, `old_code ${r.oldCode} still exists in 2025, so it cannot have been merged away.`);
    if (!byCode.get(r.newCode)!.exists2025) throw new ReferenceDataError(file, line, `new_code ${r.newCode} does not exist in 2025.`);
    if (r.effectiveDate <= '2019-01-01' || r.effectiveDate > '2025-01-01') {
      throw new ReferenceDataError(file, line, `effective_date ${r.effectiveDate} lies outside 2019-01-02…2025-01-01.`);
    }
    return r;
  });
  // Every dissolved code must have a successor, every new code predecessors.
  for (const m of municipalities) {
    if (m.exists2019 && !m.exists2025 && !rows.some((r) => r.oldCode === m.code)) {
      throw new ReferenceDataError(file, null, `${m.code} ${m.name} disappears between 2019 and 2025 but has no merger row.`);
    }
    if (!m.exists2019 && m.exists2025 && !rows.some((r) => r.newCode === m.code)) {
      throw new ReferenceDataError(file, null, `${m.code} ${m.name} is new in 2025 but no merger row creates it.`);
    }
  }
  for (const r of rows) {
    const other = rows.find((x) => x.oldCode === r.oldCode && x.effectiveDate !== r.effectiveDate);
    if (other) throw new ReferenceDataError(file, r.row, `${r.oldCode} ends on two dates (${r.effectiveDate}, ${other.effectiveDate}).`);
  }
  return rows;
}

export function parseReference(loaded: LoadedFiles): ParsedReference {
  const municipalities = parseMunicipalities(loaded.files['gemeenten.csv'].toString('utf8'));
  const mergers = parseMergers(loaded.files['herindelingen_2019_2025.csv'].toString('utf8'), municipalities);
  const ids2019 = new Set(municipalities.filter((m) => m.exists2019).map((m) => m.code));
  const ids2025 = new Set(municipalities.filter((m) => m.exists2025).map((m) => m.code));
  const provinces = parseTopology('provincie_2025.topojson', loaded.files['provincie_2025.topojson'], /^PV\d{2}$/);
  const provinceNames = new Set(provinces.features.map((f) => f.name));
  municipalities.forEach((m, i) => {
    if (!provinceNames.has(m.province)) {
      throw new ReferenceDataError('gemeenten.csv', i + 2, `province "${m.province}" is not a province in provincie_2025.topojson.`);
    }
  });
  return {
    municipalities,
    mergers,
    gemeente2019: parseTopology('gemeente_2019.topojson', loaded.files['gemeente_2019.topojson'], /^GM\d{4}$/, ids2019),
    gemeente2025: parseTopology('gemeente_2025.topojson', loaded.files['gemeente_2025.topojson'], /^GM\d{4}$/, ids2025),
    provinces,
    safetyRegions: parseTopology('veiligheidsregio_2025.topojson', loaded.files['veiligheidsregio_2025.topojson'], /^VR\d{2}$/),
    ggdRegions: parseTopology('ggdregio_2025.topojson', loaded.files['ggdregio_2025.topojson'], /^GG\d{4}$/),
  };
}
