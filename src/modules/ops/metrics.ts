// A small Prometheus registry: request counts and a duration histogram, kept per app instance,
// rendered in the text exposition format (version 0.0.4). No dependency needed for this much.

export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Counts and durations of one (method, route pattern). */
interface RouteStats {
  method: string;
  route: string;
  byStatus: Map<number, number>;
  /** Requests per bucket, not cumulative (render adds them up); past the last bucket: only in count. */
  buckets: number[];
  sum: number;
  count: number;
}

export class HttpMetrics {
  /** method → route pattern → stats: two lookups and no string building per request. */
  private stats = new Map<string, Map<string, RouteStats>>();

  observe(method: string, route: string, status: number, seconds: number) {
    let byRoute = this.stats.get(method);
    if (byRoute === undefined) {
      byRoute = new Map();
      this.stats.set(method, byRoute);
    }
    let s = byRoute.get(route);
    if (s === undefined) {
      s = { method, route, byStatus: new Map(), buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
      byRoute.set(route, s);
    }
    s.byStatus.set(status, (s.byStatus.get(status) ?? 0) + 1);
    let i = 0;
    while (i < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[i]) i++;
    if (i < DURATION_BUCKETS.length) s.buckets[i] += 1;
    s.sum += seconds;
    s.count += 1;
  }

  private all(): RouteStats[] {
    return [...this.stats.values()].flatMap((byRoute) => [...byRoute.values()]);
  }

  render(): string[] {
    const out: string[] = [];
    out.push('# HELP http_requests_total HTTP requests answered, by method, route pattern and status.');
    out.push('# TYPE http_requests_total counter');
    for (const { method, route, byStatus } of this.all()) {
      for (const [status, n] of byStatus) out.push(`http_requests_total${labels({ method, route, status: String(status) })} ${n}`);
    }
    out.push('# HELP http_request_duration_seconds Time to answer an HTTP request, by method and route pattern.');
    out.push('# TYPE http_request_duration_seconds histogram');
    for (const { method, route, buckets, sum, count } of this.all()) {
      let cumulative = 0;
      DURATION_BUCKETS.forEach((le, i) => {
        cumulative += buckets[i];
        out.push(`http_request_duration_seconds_bucket${labels({ method, route, le: String(le) })} ${cumulative}`);
      });
      out.push(`http_request_duration_seconds_bucket${labels({ method, route, le: '+Inf' })} ${count}`);
      out.push(`http_request_duration_seconds_sum${labels({ method, route })} ${round(sum)}`);
      out.push(`http_request_duration_seconds_count${labels({ method, route })} ${count}`);
    }
    return out;
  }
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** `{a="1",b="2"}` with values escaped as the exposition format requires. */
export function labels(values: Record<string, string>): string {
  const parts = Object.entries(values).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** One gauge with its HELP and TYPE lines. */
export function gauge(name: string, help: string, samples: { labels?: Record<string, string>; value: number }[]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples.map((s) => `${name}${labels(s.labels ?? {})} ${s.value}`)];
}
