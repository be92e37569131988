// Demo part: fictional accounts for development, one per role, with a known password. The
// coordinator account is linked to a coordinator by the network module's demo part.
import type { AppDeps } from '../../deps.ts';
import type { Role } from '../../http/permissions.ts';
import { authCtxFor } from './context.ts';
import { createUser, DEMO_COORDINATOR_EMAIL, findUserByEmail } from './users.service.ts';

export const DEMO_PASSWORD = 'demo-wachtwoord-2019';

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; municipalityCode?: string }[] = [
  { email: 'beheerder@demo.gemeentenaanzet.invalid', name: 'Bea Beheer (voorbeeld)', role: 'admin' },
  { email: 'adviseur@demo.gemeentenaanzet.invalid', name: 'Ad Advies (voorbeeld)', role: 'adviser' },
  {
    email: 'amsterdam@demo.gemeentenaanzet.invalid',
    name: 'Gerrit Gemeente (voorbeeld)',
    role: 'municipality',
    municipalityCode: 'GM0363',
  },
  { email: DEMO_COORDINATOR_EMAIL, name: 'Zora Zorg (voorbeeld)', role: 'coordinator' },
];

export async function loadAccountsDemo(deps: AppDeps, log: (line: string) => void = () => {}): Promise<void> {
  const ctx = authCtxFor(deps, { userId: null, label: 'demo' });
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(deps.db, account.email)) continue;
    await createUser(ctx, { ...account, password: DEMO_PASSWORD });
  }
  log(`demo: accounts (fictional, for development only), password for all: ${DEMO_PASSWORD}`);
  for (const account of DEMO_ACCOUNTS) {
    const extra = account.municipalityCode ? ` (${account.municipalityCode} Amsterdam)` : '';
    log(`  ${account.role.padEnd(12)} ${account.email}${extra}`);
  }
  log('  admin and adviser are asked to set up two-step verification (TOTP) at their first login.');
}
