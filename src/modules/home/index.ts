// The home module: home page with the finder, accessibility and privacy statements.
// Offered to other modules: the extension point `privacyStatement` (privacy.ts): each module's own
// paragraph on /privacy, read when the page is made.
import { defineModule } from '../../module.ts';
import { registerHomeRoutes } from './routes.tsx';

export type { PrivacyStatementContribution } from './privacy.ts';

export const homeModule = defineModule({ name: 'home', dependsOn: ['network'], routes: registerHomeRoutes });
