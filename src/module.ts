// The module kit: each feature module declares itself once with defineModule() in its index.ts, and
// src/modules/index.ts lists the manifests. Everything that used to be wired by hand — routes,
// migrations, CLI commands, demo parts, background workers and jobs, start-up checks, staff menu
// cards, municipality profile panels, OpenAPI tags, extra permissions — is read from that list by
// a ModuleRegistry (docs/adding-a-module.md). Nothing registers itself as a side effect of an import.
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppDeps } from './deps.ts';
import { CORE_PERMISSIONS, type PermissionName, type PermissionSpec } from './http/permissions.ts';
import type { PublicCacheVersion } from './http/public-cache.ts';
import type { RequestUser } from './http/request-user.ts';
import type { Locale, Localized } from './i18n.ts';

// ---------------------------------------------------------------------------------------------
// What a manifest may declare

export interface CliContext {
  /** Built lazily: commands like --help need no database. */
  deps: () => Promise<AppDeps>;
  out: (line: string) => void;
  /** Progress for long commands: writes "label 40/355" on one line in a terminal. */
  progress: (label: string, done: number, total: number) => void;
}

export interface CliCommand {
  name: string;
  usage: string;
  description: string;
  /** Parsed `--flag value` options; returns the exit code. */
  run: (options: Record<string, string | true>, ctx: CliContext) => Promise<number>;
}

export interface DemoPart {
  /** Names of modules whose demo part must load first (e.g. 'auth' for the accounts). */
  after?: string[];
  /** Loads this part; idempotent; `log` prints lines such as demo logins. */
  load: (deps: AppDeps, log: (line: string) => void) => Promise<void>;
}

export interface BackgroundWorker {
  stop: () => Promise<void>;
}

export type WorkerStarter = (deps: AppDeps, log: FastifyBaseLogger) => BackgroundWorker;

export interface BootChecks {
  /** True while this module holds no user-made data; the demo loads only when every module says so. */
  isEmpty?: (deps: AppDeps) => Promise<boolean>;
  /** Runs at every start after the migrations (e.g. import reference data that is missing). */
  prepare?: (deps: AppDeps, log: (line: string) => void) => Promise<void>;
}

/** A card on the staff start page (/beheer); shown to the roles the permission allows. */
export interface StaffLink {
  href: string;
  label: Localized;
  description?: Localized;
  permission: PermissionName;
}

/** A section on the municipality profile (/gemeenten/{code}). */
export interface ProfilePanel {
  id: string;
  /**
   * The data version the panel shows (src/http/public-cache.ts). The public profile page is kept in
   * the public cache only while every panel names one; a panel without it makes the page rendered
   * on every request.
   */
  cacheVersion?: PublicCacheVersion;
  /** Null hides the panel. Errors are logged and the panel skipped. */
  render(code: string, date: string, locale: Locale, deps: AppDeps): Promise<VNode | null>;
}

export interface JobRunContext {
  deps: AppDeps;
  log: FastifyBaseLogger;
  /** Records progress of a long batch (shown on the staff jobs page); also renews the job's lease. */
  progress: (done: number, total: number) => Promise<void>;
  /**
   * Aborts when the job should stop early: shutdown, cancellation, or a lost lease. A handler that
   * notices it throws (`ctx.signal?.throwIfAborted()`); returning means the job is complete.
   * Always set by the runner (optional only so existing hand-made contexts still type-check).
   */
  signal?: AbortSignal;
}

/** What a handler may return instead of nothing: run this job again at `continueAt` (a batch that paces itself). */
export interface JobRunResult {
  continueAt: Date;
}

/** A kind of background job a module runs (src/modules/jobs). */
export interface JobHandler {
  /** `module.action`, e.g. `survey.reminders`. */
  kind: string;
  description: Localized;
  /** Does the work; a thrown error retries the job later with backoff, up to maxAttempts. */
  // biome-ignore lint/suspicious/noConfusingVoidType: most handlers return nothing; some return when to continue
  run: (job: { id: number; kind: string; payload: unknown; attempt: number }, ctx: JobRunContext) => Promise<void | JobRunResult>;
  /** Default 5. */
  maxAttempts?: number;
  /** Also enqueued on its own once per period (one job per period across all instances). */
  every?: { minutes: number };
}

/** The request authenticator (the auth module's): the user a cookie or token stands for. */
export type Authenticator = (req: FastifyRequest, reply: FastifyReply, deps: AppDeps) => Promise<RequestUser | null>;

