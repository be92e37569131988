// The staff jobs page in a real browser, axe-core on every state it shows: the server runs its own
// job runner (JOB_RUNNER is on outside tests), and this test process acts as a second instance on
// the same database with handlers of its own: one job fails, one runs a batch and reports progress.
// The admin sees both, retries the failed one (also with JavaScript off: a plain form).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { testConfig } from '../src/config.ts';
import { createDatabase, type Db } from '../src/db/database.ts';
import type { AppDeps } from '../src/deps.ts';
import { modules } from '../src/modules/index.ts';
import { createJobRunner, enqueueJob, getJob, type JobRunner } from '../src/modules/jobs/index.ts';
import { checkA11y, launchBrowser, signInNewStaff, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
let browser: Browser;
let db: Db;
let holder: JobRunner;
let release: () => void = () => {};
let failedId: number;
let batchId: number;

const description = { nl: 'Proeftaak uit de browsertest', en: 'Probe job of the browser test' };

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  db = createDatabase(server.databaseUrl);
  const deps: AppDeps = { config: testConfig({ databaseUrl: server.databaseUrl }), db, now: () => new Date(), modules };
  failedId = await enqueueJob(db, { kind: 'e2e.broken', maxAttempts: 1 });
  const failing = createJobRunner({
    deps,
    handlers: [{ kind: 'e2e.broken', description, run: () => Promise.reject(new Error('De proefdienst antwoordde niet')) }],
  });
  await failing.drain();
  batchId = await enqueueJob(db, { kind: 'e2e.batch' });
  const waiting = new Promise<void>((resolve) => (release = resolve));
  let reported: () => void = () => {};
  const progressed = new Promise<void>((resolve) => (reported = resolve));
  holder = createJobRunner({
    deps,
    pollMs: 50,
    handlers: [
      {
        kind: 'e2e.batch',
        description,
        run: async (_job, ctx) => {
          await ctx.progress(120, 342);
          reported();
          await waiting;
        },
      },
    ],
  });
  holder.start();
  await progressed;
});

after(async () => {
  release();
  await holder?.stop();
  await db?.destroy();
  await browser?.close();
  await server?.stop();
});

let admins = 0;

/** A new admin (CLI), logged in with the two-step enrolment staff go through first. */
async function signInAsAdmin(page: Page) {
  admins += 1;
  const email = `beheerder-taken-${admins}@e2e.example.org`;
  const password = 'een lang wachtwoord voor de beheerder';
  await signInNewStaff(page, server, { email, password, role: 'admin', firstPage: '/beheer/taken' });
}

test('an admin sees running, failed, queued and finished jobs and retries a failed one', { timeout: 90_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsAdmin(page);
  const res = await page.goto(server.url('/beheer/taken'));
  assert.equal(res?.status(), 200);
  assert.equal(await page.locator('h1').innerText(), 'Achtergrondtaken');
  const main = await page.locator('main').innerText();
  assert.match(main, /120 van 342 \(35%\)/);
  assert.match(main, /De proefdienst antwoordde niet/);
  assert.equal(await page.locator('progress[max="342"][value="120"]').count(), 1);
  await checkA11y(page);

  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: `Nu opnieuw proberen taak ${failedId}` }).click()]);
  assert.match(new URL(page.url()).search, new RegExp(`opnieuw=${failedId}`));
  assert.match(await page.locator('[role="status"]').innerText(), new RegExp(`Taak ${failedId} staat weer in de wachtrij`));
  assert.equal((await getJob(db, failedId))?.status, 'queued', 'no instance runs e2e.broken now: it waits in the queue');
  await checkA11y(page);

  // The server's own runner ran its daily clean-up at start: it is among the finished jobs.
  assert.match(await page.locator('#jobs-finished').locator('xpath=..').innerText(), /jobs\.cleanup/);
  await context.close();
});

test('without JavaScript the cancel button is a plain form that works', { timeout: 60_000 }, async () => {
  const withJs = await browser.newContext();
  const setup = await withJs.newPage();
  await signInAsAdmin(setup);
  const cookies = await withJs.cookies();
  await withJs.close();

  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(server.url('/beheer/taken'));
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: `Annuleren taak ${batchId}` }).click()]);
  assert.match(await page.locator('main').innerText(), new RegExp(`Taak ${batchId} wordt gestopt zodra dat veilig kan`));
  assert.equal((await getJob(db, batchId))?.cancelRequested, true);
  await context.close();
});
