// The network pages in a real browser, on the 2019 demo scenario: the map and timeline of
// /netwerk, its table page /netwerk/gemeenten, the finder with JavaScript off (plain GET form) and
// on (suggestions), a former name (Weesp → Amsterdam), and axe on every page visited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, signInNewStaff, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startServer({ loadDemo: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function visit(page: Page, path: string) {
  const res = await page.goto(server.url(path));
  assert.equal(res?.status(), 200, `GET ${path} answered ${res?.status()}`);
  assert.equal(await page.locator('h1').count(), 1, `${path} has exactly one <h1>`);
}

test('the network map of 30 September 2019: figures, map, legend with the norm, timeline', { timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, '/netwerk?datum=2019-09-30');
  await checkA11y(page);
  // The shared choropleth (the map island adds zoom and tooltips): every municipality a link.
  assert.equal(await page.locator('svg.gaz-choropleth a[data-code] path').count(), 355);
  const figures = await page.locator('.gaz-figures').innerText();
  assert.match(figures, /Actieve zorgcoördinatoren\s*27/);
  assert.match(await page.locator('.gaz-legend').innerText(), /Norm: 0,10 FTE per 100\.000 inwoners/);
  // The monthly figures are a table in a disclosure under the charts.
  await page.getByText('De cijfers per maand als tabel').click();
  assert.match(await page.locator('.gaz-timeline table').innerText(), /2019-09\s+27/);
  assert.equal(await page.locator('.gaz-timeline svg.gaz-chart').count(), 2);
  // The same map island as /kaart: zoom buttons change the viewBox.
  const map = page.locator('svg.gaz-choropleth');
  const full = await map.getAttribute('viewBox');
  await page.getByRole('button', { name: 'Inzoomen' }).click();
  await page.waitForFunction((b) => document.querySelector('svg.gaz-choropleth')!.getAttribute('viewBox') !== b, full);
  await page.getByRole('button', { name: 'Kaart terugzetten' }).click();

  // The map's text alternative: the table of every municipality, on its own page, for the same date.
  await page.getByRole('link', { name: 'De kaart als tabel: dekking en capaciteit per gemeente' }).click();
  await page.waitForURL(/\/netwerk\/gemeenten\?datum=2019-09-30$/);
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('main table tbody tr').count(), 355);
  assert.match(await page.locator('main table').innerText(), /Tilburg\s+Zorgcoördinator, capaciteit/);
  await checkA11y(page);
  await page.getByRole('link', { name: 'Terug naar de kaart en de kerncijfers' }).click();
  await page.waitForURL(/\/netwerk\?datum=2019-09-30$/);

  // The date control is a plain GET form.
  await page.locator('#field-datum').fill('2018-12-31');
  await page.getByRole('button', { name: 'Toon' }).click();
  await page.waitForURL(/datum=2018-12-31/);
  assert.match(await page.locator('.gaz-figures').innerText(), /Actieve zorgcoördinatoren\s*23/);

  // A municipality on the map links to its answer page.
  await page.locator('svg.gaz-choropleth a[href*="GM0855"] path').click({ force: true });
  await page.waitForURL(/\/netwerk\/gemeente\/GM0855/);
  await checkA11y(page);
  await context.close();
});

test('the finder without JavaScript: a former name finds today’s municipality and says why', { timeout: 60_000 }, async () => {
  // axe needs JavaScript, so this context only walks the plain forms; the pages are checked with axe below.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await visit(page, '/');
  await page.getByLabel('Naam van uw gemeente').fill('Weesp');
  await page.getByRole('button', { name: 'Zoek' }).click();
  await page.waitForURL(/\/netwerk\/gemeente\/GM0363/);
  assert.match(await page.locator('h1').innerText(), /Amsterdam/);
  assert.match(await page.locator('main').innerText(), /U zocht op “Weesp”/);
  await context.close();
});

test('finder results, the answer pages and the home page are axe-clean', { timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, '/');
  await checkA11y(page);
  await visit(page, '/netwerk/gemeente/GM0363?via=Weesp');
  await checkA11y(page);

  const none = await page.goto(server.url('/netwerk/zoeken?gemeente=Atlantis'));
  assert.equal(none?.status(), 404);
  assert.match(await page.locator('main').innerText(), /Er is geen gemeente gevonden/);
  await checkA11y(page);

  await visit(page, '/netwerk/zoeken?gemeente=Berg');
  assert.ok((await page.locator('main ul a[href^="/netwerk/gemeente/"]').count()) > 1, 'a choice list for several matches');
  await checkA11y(page);

  // A municipality without a coordinator in 2019 points to CoMensha.
  await visit(page, '/netwerk/gemeente/GM0718?datum=2019-09-30');
  assert.match(await page.locator('main').innerText(), /CoMensha/);
  await checkA11y(page);
  await context.close();
});

