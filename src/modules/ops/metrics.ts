// A small Prometheus registry: request counts and a duration histogram, kept per app instance,
// rendered in the text exposition format (version 0.0.4). No dependency needed for this much.

export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Separates the parts of a map key; cannot occur in a method, route pattern or status. */
const SEP = '\u0000';

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

export class HttpMetrics {
  private requests = new Map<string, number>();
  private durations = new Map<string, Histogram>();

  observe(method: string, route: string, status: number, seconds: number) {
    const hkey = method + SEP + route;
    const key = hkey + SEP + status;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let h = this.durations.get(hkey);
    if (h === undefined) {
      h = { counts: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.durations.set(hkey, h);
    }
    for (let i = 0; i < DURATION_BUCKETS.length; i++) if (seconds <= DURATION_BUCKETS[i]) h.counts[i] += 1;
    h.sum += seconds;
    h.count += 1;
  }

  render(): string[] {
    const out: string[] = [];
    out.push('# HELP http_requests_total HTTP requests answered, by method, route pattern and status.');
    out.push('# TYPE http_requests_total counter');
    for (const [key, n] of this.requests) {
      const [method, route, status] = key.split(SEP);
      out.push(`http_requests_total${labels({ method, route, status })} ${n}`);
    }
    out.push('# HELP http_request_duration_seconds Time to answer an HTTP request, by method and route pattern.');
    out.push('# TYPE http_request_duration_seconds histogram');
    for (const [key, h] of this.durations) {
      const [method, route] = key.split(SEP);
      DURATION_BUCKETS.forEach((le, i) => {
        out.push(`http_request_duration_seconds_bucket${labels({ method, route, le: String(le) })} ${h.counts[i]}`);
      });
      out.push(`http_request_duration_seconds_bucket${labels({ method, route, le: '+Inf' })} ${h.count}`);
      out.push(`http_request_duration_seconds_sum${labels({ method, route })} ${round(h.sum)}`);
      out.push(`http_request_duration_seconds_count${labels({ method, route })} ${h.count}`);
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
