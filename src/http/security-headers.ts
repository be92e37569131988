// Security headers (CSP, HSTS, nosniff, Referrer-Policy, …) computed once at start-up with helmet's
// own rules, then set on every response. @fastify/helmet rebuilds helmet's middleware on every
// request, which halved the throughput of a small JSON route; see docs/adr/0006-security-headers-once.md.
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
