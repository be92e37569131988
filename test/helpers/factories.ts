// Entity factories for tests: what a test needs, made through the modules' own services (the
// audit trail records each write, as in the app), never by inserting into another module's tables.
// Users are the one exception the auth helper already makes (createUser inserts the row itself).
// Nothing here catches an error: a factory that cannot make what it was asked for fails the test.
//
//   const make = factoriesFor(t.deps);                    // acting as a test actor; or factoriesFor(deps, actor)
//   const adviser = await make.user('adviser');           // with TOTP; log in with loginAs(t, adviser)
//   const amsterdam = await make.municipalityUser('GM0363');
//   const org = await make.organisation({ type: 'ggd' });  // the organisation's id
//   const c = await make.coordinator({ organisationId: org }); // { id, name, organisationId }
//   const account = await make.coordinatorAccount();      // a coordinator user linked to a new coordinator record
//   const region = await make.region({ codes: ['GM0363', 'GM0014'] }); // a custom region { id, code, name }
//
// Names carry a zero-padded counter, so two calls never collide and a page can be searched for the one it shows.
import type { AppDeps } from '../../src/deps.ts';
import type { Role } from '../../src/http/permissions.ts';
import type { Actor } from '../../src/http/request-user.ts';
import { createCoordinator, createOrganisation } from '../../src/modules/network/index.ts';
import { createCustomRegion } from '../../src/modules/network/service.ts';
import { createUser, type TestUser } from './auth.ts';

/** Two municipalities that exist in the reference data on every date (Amsterdam, Groningen). */
export const MUNICIPALITY_A = 'GM0363';
export const MUNICIPALITY_B = 'GM0014';

export const TEST_ACTOR: Actor = { userId: null, label: 'test factory' };

/** A user a factory made: what loginAs needs, plus what the pipeline reads from the account. */
export interface Account extends TestUser {
  name: string;
  municipalityCode: string | null;
  coordinatorId: number | null;
  grants: string[];
}

export interface UserOverrides {
  /** Default: MUNICIPALITY_A for municipality and learner accounts, none for others. */
  municipalityCode?: string | null;
  /** For a coordinator account: the record it edits (default: a new coordinator). */
  coordinatorId?: number | null;
  grants?: string[];
  /** Default: true for admin and adviser (they must have it), false otherwise. */
  totp?: boolean;
  name?: string;
  email?: string;
}

export interface CoordinatorOverrides {
  name?: string;
  organisationId?: number;
  phone?: string | null;
  email?: string | null;
  webPage?: string | null;
  fte?: number;
  activeFrom?: string;
  activeTo?: string | null;
}

export interface MadeCoordinator {
  id: number;
  name: string;
  organisationId: number;
}

export interface Factories {
  /** A user of a role, ready to log in: staff with TOTP, a municipality of its own, a coordinator with a record of its own. */
  user(role: Role, overrides?: UserOverrides): Promise<Account>;
  /** A municipality contact person of `code`. */
  municipalityUser(code: string, overrides?: Omit<UserOverrides, 'municipalityCode'>): Promise<Account>;
  /** A coordinator account linked to a new coordinator record (or `coordinator` given). */
  coordinatorAccount(coordinator?: CoordinatorOverrides): Promise<Account & { coordinator: MadeCoordinator }>;
  /** A host organisation; returns its id. */
  organisation(overrides?: {
    name?: string;
    type?: 'ggd' | 'shelter' | 'care-and-safety-house' | 'municipality' | 'other';
  }): Promise<number>;
  /** A care coordinator (in a new organisation unless one is given), active from 2019-01-01. */
  coordinator(overrides?: CoordinatorOverrides): Promise<MadeCoordinator>;
  /** A custom care region of municipalities (default: MUNICIPALITY_A and MUNICIPALITY_B). */
  region(overrides?: { name?: string; codes?: string[] }): Promise<{ id: number; code: string; name: string }>;
}

let counter = 0;
/** The next number for a name, zero-padded: "Testcoördinator 0005" is never part of "Testcoördinator 0051". */
const next = () => {
  counter += 1;
  return String(counter).padStart(4, '0');
};

/** Factories bound to an app's dependencies; writes are recorded as made by `actor`. */
export function factoriesFor(deps: AppDeps, actor: Actor = TEST_ACTOR): Factories {
  const ctx = () => ({ db: deps.db, actor, now: deps.now() });

  const organisation: Factories['organisation'] = async (overrides = {}) =>
    createOrganisation(ctx(), { name: overrides.name ?? `Testorganisatie ${next()}`, type: overrides.type ?? 'ggd', website: null });

  const coordinator: Factories['coordinator'] = async (overrides = {}) => {
    const organisationId = overrides.organisationId ?? (await organisation());
    const name = overrides.name ?? `Testcoördinator ${next()}`;
    const id = await createCoordinator(ctx(), {
      name,
      organisationId,
      phone: overrides.phone ?? null,
      email: overrides.email ?? null,
      webPage: overrides.webPage ?? null,
      fte: overrides.fte ?? 1,
      activeFrom: overrides.activeFrom ?? '2019-01-01',
      activeTo: overrides.activeTo ?? null,
    });
    return { id, name, organisationId };
  };

  const user: Factories['user'] = async (role, overrides = {}) => {
    const n = next();
    const name = overrides.name ?? `Test ${role} ${n}`;
    const municipalityCode =
      overrides.municipalityCode !== undefined
        ? overrides.municipalityCode
        : role === 'municipality' || role === 'learner'
          ? MUNICIPALITY_A
          : null;
    const coordinatorId =
      overrides.coordinatorId !== undefined ? overrides.coordinatorId : role === 'coordinator' ? (await coordinator()).id : null;
    const grants = [...(overrides.grants ?? [])];
    const made = await createUser(deps, {
      role,
      name,
      email: overrides.email,
      totp: overrides.totp,
      municipalityCode,
      coordinatorId,
      grants,
    });
    return { ...made, name, municipalityCode, coordinatorId, grants };
  };

  return {
    user,
    organisation,
    coordinator,
    municipalityUser: (code, overrides = {}) => user('municipality', { ...overrides, municipalityCode: code }),
    coordinatorAccount: async (overrides = {}) => {
      const made = await coordinator(overrides);
      return { ...(await user('coordinator', { coordinatorId: made.id })), coordinator: made };
    },
    region: async (overrides = {}) => {
      const name = overrides.name ?? `Testregio ${next()}`;
      const id = await createCustomRegion(ctx(), name, overrides.codes ?? [MUNICIPALITY_A, MUNICIPALITY_B]);
      return { id, code: `custom-${id}`, name };
    },
  };
}
