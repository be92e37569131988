// Browser-test helpers: the real server as a child process on a fresh SQLite database, the system
// Chromium through playwright-core, axe-core checks, the CLI against the same database, and the
// emails the server wrote to its outbox directory.
//
//   const server = await startServer();                 // tsx src/main.ts on a free port
//   const browser = await launchBrowser();
//   const page = await browser.newPage();
//   await page.goto(server.url('/'));
//   await checkA11y(page);                               // throws with a readable list of violations
//   await runCli(server, ['user:create', '--email', e, '--role', 'admin', '--password', p]);
//   const mail = await waitForEmail(server, (m) => m.to.includes(e));
//   await signInNewStaff(page, server, { email, password, role: 'adviser', firstPage: '/beheer/netwerk' });
//   await server.stop(); await browser.close();
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { type Browser, chromium, type Page } from 'playwright-core';
import { totpCodeForStep, totpStepAt } from '../src/modules/auth/totp.ts';
import { contrastFailures, reflowAndScreenshots } from './a11y.ts';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** Flags for the system Chromium in a container (STACK.md). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ServerOptions {
  /** NODE_ENV of the server (default development: the outbox writes .eml files). */
  env?: 'development' | 'test' | 'production';
  /** Load the demo scenario into the empty database (default false: tests start empty). */
  loadDemo?: boolean;
  /** Pass REFERENCE_DATA from ../shared/data/cbs when it is there (default true). */
  referenceData?: boolean;
  /** Extra environment variables. */
  extraEnv?: Record<string, string>;
}

export interface TestServer {
  port: number;
  baseUrl: string;
  dir: string;
  databaseUrl: string;
  outboxDir: string;
  env: Record<string, string>;
  url: (path: string) => string;
  /** Everything the server printed (stdout and stderr), for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function referenceDir(): string | null {
  const candidate = resolve(root, '..', 'shared', 'data', 'cbs');
  return existsSync(candidate) ? candidate : null;
}

/** The environment for the server and CLI of one test run (no inherited DATABASE_URL etc.). */
function serverEnv(port: number, dir: string, options: ServerOptions): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    NODE_ENV: options.env ?? 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'gaz.sqlite')}`,
    DATA_DIR: dir,
    OUTBOX_DIR: join(dir, 'outbox'),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    LOAD_DEMO: options.loadDemo ? '1' : '0',
    // The sender writes .eml files in development (emailed links); production would need SMTP.
    OUTBOX_SENDER: (options.env ?? 'development') === 'production' ? '0' : '1',
    LOG_LEVEL: 'warn',
  };
  if (env.NODE_ENV === 'production') {
    env.SESSION_SECRET = 'e2e-session-secret-0123456789abcdef0123456789';
  }
  const reference = options.referenceData === false ? null : referenceDir();
  if (reference) env.REFERENCE_DATA = reference;
  return { ...env, ...(options.extraEnv ?? {}) };
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    }
    for (const path of ['/readyz', '/healthz', '/']) {
      try {
        const res = await fetch(baseUrl + path, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.status === 200) return;
        lastProblem = `${path} answered ${res.status}`;
        if (res.status !== 404) break; // the probe exists but is not ready yet
      } catch (e) {
        lastProblem = (e as Error).message;
        break;
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server was not ready within ${timeoutMs} ms (${lastProblem}):\n${output()}`);
}

/** Starts `tsx src/main.ts` on a free port with a fresh SQLite database in a temporary directory. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gaz-e2e-'));
  const env = serverEnv(port, dir, options);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const output = () => log;
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl, child, output, 90_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    port,
    baseUrl,
    dir,
    databaseUrl: env.DATABASE_URL,
    outboxDir: env.OUTBOX_DIR,
    env,
    url: (path) => baseUrl + path,
    output,
    stop,
  };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tsx src/cli.ts …args` against the server's database; throws unless it exits 0 (unless allowFailure).
 * A command refused with SQLite's "database is locked" (the server held the write lock longer than the
 * busy timeout on a loaded machine) wrote nothing and is run again, up to three times.
 */
