// `npx tsx bench/news-lighthouse.ts`: Lighthouse (mobile, simulated throttling) on /nieuws and an
// article page of the app started as in production (temporary SQLite database, system Chromium).
// The news of the demo scenario is written into the server's database through the module's own
// demo part first (production refuses `demo:load`, so the bench does it beside the server).
// Prints performance and accessibility per page; exits 1 below performance 0.95 or accessibility 1.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startServer } from '../e2e/helpers.ts';
import { testConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/database.ts';
import { modules } from '../src/modules/index.ts';
import { loadNewsDemo } from '../src/modules/news/demo.ts';

const PAGES = [
  '/nieuws',
  '/nieuws/gemeenten-aan-zet-aanpak-mensenhandel-breidt-uit',
  '/verhalen/kim-ik-dacht-dat-ik-een-baan-had-gevonden',
];
const PERFORMANCE_MIN = 0.95;
const ACCESSIBILITY_MIN = 1;

process.env.CHROME_PATH ??= CHROMIUM_PATH;
console.log('Starting the app (NODE_ENV=production, temporary SQLite database)…');
const server = await startServer({ env: 'production', loadDemo: false });
let status = 0;
try {
  const db = createDatabase(server.databaseUrl);
  await loadNewsDemo({ config: testConfig({ databaseUrl: server.databaseUrl }), db, now: () => new Date(), modules }, console.log);
  await db.destroy();
  const chrome = await launch({ chromePath: process.env.CHROME_PATH, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
  try {
    for (const path of PAGES) {
      const result = await lighthouse(server.url(path), {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!result) throw new Error('Lighthouse returned no result.');
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const performance = lhr.categories.performance?.score ?? 0;
      const accessibility = lhr.categories.accessibility?.score ?? 0;
      const lcp = lhr.audits['largest-contentful-paint']?.displayValue ?? '';
      const tbt = lhr.audits['total-blocking-time']?.displayValue ?? '';
      console.log(
        `${path}\n  performance ${Math.round(performance * 100)}, accessibility ${Math.round(accessibility * 100)} (LCP ${lcp}, TBT ${tbt})`,
      );
      const failing = ['performance', 'accessibility'].flatMap((cat) =>
        (lhr.categories[cat]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a && a.score !== null && a.score < 0.9)
          .map((a) => `  [${cat}] ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`),
      );
      if (failing.length > 0) console.log(failing.join('\n'));
      if (performance < PERFORMANCE_MIN || accessibility < ACCESSIBILITY_MIN) status = 1;
    }
  } finally {
    await chrome.kill();
  }
} catch (e) {
  console.error((e as Error).message);
  status = 1;
} finally {
  await server.stop();
}
console.log(status === 0 ? 'Every page meets the targets.' : 'A page is below the targets.');
process.exit(status);
