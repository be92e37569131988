// The events in a real browser on the 2019 demo scenario, axe on every page visited: the public
// list and an event page (schema.org JSON-LD allowed by the CSP), registering and cancelling with
// the personal link from the email, and staff checking people in on a 375 px phone without
// JavaScript, then the reach map; on SQLite and, with E2E_POSTGRES_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, describeOnEngines, launchBrowser, linkIn, signInNewStaff, type TestServer, waitForEmail } from './helpers.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function signInAsAdviser(page: Page) {
  const email = 'adviseur-bijeenkomsten@e2e.example.org';
  const password = 'een lang wachtwoord voor de adviseur';
  await signInNewStaff(page, server, { email, password, role: 'adviser', firstPage: '/beheer/bijeenkomsten' });
}

function journeys() {
  test('a person finds an event, registers, gets the email with the calendar file and cancels', { timeout: 120_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(server.url('/bijeenkomsten'));
    await checkA11y(page);
    assert.match(await page.locator('main').innerText(), /Regionale bijeenkomst Noord-Holland Noord in Alkmaar/);
    await page.getByRole('link', { name: 'Webinar: signalen van mensenhandel herkennen' }).click();
    await checkA11y(page);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    assert.equal(ld['@type'], 'Event');
    assert.deepEqual(cspErrors, [], 'the JSON-LD data block is not blocked by the CSP');

    // Bad input first: the message beside the field, what was typed kept.
    await page.getByLabel('Naam').fill('Mira Jansen');
    await page.getByLabel('E-mailadres').fill('mira@');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    assert.match(await page.locator('#field-email-error').innerText(), /Vul een geldig e-mailadres in/);
    assert.equal(await page.getByLabel('Naam').inputValue(), 'Mira Jansen');
    await checkA11y(page);
    await page.getByLabel('E-mailadres').fill('mira@e2e.example.org');
    await page.getByLabel('Organisatie', { exact: true }).fill('Gemeente Alkmaar');
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0361');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(/\/aangemeld$/);
    await checkA11y(page);

    const mail = await waitForEmail(server, (m) => m.to.includes('mira@e2e.example.org') && /bevestigd/.test(m.subject));
    assert.match(mail.text, /BEGIN:VCALENDAR|bijeenkomst-\d+\.ics/);
    await page.goto(linkIn(mail.text, '/bijeenkomsten/aanmelding/'));
    assert.match(await page.locator('main').innerText(), /Aangemeld/);
    assert.match(await page.locator('main').innerText(), /webinar\.example\.invalid/, 'the online link is shown to the registered person');
    await checkA11y(page);
    await page.getByRole('button', { name: 'Annuleer mijn aanmelding' }).click();
    assert.match(await page.locator('main').innerText(), /Uw aanmelding is geannuleerd/);
    await checkA11y(page);
    await context.close();
  });

  test('on a phone without JavaScript, staff search and check people in; then attendance and reach', { timeout: 150_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    // Someone registers for the upcoming webinar (the 2019 registrants are erased by now: retention).
    await page.goto(server.url('/bijeenkomsten'));
    await page.getByRole('link', { name: 'Webinar: signalen van mensenhandel herkennen' }).click();
    await page.getByLabel('Naam').fill('Piet Wijkteam');
    await page.getByLabel('E-mailadres').fill('piet@e2e.example.org');
    await page.getByLabel('Organisatie', { exact: true }).fill('Gemeente Den Helder');
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0400');
    await Promise.all([page.waitForURL(/\/aangemeld$/), page.getByRole('button', { name: 'Aanmelden' }).click()]);
    await signInAsAdviser(page);
    await page.goto(server.url('/beheer/bijeenkomsten'));
    await checkA11y(page);
    await page.getByRole('link', { name: 'Webinar: signalen van mensenhandel herkennen' }).click();
    await checkA11y(page);
    await page.getByRole('link', { name: 'Aanwezigheid (check-in)' }).click();
    await checkA11y(page);
    const width = await page.evaluate('document.documentElement.scrollWidth').catch(() => null);
    if (width !== null) assert.ok(Number(width) <= 375, `no sideways scrolling on a phone (${width}px)`);
    const before = await page.locator('.gaz-checkin__count').innerText();

    const name = 'Piet Wijkteam';
    await page.getByLabel('Zoek op naam of organisatie').fill(name.split(' ')[0]);
    await Promise.all([page.waitForURL(/\?q=/), page.locator('.gaz-checkin__search button[type="submit"]').click()]);
    assert.ok((await page.locator('.gaz-checkin__person').count()) >= 1);
    await Promise.all([
      page.waitForNavigation(),
      page
        .getByRole('button', { name: `Aanwezig: ${name}`, exact: true })
        .first()
        .click(),
    ]);
    assert.ok(page.url().includes('?q='), 'the search stays after ticking');
    assert.ok((await page.getByRole('button', { name: `Ongedaan maken: ${name}` }).count()) >= 1);
    await checkA11y(page);
    await page.goto(
      server.url(
        page
          .url()
          .replace(/^.*\/beheer/, '/beheer')
          .replace(/\?.*$/, ''),
      ),
    );
    assert.notEqual(await page.locator('.gaz-checkin__count').innerText(), before);

    await page.getByLabel('Naam', { exact: true }).fill('Inloper Zonder Aanmelding');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    assert.match(await page.locator('main').innerText(), /Inloper Zonder Aanmelding/);

    await page.goto(server.url('/beheer/bijeenkomsten/bereik?from=2019-01-01&to=2019-12-31'));
    await checkA11y(page);
    assert.ok((await page.locator('svg path').count()) > 300, 'the reach map draws the municipalities');
    assert.match(await page.locator('main').innerText(), /Alkmaar/);
    await context.close();
  });
}

describeOnEngines(
  'events in the browser',
  'events',
  (s) => {
    server = s;
  },
  journeys,
);
