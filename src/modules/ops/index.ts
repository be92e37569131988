// Operations endpoints: /healthz, /readyz and /metrics.
import { defineModule } from '../../module.ts';
import { registerOpsRoutes } from './routes.ts';

export const opsModule = defineModule({ name: 'ops', dependsOn: ['outbox', 'jobs'], routes: registerOpsRoutes });
