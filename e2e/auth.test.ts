// The account journeys in a real browser, axe-core on every page visited:
// the first admin (made with the CLI) logs in, enrols TOTP, invites an adviser who sets a password
// from the emailed link; the admin logs in again with a TOTP code and changes the password.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { totpCodeForStep, totpStepAt } from '../src/modules/auth/totp.ts';
import { checkA11y, launchBrowser, linkIn, runCli, startServer, type TestServer, waitForEmail } from './helpers.ts';

const ADMIN_EMAIL = 'eerste.beheerder@e2e.example.org';
const ADMIN_PASSWORD = 'correct paard batterij nietje';
const NEW_ADMIN_PASSWORD = 'een heel ander lang wachtwoord';
const ADVISER_EMAIL = 'adviseur@e2e.example.org';
const ADVISER_PASSWORD = 'adviseur wachtwoord van vier woorden';

let server: TestServer;
let browser: Browser;
let admin: BrowserContext;
let adminPage: Page;
let adminSecret: string | null = null;
/** The last TOTP step the server accepted for the admin: codes are single use per step. */
let lastStep = 0;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await browser.newContext();
  adminPage = await admin.newPage();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The journeys build on each other: a later one needs the admin enrolled by the first. */
function requireEnrolledAdmin() {
  assert.ok(adminSecret, 'the first journey (admin enrols TOTP) must have finished');
}

/** Clicks the submit button of the form in <main> and waits for the next page. */
async function submit(page: Page, form = 'main form') {
  await Promise.all([page.waitForNavigation(), page.locator(`${form} button[type="submit"]`).first().click()]);
}

async function axe(page: Page, expectedPath?: RegExp) {
  if (expectedPath) assert.match(new URL(page.url()).pathname, expectedPath);
  assert.equal(await page.locator('h1').count(), 1, `${page.url()} has one <h1>`);
  await checkA11y(page);
}

/** A code for a step after the last accepted one (the server accepts one step ahead for clock drift). */
function nextCode(secret: string): string {
  const step = Math.max(totpStepAt(new Date()), lastStep + 1);
  lastStep = step;
  return totpCodeForStep(secret, step);
}

/** Opens the staff area; staff without TOTP land on the enrolment page. */
async function goToStaffArea(page: Page) {
  await page.goto(server.url('/beheer'));
}

async function logout(page: Page) {
  await submit(page, 'header form[action="/uitloggen"]');
}

async function passwordStep(page: Page, email: string, password: string) {
  await page.goto(server.url('/inloggen'));
  await axe(page, /^\/inloggen$/);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await submit(page);
}

test('the first admin, made with the CLI, logs in and must enrol two-step verification', async () => {
  await runCli(server, ['user:create', '--email', ADMIN_EMAIL, '--role', 'admin', '--password', ADMIN_PASSWORD]);

  // A wrong password first: a clear message, still axe-clean.
  await passwordStep(adminPage, ADMIN_EMAIL, 'dit is niet het wachtwoord');
  assert.equal((await adminPage.locator('[role="alert"]').count()) > 0, true, 'the error summary is shown');
  await axe(adminPage);

  await passwordStep(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD);
  // Staff without TOTP are sent to the enrolment page from any staff page.
  await goToStaffArea(adminPage);
  await axe(adminPage, /^\/account\/tweestapsverificatie$/);
  assert.equal(await adminPage.locator('svg.gaz-qr, .gaz-qr-box svg').count(), 1, 'the QR code is an inline SVG');
  adminSecret = (await adminPage.locator('#totp-secret').innerText()).replace(/\s/g, '');
  assert.match(adminSecret, /^[A-Z2-7]{16,}$/);

  await adminPage.fill('input[name="code"]', nextCode(adminSecret!));
  await submit(adminPage);
  await axe(adminPage);
  const codes = await adminPage.locator('main').innerText();
  assert.ok((codes.match(/[A-Za-z0-9]{4,5}-[A-Za-z0-9]{4,5}/g) ?? []).length >= 10, 'ten recovery codes are shown');
});

