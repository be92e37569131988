// The survey in a real browser on the demo scenario, with axe-core on every page visited, on SQLite
// and — when E2E_POSTGRES_URL is set (npm run test:e2e with TEST_DATABASE_URL) — on PostgreSQL:
// a municipality answers through its personal link without JavaScript (errors beside the field,
// review, submit, confirmation email); a municipality account answers with JavaScript (saved field
// by field, conditions shown and hidden, keyboard only); staff pages and the public results.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, describeOnEngines, launchBrowser, signInNewStaff, type TestServer, waitForEmail } from './helpers.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

async function visit(page: Page, url: string, status = 200) {
  const res = await page.goto(url);
  assert.equal(res?.status(), status, `GET ${url} answered ${res?.status()}`);
  assert.equal(await page.locator('h1').count(), 1);
  await checkA11y(page);
}

const group = (page: Page, name: RegExp) => page.getByRole('group', { name });

async function answerWithoutJs(server: TestServer) {
  const link = /personal link for Utrecht \(demo\): (\S+)/.exec(server.output())?.[1];
  assert.ok(link, 'the demo prints a personal link');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await visit(page, link);
  assert.match(await page.locator('main').innerText(), /Gemeente Utrecht/);
  await page.getByRole('link', { name: 'Begin met invullen' }).click();
  await checkA11y(page);
  // Part 1: the number is invalid; the required question is left for the review to name.
  await page.getByLabel(/Hoeveel uur per week/).fill('12 uur');
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();
  assert.match(await page.locator('.utrecht-form-field-error-message').innerText(), /Vul een getal in, bijvoorbeeld 12 of 2,5/);
  assert.equal(await page.getByLabel(/Hoeveel uur per week/).inputValue(), '12 uur', 'nothing typed is lost');
  await checkA11y(page);
  await page.getByLabel(/Hoeveel uur per week/).fill('12');
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();
  // Part 2: the condition's hint is shown without JavaScript.
  assert.match(await page.locator('main').innerText(), /Beantwoord deze vraag als u bij ‘Zijn medewerkers getraind/);
  await group(page, /Zijn medewerkers getraind/)
    .getByLabel('Een deel')
    .check();
  await group(page, /Welke medewerkers zijn getraind/)
    .getByLabel('Wijkteams')
    .check();
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();
  await group(page, /Is de aanpak van mensenhandel opgenomen in beleid/)
    .getByLabel('Nee', { exact: true })
    .check();
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();
  await group(page, /Neemt uw gemeente deel aan een lokaal/)
    .getByLabel('Ja', { exact: true })
    .check();
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();
  await group(page, /Weet uw gemeente wie de zorgcoördinator/)
    .getByLabel('Ja', { exact: true })
    .check();
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();
  await page.getByRole('button', { name: 'Opslaan en controleren' }).click();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Antwoorden indienen' }).click();
  assert.match(
    await page.locator('.gaz-error-summary').innerText(),
    /Vraag ‘Heeft uw gemeente een aandachtsfunctionaris mensenhandel\?’ is verplicht/,
  );
  await checkA11y(page);
  await page.getByRole('link', { name: /Antwoorden bij ‘Uw gemeente’ wijzigen/ }).click();
  await group(page, /aandachtsfunctionaris/)
    .getByLabel('Weet niet')
    .check();
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();
  await page.goto(link.replace('/enquete?', '/enquete/controle?'));
  await page.getByRole('button', { name: 'Antwoorden indienen' }).click();
  await page.waitForURL(/\/enquete\/bevestiging/);
  await checkA11y(page);
  const mail = await waitForEmail(server, (m) => m.to.includes('utrecht.voorbeeld.invalid') && m.subject.startsWith('Ontvangen'));
  assert.match(mail.text, /Een deel/);
  await context.close();
}

async function answerWithJs(server: TestServer) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url('/inloggen'));
  await page.fill('input[name="email"]', 'amsterdam@demo.gemeentenaanzet.invalid');
  await page.fill('input[name="password"]', 'demo-wachtwoord-2019');
  await Promise.all([page.waitForNavigation(), page.locator('main form button[type="submit"]').click()]);
  await visit(page, server.url('/mijn-gemeente/enquetes'));
  await page.getByRole('link', { name: /Vervolgmeting/ }).click();
  await checkA11y(page);
  const start = page.url();
  await page.goto(`${start}/sectie/2`);
  const trained = page.locator('.gaz-survey-question').filter({ hasText: 'Welke medewerkers zijn getraind?' });
  assert.equal(await trained.isHidden(), true, 'hidden until its condition holds');
  // Keyboard only: focus the first choice and pick with the arrow keys and space.
  await group(page, /Zijn medewerkers getraind/)
    .getByLabel('Nee', { exact: true })
    .focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  assert.equal(
    await group(page, /Zijn medewerkers getraind/)
      .getByLabel('Een deel')
      .isChecked(),
    true,
  );
  await page.waitForFunction(() => document.querySelector('[data-status-for]')?.textContent?.includes('Opgeslagen om'));
  assert.equal(await trained.isVisible(), true, 'shown once the answer asks for it');
  await trained.getByLabel('Leerplicht').check();
  await page.locator('[data-status-for]').nth(1).filter({ hasText: 'Opgeslagen om' }).waitFor();
  await checkA11y(page);
  await page.reload();
  assert.equal(await trained.getByLabel('Leerplicht').isChecked(), true, 'saved without pressing a button');
  await context.close();
}

async function staffPages(server: TestServer) {
  const email = `adviseur-enquete-${randomBytes(3).toString('hex')}@example.org`;
  const password = 'een lang wachtwoord voor de adviseur';
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInNewStaff(page, server, { email, password, role: 'adviser', firstPage: '/beheer/enquetes' });
  await visit(page, server.url('/beheer/enquetes'));
  const baseline = await page.getByRole('link', { name: /Nulmeting/ }).getAttribute('href');
  const later = await page.getByRole('link', { name: /Vervolgmeting/ }).getAttribute('href');
  for (const path of [
    baseline,
    `${baseline}/resultaten`,
    `${baseline}/terugkoppeling`,
    `${baseline}/terugkoppeling/GM0363`,
    `${baseline}/import`,
    later,
    `${later}/vragen`,
    `${later}/voorbeeld/sectie/2`,
    `${later}/uitnodigingen`,
    `${later}/uitnodigingen/GM0363`,
    `${later}/voortgang`,
  ]) {
    await visit(page, server.url(path!));
  }
  await page.goto(server.url(`${later}/vragen`));
  await page.locator('a[href*="/vragen/"]').first().click();
  await checkA11y(page);
  await visit(page, server.url('/enquetes'));
  await page.getByRole('link', { name: /Nulmeting/ }).click();
  await checkA11y(page);
  assert.match(await page.locator('main').innerText(), /135 gemeenten deden mee \(38%\)/);
  await context.close();
}

let server: TestServer;

describeOnEngines(
  'survey in the browser',
  'survey',
  (s) => {
    server = s;
  },
  () => {
    test('a municipality answers through its personal link without JavaScript', { timeout: 180_000 }, () => answerWithoutJs(server));
    test('a municipality account answers with JavaScript, field by field, by keyboard', { timeout: 120_000 }, () => answerWithJs(server));
    test('staff pages and the public results are axe-clean', { timeout: 180_000 }, () => staffPages(server));
  },
);
