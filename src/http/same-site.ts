// Defence in depth beside the CSRF token: a state-changing request a browser sends from another
// site is refused with a clear 403, even when its token is somehow valid. Browsers say where a
// request comes from in `Sec-Fetch-Site` (Fetch Metadata) and, for POSTs, in `Origin`:
// - Sec-Fetch-Site `same-origin` or `none` (typed or bookmarked by the user) passes; `same-site`
//   (a sibling subdomain) and `cross-site` are refused;
// - without Sec-Fetch-Site (older browsers), an Origin must be this site: PUBLIC_BASE_URL's origin
//   or the address the request was sent to; `Origin: null` (sandboxed or privacy-stripped) is refused;
// - with neither header (curl, scripts, tests) the request passes: the CSRF token still applies.
// `isSameOrigin` is the positive reading, for the public forms that anonymous visitors send without a
// token (`config.csrf: 'signed-in'`): the browser must say the request came from this site.
import type { FastifyRequest } from 'fastify';

export function isCrossSite(req: Pick<FastifyRequest, 'headers' | 'protocol' | 'host'>, publicOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  return origin !== undefined && !isThisSite(origin, req, publicOrigin);
}

/** The browser says this request was sent from a page of this site (Sec-Fetch-Site, or else Origin). */
export function isSameOrigin(req: Pick<FastifyRequest, 'headers' | 'protocol' | 'host'>, publicOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = req.headers.origin;
  return origin !== undefined && isThisSite(origin, req, publicOrigin);
}

/** An Origin of this site: PUBLIC_BASE_URL's origin or the address the request was sent to. */
function isThisSite(origin: string, req: Pick<FastifyRequest, 'protocol' | 'host'>, publicOrigin: string): boolean {
  return origin === publicOrigin || origin === `${req.protocol}://${req.host}`;
}
