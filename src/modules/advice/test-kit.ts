// Test helpers of the advice module's own tests: an app with the reference data and the advice
// routes, staff and municipality users logged in, and service contexts acting as them.

import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { createUser, type LoggedIn, loginAs, type TestUser } from '../../../test/helpers/auth.ts';
import type { ServiceCtx } from '../../deps.ts';
import type { ModuleManifest } from '../../module.ts';
import { MODULES } from '../index.ts';

export interface AdviceTest {
  t: TestApp;
  admin: TestUser;
  adviser: TestUser;
  /** A municipality account of Amsterdam (GM0363). */
  amsterdam: TestUser;
  /** A municipality account of Groningen (GM0014). */
  groningen: TestUser;
  as: (user: TestUser) => ServiceCtx;
  login: (user: TestUser) => Promise<LoggedIn>;
}

/** A fresh app (SQLite, or PostgreSQL with TEST_DATABASE_URL) with the reference data, its clock at `now` (or read from it). */
export async function adviceTest(now: Date | (() => Date), extraModules: ModuleManifest[] = []): Promise<AdviceTest> {
  const t = await createAtlasTestApp(now, extraModules.length > 0 ? { modules: [...MODULES, ...extraModules] } : {});
  const admin = await createUser(t.deps, { role: 'admin', name: 'Bea Beheer' });
  const adviser = await createUser(t.deps, { role: 'adviser', name: 'Ad Advies' });
  const amsterdam = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363', name: 'Gerrit Gemeente' });
  const groningen = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0014', name: 'Greet Groningen' });
  const sessions = new Map<number, LoggedIn>();
  return {
    t,
    admin,
    adviser,
    amsterdam,
    groningen,
    as: (user) => ({ db: t.deps.db, actor: { userId: user.id, label: user.email }, now: t.deps.now() }),
    login: async (user) => {
      let s = sessions.get(user.id);
      if (!s) {
        s = await loginAs(t, user);
        sessions.set(user.id, s);
      }
      return s;
    },
  };
}