test('the admin invites an adviser, who sets a password from the emailed link', async () => {
  requireEnrolledAdmin();
  await adminPage.goto(server.url('/beheer/gebruikers/uitnodigen'));
  await axe(adminPage);
  await adminPage.fill('input[name="email"]', ADVISER_EMAIL);
  if ((await adminPage.locator('input[name="name"]').count()) > 0) await adminPage.fill('input[name="name"]', 'Adviseur Eentwee');
  await adminPage.selectOption('select[name="role"]', 'adviser');
  await submit(adminPage);
  assert.ok((await adminPage.locator('[role="alert"].utrecht-alert--error').count()) === 0, 'the invitation is accepted');
  await axe(adminPage);

  const mail = await waitForEmail(server, (m) => m.to.includes(ADVISER_EMAIL));
  const link = linkIn(mail.text, '/wachtwoord/instellen');
  assert.ok(link.startsWith(server.baseUrl), `the link points at the site (${link})`);

  const adviser = await browser.newContext();
  const page = await adviser.newPage();
  await page.goto(link);
  await axe(page, /^\/wachtwoord\/instellen$/);
  // Too short and not matching: messages beside the fields.
  await page.fill('input[name="new_password"]', 'kort');
  await page.fill('input[name="confirm_password"]', 'anders');
  await submit(page);
  assert.ok((await page.locator('[role="alert"]').count()) > 0);
  await axe(page);
  await page.fill('input[name="new_password"]', ADVISER_PASSWORD);
  await page.fill('input[name="confirm_password"]', ADVISER_PASSWORD);
  await submit(page);
  await axe(page);

  // The new adviser logs in and, as staff, is asked to enrol two-step verification.
  await passwordStep(page, ADVISER_EMAIL, ADVISER_PASSWORD);
  await goToStaffArea(page);
  await axe(page, /^\/account\/tweestapsverificatie$/);

  // The link is single use.
  const again = await page.goto(link);
  assert.ok((again?.status() ?? 0) >= 400 || (await page.locator('[role="alert"]').count()) > 0, 'a used link is refused');
  await adviser.close();

  // Both actions are in the audit trail: the admin created by the CLI, the adviser invited by the admin.
  await adminPage.goto(server.url('/beheer/audit'));
  await axe(adminPage, /^\/beheer\/audit$/);
  const rows = await adminPage.locator('main table tbody tr').allInnerTexts();
  assert.ok(
    rows.some((r) => r.includes('create · user') && /\bcli\b/.test(r)),
    'the CLI creation of the admin is logged',
  );
  // An invitation creates the account (status 'invited'), made by the admin.
  assert.ok(
    rows.some((r) => r.includes('create · user') && r.includes(ADMIN_EMAIL)),
    `the invitation by the admin is logged: ${JSON.stringify(rows.filter((r) => r.includes('create')))}`,
  );
});

test('the admin logs in again with a TOTP code and changes the password', async () => {
  requireEnrolledAdmin();
  await adminPage.goto(server.url('/account'));
  await logout(adminPage);

  await passwordStep(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD);
  await adminPage.waitForURL(/\/inloggen\/code/);
  await axe(adminPage);
  await adminPage.fill('input[name="code"]', nextCode(adminSecret!));
  await submit(adminPage);
  assert.doesNotMatch(new URL(adminPage.url()).pathname, /^\/inloggen/, 'the TOTP code is accepted');

  await adminPage.goto(server.url('/account/wachtwoord'));
  await axe(adminPage, /^\/account\/wachtwoord$/);
  await adminPage.fill('input[name="current_password"]', 'niet het huidige wachtwoord');
  await adminPage.fill('input[name="new_password"]', NEW_ADMIN_PASSWORD);
  await adminPage.fill('input[name="confirm_password"]', NEW_ADMIN_PASSWORD);
  await submit(adminPage);
  assert.ok((await adminPage.locator('[role="alert"]').count()) > 0, 'a wrong current password is refused');
  await axe(adminPage);

  await adminPage.fill('input[name="current_password"]', ADMIN_PASSWORD);
  await adminPage.fill('input[name="new_password"]', NEW_ADMIN_PASSWORD);
  await adminPage.fill('input[name="confirm_password"]', NEW_ADMIN_PASSWORD);
  await submit(adminPage);
  await adminPage.waitForURL(/\/account/);
  await axe(adminPage);

  // The old password no longer works; the new one reaches the code step.
  await logout(adminPage);
  await passwordStep(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD);
  assert.match(new URL(adminPage.url()).pathname, /^\/inloggen$/);
  assert.ok((await adminPage.locator('[role="alert"]').count()) > 0);
  await passwordStep(adminPage, ADMIN_EMAIL, NEW_ADMIN_PASSWORD);
  await adminPage.waitForURL(/\/inloggen\/code/);
});
