// The API's view models: which fields leave the server, for JSON and CSV.
import type { Municipality, MunicipalityDetail, Region, RegionDetail } from './types.ts';

export function presentMunicipality(m: Municipality) {
  return {
    code: m.code,
    name: m.name,
    province: { code: m.provinceCode, name: m.provinceName },
    population: m.population === null ? null : { value: m.population, referenceDate: m.populationRefDate },
  };
}

export function presentMunicipalityDetail(m: MunicipalityDetail) {
  return {
    ...presentMunicipality(m),
    validFrom: m.validFrom,
    validTo: m.validTo,
    formerNames: m.formerNames.map((n) => ({ name: n.name, validTo: n.validTo })),
    predecessors: m.predecessors.map((p) => ({ code: p.code, name: p.name, effectiveDate: p.effectiveDate, share: p.share })),
    successors: m.successors.map((p) => ({ code: p.code, name: p.name, effectiveDate: p.effectiveDate, share: p.share })),
    regions: m.regions.map(presentRegion),
  };
}

export function presentRegion(r: Region) {
  return { code: r.code, name: r.name, type: r.type };
}

export function presentRegionDetail(r: RegionDetail) {
  return { ...presentRegion(r), municipalities: r.members.map((m) => ({ code: m.code, name: m.name })) };
}

// --- CSV (RFC 4180, UTF-8, header line) ---------------------------------------------------------

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading =, +, - or @ would make a spreadsheet evaluate the cell: prefix a quote.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function municipalitiesCsv(list: Municipality[]): string {
  return toCsv(
    ['code', 'name', 'province_code', 'province_name', 'population', 'population_reference_date'],
    list.map((m) => [m.code, m.name, m.provinceCode, m.provinceName, m.population, m.populationRefDate]),
  );
}

export function municipalityDetailCsv(m: MunicipalityDetail): string {
  return toCsv(
    [
      'code',
      'name',
      'province_code',
      'province_name',
      'population',
      'population_reference_date',
      'valid_from',
      'valid_to',
      'predecessors',
      'successors',
      'regions',
    ],
    [
      [
        m.code,
        m.name,
        m.provinceCode,
        m.provinceName,
        m.population,
        m.populationRefDate,
        m.validFrom,
        m.validTo,
        m.predecessors.map((p) => p.code).join(' '),
        m.successors.map((p) => p.code).join(' '),
        m.regions.map((r) => r.code).join(' '),
      ],
    ],
  );
}

export function regionsCsv(list: Region[]): string {
  return toCsv(
    ['code', 'name', 'type'],
    list.map((r) => [r.code, r.name, r.type]),
  );
}

export function regionDetailCsv(r: RegionDetail): string {
  return toCsv(
    ['region_code', 'region_name', 'region_type', 'code', 'name'],
    r.members.map((m) => [r.code, r.name, r.type, m.code, m.name]),
  );
}
