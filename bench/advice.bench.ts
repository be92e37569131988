// Advice benchmarks (issue 13), printed, on SQLite and — when BENCH_DATABASE_URL or TEST_DATABASE_URL
// names a PostgreSQL server — on PostgreSQL. The bench generates 100,000 interactions over ten years
// (2016–2025, on the municipalities of their date, one to three each, a tenth with a region, advisers,
// contacts present, a follow-up task for every third), 5,000 contacts and ten years of policy-status
// history for every municipality, then measures through the real app (app.inject, so routing,
// permission, queries and rendering — the server time):
// - the programme dashboard for a one-year period (figures, tables and both maps): < 200 ms;
// - a text search of the interactions (the list page with `q`): p95 < 50 ms;
// - the policy status of all municipalities on a date (GET /api/v1/policy-status): < 50 ms.
// Every dashboard and policy figure is the FIRST request for its period or date (nothing of it cached
// yet), then the median of repeats. `BENCH_INTERACTIONS` and `BENCH_CONTACTS` scale the data;
// `BENCH_COLD_MAPS=1` leaves out the maps the server draws at start (WARM_MAPS); `BENCH_LOG_SEARCHES=1`
// prints every search with its time (to find the slow ones). Each line also gives the CPU time of
// this process per request: on SQLite all of the server's work, on PostgreSQL without the database
// server's; on a shared, loaded machine it is the steadier figure.
//
//   npx tsx bench/advice.bench.ts          BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/advice.bench.ts
import { sql } from 'kysely';
import { type Db, dialectOf } from '../src/db/database.ts';
import { municipalitiesOn, regionsByType } from '../src/modules/atlas/index.ts';
import { startMapWarmUp } from '../src/modules/atlas/warm-maps.ts';
import { createAtlasTestApp } from '../test/helpers/atlas.ts';
import { createUser, type LoggedIn, loginAs } from '../test/helpers/auth.ts';

const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 100_000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 5_000);
const YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i);
const TYPES = ['advice-conversation', 'regional-consultation', 'phone', 'email', 'workshop', 'presentation', 'intake'] as const;
const BLOCKS = [
  'policy-adopted',
  'contact-official',
  'administrative-approach',
  'signal-route',
  'frontline-trained',
  'all-forms-covered',
  'awareness-partners',
  'chain-consultation',
  'regional-agreements',
  'shelter-arrangements',
];
/** Words of the summaries: the first are common, the last rare (a rough Zipf spread). */
const WORDS = (
  'gesprek gemeente aanpak mensenhandel signalen beleid afspraken regio zorgcoördinator overleg vervolg training ' +
  'frontlijn wijkteam meldroute uitbuiting arbeidsuitbuiting seksuele criminele opvang slachtoffers politie ' +
  'arbeidsinspectie riec casusoverleg veiligheidsplan paragraaf wethouder burgemeester aandachtsfunctionaris ' +
  'vergunningen prostitutiebeleid apv horeca bewustwording voorlichting ondernemers inwoners convenant ' +
  'ketenpartners ggd veiligheidshuis werkgroep evaluatie plan van aanpak begroting capaciteit netwerk kennis ' +
  'scholing congres workshop presentatie verslag conceptbeleid advies raadsvoorstel collegebesluit regionale ' +
  'samenwerking uitvoering monitoring signalering melding doorverwijzing hulpverlening huisvesting ' +
  'bestuurlijke aanpak handhaving toezicht controle massagesalons uitzendbureaus seizoenswerk landbouw ' +
  'distributiecentra loverboys minderjarigen ontvoering gedwongen bedelarij drugshandel witwassen'
).split(' ');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (n: number) => `${n.toFixed(1)} ms`;
const verdict = (n: number, limit: number) => (n < limit ? 'met' : 'NOT met');

/** A deterministic pseudo-random sequence (the same data on both engines). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
let rand = rng(13);
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
/** Skewed towards the start of the list. */
const pickSkewed = <T>(list: readonly T[]) => list[Math.floor(rand() ** 2.2 * list.length)];

