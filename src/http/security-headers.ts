// Security headers (CSP, HSTS, nosniff, Referrer-Policy, …) computed once at start-up with helmet's
// own rules, then set on every response. @fastify/helmet rebuilds helmet's middleware on every
// request, which halved the throughput of a small JSON route; see docs/adr/0006-security-headers-once.md.
//
// Two sets: one for pages (HTML), and a shorter one for the JSON/CSV/GeoJSON API under /api/v1/,
// following OWASP's REST Security Cheat Sheet: a CSP that allows nothing, no framing, nosniff, HSTS.
// Headers that only mean something for documents (COOP, Origin-Agent-Cluster, Referrer-Policy) or only
// for old browsers (X-XSS-Protection, X-Download-Options, X-DNS-Prefetch-Control,
// X-Permitted-Cross-Domain-Policies) are left out there. Public API routes are open data: any site may
// read them from a browser (CORS `*`, no credentials) and embed them (CORP cross-origin).
import helmet, { type HelmetOptions } from 'helmet';

export function computeSecurityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const fakeResponse = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(options)({} as never, fakeResponse as never, (err?: unknown) => {
    failure = err;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
}

export interface SecurityHeaderSets {
  page: Record<string, string>;
  api: Record<string, string>;
  publicApi: Record<string, string>;
}

export function securityHeaderSets(options: { https: boolean }): SecurityHeaderSets {
  const hsts = options.https ? { maxAge: 31536000, includeSubDomains: true } : false;
  const page = computeSecurityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: hsts,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  const api = computeSecurityHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    strictTransportSecurity: hsts,
    xContentTypeOptions: true,
    xFrameOptions: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  const publicApi = { ...api, 'cross-origin-resource-policy': 'cross-origin', 'access-control-allow-origin': '*' };
  return { page, api, publicApi };
}
