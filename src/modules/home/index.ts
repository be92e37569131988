// The home module: home page with the finder, accessibility and privacy statements.
import { defineModule } from '../../module.ts';
import { registerHomeRoutes } from './routes.tsx';

export const homeModule = defineModule({ name: 'home', dependsOn: ['network'], routes: registerHomeRoutes });
