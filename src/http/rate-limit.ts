// The request limit of the public API: every request to a path under /api/ counts against its
// client address, in a fixed window (config.apiRateLimitPerMinute per 60 s, per app instance).
// Each answer says where the client stands with the headers of the IETF draft "RateLimit header
// fields for HTTP" (draft-ietf-httpapi-ratelimit-headers):
//   RateLimit-Policy: "api";q=600;w=60     the quota and its window, in seconds
//   RateLimit: "api";r=599;t=42            requests remaining, seconds until the window resets
// and a request over the limit gets 429 with Retry-After (seconds). The edge cache counts the
// requests it answers in the same windows (src/http/edge-cache.ts), so a cached answer is limited
// like any other. /healthz and /readyz are not under /api/ and never count. See docs/adr/0012.
import type { IncomingMessage } from 'node:http';

export interface RateLimitPolicy {
  /** The policy's name in the headers. */
  name: string;
  /** Requests per window per client address. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  allowed: boolean;
  remaining: number;
  /** Seconds until the client's window starts again (at least 1). */
  resetSeconds: number;
}

interface Window {
  start: number;
  count: number;
}

/** True for the paths the API limit covers: everything under /api/ (documents, docs and unknown paths too). */
export function isLimitedPath(url: string): boolean {
  return url.startsWith('/api/');
}

/** The client address as Fastify's `req.ip` computes it (left-most X-Forwarded-For when proxies are trusted). */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket?.remoteAddress ?? 'unknown';
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  /** Requests already counted (by the edge cache) that go on to the pipeline: counted once. */
  private readonly counted = new WeakMap<IncomingMessage, RateLimitState>();
  private nextSweep = 0;
  readonly policyHeader: string;

  constructor(
    readonly policy: RateLimitPolicy,
    private readonly clock: () => number = Date.now,
    /** Most client addresses tracked at once; past it, the oldest windows are dropped. */
    private readonly maxKeys = 100_000,
  ) {
    this.policyHeader = `"${policy.name}";q=${policy.limit};w=${policy.windowSeconds}`;
  }

  /** Counts one request of `req` (once, however often it is asked) and says whether it may go on. */
  hit(req: IncomingMessage, key: string): RateLimitState {
    const known = this.counted.get(req);
    if (known) return known;
    const state = this.count(key);
    this.counted.set(req, state);
    return state;
  }

  /** The `RateLimit` header value for a state. */
  header(state: RateLimitState): string {
    return `"${this.policy.name}";r=${state.remaining};t=${state.resetSeconds}`;
  }

  private count(key: string): RateLimitState {
    const now = this.clock();
    const windowMs = this.policy.windowSeconds * 1000;
    if (now >= this.nextSweep) this.sweep(now, windowMs);
    let w = this.windows.get(key);
    if (w === undefined || now - w.start >= windowMs) {
      // A new window goes to the end of the Map's order, so the oldest are first to drop.
      this.windows.delete(key);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > this.maxKeys) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
    }
    w.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
    const allowed = w.count <= this.policy.limit;
    return { allowed, remaining: Math.max(0, this.policy.limit - w.count), resetSeconds };
  }

  /** Drops windows that ended (at most once per window length). */
  private sweep(now: number, windowMs: number) {
    this.nextSweep = now + windowMs;
    for (const [key, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(key);
  }

  /** How many client addresses are tracked (for tests). */
  get size(): number {
    return this.windows.size;
  }
}

/** The edge cache's gate for this limiter: fresh headers on a cached /api/ answer, or null over the limit. */
export function edgeGateFor(limiter: RateLimiter, trustProxy: boolean): (req: IncomingMessage) => readonly string[] | null {
  const none: readonly string[] = [];
  return (req) => {
    if (!isLimitedPath(req.url ?? '')) return none;
    const state = limiter.hit(req, clientAddress(req, trustProxy));
    return state.allowed ? ['ratelimit-policy', limiter.policyHeader, 'ratelimit', limiter.header(state)] : null;
  };
}
