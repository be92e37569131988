// The atlas pages in a real browser: the map (with and without JavaScript), the list with its
// filters, a profile and a dissolved municipality, with axe on every page visited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function visit(page: Page, path: string, status = 200) {
  page.setDefaultTimeout(15_000);
  const res = await page.goto(server.url(path));
  assert.equal(res?.status(), status, `GET ${path} answered ${res?.status()}`);
  assert.equal(await page.locator('h1').count(), 1, `${path} has exactly one <h1>`);
}

test('the map with JavaScript: 342 linked areas, tooltip on hover, zoom buttons change the viewBox', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => problems.push(e.message));
  await visit(page, '/kaart');
  await checkA11y(page);
  const svg = page.locator('svg.gaz-choropleth');
  assert.equal(await svg.locator('a[data-code] path').count(), 342);
  const before = await svg.getAttribute('viewBox');
  await page.getByRole('button', { name: 'Inzoomen' }).click();
  await page.waitForFunction((b) => document.querySelector('svg.gaz-choropleth')!.getAttribute('viewBox') !== b, before);
  await page.getByRole('button', { name: 'Kaart terugzetten' }).click();
  await page.waitForFunction((b) => document.querySelector('svg.gaz-choropleth')!.getAttribute('viewBox') === b, before);
  await svg.locator('a[data-code="GM0363"] path').hover({ force: true });
  const tooltip = page.locator('.gaz-map-tooltip');
  await tooltip.waitFor({ state: 'visible' });
  assert.match(await tooltip.innerText(), /Amsterdam\s+Noord-Holland/);
  await checkA11y(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the map without JavaScript: 355 areas on 2019-06-01, each a link to the profile', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await visit(page, '/kaart?datum=2019-06-01');
  await checkA11y(page);
  assert.equal(await page.locator('svg.gaz-choropleth a[data-code] path').count(), 355);
  assert.match(await page.locator('#gaz-atlas-count').innerText(), /355 gemeenten op 1 juni 2019/);
  await page.locator('svg.gaz-choropleth a[data-code="GM0003"] path').click({ force: true });
  await page.waitForURL(/\/gemeenten\/GM0003$/);
  await checkA11y(page);
  assert.match(await page.locator('#gaz-dissolved').innerText(), /Opgeheven op 1 januari 2021 — opgegaan in Eemsdelta/);
  await page.getByRole('link', { name: 'Eemsdelta' }).first().click();
  await page.waitForURL(/\/gemeenten\/GM1979$/);
  assert.equal(await page.locator('h1').innerText(), 'Eemsdelta');
  await context.close();
});

test('the list: province filter and sort through the GET form, a bad date keeps the input', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, '/gemeenten');
  await checkA11y(page);
  await page.getByLabel('Provincie').selectOption({ label: 'Zeeland' });
  await page.getByLabel('Sorteer op').selectOption('inwoners');
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page.waitForURL(/provincie=PV29/);
  assert.match(await page.locator('#gaz-atlas-count').innerText(), /^13 gemeenten op /);
  await checkA11y(page);
  await page.locator('#field-datum').fill('1-6-2019');
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page.waitForURL(/datum=1-6-2019/);
  assert.equal(await page.locator('#field-datum').inputValue(), '1-6-2019');
  assert.match(await page.locator('#error-summary').innerText(), /Datum: Vul een datum in als JJJJ-MM-DD tussen 2000-01-01 en 2099-12-31/);
  await checkA11y(page);
  await context.close();
});

test('the profile of Amsterdam', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, '/gemeenten/GM0363');
  await checkA11y(page);
  assert.match(await page.locator('.gaz-atlas-facts').innerText(), /Noord-Holland/);
  await context.close();
});
