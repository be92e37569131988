// `npm run bench:lighthouse`: Lighthouse (mobile, simulated throttling) on the home page of the app
// started as in production (temporary SQLite database), with the system Chromium. Prints the
// performance and accessibility scores; exits 1 below performance 0.95 or accessibility 1.
// `npm run bench:lighthouse -- /privacy` checks another page.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startServer } from '../e2e/helpers.ts';

const PERFORMANCE_MIN = 0.95;
const ACCESSIBILITY_MIN = 1;
const path = process.argv[2] ?? '/';

process.env.CHROME_PATH ??= CHROMIUM_PATH;
console.log(`Starting the app (NODE_ENV=production, temporary SQLite database)…`);
const server = await startServer({ env: 'production', loadDemo: false });
let status = 1;
try {
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH,
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: 'silent',
  });
  try {
    const url = server.url(path);
    console.log(`Lighthouse (mobile) on ${url} with ${process.env.CHROME_PATH}…`);
    const result = await lighthouse(url, {
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
    console.log(`\nperformance:   ${Math.round(performance * 100)}  (minimum ${PERFORMANCE_MIN * 100})`);
    console.log(`accessibility: ${Math.round(accessibility * 100)}  (minimum ${ACCESSIBILITY_MIN * 100})`);
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
    for (const id of metrics) {
      const audit = lhr.audits[id];
      if (audit) console.log(`  ${audit.title}: ${audit.displayValue ?? audit.numericValue}`);
    }
    // What to fix when a score is low: failed audits of the two categories.
    const failing = ['performance', 'accessibility'].flatMap((cat) =>
      (lhr.categories[cat]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 0.9)
        .map((a) => {
          const items = ((a.details as { items?: { node?: { snippet?: string; selector?: string } }[] } | undefined)?.items ?? [])
            .map((item) => item.node)
            .filter((node) => node !== undefined)
            .slice(0, 5)
            .map((node) => `\n      ${node!.selector ?? ''} ${node!.snippet ?? ''}`);
          return `  [${cat}] ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}${items.join('')}`;
        }),
    );
    if (failing.length > 0) console.log(`\nAudits below 90:\n${failing.join('\n')}`);
    const ok = performance >= PERFORMANCE_MIN && accessibility >= ACCESSIBILITY_MIN;
    console.log(ok ? '\nThe page meets the targets.' : '\nThe page is below the targets.');
    status = ok ? 0 : 1;
  } finally {
    await chrome.kill();
  }
} catch (e) {
  console.error((e as Error).message);
  status = 1;
} finally {
  await server.stop();
}
process.exit(status);
