// The capacity race at full scale: 500 concurrent registrations for an event of 100 places, on
// SQLite and (with TEST_DATABASE_URL) PostgreSQL. Prints the outcome and the time taken; the
// counts must be exactly 100 registered and 400 on the waiting list.
//   npx tsx bench/events.bench.ts            TEST_DATABASE_URL=postgres://… npx tsx bench/events.bench.ts
import { testConfig } from '../src/config.ts';
import type { AppDeps } from '../src/deps.ts';
import { SYSTEM_ACTOR } from '../src/http/request-user.ts';
import { importReferenceData } from '../src/modules/atlas/index.ts';
import { createEvent, getEvent, registerForEvent, registrationLinks } from '../src/modules/events/index.ts';
import { modules } from '../src/modules/index.ts';
import { REFERENCE_DIR } from '../test/helpers/atlas.ts';
import { createTestDatabase } from '../test/helpers/db.ts';

async function race(label: string, env: string | undefined) {
  if (env) process.env.TEST_DATABASE_URL = env;
  else delete process.env.TEST_DATABASE_URL;
  const database = await createTestDatabase();
  const now = new Date('2019-10-01T10:00:00Z');
  const deps: AppDeps = { config: testConfig({ databaseUrl: database.url }), db: database.db, now: () => now, modules };
  try {
    await importReferenceData(deps, REFERENCE_DIR);
    const ctx = { db: deps.db, actor: SYSTEM_ACTOR, now };
    const id = await createEvent(ctx, {
      title: 'Drukbezochte workshop',
      type: 'workshop',
      audiences: ['frontline-staff'],
      description: 'Benchmark.',
      date: '2019-10-31',
      startTime: '13:30',
      endTime: '15:00',
      place: 'Utrecht',
      onlineUrl: undefined,
      organisers: 'Bench',
      capacity: 100,
      registrationOpens: '2019-09-01',
      registrationCloses: '2019-10-30',
      access: 'public',
      questions: '',
      targetProvince: undefined,
      targetCodes: [],
      status: 'published',
    });
    const links = registrationLinks('bench-secret', 'http://127.0.0.1');
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        registerForEvent(ctx, links, id, {
          name: `Persoon ${i}`,
          email: `p${i}@example.org`,
          organisation: 'Gemeente',
          municipality: i % 5 === 0 ? 'other' : 'GM0363',
        }),
      ),
    );
    const ms = performance.now() - started;
    const registered = results.filter((r) => r.outcome === 'registered').length;
    const waiting = results.filter((r) => r.outcome === 'waiting').length;
    const taken = (await getEvent(deps.db, id))?.taken;
    const ok = registered === 100 && waiting === 400 && taken === 100;
    console.log(
      `${label.padEnd(10)} 500 concurrent registrations, 100 places: ${registered} registered, ${waiting} waiting, taken ${taken} — ${ok ? 'correct' : 'WRONG'}; ${ms.toFixed(0)} ms (${((500 / ms) * 1000).toFixed(0)} registrations/s)`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await database.dispose();
  }
}

const pg = process.env.TEST_DATABASE_URL;
await race('SQLite', undefined);
if (pg) await race('PostgreSQL', pg);