/**
 * Extension points a module offers to the modules after it (e.g. the advice module's policy
 * evidence). The offering module adds its point by augmenting this interface; a contributing
 * module fills `extensions` in its manifest; the offering module reads them with
 * `deps.modules.extensions(name)`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation
export interface ExtensionPoints {}

export interface ModuleManifest {
  /** Folder name under src/modules, lower case. */
  name: string;
  /** Modules this one calls (by name); they must come earlier in src/modules/index.ts. */
  dependsOn?: string[];
  /** This module's migrations folder: `new URL('./migrations/', import.meta.url)`. */
  migrations?: URL;
  /** Registers the routes; every route declares `config.permission` (and `config.scope`). */
  routes?: (app: FastifyInstance, deps: AppDeps) => Promise<void> | void;
  cli?: CliCommand[];
  demo?: DemoPart;
  workers?: WorkerStarter[];
  jobs?: JobHandler[];
  boot?: BootChecks;
  staffLinks?: StaffLink[];
  profilePanels?: ProfilePanel[];
  /** The OpenAPI tag of this module's /api/ routes. */
  openapiTag?: { name: string; description: string };
  /** Permissions this module adds to the table (type names in `ModulePermissions`). */
  permissions?: Record<string, PermissionSpec>;
  /** At most one module authenticates requests. */
  authenticate?: Authenticator;
  /** Contributions to other modules' extension points. */
  extensions?: { [K in keyof ExtensionPoints]?: ExtensionPoints[K][] };
}

/** Declares a module. The identity function gives the manifest its type and a place to look. */
export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// The registry: everything derived from the module list

export class ModuleRegistry {
  readonly modules: readonly ModuleManifest[];
  readonly permissions: Readonly<Record<string, PermissionSpec>>;

  constructor(modules: readonly ModuleManifest[]) {
    const seen = new Set<string>();
    for (const m of modules) {
      if (seen.has(m.name)) throw new Error(`Module "${m.name}" is listed twice in src/modules/index.ts.`);
      for (const dep of m.dependsOn ?? []) {
        if (!seen.has(dep))
          throw new Error(`Module "${m.name}" depends on "${dep}", which must be listed before it in src/modules/index.ts.`);
      }
      seen.add(m.name);
    }
    const permissions: Record<string, PermissionSpec> = { ...CORE_PERMISSIONS };
    for (const m of modules) {
      for (const [name, spec] of Object.entries(m.permissions ?? {})) {
        if (Object.hasOwn(permissions, name)) throw new Error(`Module "${m.name}" redefines permission "${name}".`);
        permissions[name] = spec;
      }
    }
    if (modules.filter((m) => m.authenticate).length > 1) throw new Error('More than one module authenticates requests.');
    this.modules = modules;
    this.permissions = permissions;
  }

  has(name: string): boolean {
    return this.modules.some((m) => m.name === name);
  }

  permission(name: string): PermissionSpec | undefined {
    return Object.hasOwn(this.permissions, name) ? this.permissions[name] : undefined;
  }

  migrationFolders(): URL[] {
    return this.modules.flatMap((m) => (m.migrations ? [m.migrations] : []));
  }

  cliCommands(): CliCommand[] {
    return this.modules.flatMap((m) => m.cli ?? []);
  }

  workers(): WorkerStarter[] {
    return this.modules.flatMap((m) => m.workers ?? []);
  }

  jobHandlers(): JobHandler[] {
    const handlers = this.modules.flatMap((m) => m.jobs ?? []);
    const kinds = new Set<string>();
    for (const h of handlers) {
      if (kinds.has(h.kind)) throw new Error(`Job kind "${h.kind}" is declared twice.`);
      kinds.add(h.kind);
    }
    return handlers;
  }

  bootChecks(): { name: string; boot: BootChecks }[] {
    return this.modules.flatMap((m) => (m.boot ? [{ name: m.name, boot: m.boot }] : []));
  }

  staffLinks(): StaffLink[] {
    return this.modules.flatMap((m) => m.staffLinks ?? []);
  }

  profilePanels(): ProfilePanel[] {
    return this.modules.flatMap((m) => m.profilePanels ?? []);
  }

  openapiTags(): { name: string; description: string }[] {
    return this.modules.flatMap((m) => (m.openapiTag ? [m.openapiTag] : []));
  }

  authenticator(): Authenticator | null {
    return this.modules.find((m) => m.authenticate)?.authenticate ?? null;
  }

  extensions<K extends keyof ExtensionPoints>(point: K): ExtensionPoints[K][] {
    return this.modules.flatMap((m) => (m.extensions?.[point] ?? []) as ExtensionPoints[K][]);
  }

  /** Demo parts in load order: each after the parts it names (and after earlier-listed modules). */
  demoParts(): { name: string; part: DemoPart }[] {
    const parts = this.modules.flatMap((m) => (m.demo ? [{ name: m.name, part: m.demo }] : []));
    const done = new Set<string>();
    const ordered: { name: string; part: DemoPart }[] = [];
    const visit = (entry: { name: string; part: DemoPart }, path: string[]) => {
      if (done.has(entry.name)) return;
      if (path.includes(entry.name)) throw new Error(`Demo parts wait for each other: ${[...path, entry.name].join(' → ')}.`);
      for (const dep of entry.part.after ?? []) {
        const before = parts.find((p) => p.name === dep);
        if (before) visit(before, [...path, entry.name]);
      }
      done.add(entry.name);
      ordered.push(entry);
    };
    for (const p of parts) visit(p, []);
    return ordered;
  }
}