test('the finder with JavaScript suggests municipalities while typing', { timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, '/netwerk');
  const input = page.locator('#finder-gemeente');
  await input.fill('Wees');
  await page.waitForFunction(() => document.querySelectorAll('datalist option').length > 0, null, { timeout: 5000 });
  const values = await page.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  assert.ok(values.includes('Weesp'), `suggestions: ${values.join(', ')}`);
  await checkA11y(page);
  await input.fill('Tilburg');
  await input.press('Enter');
  await page.waitForURL(/\/netwerk\/gemeente\/GM0855/);
  await context.close();
});

test('the demo coordinator keeps its own details and proposes a coverage change', { timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url('/inloggen'));
  await page.fill('input[name="email"]', 'zorgcoordinator@demo.gemeentenaanzet.invalid');
  await page.fill('input[name="password"]', 'demo-wachtwoord-2019');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForLoadState();
  await visit(page, '/mijn-coordinatie');
  assert.match(await page.locator('main').innerText(), /Zuid-Holland-Zuid/);
  await checkA11y(page);

  await page.locator('#field-phone').fill('078 000 00 00');
  await page.locator('form[action="/mijn-coordinatie"] button[type="submit"]').click();
  await page.waitForURL(/opgeslagen=1/);
  assert.equal(await page.locator('#field-phone').inputValue(), '078 000 00 00');

  // An invalid proposal re-renders with the message beside the field; a valid one is pending.
  await page.locator('form[action="/mijn-coordinatie/voorstel"] #field-codes').fill('GM0718');
  await page.locator('form[action="/mijn-coordinatie/voorstel"] #field-effectiveDate').fill('');
  await page.locator('form[action="/mijn-coordinatie/voorstel"] button[type="submit"]').click();
  assert.match(await page.locator('.gaz-error-summary').innerText(), /Ingangsdatum/);
  await checkA11y(page);
  await page.locator('form[action="/mijn-coordinatie/voorstel"] #field-effectiveDate').fill('2026-12-01');
  await page.locator('form[action="/mijn-coordinatie/voorstel"] button[type="submit"]').click();
  await page.waitForURL(/voorstel=1/);
  assert.match(await page.locator('main').innerText(), /wacht op besluit/);
  await checkA11y(page);

  // Staff pages stay closed.
  const res = await page.goto(server.url('/beheer/netwerk'));
  assert.equal(res?.status(), 403);
  await context.close();
});

test('an adviser walks the staff pages of the network (axe on each) and approves the proposal', { timeout: 90_000 }, async () => {
  const email = 'adviseur-netwerk@example.org';
  const password = 'een lang wachtwoord voor de adviseur';
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInNewStaff(page, server, { email, password, role: 'adviser', firstPage: '/beheer/netwerk' });

  for (const path of [
    '/beheer/netwerk',
    '/beheer/netwerk/organisaties',
    '/beheer/netwerk/organisaties/nieuw',
    '/beheer/netwerk/coordinatoren',
    '/beheer/netwerk/coordinatoren/nieuw',
    '/beheer/netwerk/regios',
    '/beheer/netwerk/tekorten?datum=2019-09-30',
  ]) {
    await visit(page, path);
    assert.ok(
      (await page.locator('nav[aria-label] a[href="/beheer/netwerk"], .utrecht-breadcrumb-nav a').count()) > 0 ||
        path === '/beheer/netwerk',
      `${path} has breadcrumbs`,
    );
    await checkA11y(page);
  }
  await visit(page, '/beheer/netwerk/coordinatoren');
  await Promise.all([page.waitForNavigation(), page.locator('main table a[href^="/beheer/netwerk/coordinatoren/"]').first().click()]);
  assert.equal(await page.locator('h1').count(), 1);
  await checkA11y(page);

  await visit(page, '/beheer/netwerk/voorstellen');
  await checkA11y(page);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Goedkeuren' }).first().click()]);
  assert.match(await page.locator('main').innerText(), /goedgekeurd/);
  const norm = await page.goto(server.url('/beheer/netwerk/norm'));
  assert.equal(norm?.status(), 403, 'the norm is for admins');
  await context.close();
});
