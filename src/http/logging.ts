// Request loggers that cost nothing until something is logged. Fastify gives every request a pino
// child logger carrying its request id; creating it on every request was a quarter of the cost of a
// small JSON response. This child is made on the first call at an enabled level.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
type LogFn = (...args: unknown[]) => void;

/**
 * A class rather than an object of closures: nothing is allocated per request beyond the instance
 * (the dev-time transpiler wraps every closure it creates in a naming helper, which showed in profiles).
 */
class LazyChildLogger {
  private real: FastifyBaseLogger | undefined;
  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Record<string, unknown>,
    private readonly options: object,
  ) {}
  private materialise(): FastifyBaseLogger {
    if (this.real === undefined) this.real = this.parent.child(this.bindings, this.options);
    return this.real;
  }
  private write(level: Level, args: unknown[]) {
    if (this.real === undefined) {
      const check = (this.parent as unknown as { isLevelEnabled?: (l: string) => boolean }).isLevelEnabled;
      if (check !== undefined && !check.call(this.parent, level)) return;
    }
    (this.materialise()[level] as LogFn)(...args);
  }
  get level(): string {
    return this.real ? this.real.level : this.parent.level;
  }
  set level(value: string) {
    this.materialise().level = value;
  }
  silent() {}
  child(bindings: Record<string, unknown>, options?: object) {
    return this.materialise().child(bindings, options);
  }
  fatal(...args: unknown[]) {
    this.write('fatal', args);
  }
  error(...args: unknown[]) {
    this.write('error', args);
  }
  warn(...args: unknown[]) {
    this.write('warn', args);
  }
  info(...args: unknown[]) {
    this.write('info', args);
  }
  debug(...args: unknown[]) {
    this.write('debug', args);
  }
  trace(...args: unknown[]) {
    this.write('trace', args);
  }
}

export function lazyChildLogger(parent: FastifyBaseLogger, bindings: Record<string, unknown>, options: object): FastifyBaseLogger {
  return new LazyChildLogger(parent, bindings, options) as unknown as FastifyBaseLogger;
}

/** The request id: the caller's X-Request-Id when it looks like one, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
const REQUEST_ID = /^[\w-]{8,64}$/;

/** The fields of the one log line per request; the path only (query strings may carry tokens or names). */
export function completedLine(method: string, url: string, route: string | undefined, status: number, ms: number) {
  return { method, url: url.split('?')[0], route, status, ms: Math.round(ms) };
}