function dayOf(year: number, day: number): string {
  const d = new Date(Date.UTC(year, 0, 1 + day));
  return d.toISOString().slice(0, 10);
}

function summary(): string {
  const n = 25 + Math.floor(rand() * 50);
  return Array.from({ length: n }, () => pickSkewed(WORDS)).join(' ');
}

async function insertBatched<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

interface World {
  byYear: Map<number, string[]>;
  regions: string[];
  advisers: number[];
}

async function generateContacts(db: Db, world: World): Promise<Map<string, number[]>> {
  const codes = world.byYear.get(2025)!;
  const at = '2025-06-01T10:00:00.000Z';
  const rows = Array.from({ length: CONTACTS }, (_, i) => ({
    municipality_code: codes[i % codes.length],
    region_code: null,
    name: `Persoon ${i} (bench)`,
    role: pick(['aandachtsfunctionaris', 'policy-safety', 'manager-social', 'alderman', 'mayor', 'other'] as const),
    email: `persoon${i}@bench.invalid`,
    email_key: `persoon${i}@bench.invalid`,
    phone: null,
    since: '2016-01-01',
    until: null,
    lawful_basis: 'public-task' as const,
    erased_at: null,
    created_at: at,
    updated_at: at,
  }));
  const byCode = new Map<string, number[]>();
  await insertBatched(rows, 500, async (batch) => {
    const ids = await db.insertInto('advice_contacts').values(batch).returning(['id', 'municipality_code']).execute();
    for (const r of ids) byCode.set(r.municipality_code!, [...(byCode.get(r.municipality_code!) ?? []), Number(r.id)]);
  });
  return byCode;
}

async function generateInteractions(db: Db, world: World, contacts: Map<string, number[]>) {
  const perYear = Math.ceil(INTERACTIONS / YEARS.length);
  let made = 0;
  for (const year of YEARS) {
    const codes = world.byYear.get(year)!;
    const count = Math.min(perYear, INTERACTIONS - made);
    const planned = Array.from({ length: count }, () => {
      const named = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pickSkewed(codes));
      return { date: dayOf(year, Math.floor(rand() * 364)), named: [...new Set(named)], region: rand() < 0.1 ? pick(world.regions) : null };
    });
    const at = `${year}-12-31T12:00:00.000Z`;
    const rows = planned.map((p, i) => ({
      date: p.date,
      type: pick(TYPES),
      subject: `${pickSkewed(WORDS)} ${pickSkewed(WORDS)} ${i}`,
      summary: summary(),
      region_code: p.region,
      origin: 'staff',
      created_by: world.advisers[0],
      created_at: at,
      updated_at: at,
    }));
    const ids: number[] = [];
    await insertBatched(rows, 500, async (batch) => {
      for (const r of await db.insertInto('advice_interactions').values(batch).returning('id').execute()) ids.push(Number(r.id));
    });
    const links = planned.flatMap((p, i) =>
      p.named.map((code) => ({ interaction_id: ids[i], municipality_code: code, interaction_date: p.date })),
    );
    await insertBatched(links, 1000, (b) => db.insertInto('advice_interaction_municipalities').values(b).execute());
    const advisers = ids.map((id) => ({ interaction_id: id, user_id: pick(world.advisers) }));
    await insertBatched(advisers, 1000, (b) => db.insertInto('advice_interaction_advisers').values(b).execute());
    const present = planned.flatMap((p, i) => {
      const list = contacts.get(p.named[0]) ?? [];
      return list.length > 0 && rand() < 0.6 ? [{ interaction_id: ids[i], contact_id: pick(list) }] : [];
    });
    await insertBatched(present, 1000, (b) => db.insertInto('advice_interaction_contacts').values(b).execute());
    const tasks = ids
      .filter((_, i) => i % 3 === 0)
      .map((id, i) => ({
        interaction_id: id,
        title: 'Vervolgafspraak maken',
        owner_user_id: pick(world.advisers),
        due_date: `${year}-12-31`,
        done_at: i % 10 === 0 ? null : at,
        done_by: i % 10 === 0 ? null : world.advisers[0],
        created_at: at,
      }));
    await insertBatched(tasks, 500, (b) => db.insertInto('advice_tasks').values(b).execute());
    made += count;
  }
  return made;
}

