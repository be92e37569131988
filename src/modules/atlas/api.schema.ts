// Zod schemas of the open-data API: input validation (in the handlers) and, converted with
// z.toJSONSchema(), the OpenAPI documentation. Messages are Dutch first and name the parameter.
import { z } from 'zod';
import { MAX_DATE, MIN_DATE, optionalDateField } from '../../http/route-kit.ts';
import { msg } from '../../http/validate.ts';

/** The one date rule of the platform (src/http/route-kit.ts); empty or absent means today. */
export const dateParam = optionalDateField.describe(`Peildatum JJJJ-MM-DD, ${MIN_DATE} t/m ${MAX_DATE} (standaard: vandaag).`);

export const formatParam = z
  .enum(['json', 'csv'], msg({ nl: 'Parameter format: kies json of csv.', en: 'Parameter format: choose json or csv.' }))
  .optional()
  .describe('json (standaard) of csv; ook via het achtervoegsel .csv.');

export const regionTypeParam = z
  .enum(
    ['province', 'safety-region', 'ggd-region'],
    msg({
      nl: 'Parameter type: kies province, safety-region of ggd-region.',
      en: 'Parameter type: choose province, safety-region or ggd-region.',
    }),
  )
  .optional()
  .describe('province, safety-region of ggd-region (standaard: alle).');

export const municipalityCodeParam = z
  .string()
  .regex(
    /^GM\d{4}$/,
    msg({
      nl: 'Parameter code: gebruik een CBS-gemeentecode zoals GM0363.',
      en: 'Parameter code: use a CBS municipality code such as GM0363.',
    }),
  )
  .describe('CBS-gemeentecode, bijvoorbeeld GM0363.');

export const regionCodeParam = z
  .string()
  .regex(
    /^(PV\d{2}|VR\d{2}|GG\d{4})$/,
    msg({
      nl: 'Parameter code: gebruik een regiocode zoals PV27 (provincie), VR13 (veiligheidsregio) of GG3406 (GGD-regio).',
      en: 'Parameter code: use a region code such as PV27 (province), VR13 (safety region) or GG3406 (GGD region).',
    }),
  )
  .describe('Regiocode: PVxx, VRxx of GGxxxx.');

export const listQuery = z.object({ date: dateParam, format: formatParam });
export const regionListQuery = z.object({ date: dateParam, format: formatParam, type: regionTypeParam });
export const geojsonQuery = z.object({ date: dateParam });
export const municipalityParams = z.object({ code: municipalityCodeParam });
export const regionParams = z.object({ code: regionCodeParam });

// --- response shapes (documentation only) ---
const population = z.object({ value: z.number().int(), referenceDate: z.string() }).nullable();
const province = z.object({ code: z.string(), name: z.string() });
export const meta = z.object({
  date: z.string(),
  count: z.number().int().optional(),
  dataVersion: z.string(),
  attribution: z.string(),
  source: z.string(),
});
export const municipalityItem = z.object({ code: z.string(), name: z.string(), province, population });
const link = z.object({ code: z.string(), name: z.string(), effectiveDate: z.string(), share: z.number() });
const region = z.object({ code: z.string(), name: z.string(), type: z.enum(['province', 'safety-region', 'ggd-region', 'custom']) });
export const municipalityListResponse = z.object({ data: z.array(municipalityItem), meta });
export const municipalityDetailResponse = z.object({
  data: municipalityItem.extend({
    validFrom: z.string().nullable().describe('Inclusief; null = bestond al vóór 2019-01-01 (begin van de gegevens).'),
    validTo: z.string().nullable().describe('Exclusief: de eerste dag dat de gemeente niet meer bestaat; null = bestaat nog.'),
    formerNames: z.array(z.object({ name: z.string(), validTo: z.string().nullable() })),
    predecessors: z.array(link),
    successors: z.array(link),
    regions: z.array(region),
  }),
  meta,
});
export const regionListResponse = z.object({
  data: z.array(region),
  meta: meta.extend({
    type: z.enum(['province', 'safety-region', 'ggd-region']).nullable().describe('Het gevraagde type, of null (alle).'),
  }),
});
export const regionDetailResponse = z.object({
  data: region.extend({ municipalities: z.array(z.object({ code: z.string(), name: z.string() })) }),
  meta,
});
export const problem = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), detail: z.string() })).optional(),
});

/** JSON Schema for OpenAPI 3.1 (draft 2020-12), without the $schema key. */
export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return rest;
}
