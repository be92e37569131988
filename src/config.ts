// One typed config module. Everything the app reads from the environment is read here, with
// development defaults; in production the required values must be set or the app refuses to start.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export type Environment = 'development' | 'test' | 'production';

export interface Config {
  env: Environment;
  port: number;
  host: string;
  databaseUrl: string;
  publicBaseUrl: string;
  sessionSecret: string;
  /** Idle timeout and absolute lifetime of a login session, in minutes. */
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
  smtpUrl: string | null;
  mailFrom: string;
  /** Directory where .eml files are written when no SMTP_URL is set (development). */
  outboxDir: string;
  metricsToken: string | null;
  /** Directory or URL holding the CBS reference data (see ../shared/data/README.md). */
  referenceData: string | null;
  /** Public URLs of the reference files, used when no directory is available. */
  referenceDataUrls: string;
  dataDir: string;
  logLevel: string;
  /** Load the 2019 demo scenario into an empty database at start (never in production). */
  loadDemoOnEmpty: boolean;
  /** Run the outbox sender inside this process. */
  runOutboxSender: boolean;
  /** Run the background job runner inside this process (JOB_RUNNER), and how many jobs at once (JOB_CONCURRENCY). */
  runJobRunner: boolean;
  jobConcurrency: number;
  /** Draw each boundary version's map once in the background at start (WARM_MAPS). */
  warmMapsAtStart: boolean;
  trustProxy: boolean;
  /**
   * scrypt cost of new password hashes as log2(N) (PASSWORD_HASH_COST, default 15: N = 2^15, ~100 ms).
   * Existing hashes keep verifying with the cost stored in them; testConfig() uses a cheap one.
   */
  passwordHashCost: number;
  /** Requests per client address per minute on /api/ (API_RATE_LIMIT, default 600; 0 switches the limit off). */
  apiRateLimitPerMinute: number;
  /** Turn queued password-reset requests into emails inside this process (RESET_WORKER). */
  runResetWorker: boolean;
}

/** Production strength for password hashes: scrypt N = 2^15 (r = 8, p = 1). */
export const PRODUCTION_PASSWORD_HASH_COST = 15;
/** What tests use: N = 2^10, about 30 times cheaper (the format and code path are the same). */
export const TEST_PASSWORD_HASH_COST = 10;

export class ConfigError extends Error {}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new ConfigError(`${name} must be a whole number, got "${value}". Fix: set ${name}=3000 (for example) or unset it.`);
  }
  return n;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** Where the shared reference data lies in a development checkout, if it does. */
function defaultReferenceDir(): string | null {
  const candidate = resolve(process.cwd(), '..', 'shared', 'data', 'cbs');
  return existsSync(candidate) ? candidate : null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv: Environment = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const production = nodeEnv === 'production';
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const port = int('PORT', env.PORT, 3000);

  const problems: string[] = [];
  if (production && !env.SESSION_SECRET) {
    problems.push(
      'SESSION_SECRET is not set. Fix: set SESSION_SECRET to a random string of at least 32 characters, e.g. `openssl rand -hex 32`.',
    );
  } else if (production && (env.SESSION_SECRET ?? '').length < 32) {
    problems.push('SESSION_SECRET is shorter than 32 characters. Fix: use `openssl rand -hex 32`.');
  }
  if (production && !env.PUBLIC_BASE_URL) {
    problems.push('PUBLIC_BASE_URL is not set. Fix: set it to the address users type, e.g. PUBLIC_BASE_URL=https://gemeentenaanzet.nl');
  }
  if (env.PUBLIC_BASE_URL && !/^https?:\/\//.test(env.PUBLIC_BASE_URL)) {
    problems.push(`PUBLIC_BASE_URL must start with http:// or https://, got "${env.PUBLIC_BASE_URL}".`);
  }
  if (env.SMTP_URL && !/^smtps?:\/\//.test(env.SMTP_URL)) {
    problems.push(`SMTP_URL must start with smtp:// or smtps://, got "${env.SMTP_URL}".`);
  }
  const passwordHashCost = int('PASSWORD_HASH_COST', env.PASSWORD_HASH_COST, PRODUCTION_PASSWORD_HASH_COST);
  if (passwordHashCost < 1 || passwordHashCost > 20) {
    problems.push(`PASSWORD_HASH_COST must be between 1 and 20 (log2 of scrypt's N), got ${passwordHashCost}. Fix: unset it (15).`);
  } else if (production && passwordHashCost < PRODUCTION_PASSWORD_HASH_COST) {
    problems.push(
      `PASSWORD_HASH_COST=${passwordHashCost} is too cheap for production. Fix: unset it or use ${PRODUCTION_PASSWORD_HASH_COST} or more.`,
    );
  }
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'gaz.sqlite')}`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    problems.push(`DATABASE_URL must be sqlite:PATH or postgres://…, got "${databaseUrl}".`);
  }
  if (problems.length > 0) {
    throw new ConfigError(`Configuration is incomplete:\n- ${problems.join('\n- ')}`);
  }

  return {
    env: nodeEnv,
    port,
    host: env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    sessionSecret: env.SESSION_SECRET ?? 'development-only-secret-do-not-use-in-production',
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteMinutes: int('SESSION_ABSOLUTE_MINUTES', env.SESSION_ABSOLUTE_MINUTES, 12 * 60),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'Gemeenten aan zet <noreply@gemeentenaanzet.nl>',
    outboxDir: resolve(env.OUTBOX_DIR ?? resolve(dataDir, 'outbox')),
    metricsToken: env.METRICS_TOKEN || null,
    referenceData: env.REFERENCE_DATA || defaultReferenceDir(),
    referenceDataUrls:
      env.REFERENCE_DATA_URLS ?? 'https://raw.githubusercontent.com/cartomap/nl/01e3b4cea860e7bb5dc3bddbfff72d3e4f4709e6/wgs84/',
    dataDir,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    loadDemoOnEmpty: !production && bool(env.LOAD_DEMO, true),
    runOutboxSender: bool(env.OUTBOX_SENDER, nodeEnv !== 'test'),
    runJobRunner: bool(env.JOB_RUNNER, nodeEnv !== 'test'),
    jobConcurrency: Math.max(1, int('JOB_CONCURRENCY', env.JOB_CONCURRENCY, 2)),
    warmMapsAtStart: bool(env.WARM_MAPS, nodeEnv !== 'test'),
    trustProxy: bool(env.TRUST_PROXY, false),
    passwordHashCost,
    apiRateLimitPerMinute: int('API_RATE_LIMIT', env.API_RATE_LIMIT, 600),
    runResetWorker: bool(env.RESET_WORKER, nodeEnv !== 'test'),
  };
}

/** A config for tests: development defaults with overrides, never reading the real environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // The API rate limit is off unless a test turns it on (src/http/rate-limit.test.ts does): tests
  // send hundreds of requests from one address with a frozen clock.
  return { ...loadConfig({ NODE_ENV: 'test' }), passwordHashCost: TEST_PASSWORD_HASH_COST, apiRateLimitPerMinute: 0, ...overrides };
}
