// The one list of feature modules. Each entry is the manifest a module declares in its own
// index.ts (defineModule); the app, the CLI, the demo loader, the workers, start-up, the staff
// menu, the municipality profile, OpenAPI and the permission walk all read it from here.
// Order: a module comes after the modules it depends on. Adding a module is its folder and one line.
import { ModuleRegistry } from '../module.ts';
import { academyModule } from './academy/index.ts';
import { adviceModule } from './advice/index.ts';
import { atlasModule } from './atlas/index.ts';
import { auditModule } from './audit/index.ts';
import { authModule } from './auth/index.ts';
import { eventsModule } from './events/index.ts';
import { homeModule } from './home/index.ts';
import { jobsModule } from './jobs/index.ts';
import { networkModule } from './network/index.ts';
import { newsModule } from './news/index.ts';
import { opsModule } from './ops/index.ts';
import { outboxModule } from './outbox/index.ts';
import { staffModule } from './staff/index.ts';
import { surveyModule } from './survey/index.ts';

export const MODULES = [
  auditModule,
  outboxModule,
  jobsModule,
  authModule,
  opsModule,
  staffModule,
  atlasModule,
  networkModule,
  adviceModule,
  surveyModule,
  eventsModule,
  academyModule,
  newsModule,
  homeModule,
];

export const modules = new ModuleRegistry(MODULES);
