// Every public page and API route under load (issue 12, "Speed of public pages"): the app with the
// 2019 demo scenario beside a bare Fastify route that sends THE SAME BYTES from memory — the app's own
// answer to the same request, recorded first (status, headers, compressed body) — in the same run,
// interleaved (bench/lib.ts: server on CPU 0, autocannon on CPU 1, 127.0.0.1). Target: ≥ 70 % for
// every public page and API route. Browsers ask for brotli, so every request does.
// The routes of modules that exist are found in the running app (their list pages and APIs name the
// slugs and ids); a route that does not answer 200 is listed and skipped.
// BENCH_PUBLIC_ROUTES=netwerk,kaart measures only the routes whose path contains one of those words.
import {
  type BenchServer,
  type Comparison,
  compareWithBaseline,
  type RecordedResponse,
  recordResponse,
  startApp,
  startBaseline,
} from './lib.ts';

const TARGET = 0.7;
const DATE = '2019-09-30';
const HEADERS = { 'accept-encoding': 'br, gzip' };
// Short interleaved rounds (BENCH_DURATION seconds each, BENCH_ROUNDS rounds: bench/lib.ts).
const ROUNDS = { durationSeconds: Number(process.env.BENCH_DURATION ?? 3), warmupSeconds: 1 };

interface Route {
  name: string;
  path: string;
}

const core: Route[] = [
  { name: 'home page', path: '/' },
  { name: 'network page', path: `/netwerk?datum=${DATE}` },
  { name: 'network page, today', path: '/netwerk' },
  { name: 'network table (the map as a table)', path: `/netwerk/gemeenten?datum=${DATE}` },
  { name: 'network answer for a municipality', path: `/netwerk/gemeente/GM0363?datum=${DATE}` },
  { name: 'municipalities', path: '/gemeenten' },
  { name: 'municipality profile', path: '/gemeenten/GM0363' },
  { name: 'map', path: '/kaart' },
  { name: 'accessibility statement', path: '/toegankelijkheid' },
  { name: 'atlas API: one municipality', path: '/api/v1/municipalities/GM0363' },
  { name: 'atlas API: municipalities on a date', path: '/api/v1/municipalities?date=2019-06-01' },
  { name: 'atlas API: provinces', path: '/api/v1/regions?type=province' },
  { name: 'network API: summary', path: `/api/v1/network/summary?date=${DATE}` },
  { name: 'network API: coverage', path: `/api/v1/network/coverage?date=${DATE}` },
  { name: 'network API: coordinators', path: `/api/v1/network/coordinators?date=${DATE}` },
  { name: 'network API: coverage GeoJSON', path: `/api/v1/network/coverage.geojson?date=${DATE}` },
  { name: 'network API: timeline', path: `/api/v1/network/timeline?from=2018-10-01&to=${DATE}` },
  { name: 'network API: search', path: '/api/v1/network/search?q=Weesp' },
];

/** The first value of `field` in the `data` list of a JSON API answer, or null. */
async function firstOf(app: BenchServer, path: string, field: 'id' | 'slug'): Promise<string | null> {
  const res = await fetch(app.url(path));
  if (!res.ok) return null;
  const body = (await res.json()) as { data?: Record<string, unknown>[] };
  const value = body.data?.[0]?.[field];
  return value === undefined || value === null ? null : String(value);
}

/** The first `href="<prefix>…"` in a page's HTML (an edition of the newsletter, an image), or null. */
async function firstLink(app: BenchServer, page: string, prefix: RegExp): Promise<string | null> {
  const res = await fetch(app.url(page));
  if (!res.ok) return null;
  return prefix.exec(await res.text())?.[0] ?? null;
}

/** The path of the first item of a JSON API list that `pick` accepts (its `url` field, or `prefix` + its slug). */
async function firstPath(
  app: BenchServer,
  api: string,
  pick: (item: Record<string, unknown>) => boolean,
  prefix: string,
): Promise<string | null> {
  const res = await fetch(app.url(api));
  if (!res.ok) return null;
  const item = ((await res.json()) as { data?: Record<string, unknown>[] }).data?.find(pick);
  if (!item) return null;
  return typeof item.url === 'string' ? new URL(item.url).pathname : `${prefix}${String(item.slug)}`;
}

