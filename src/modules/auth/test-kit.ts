// For the auth module's tests only: a browser-like client (its own address, cookies, the CSRF
// token of the last form it saw) and a service context for calling the module's services.
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../test/helpers/app.ts';
import { csrfFrom, formBody, updateCookies } from '../../../test/helpers/auth.ts';
import type { Actor } from '../../http/request-user.ts';
import { type AuthCtx, authCtxFor } from './context.ts';

export const TEST_ACTOR: Actor = { userId: null, label: 'test' };

/** A service context acting as `actor` (default: a test actor), at the app clock's now. */
export function ctxOf(t: TestApp, actor: Actor = TEST_ACTOR): AuthCtx {
  return authCtxFor(t.deps, actor);
}

let addresses = 0;

export interface Client {
  remoteAddress: string;
  jar: Record<string, string>;
  /** The CSRF token of the last page with a form (refreshed on every GET of one). */
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** A fresh client with its own address, holding the login form's CSRF cookie and token. */
export async function client(t: TestApp, firstPage = '/inloggen'): Promise<Client> {
  addresses += 1;
  const c: Client = {
    remoteAddress: `192.0.${(addresses >> 8) & 255}.${addresses & 255}`,
    jar: {},
    csrf: '',
    async get(url) {
      const res = await t.app.inject({ url, remoteAddress: c.remoteAddress, cookies: c.jar });
      updateCookies(c.jar, res);
      if (res.body.includes('name="_csrf"')) c.csrf = csrfFrom(res.body);
      return res;
    },
    async post(url, fields, headers = {}) {
      const body = formBody({ _csrf: c.csrf, ...fields });
      const res = await t.app.inject({
        method: 'POST',
        url,
        remoteAddress: c.remoteAddress,
        cookies: c.jar,
        payload: body.payload,
        headers: { ...body.headers, ...headers },
      });
      updateCookies(c.jar, res);
      return res;
    },
  };
  await c.get(firstPage);
  return c;
}

/** The path of an emailed link (without the site's address). */
export function pathOf(t: TestApp, link: string): string {
  return link.slice(t.deps.config.publicBaseUrl.length);
}

export function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`No token in ${link}`);
  return token;
}
