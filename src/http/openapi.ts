// OpenAPI 3.1 document at /api/openapi.json and browsable docs at /api/docs (@fastify/swagger-ui).
// Every route under /api/v1 appears in the document (pages and the docs themselves do not); what
// every operation shares — operationId, security from the declared permission, the pipeline's
// problem+json errors, the server — is added once in openapi-document.ts, so modules still to come
// are covered. `npm run lint:openapi` lints the document (Spectral, .spectral.yaml) in CI.
// CSP: the docs page loads only external scripts and styles from /api/docs/static (no inline
// script), so the site's strict CSP applies there too. Swagger UI injects one inline <style>
// element; for /api/docs only (the hook lives in swagger-ui's own plugin scope) its sha256 hash is
// added to style-src — no 'unsafe-inline', nothing changes for the rest of the site. Checked with
// Chromium against @fastify/swagger-ui 6.1.3: without the hash only that one style is blocked (the
// page still works). The validator badge (an external image) is switched off.
const SWAGGER_UI_INLINE_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { documentServer, transformDocument, transformRoute } from './openapi-document.ts';

/** The programme as the API's contact: its site when it has a public address. */
function contactFor(serverUrl: string): { name: string; url?: string } {
  return serverUrl.startsWith('http')
    ? { name: 'Programma Gemeenten aan zet', url: `${serverUrl}/` }
    : { name: 'Programma Gemeenten aan zet' };
}

/** The HTML without the obsolete charset attribute of its <script> elements. */
function withoutScriptCharset(html: string): string {
  return html.replace(/(<script\b[^>]*?)\s+charset="[^"]*"/gi, '$1');
}

export async function registerOpenApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const server = documentServer(deps.config);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gemeenten aan zet — API',
        version: '1.0.0',
        description:
          'De API van het programma Gemeenten aan zet (aanpak mensenhandel): open gegevens over gemeenten op elke datum ' +
          'sinds 2019 en het netwerk van zorgcoördinatoren, en voor medewerkers met een persoonlijk token de gegevens van ' +
          'de programmaonderdelen. Elk onderdeel heeft een eigen tag. Fouten volgen RFC 9457 (application/problem+json). ' +
          'Een operatie met een 304 geeft een ETag; stuur die terug in If-None-Match voor een 304 zonder inhoud. ' +
          'Bron gemeenten: CBS/Kadaster via PDOK (grenzen, vereenvoudigd door cartomap/nl) en CBS (cijfers, CC BY 4.0).',
        license: { name: 'CC BY 4.0 (gegevens CBS)', url: 'https://creativecommons.org/licenses/by/4.0/' },
        contact: contactFor(server.url),
      },
      servers: [server],
      // Operations for staff name this scheme (`security: [{ bearerAuth: [] }]`): a personal API
      // token (gaz_…, made at /account/tokens), accepted on /api/v1 only. Public operations say
      // `security: []`; the root default is the token, so nothing is open by omission.
      security: [{ bearerAuth: [] }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'Persoonlijk API-token (gaz_…), te maken via /account/tokens.' },
        },
      },
      tags: deps.modules.openapiTags(),
    },
    // Untagged /api/v1 routes stay in the document (the linter names them); everything else is hidden by transformRoute.
    hideUntagged: false,
    transform: transformRoute,
    // Only the OpenAPI 3 branch is ever built here (the `openapi` option above).
    transformObject: (doc) => ('openapiObject' in doc ? (transformDocument(doc) as typeof doc.openapiObject) : doc.swaggerObject),
  });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return reply.type('application/json; charset=utf-8').send(app.swagger());
  });
  // Swagger UI's page writes charset="UTF-8" on its <script> elements, an attribute HTML made
  // obsolete (the W3C validator reports it; test/html-validity.test.ts): the page leaves without it.
  // An instance-level onSend runs before @fastify/compress's route-level one, so the page is still text.
  app.addHook('onSend', async (req, _reply, payload) =>
    typeof payload === 'string' && req.routeOptions.url?.startsWith('/api/docs') ? withoutScriptCharset(payload) : payload,
  );
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { validatorUrl: null, deepLinking: true },
    transformStaticCSP: (header: string) => header.replace("style-src 'self'", `style-src 'self' ${SWAGGER_UI_INLINE_STYLE}`),
  });
}
