// Zod schemas of the advice API: input validation in the handlers and, converted with
// z.toJSONSchema(), the OpenAPI documentation. Messages are Dutch first and name the parameter.
import { z } from 'zod';
import { isSupportedDate, MAX_DATE, MIN_DATE } from '../../http/route-kit.ts';
import { msg } from '../../http/validate.ts';

const dateParam = (name: string, description: string) => {
  const message = msg({
    nl: `Parameter ${name}: gebruik de vorm JJJJ-MM-DD tussen ${MIN_DATE} en ${MAX_DATE}, bijvoorbeeld 2019-10-31.`,
    en: `Parameter ${name}: use the form YYYY-MM-DD between ${MIN_DATE} and ${MAX_DATE}, for example 2019-10-31.`,
  });
  return z.string(message).refine(isSupportedDate, message).optional().describe(description);
};

export const periodQuery = z.object({
  from: dateParam('from', 'Eerste dag van de periode, JJJJ-MM-DD (standaard: een jaar vóór `to`).'),
  to: dateParam('to', 'Laatste dag van de periode, JJJJ-MM-DD (standaard: vandaag).'),
});

export const dateQuery = z.object({ date: dateParam('date', 'Peildatum JJJJ-MM-DD (standaard: vandaag).') });

const periodMeta = z.object({ from: z.string(), to: z.string(), threshold: z.number().int(), generatedAt: z.string() });
const group = z.object({ key: z.string(), name: z.string(), reached: z.number().int(), total: z.number().int() });

export const summaryResponse = z.object({
  data: z.object({
    interactions: z.number().int().describe('Interacties van de adviseurs in de periode.'),
    feedInteractions: z.number().int().describe('Interacties uit andere onderdelen (zoals evenementen), alleen-lezen.'),
    municipalitiesReached: z
      .number()
      .int()
      .describe('Gemeenten met ten minste één interactie (ook via hun regio of uit andere onderdelen).'),
    municipalitiesTotal: z.number().int().describe('Gemeenten op de laatste dag van de periode.'),
    intensiveContacts: z.number().int().describe('Gemeenten en regio’s met ten minste `threshold` interacties van de adviseurs.'),
    byType: z.array(z.object({ type: z.string(), advice: z.number().int(), feed: z.number().int() })),
    byProvince: z.array(group),
    bySizeClass: z.array(group),
  }),
  meta: periodMeta,
});

export const intensiveResponse = z.object({
  data: z.array(
    z.object({
      code: z.string().describe('CBS-gemeentecode, of de regiocode voor een regio op zichzelf.'),
      name: z.string().describe('Naam; een gemeente met haar regio als “Assen/Drenthe”.'),
      interactions: z.number().int(),
      kind: z.enum(['municipality', 'region', 'municipality-with-region']),
      regionCode: z.string().nullable(),
    }),
  ),
  meta: periodMeta.extend({ count: z.number().int() }),
});

export const policyResponse = z.object({
  data: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      blocks: z.array(
        z.object({
          block: z.string(),
          status: z.enum(['not-started', 'in-progress', 'in-place']).nullable().describe('null: nog niets vastgelegd.'),
          source: z.enum(['adviser', 'self', 'confirmed', 'corrected', 'network']).nullable(),
          effectiveDate: z.string().nullable(),
          blocksVersion: z.number().int().nullable(),
        }),
      ),
    }),
  ),
  meta: z.object({
    date: z.string(),
    blocksVersion: z.number().int(),
    blocks: z.array(z.object({ id: z.string(), theme: z.string(), level: z.enum(['basis', 'verdieping']), label: z.string() })),
    count: z.number().int(),
  }),
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