export async function runCli(server: TestServer, args: string[], options: { allowFailure?: boolean } = {}): Promise<CliResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await runCliOnce(server, args);
    if (result.code === 0 || attempt === 3 || !/database is locked/.test(result.stderr)) {
      if (result.code !== 0 && !options.allowFailure) {
        throw new Error(`cli ${args.join(' ')} exited with ${result.code}:\n${result.stdout}\n${result.stderr}`);
      }
      return result;
    }
  }
}

async function runCliOnce(server: TestServer, args: string[]): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...server.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
  return { code, stdout, stderr };
}

/** Launches the system Chromium (never a downloaded browser). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

let axeSource: string | undefined;

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Whether the page runs timers: not in a context made with `javaScriptEnabled: false`. */
const timersRun = new WeakMap<Page, boolean>();
async function pageRunsTimers(page: Page): Promise<boolean> {
  const known = timersRun.get(page);
  if (known !== undefined) return known;
  const probe = page.evaluate(() => new Promise<boolean>((r) => setTimeout(() => r(true), 0))).catch(() => false);
  const result = await Promise.race([probe, new Promise<boolean>((r) => setTimeout(() => r(false), 1500))]);
  timersRun.set(page, result);
  return result;
}

/** The part of axe-core's API and results used here (axe runs inside the page). */
interface AxeApi {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{
    violations: AxeResult[];
    incomplete: AxeResult[];
  }>;
}
interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** The axe rules run again at 320 px: what only shows in a narrow layout (a wrapped control, a scrolling table). */
const NARROW_RULES = ['color-contrast', 'scrollable-region-focusable'];

/**
 * axe's violations (WCAG 2.x A/AA, or only `rules`), and the targets of its "incomplete"
 * color-contrast nodes (decided by a11y.ts).
 */
async function runAxe(page: Page, exclude: string[], rules?: string[]): Promise<{ violations: A11yViolation[]; incomplete: string[] }> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(
    async ([excluded, only]: [string[], string[] | null]) => {
      const axe = (window as unknown as { axe: AxeApi }).axe;
      const context = excluded.length > 0 ? { include: [['html']], exclude: excluded.map((s) => [s]) } : document;
      const result = await axe.run(context, {
        runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations', 'incomplete'],
      });
      return {
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary ?? '' })),
        })),
        incomplete: result.incomplete.filter((v) => v.id === 'color-contrast').flatMap((v) => v.nodes.map((n) => String(n.target[0]))),
      };
    },
    [exclude, rules ?? null] as [string[], string[] | null],
  );
}

/**
 * axe-core needs timers, which do not run in a page without JavaScript: the page's current HTML
 * is served again, at the same URL with the same cookies and viewport, to a page whose own scripts
 * are blocked, and checked there.
 */
