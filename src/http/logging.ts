// Request loggers that cost nothing until something is logged. Fastify gives every request a pino
// child logger carrying its request id; creating it on every request was a quarter of the cost of a
// small JSON response. This child is made on the first call at an enabled level.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

export function lazyChildLogger(parent: FastifyBaseLogger, bindings: Record<string, unknown>, options: object): FastifyBaseLogger {
  let real: FastifyBaseLogger | undefined;
  const materialise = () => (real ??= parent.child(bindings, options));
  const enabled = (level: string) => {
    const check = (parent as unknown as { isLevelEnabled?: (l: string) => boolean }).isLevelEnabled;
    return check ? check.call(parent, level) : true;
  };
  const lazy = {
    get level() {
      return real ? real.level : parent.level;
    },
    set level(value: string) {
      materialise().level = value;
    },
    silent: () => {},
    child: (b: Record<string, unknown>, o?: object) => materialise().child(b, o),
  } as unknown as Record<string, unknown>;
  for (const level of LEVELS) {
    lazy[level] = (...args: unknown[]) => {
      if (real || enabled(level)) (materialise() as unknown as Record<string, (...a: unknown[]) => void>)[level](...args);
    };
  }
  return lazy as unknown as FastifyBaseLogger;
}

/** The request id: the caller's X-Request-Id when it looks like one, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
const REQUEST_ID = /^[\w-]{8,64}$/;
