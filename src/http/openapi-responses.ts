// The components every operation shares (src/http/openapi-document.ts adds them): the error
// handler's problem+json (src/http/error-handler.tsx, sendProblem) and the pipeline's standard
// answers, Dutch first like the rest of the document.
export type Json = Record<string, unknown>;

export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details. `detail` en `errors[].detail` in de gevraagde taal (?lang=nl|en, standaard Nederlands).',
  required: ['type', 'title', 'status', 'detail', 'code', 'instance'],
  properties: {
    type: { type: 'string', examples: ['about:blank'] },
    title: { type: 'string', description: 'Vaste foutcode, gelijk aan `code`.' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'Wat er misging en wat te doen.' },
    code: { type: 'string', examples: ['validation_failed', 'not_found', 'too_many_requests'] },
    instance: { type: 'string', description: 'Het pad van het verzoek.' },
    errors: {
      type: 'array',
      description: 'Per veld: wat er anders moet.',
      items: {
        type: 'object',
        required: ['field', 'detail'],
        properties: { field: { type: 'string' }, detail: { type: 'string' } },
      },
    },
  },
} as const;

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

const RATE_LIMIT_HEADERS = {
  RateLimit: {
    description: 'Wat er over is in dit venster, bijvoorbeeld `"api";r=0;t=42` (IETF draft RateLimit header fields).',
    schema: { type: 'string' },
  },
  'RateLimit-Policy': {
    description: 'Het quotum en het venster in seconden, bijvoorbeeld `"api";q=600;w=60`.',
    schema: { type: 'string' },
  },
  'Retry-After': { description: 'Seconden tot een nieuw verzoek weer wordt aangenomen.', schema: { type: 'integer' } },
};

const problem = (description: string, extra: Json = {}) => ({ description, ...extra, content: problemContent });

/** By status code: the component's name and the response. */
export const STANDARD_RESPONSES: Record<string, { name: string; response: Json }> = {
  '304': {
    name: 'NotModified',
    response: { description: 'Niet gewijzigd: de ETag van If-None-Match is nog actueel (geen inhoud).' },
  },
  '400': { name: 'BadRequest', response: problem('Ongeldige invoer; `errors` noemt het veld.') },
  '401': { name: 'Unauthorized', response: problem('Geen geldig persoonlijk API-token (of geheim) meegestuurd.') },
  '403': {
    name: 'Forbidden',
    response: problem('Het account van het token (of de sessie) heeft dit recht niet, of heeft geen tweestapsverificatie.'),
  },
  '404': { name: 'NotFound', response: problem('Bestaat niet (of is niet openbaar).') },
  '413': { name: 'PayloadTooLarge', response: problem('De invoer is te groot.') },
  '415': { name: 'UnsupportedMediaType', response: problem('Dit soort invoer wordt niet ondersteund (Content-Type).') },
  '429': {
    name: 'TooManyRequests',
    response: problem('Te veel verzoeken vanaf dit adres; wacht het aantal seconden van Retry-After.', { headers: RATE_LIMIT_HEADERS }),
  },
};
