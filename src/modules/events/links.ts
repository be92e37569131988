// Personal links of registrants (view, cancel, confirm a freed place, evaluate): no account, the
// link is the key. A link is the registration id with an HMAC of it under the app's secret, so the
// same link can be sent again in every later email (reminder, offer) and none is stored.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../deps.ts';

export interface RegistrationLinks {
  baseUrl: string;
  /** `/bijeenkomsten/aanmelding/{key}` */
  manage(registrationId: number): string;
  evaluation(registrationId: number): string;
  /** The registration id a link key stands for, or null when it is not genuine. */
  idOf(key: string): number | null;
}

export function registrationLinks(secret: string, baseUrl: string): RegistrationLinks {
  const mac = (id: number) => createHmac('sha256', secret).update(`events:registration:${id}`).digest('base64url').slice(0, 32);
  const key = (id: number) => `${id}-${mac(id)}`;
  return {
    baseUrl,
    manage: (id) => `${baseUrl}/bijeenkomsten/aanmelding/${key(id)}`,
    evaluation: (id) => `${baseUrl}/bijeenkomsten/evaluatie/${key(id)}`,
    idOf(value) {
      const m = /^([1-9]\d{0,9})-([\w-]{32})$/.exec(value);
      if (!m) return null;
      const id = Number(m[1]);
      const expected = Buffer.from(mac(id));
      const given = Buffer.from(m[2]);
      return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
    },
  };
}

export function linksOf(deps: Pick<AppDeps, 'config'>): RegistrationLinks {
  return registrationLinks(deps.config.sessionSecret, deps.config.publicBaseUrl);
}