/** Every municipality of 2016 and 2025: each block changes three or four times over the ten years. */
async function generatePolicyHistory(db: Db, world: World): Promise<number> {
  const codes = [...new Set([...world.byYear.get(2016)!, ...world.byYear.get(2025)!])];
  const rows = codes.flatMap((code) =>
    BLOCKS.flatMap((block) =>
      ['not-started', 'in-progress', 'in-place', 'in-place'].slice(0, 3 + Math.floor(rand() * 2)).map((status, k) => {
        const date = dayOf(2016 + k * 3, Math.floor(rand() * 300));
        return {
          municipality_code: code,
          block_id: block,
          blocks_version: 1,
          status: status as 'not-started' | 'in-progress' | 'in-place',
          evidence_url: null,
          evidence_note: k === 0 ? null : 'Onderbouwing (bench)',
          effective_date: date,
          source: 'adviser' as const,
          reviews_id: null,
          set_by: world.advisers[0],
          set_by_label: 'bench',
          recorded_at: `${date}T10:00:00.000Z`,
        };
      }),
    ),
  );
  await insertBatched(rows, 500, (b) => db.insertInto('advice_policy_statuses').values(b).execute());
  return rows.length;
}

type Get = (url: string) => Promise<number>;

/** CPU time of this process per request (user + system, ms): on a loaded machine it moves less than the wall clock. */
const cpuTimes: number[] = [];
function cpuSummary(): string {
  const xs = cpuTimes.splice(0);
  return `CPU of this process per request median ${ms(median(xs))}, max ${ms(Math.max(...xs))}`;
}

async function benchDashboard(label: string, get: Get) {
  const periods = [
    ['2016-01-01', '2016-12-31'],
    ['2018-10-01', '2019-09-30'],
    ['2021-07-01', '2022-06-30'],
    ['2025-01-01', '2025-12-31'],
  ];
  const firsts: number[] = [];
  const repeats: number[] = [];
  for (const [from, to] of periods) {
    firsts.push(await get(`/beheer/advies/dashboard?van=${from}&tot=${to}`));
    for (let i = 0; i < 3; i++) repeats.push(await get(`/beheer/advies/dashboard?van=${from}&tot=${to}`));
  }
  const worst = Math.max(...firsts);
  console.log(
    `${label}: dashboard for a one-year period (${periods.length} periods, ~${Math.round(INTERACTIONS / 10).toLocaleString('en')} interactions each): first request ${firsts.map(ms).join(', ')}; worst ${ms(worst)} (target < 200 ms: ${verdict(worst, 200)}); repeats median ${ms(median(repeats))}; ${cpuSummary()}`,
  );
}

async function benchSearch(label: string, get: Get) {
  const queries = [
    ...WORDS.slice(0, 10),
    ...WORDS.slice(-10),
    ...Array.from({ length: 10 }, (_, i) => `${WORDS[i]} ${WORDS[WORDS.length - 1 - i]}`),
    ...Array.from({ length: 10 }, (_, i) => `${WORDS[3 * i].slice(0, 5)}`),
  ];
  const times: number[] = [];
  const search = async (url: string) => {
    const took = await get(url);
    if (process.env.BENCH_LOG_SEARCHES) console.log(`  ${ms(took).padStart(9)}  ${decodeURIComponent(url)}`);
    times.push(took);
  };
  for (const [round, q] of queries.entries()) {
    const filter = round % 4 === 3 ? '&gemeente=GM0363' : round % 4 === 2 ? '&van=2019-01-01&tot=2019-12-31' : '';
    await search(`/beheer/advies/interacties?q=${encodeURIComponent(q)}${filter}`);
  }
  for (const q of queries) await search(`/beheer/advies/interacties?q=${encodeURIComponent(q)}&pagina=2`);
  console.log(
    `${label}: text search, ${times.length} searches (common and rare words, two words, prefixes, with municipality or period): median ${ms(median(times))}, p95 ${ms(p95(times))} (target < 50 ms: ${verdict(p95(times), 50)}), max ${ms(Math.max(...times))}; ${cpuSummary()}`,
  );
}

