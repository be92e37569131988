// Benchmark helpers. On a 2-core machine single runs vary by 30–40%, so every figure is printed
// beside a bare Fastify server measured in the same run (in interleaved rounds), with the server pinned to CPU 0 and the
// load generator (autocannon) to CPU 1. Only 127.0.0.1 is ever loaded.
//
//   import { compareWithBaseline } from './lib.ts';
//   await compareWithBaseline({ name: 'home page', path: '/' });
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

export const DEFAULT_DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 12);
export const DEFAULT_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** A comparison runs the bare server and the app this many times each, interleaved. */
export const DEFAULT_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

/** The command pinned to one CPU when taskset exists (it does on Debian). */
function pinned(cpu: number, command: string, args: string[]): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', String(cpu), command, ...args]] : [command, args];
}

export interface BenchServer {
  name: string;
  port: number;
  url: (path: string) => string;
  stop: () => Promise<void>;
}

async function startServerScript(name: string, script: string, env: Record<string, string>): Promise<BenchServer> {
  const [command, args] = pinned(0, process.execPath, ['--import', 'tsx', script]);
  const child: ChildProcess = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 120 s:\n${output}`)), 120_000);
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const match = output.match(/READY (\d+)/);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    name,
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A response as the app sent it, byte for byte, to be sent again by the bare server. */
export interface RecordedResponse {
  path: string;
  status: number;
  /** As sent, less those that belong to one connection or moment (Date, Connection, Keep-Alive, Content-Length). */
  headers: [string, string][];
  body: Buffer;
}

const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** GETs `path` from a server on 127.0.0.1 and keeps the answer exactly as it came (not decompressed). */
export function recordResponse(server: BenchServer, path: string, headers: Record<string, string> = {}): Promise<RecordedResponse> {
  return new Promise((resolveAnswer, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const kept: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          if (!PER_CONNECTION.has(res.rawHeaders[i].toLowerCase())) kept.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        }
        resolveAnswer({ path, status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A bare Fastify server, pinned to CPU 0: one constant-JSON route, or, given recorded responses, one
 * route that sends each of them (same status, headers and bytes) from memory for its exact URL.
 */
export async function startBaseline(responses: RecordedResponse[] = []): Promise<BenchServer> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  let dir: string | null = null;
  if (responses.length > 0) {
    dir = mkdtempSync(join(tmpdir(), 'gaz-baseline-'));
    const file = join(dir, 'responses.json');
    writeFileSync(file, JSON.stringify(responses.map((r) => ({ ...r, body: r.body.toString('base64') }))));
    env.BASELINE_RESPONSES = file;
  }
  const server = await startServerScript(
    responses.length > 0 ? 'bare Fastify (same bytes)' : 'bare Fastify',
    'bench/servers/baseline.ts',
    env,
  );
  return {
    ...server,
    stop: async () => {
      await server.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface AppServerOptions {
  /** Load the 2019 demo scenario into the temporary database first. */
  demo?: boolean;
  /** Extra environment variables for the app. */
  env?: Record<string, string>;
}

/** Our app (buildApp, production-like config, temporary SQLite database), pinned to CPU 0. */
export async function startApp(options: AppServerOptions = {}): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gaz-bench-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123456789',
    PUBLIC_BASE_URL: 'http://127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    DATA_DIR: dir,
    OUTBOX_DIR: join(dir, 'outbox'),
    LOG_LEVEL: 'warn',
    OUTBOX_SENDER: '0',
    BENCH_DEMO: options.demo ? '1' : '0',
    ...(process.env.REFERENCE_DATA ? { REFERENCE_DATA: process.env.REFERENCE_DATA } : {}),
    ...(options.env ?? {}),
  };
  const server = await startServerScript('this app', 'bench/servers/app.ts', env);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface LoadOptions {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  durationSeconds?: number;
  connections?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Runs autocannon (its CLI, pinned to CPU 1) against a server on 127.0.0.1. */
export async function runLoad(server: BenchServer, options: LoadOptions): Promise<LoadResult> {
  const url = server.url(options.path);
  if (!url.startsWith('http://127.0.0.1:')) throw new Error('Benchmarks load 127.0.0.1 only.');
  const args = [
    require.resolve('autocannon/autocannon.js'),
    '--json',
    '-c',
    String(options.connections ?? DEFAULT_CONNECTIONS),
    '-d',
    String(options.durationSeconds ?? DEFAULT_DURATION_SECONDS),
    '-m',
    options.method ?? 'GET',
  ];
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (options.body !== undefined) args.push('-b', options.body);
  args.push(url);
  const [command, pinnedArgs] = pinned(1, process.execPath, args);
  const child = spawn(command, pinnedArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
  if (code !== 0) throw new Error(`autocannon exited with ${code}: ${stderr}`);
  const json = JSON.parse(stdout.slice(stdout.indexOf('{')));
  return {
    requestsPerSecond: json.requests.average,
    latencyP50: json.latency.p50,
    latencyP99: json.latency.p99,
    non2xx: json.non2xx ?? 0,
    errors: json.errors ?? 0,
    timeouts: json.timeouts ?? 0,
  };
}

/** Rounds of one server as one figure: mean throughput, median latencies, summed failures. */
function combine(rounds: LoadResult[]): LoadResult {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    requestsPerSecond: rounds.reduce((sum, r) => sum + r.requestsPerSecond, 0) / rounds.length,
    latencyP50: median(rounds.map((r) => r.latencyP50)),
    latencyP99: median(rounds.map((r) => r.latencyP99)),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    timeouts: rounds.reduce((sum, r) => sum + r.timeouts, 0),
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function formatRow(label: string, r: LoadResult): string {
  return `  ${pad(label, 34)} ${pad(Math.round(r.requestsPerSecond).toLocaleString('en'), 10)} ${pad(`${r.latencyP50} ms`, 10)} ${pad(`${r.latencyP99} ms`, 10)}${r.non2xx > 0 ? `  (${r.non2xx} non-2xx)` : ''}${r.errors > 0 ? `  (${r.errors} errors)` : ''}`;
}

export interface Comparison {
  name: string;
  path: string;
  baseline: LoadResult;
  app: LoadResult;
  /** The app's throughput as a share of the bare server's. */
  ratio: number;
  /** The app's throughput as a share of the bare server's, per round. */
  roundRatios: number[];
}

export interface CompareOptions extends LoadOptions {
  name: string;
  /** A running app to reuse (e.g. one with demo data, for several routes). */
  app?: BenchServer;
  appOptions?: AppServerOptions;
  warmupSeconds?: number;
  /**
   * The bare server sends the app's own answer to this request (status, headers, bytes) from memory,
   * instead of a constant JSON: the comparison then measures only what the app adds.
   */
  sameBytes?: boolean;
  /** A running bare server to reuse (started with the recorded responses), and the path to load on it. */
  baseline?: BenchServer;
  baselinePath?: string;
}

/**
 * Measures a route of the app beside the bare Fastify server, in the same run, and prints both.
 */
export async function compareWithBaseline(options: CompareOptions): Promise<Comparison> {
  const appServer = options.app ?? (await startApp(options.appOptions));
  let baselineServer = options.baseline;
  let baselinePath = options.baselinePath ?? '/';
  try {
    if (!baselineServer) {
      if (options.sameBytes) {
        await recordResponse(appServer, options.path, options.headers);
        baselineServer = await startBaseline([await recordResponse(appServer, options.path, options.headers)]);
        baselinePath = options.path;
      } else {
        baselineServer = await startBaseline();
      }
    }
    return await measure(options, appServer, baselineServer, baselinePath);
  } finally {
    if (!options.baseline) await baselineServer?.stop();
    if (!options.app) await appServer.stop();
  }
}

async function measure(
  options: CompareOptions,
  appServer: BenchServer,
  baselineServer: BenchServer,
  baselinePath: string,
): Promise<Comparison> {
  const warmup = options.warmupSeconds ?? 2;
  if (warmup > 0) {
    await runLoad(baselineServer, { ...options, path: baselinePath, durationSeconds: warmup });
    await runLoad(appServer, { ...options, durationSeconds: warmup });
  }
  // Interleaved rounds, alternating which goes first, so that a slower or faster spell of the
  // machine falls on both servers alike rather than on one of them.
  const rounds = Math.max(1, DEFAULT_ROUNDS);
  const seconds = Math.max(1, Math.round((options.durationSeconds ?? DEFAULT_DURATION_SECONDS) / rounds));
  const baselineRounds: LoadResult[] = [];
  const appRounds: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    const measureBaseline = () =>
      runLoad(baselineServer, { ...options, path: baselinePath, durationSeconds: seconds }).then((r) => baselineRounds.push(r));
    const measureApp = () => runLoad(appServer, { ...options, durationSeconds: seconds }).then((r) => appRounds.push(r));
    if (round % 2 === 0) {
      await measureBaseline();
      await measureApp();
    } else {
      await measureApp();
      await measureBaseline();
    }
  }
  const baseline = combine(baselineRounds);
  const app = combine(appRounds);
  const ratio = app.requestsPerSecond / baseline.requestsPerSecond;
  const roundRatios = appRounds.map((a, i) => a.requestsPerSecond / baselineRounds[i].requestsPerSecond);
  console.log(
    `\n${options.name}: ${options.method ?? 'GET'} ${options.path}, ${options.connections ?? DEFAULT_CONNECTIONS} connections, ${rounds} × ${seconds} s each, interleaved${hasTaskset ? ', server on CPU 0, load on CPU 1' : ''}`,
  );
  console.log(`  ${pad('', 34)} ${pad('req/s', 10)} ${pad('p50', 10)} ${pad('p99', 10)}`);
  console.log(formatRow(baselineServer.name === 'bare Fastify' ? 'bare Fastify (constant JSON)' : baselineServer.name, baseline));
  console.log(formatRow('this app', app));
  console.log(
    `  ratio: the app serves ${(ratio * 100).toFixed(0)}% of the bare server's requests per second (rounds: ${roundRatios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')})`,
  );
  if (app.non2xx > 0) console.log(`  note: ${app.non2xx} responses were not 2xx: check the path and permissions.`);
  return { name: options.name, path: options.path, baseline, app, ratio, roundRatios };
}
