// The auth module's public face: accounts, login with two-step verification, sessions, password
// links, user administration (roles and grants), API tokens, and the request authenticator the
// pipeline calls. Other modules write through `authCtxFor(deps, actor)` + the services below.
import { defineModule } from '../../module.ts';
import { registerAccountRoutes } from './account.routes.tsx';
import { registerApiTokenRoutes } from './api-tokens.routes.tsx';
import { authCommands } from './cli.ts';
import { loadAccountsDemo } from './demo.ts';
import { registerLoginRoutes } from './login.routes.tsx';
import { registerPasswordResetRoutes } from './password-reset.routes.tsx';
import { authenticateRequest } from './request-auth.ts';
import { startResetWorker } from './reset-requests.ts';
import { registerTotpRoutes } from './totp.routes.tsx';
import { registerUserDetailRoutes } from './user-detail.routes.tsx';
import { registerUserAdminRoutes } from './users.routes.tsx';
import { countUsers } from './users.service.ts';

export { type AuthCtx, authCtxFor, type CoordinatorDirectory } from './context.ts';
export { createLearnerAccount, eraseLearnerAccount } from './learners.ts';
export {
  createUser,
  DEMO_COORDINATOR_EMAIL,
  findUserByEmail,
  findUserById,
  linkDemoCoordinator,
  listUsers,
  type UserRow,
} from './users.service.ts';

export const authModule = defineModule({
  name: 'auth',
  dependsOn: ['audit', 'outbox'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: async (app, deps) => {
    await registerLoginRoutes(app, deps);
    await registerAccountRoutes(app, deps);
    await registerTotpRoutes(app, deps);
    await registerPasswordResetRoutes(app, deps);
    await registerUserAdminRoutes(app, deps);
    await registerUserDetailRoutes(app, deps);
    await registerApiTokenRoutes(app, deps);
  },
  authenticate: authenticateRequest,
  openapiTag: { name: 'account', description: 'Het account achter een persoonlijk API-token' },
  cli: authCommands,
  demo: { load: loadAccountsDemo },
  workers: [startResetWorker],
  boot: { isEmpty: async (deps) => (await countUsers(deps.db)) === 0 },
  staffLinks: [
    {
      href: '/beheer/gebruikers',
      label: { nl: 'Gebruikers', en: 'Users' },
      description: {
        nl: 'Uitnodigen, rollen en rechten wijzigen, accounts deactiveren.',
        en: 'Invite, change roles and rights, deactivate accounts.',
      },
      permission: 'admin',
    },
    {
      href: '/account/tokens',
      label: { nl: 'API-tokens', en: 'API tokens' },
      description: { nl: 'Persoonlijke tokens voor de API.', en: 'Personal tokens for the API.' },
      permission: 'staff',
    },
  ],
});