async function withScriptlessCopy<T>(page: Page, check: (copy: Page) => Promise<T>): Promise<T> {
  const browser = page.context().browser();
  if (!browser) throw new Error('checkA11y: the page has no browser');
  const url = page.url();
  const html = await page.content();
  const context = await browser.newContext({ viewport: page.viewportSize() ?? { width: 1280, height: 720 } });
  try {
    await context.addCookies(await page.context().cookies());
    await context.route('**/*', (route) => {
      const request = route.request();
      if (request.resourceType() === 'document' && request.url() === url) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      if (request.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    const copy = await context.newPage();
    if (/^https?:/.test(url)) await copy.goto(url);
    else await copy.setContent(html);
    return await check(copy);
  } finally {
    await context.close();
  }
}

function violationLines(violations: A11yViolation[]): string[] {
  const lines: string[] = [];
  for (const v of violations) {
    lines.push(`- [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`    at ${n.target}: ${n.html.slice(0, 160)}`);
      if (n.summary) lines.push(`      ${n.summary.replace(/\n/g, '\n      ')}`);
    }
    if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more`);
  }
  return lines;
}

/** axe (all its WCAG rules, or only `rules`) and our contrast checks, as failure lines prefixed by `where`. */
async function axeAndContrast(target: Page, exclude: string[], where = '', rules?: string[]): Promise<string[]> {
  const axe = await runAxe(target, exclude, rules);
  const lines = violationLines(axe.violations);
  for (const f of await contrastFailures(target, axe.incomplete, exclude)) {
    lines.push(`- color contrast, ${f.what}: ${f.target}: ${f.problem}`);
  }
  return where ? lines.map((l) => (l.startsWith('- ') ? `- ${where}: ${l.slice(2)}` : l)) : lines;
}

/**
 * Every check on one page: axe and our contrast checks at the page's viewport, reflow at 320 px and
 * at 200 % zoom, axe's contrast and scroll-region rules and our contrast checks again at 320 px
 * (content that only shows there), screenshots.
 */
async function checkPage(target: Page, url: string, exclude: string[], timersRun: boolean): Promise<string[]> {
  const lines = await axeAndContrast(target, exclude);
  const narrow = (where: string) => axeAndContrast(target, exclude, where, NARROW_RULES);
  lines.push(...(await reflowAndScreenshots(target, url, exclude, timersRun, narrow)));
  return lines;
}

/**
 * Runs axe-core (WCAG 2.1 A and AA) on the page, plus what axe leaves undecided or does not test
 * (e2e/a11y.ts: contrast of SVG text and controls, reflow at 320 px and 200 % zoom), saves the
 * screenshots, and throws with a readable list of failures.
 * The source is evaluated in the page, not added as a <script> tag: the CSP forbids inline scripts.
 * Works on pages of a context without JavaScript too.
 */
export async function checkA11y(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  const exclude = options.exclude ?? [];
  const url = page.url();
  const lines = (await pageRunsTimers(page))
    ? await checkPage(page, url, exclude, true)
    : await withScriptlessCopy(page, (copy) => checkPage(copy, url, exclude, true));
  if (lines.length === 0) return;
  const message = [`Accessibility check failed on ${url}:`, ...lines].join('\n');
  // Diagnosis only (never in CI): list every failing page of a run instead of stopping at the first.
  if (process.env.A11Y_LIST_ONLY === '1') console.error(message);
  else throw new Error(message);
}

// ---- Emails written to the outbox directory ---------------------------------------------------

export interface Email {
  file: string;
  to: string;
  subject: string;
  /** The decoded message (quoted-printable and base64 text parts decoded), headers included. */
  text: string;
}

function decodeQuotedPrintable(text: string): string {
  const softBreaks = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < softBreaks.length; i++) {
    const ch = softBreaks[i];
    if (ch === '=' && /^[0-9A-F]{2}$/i.test(softBreaks.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(softBreaks.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeMimeWord(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

/** Parses a raw .eml well enough for tests: headers To/Subject, and every text part decoded. */
export function parseEmail(file: string, raw: string): Email {
  const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => decodeMimeWord(unfolded.match(new RegExp(`^${name}:\\s*(.*)$`, 'mi'))?.[1]?.trim() ?? '');
  const parts: string[] = [];
  // Each MIME part (or the whole message): headers, blank line, body.
  const chunks = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  for (const chunk of chunks) {
    const split = chunk.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const head = chunk.slice(0, split);
    const body = chunk.slice(split).replace(/^\r?\n\r?\n/, '');
    if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) parts.push(decodeQuotedPrintable(body));
    else if (/content-transfer-encoding:\s*base64/i.test(head) && /content-type:\s*text\//i.test(head)) {
      parts.push(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8'));
    } else parts.push(body);
  }
  return { file, to: header('To'), subject: header('Subject'), text: parts.join('\n') };
}

/** Every .eml in the outbox directory, oldest first. */
export function readEmails(server: Pick<TestServer, 'outboxDir'>): Email[] {
  if (!existsSync(server.outboxDir)) return [];
  return readdirSync(server.outboxDir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => join(server.outboxDir, f))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs || a.localeCompare(b))
    .map((file) => parseEmail(file, readFileSync(file, 'utf8')));
}

/** The newest .eml in the outbox directory, or null. */
export function newestEmail(server: Pick<TestServer, 'outboxDir'>): Email | null {
  const all = readEmails(server);
  return all.length > 0 ? all[all.length - 1] : null;
}

/** Waits for an email matching the predicate (the background sender writes it within seconds). */
export async function waitForEmail(
  server: Pick<TestServer, 'outboxDir'>,
  predicate: (mail: Email) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<Email> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = readEmails(server).reverse().find(predicate);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No email arrived in ${server.outboxDir} within ${timeoutMs} ms.`);
}

/** The first absolute link in a text whose path starts with `pathPrefix` (e.g. /wachtwoord/instellen). */
export function linkIn(text: string, pathPrefix: string): string {
  const escaped = pathPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = text.match(new RegExp(`https?://[^\\s"'<>]*${escaped}[^\\s"'<>]*`));
  if (!match) throw new Error(`No link to ${pathPrefix} in the email:\n${text.slice(0, 2000)}`);
  return match[0].replace(/&amp;/g, '&');
}

// ---- PostgreSQL for the journeys ------------------------------------------------------------

/**
 * A fresh PostgreSQL database beside `base` (E2E_POSTGRES_URL, set by `npm run test:e2e` from
 * TEST_DATABASE_URL) for one run of a file's journeys, named after `label`; `drop` removes it.
 */
export async function freshPostgresDatabase(base: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gaz_e2e_${label}_${randomBytes(4).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * A file's journeys on SQLite and, when E2E_POSTGRES_URL is set (npm run test:e2e with
 * TEST_DATABASE_URL), on PostgreSQL: each on a fresh server with the demo scenario, handed to
 * `onServer` before the journeys run and stopped (its database dropped) after them.
 */
export function describeOnEngines(title: string, label: string, onServer: (server: TestServer) => void, journeys: () => void): void {
  const postgres = process.env.E2E_POSTGRES_URL;
  for (const engine of ['SQLite', 'PostgreSQL'] as const) {
    describe(`${title} on ${engine}`, { skip: engine === 'PostgreSQL' && !postgres ? 'E2E_POSTGRES_URL is not set' : false }, () => {
      let server: TestServer | undefined;
      let drop: (() => Promise<void>) | null = null;
      before(async () => {
        const extraEnv: Record<string, string> = {};
        if (engine === 'PostgreSQL' && postgres) {
          const db = await freshPostgresDatabase(postgres, label);
          extraEnv.DATABASE_URL = db.url;
          drop = db.drop;
        }
        server = await startServer({ loadDemo: true, extraEnv });
        onServer(server);
      });
      after(async () => {
        await server?.stop();
        await drop?.();
      });
      journeys();
    });
  }
}

/** Logs in through the login page, as a person would (no JavaScript needed). */
export async function logIn(page: Page, server: TestServer, email: string, password: string): Promise<void> {
  await page.goto(server.url('/inloggen'));
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.locator('main form button[type="submit"]').click()]);
}

/** Staff are sent to enrol two-step verification on their first staff page: read the secret shown, send a code. */
export async function enrolTwoStep(page: Page, server: TestServer, staffPage: string): Promise<void> {
  await page.goto(server.url(staffPage));
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s/g, '');
  await page.fill('input[name="code"]', totpCodeForStep(secret, totpStepAt(new Date())));
  await Promise.all([page.waitForNavigation(), page.locator('main form button[type="submit"]').first().click()]);
}

/** A new staff account (the CLI), logged in and enrolled in two-step verification on `firstPage`. */
export async function signInNewStaff(
  page: Page,
  server: TestServer,
  account: { email: string; password: string; role: 'admin' | 'adviser'; firstPage: string },
): Promise<void> {
  await runCli(server, ['user:create', '--email', account.email, '--role', account.role, '--password', account.password]);
  await logIn(page, server, account.email, account.password);
  await enrolTwoStep(page, server, account.firstPage);
}