interface ApiEvent {
  id: number;
  registration?: { state?: string };
}

/** An event of the demo whose registration is in `state` (open: the page has the registration form; past: it has none). */
async function eventIn(app: BenchServer, state: string): Promise<number | null> {
  const res = await fetch(app.url('/api/v1/events'));
  if (!res.ok) return null;
  const events = ((await res.json()) as { data?: ApiEvent[] }).data ?? [];
  return events.find((e) => e.registration?.state === state)?.id ?? null;
}

/** The public routes of the newer modules, with the demo's slugs and ids. */
async function moduleRoutes(app: BenchServer): Promise<Route[]> {
  // Results are public once a survey is published; the news API lists articles and stories alike.
  const published = (s: Record<string, unknown>) => s.status === 'published';
  const survey = (await firstPath(app, '/api/v1/surveys', published, '/enquetes/'))?.replace('/enquetes/', '') ?? null;
  const surveyRes = await fetch(app.url('/api/v1/surveys'));
  const surveyList = surveyRes.ok ? (((await surveyRes.json()) as { data?: Record<string, unknown>[] }).data ?? []) : [];
  const surveyId = String(surveyList.find(published)?.id ?? surveyList[0]?.id ?? '') || null;
  const openEvent = await eventIn(app, 'open');
  const pastEvent = await eventIn(app, 'past');
  const anyEvent = pastEvent ?? openEvent ?? (await firstOf(app, '/api/v1/events', 'id'));
  const course = await firstOf(app, '/api/v1/courses', 'slug');
  const article = (await firstPath(app, '/api/v1/articles', (a) => a.kind === 'article', '/nieuws/'))?.replace('/nieuws/', '') ?? null;
  const story = await firstLink(app, '/verhalen', /\/verhalen\/[a-z0-9-]+(?=")/);
  const edition = await firstLink(app, '/nieuwsbrief', /\/nieuwsbrief\/(?!aanmelden|aangemeld)[0-9a-z-]+(?=")/);
  const image = article ? await firstLink(app, `/nieuws/${article}`, /\/nieuws\/afbeelding\/[0-9]+-[0-9]+\.(webp|jpg)(?=")/) : null;
  const routes: (Route | null)[] = [
    { name: 'advice: support request page (a public form)', path: '/ondersteuning' },
    { name: 'advice: support request sent', path: '/ondersteuning/verzonden' },
    { name: 'survey: list', path: '/enquetes' },
    survey ? { name: 'survey: published results', path: `/enquetes/${survey}` } : null,
    survey ? { name: 'survey: results CSV', path: `/enquetes/${survey}/resultaten.csv` } : null,
    survey ? { name: 'survey: results XLSX', path: `/enquetes/${survey}/resultaten.xlsx` } : null,
    { name: 'survey API: surveys', path: '/api/v1/surveys' },
    surveyId ? { name: 'survey API: results', path: `/api/v1/surveys/${surveyId}/results` } : null,
    surveyId ? { name: 'survey API: response rate', path: `/api/v1/surveys/${surveyId}/response-rate` } : null,
    { name: 'events: list', path: '/bijeenkomsten' },
    openEvent ? { name: 'events: an event open for registration (a public form)', path: `/bijeenkomsten/${openEvent}` } : null,
    pastEvent ? { name: 'events: a past event', path: `/bijeenkomsten/${pastEvent}` } : null,
    anyEvent ? { name: 'events: calendar file of an event', path: `/bijeenkomsten/${anyEvent}/agenda.ics` } : null,
    { name: 'events: calendar feed', path: '/bijeenkomsten/agenda.ics' },
    { name: 'events API', path: '/api/v1/events' },
    { name: 'academy: catalogue', path: '/academy' },
    course ? { name: 'academy: a course', path: `/academy/cursussen/${course}` } : null,
    { name: 'academy: sign-up (a public form)', path: '/academy/aanmelden' },
    { name: 'academy API: courses', path: '/api/v1/courses' },
    { name: 'news: list', path: '/nieuws' },
    article ? { name: 'news: an article', path: `/nieuws/${article}` } : null,
    { name: 'news: stories', path: '/verhalen' },
    story ? { name: 'news: a story', path: story } : null,
    { name: 'news: RSS feed', path: '/nieuws/feed.xml' },
    { name: 'news: Atom feed', path: '/nieuws/atom.xml' },
    image ? { name: 'news: an image', path: image } : null,
    { name: 'newsletter archive', path: '/nieuwsbrief' },
    edition ? { name: 'newsletter: an edition', path: edition } : null,
    { name: 'newsletter: sign-up (a public form)', path: '/nieuwsbrief/aanmelden' },
    { name: 'newsletter: signed up', path: '/nieuwsbrief/aangemeld' },
    { name: 'news API: articles', path: '/api/v1/articles' },
    article ? { name: 'news API: an article', path: `/api/v1/articles/${article}` } : null,
  ];
  return routes.filter((r): r is Route => r !== null);
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/**
 * Why the public cache would not keep an answer, from its headers (src/http/public-cache-route.ts):
 * it sets a cookie or is not `Cache-Control: public`; '' when it may be kept.
 */
function notKept(recorded: RecordedResponse): string {
  const header = (name: string) => recorded.headers.find(([k]) => k.toLowerCase() === name)?.[1];
  if (header('set-cookie') !== undefined) return 'not kept: sets a cookie';
  if (!/^public\b/.test(header('cache-control') ?? '')) return `not kept: Cache-Control ${header('cache-control') ?? 'missing'}`;
  return '';
}

function summary(results: { route: Route; recorded: RecordedResponse; comparison: Comparison }[], skipped: string[]) {
  console.log(`\nPublic routes against a bare Fastify route sending the same bytes (target ≥ ${TARGET * 100}%):`);
  console.log(`  ${pad('route', 58)} ${pad('bytes', 8)} ${pad('app req/s', 10)} ${pad('bare req/s', 11)} ratio`);
  for (const { route, recorded, comparison: c } of results) {
    const mark = c.ratio >= TARGET ? 'met' : 'NOT met';
    const why = notKept(recorded);
    console.log(
      `  ${pad(route.path, 58)} ${pad(String(recorded.body.length), 8)} ${pad(Math.round(c.app.requestsPerSecond).toLocaleString('en'), 10)} ${pad(Math.round(c.baseline.requestsPerSecond).toLocaleString('en'), 11)} ${(c.ratio * 100).toFixed(0)}% ${mark}${why ? ` (${why})` : ''}`,
    );
  }
  for (const s of skipped) console.log(`  skipped: ${s}`);
  const met = results.filter((r) => r.comparison.ratio >= TARGET).length;
  console.log(`\n${met} of ${results.length} public routes at ≥ ${TARGET * 100}% of the bare route with the same bytes.`);
}

const app = await startApp({ demo: true });
let baseline: BenchServer | null = null;
try {
  const only = (process.env.BENCH_PUBLIC_ROUTES ?? '').split(',').filter(Boolean);
  const candidates = [...core, ...(await moduleRoutes(app))].filter((r) => only.length === 0 || only.some((w) => r.path.includes(w)));
  const recorded: { route: Route; recorded: RecordedResponse }[] = [];
  const skipped: string[] = [];
  for (const route of candidates) {
    // The first answer renders and fills the cache; the second is what every later visitor gets.
    await recordResponse(app, route.path, HEADERS);
    const answer = await recordResponse(app, route.path, HEADERS);
    if (answer.status === 200) recorded.push({ route, recorded: answer });
    else skipped.push(`${route.path} (answered ${answer.status})`);
  }
  baseline = await startBaseline(recorded.map((r) => r.recorded));
  const results = [];
  for (const r of recorded) {
    const comparison = await compareWithBaseline({
      name: r.route.name,
      path: r.route.path,
      headers: HEADERS,
      app,
      baseline,
      baselinePath: r.route.path,
      ...ROUNDS,
    });
    results.push({ ...r, comparison });
  }
  summary(results, skipped);
} finally {
  await baseline?.stop();
  await app.stop();
}
