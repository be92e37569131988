// Response shapes of the network's open-data API (JSON Schema 2020-12, for the OpenAPI document and
// the contract test test/openapi-responses.test.ts); the presenters (presenters.ts) make them.
import { allRequired, DATE, NULLABLE_DATE, polygonFeatureCollection } from '../../http/openapi-schemas.ts';
import { ORGANISATION_TYPES } from './tables.ts';

const count = { type: 'integer', minimum: 0 } as const;
const status = { type: 'string', enum: ['covered', 'remote'], description: 'covered: heeft een zorgcoördinator; remote: niet.' } as const;
const capacity = {
  type: 'string',
  enum: ['adequate', 'insufficient', 'none'],
  description: 'Capaciteit tegen de norm: adequate (voldoende), insufficient (te weinig), none (geen zorgcoördinator).',
} as const;
const ftePer100k = { type: 'number', minimum: 0, description: 'FTE per 100.000 inwoners (0 zonder zorgcoördinator).' } as const;
const nullableString = { type: ['string', 'null'] } as const;

export const summarySchema = allRequired(
  {
    date: DATE,
    coordinators: count,
    municipalitiesCovered: count,
    municipalitiesTotal: count,
    populationCovered: count,
    populationTotal: count,
    populationShare: { type: 'number', minimum: 0, maximum: 1, description: 'Aandeel gedekte inwoners (0–1).' },
    municipalitiesInsufficient: count,
    closed: { type: 'boolean', description: 'true: elke gemeente heeft een zorgcoördinator.' },
  },
  'Kerncijfers van het netwerk op de datum.',
);

const coverageRow = allRequired({
  code: { type: 'string', pattern: '^GM\\d{4}$' },
  name: { type: 'string' },
  status,
  capacity,
  ftePer100k,
  fte: { type: 'number', minimum: 0 },
  population: count,
  populationReferenceDate: NULLABLE_DATE,
  coordinators: {
    type: 'array',
    items: allRequired({ id: { type: 'integer' }, name: { type: 'string' }, organisation: nullableString }),
  },
});

export const coverageSchema = allRequired({
  data: { type: 'array', items: coverageRow },
  meta: allRequired({ date: DATE, norm: { type: 'number', minimum: 0 }, normUnit: { type: 'string' }, count }),
});

const publicCoordinator = allRequired({
  id: { type: 'integer' },
  name: { type: 'string' },
  organisation: {
    oneOf: [
      allRequired({ name: { type: 'string' }, type: { type: 'string', enum: [...ORGANISATION_TYPES] }, website: nullableString }),
      { type: 'null' },
    ],
  },
  phone: nullableString,
  email: nullableString,
  webPage: nullableString,
  fte: { type: 'number', minimum: 0 },
  activeFrom: DATE,
  activeTo: { ...NULLABLE_DATE, description: 'Exclusief: de eerste dag niet meer actief; null = zonder einddatum.' },
  municipalities: { type: 'array', items: { type: 'string', pattern: '^GM\\d{4}$' } },
  population: count,
  ftePer100k,
});

export const coordinatorsSchema = allRequired({
  data: { type: 'array', items: publicCoordinator },
  meta: allRequired({ date: DATE, count }),
});

export const coverageGeoJsonSchema = polygonFeatureCollection(
  allRequired({ code: { type: 'string' }, name: { type: 'string' }, status, capacity, ftePer100k, coordinators: count }),
  allRequired({
    date: DATE,
    norm: { type: 'number', minimum: 0 },
    boundaries: { type: ['integer', 'null'], description: 'Het jaar van de gemeentegrenzen.' },
  }),
);

export const timelineSchema = allRequired({
  data: {
    type: 'array',
    items: allRequired({
      month: { type: 'string', pattern: '^\\d{4}-\\d{2}$', examples: ['2019-09'] },
      date: { ...DATE, description: 'De laatste dag van de maand (of de einddatum).' },
      coordinators: count,
      municipalitiesCovered: count,
      municipalitiesTotal: count,
      populationCovered: count,
    }),
  },
  meta: allRequired({ from: DATE, to: DATE }),
});

export const searchSchema = allRequired({
  data: {
    type: 'array',
    maxItems: 10,
    items: allRequired({
      code: { type: 'string' },
      name: { type: 'string' },
      formerName: { ...nullableString, description: 'De vroegere naam die overeenkwam, anders null.' },
    }),
  },
});
