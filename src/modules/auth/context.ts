// The context every writing service of the auth module takes first (CONVENTIONS: writes take
// `(ctx, …)`, reads `(db, …)`): the shared ServiceCtx — database or transaction, actor, time — plus
// what account rules need from the configuration (hash cost, the site's address for emailed links,
// the key of the throttle's hashes) and the coordinator records another module offers.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { AppDeps, ServiceCtx } from '../../deps.ts';
import type { Actor } from '../../http/request-user.ts';
import { serviceCtx } from '../../http/route-kit.ts';

export type AuthConfig = Pick<Config, 'publicBaseUrl' | 'passwordHashCost' | 'sessionSecret'>;

/** Coordinator records an account of role `coordinator` is linked to (the network module offers them). */
export interface CoordinatorDirectory {
  exists(db: Db, id: number): Promise<boolean>;
}

declare module '../../module.ts' {
  interface ExtensionPoints {
    /** Which coordinator records exist (contributed by the module that keeps them: network). */
    coordinatorDirectory: CoordinatorDirectory;
  }
}

export interface AuthCtx extends ServiceCtx {
  config: AuthConfig;
  /** Null when no module offers coordinator records: then no account can be linked to one. */
  coordinators: CoordinatorDirectory | null;
}

function directoryOf(deps: AppDeps): CoordinatorDirectory | null {
  return deps.modules.extensions('coordinatorDirectory')[0] ?? null;
}

/** The context of a request: its user (or anonymous) as the actor. */
export function authCtx(req: FastifyRequest, deps: AppDeps): AuthCtx {
  return { ...serviceCtx(req, deps), config: deps.config, coordinators: directoryOf(deps) };
}

/** A context outside a request: the CLI, the demo, another module's service. */
export function authCtxFor(deps: AppDeps, actor: Actor): AuthCtx {
  return { db: deps.db, actor, now: deps.now(), config: deps.config, coordinators: directoryOf(deps) };
}

/** The same context inside a transaction. */
export function within(ctx: AuthCtx, trx: Db): AuthCtx {
  return { ...ctx, db: trx };
}