async function benchPolicy(label: string, get: Get) {
  const dates = ['2016-06-30', '2019-10-31', '2022-01-01', '2025-12-31'];
  const firsts: number[] = [];
  const repeats: number[] = [];
  for (const d of dates) {
    firsts.push(await get(`/api/v1/policy-status?date=${d}`));
    for (let i = 0; i < 3; i++) repeats.push(await get(`/api/v1/policy-status?date=${d}`));
  }
  const worst = Math.max(...firsts);
  console.log(
    `${label}: policy status of all municipalities on a date (API, ${dates.length} dates): first request ${firsts.map(ms).join(', ')}; worst ${ms(worst)} (target < 50 ms: ${verdict(worst, 50)}); repeats median ${ms(median(repeats))}; ${cpuSummary()}`,
  );
}

async function benchEngine(label: string) {
  rand = rng(13);
  const t = await createAtlasTestApp(() => new Date('2026-01-15T10:00:00Z'));
  try {
    const db = t.deps.db;
    const users = [];
    for (let i = 0; i < 8; i++) users.push(await createUser(t.deps, { role: 'adviser', name: `Adviseur ${i} (bench)` }));
    const byYear = new Map<number, string[]>();
    for (const y of YEARS)
      byYear.set(
        y,
        (await municipalitiesOn(db, `${y}-01-01`)).map((m) => m.code),
      );
    const regions = [...(await regionsByType(db, 'province', '2020-01-01')), ...(await regionsByType(db, 'safety-region', '2020-01-01'))];
    const world: World = { byYear, regions: regions.map((r) => r.code), advisers: users.map((u) => u.id) };
    const started = performance.now();
    const contacts = await generateContacts(db, world);
    const interactions = await generateInteractions(db, world, contacts);
    const statuses = await generatePolicyHistory(db, world);
    console.log(
      `${label}: generated ${interactions.toLocaleString('en')} interactions (2016–2025), ${CONTACTS.toLocaleString('en')} contacts and ${statuses.toLocaleString('en')} policy-status rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    // A live PostgreSQL database has been vacuumed and analysed by autovacuum after a bulk load;
    // without it the planner guesses the tables' sizes and index-only scans visit every row.
    if (dialectOf(db) === 'postgres') await sql`VACUUM ANALYZE`.execute(db);
    const session: LoggedIn = await loginAs(t, users[0]);
    const get: Get = async (url) => {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const res = await t.app.inject({ url, cookies: session.cookies });
      const took = performance.now() - start;
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      return took;
    };
    // What the server does at start (WARM_MAPS, src/modules/atlas/warm-maps.ts): the 2019 and the
    // current map projected once in the background. BENCH_COLD_MAPS=1 leaves it out (a cold process).
    if (process.env.BENCH_COLD_MAPS !== '1') {
      const warm = startMapWarmUp({ ...t.deps, config: { ...t.deps.config, warmMapsAtStart: true } }, t.app.log);
      console.log(`${label}: maps drawn at start: ${await warm.drawn}`);
    } else console.log(`${label}: maps not drawn at start (BENCH_COLD_MAPS=1)`);
    await get('/beheer/advies'); // the first request of the app (templates, assets)
    cpuTimes.length = 0;
    await benchDashboard(label, get);
    await benchSearch(label, get);
    await benchPolicy(label, get);
  } finally {
    await t.close();
  }
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
delete process.env.TEST_DATABASE_URL;
await benchEngine('SQLite');
if (pgUrl) {
  process.env.TEST_DATABASE_URL = pgUrl;
  await benchEngine('PostgreSQL');
} else {
  console.log(
    'PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/test)',
  );
}
