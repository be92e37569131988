// The academy in a real browser, axe on every page visited: the catalogue, sign-up with email
// confirmation, a course's lessons, the quiz, the certificate download and its public verification;
// on SQLite and, with E2E_POSTGRES_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { checkA11y, describeOnEngines, launchBrowser, linkIn, type TestServer, waitForEmail } from './helpers.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function journeys() {
  test('a learner signs up, follows a course, passes the quiz and verifies the certificate', { timeout: 150_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url('/academy'));
    await checkA11y(page);
    await page.getByRole('link', { name: 'Signalen van mensenhandel herkennen' }).click();
    await checkA11y(page);
    await page.getByRole('link', { name: 'Account aanmaken' }).click();
    await checkA11y(page);
    await page.getByLabel('Naam').fill('Sanne Bakker');
    await page.getByLabel('E-mailadres').fill('sanne@e2e.example.org');
    await page.getByLabel('Gemeente waarvoor u werkt').selectOption('GM0361');
    await page.getByRole('button', { name: 'Versturen' }).click();
    assert.match(await page.locator('main').innerText(), /Bekijk uw e-mail/);

    const mail = await waitForEmail(server, (m) => m.to.includes('sanne@e2e.example.org'));
    await page.goto(linkIn(mail.text, '/academy/bevestigen/'));
    await checkA11y(page);
    await page.getByLabel('Kies een wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Bevestig en maak mijn account' }).click();
    assert.match(await page.locator('main').innerText(), /Uw account is klaar/);

    await page.goto(server.url('/inloggen'));
    await page.fill('input[name="email"]', 'sanne@e2e.example.org');
    await page.fill('input[name="password"]', 'een lange zin als wachtwoord');
    await Promise.all([page.waitForNavigation(), page.locator('main form button[type="submit"]').click()]);
    const loginUrl = page.url();
    assert.ok(!page.url().includes('/inloggen'), `logged in: ${page.url()} ${(await page.locator('main').innerText()).slice(0, 300)}`);

    await page.goto(server.url('/academy'));
    await page.getByRole('link', { name: 'Signalen van mensenhandel herkennen' }).click();
    const enrolButton = page.getByRole('button', { name: 'Schrijf mij in' });
    if ((await enrolButton.count()) === 0)
      throw new Error(
        `no enrol button (signed in: ${(await page.locator('body').innerText()).includes('Uitloggen')}, after login at ${loginUrl}) on ${page.url()}: ${(await page.locator('main').innerText()).slice(0, 1500)}`,
      );
    await enrolButton.click();
    await checkA11y(page);
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Klaar, naar de volgende' }).click();
    await page.getByRole('button', { name: 'Naar de toets' }).click();
    await checkA11y(page);
    for (const [q, answer] of [
      [0, 'De zorgcoördinator mensenhandel'],
      [1, 'Nee: ook arbeidsuitbuiting en criminele uitbuiting'],
      [2, 'Bespreken en melden volgens de interne route'],
    ] as const) {
      await page
        .locator(`fieldset:nth-of-type(${q + 1})`)
        .getByLabel(answer)
        .check();
    }
    await page.getByRole('button', { name: 'Lever de toets in' }).click();
    assert.match(await page.locator('main').innerText(), /Geslaagd!/);
    await checkA11y(page);

    const href = await page.getByRole('link', { name: 'Download uw certificaat (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(server.url(href!));
    assert.equal(pdf.status(), 200);
    const body = (await pdf.body()).toString('latin1');
    assert.ok(body.startsWith('%PDF-1.7'));
    assert.match(body, /\/MarkInfo/);

    await page.goto(server.url('/academy/mijn'));
    await checkA11y(page);
    const data = await page.request.get(server.url('/academy/mijn/gegevens.json'));
    const code = (await data.json()).enrolments[0].certificateCode as string;
    const anonymous = await browser.newContext();
    const verify = await anonymous.newPage();
    await verify.goto(server.url(`/academy/certificaat/${code}`));
    await checkA11y(verify);
    const text = await verify.locator('main').innerText();
    assert.match(text, /Dit certificaat is geldig/);
    assert.match(text, /Sanne Bakker/);
    assert.doesNotMatch(text, /sanne@e2e/);
    await anonymous.close();
    await context.close();
  });
}

describeOnEngines(
  'academy in the browser',
  'academy',
  (s) => {
    server = s;
  },
  journeys,
);
