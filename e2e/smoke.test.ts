// The public pages in a real browser: each is axe-clean, the language switch works and the skip
// link moves keyboard focus to the main content.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkA11y, launchBrowser, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function freshPage(): Promise<Page> {
  context = await browser.newContext();
  return context.newPage();
}

async function visit(page: Page, path: string) {
  const res = await page.goto(server.url(path));
  assert.equal(res?.status(), 200, `GET ${path} answered ${res?.status()}`);
  assert.equal(await page.locator('h1').count(), 1, `${path} has exactly one <h1>`);
}

test('the home page, accessibility statement and privacy statement are axe-clean', async () => {
  const page = await freshPage();
  const titles = new Set<string>();
  for (const path of ['/', '/toegankelijkheid', '/privacy']) {
    await visit(page, path);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    titles.add(await page.title());
    await checkA11y(page);
  }
  assert.equal(titles.size, 3, 'each page has its own <title>');
  await context.close();
});

test('the footer links to the accessibility and privacy statements', async () => {
  const page = await freshPage();
  await visit(page, '/');
  await page.locator('footer').getByRole('link', { name: 'Toegankelijkheid' }).click();
  await page.waitForURL(/\/toegankelijkheid$/);
  await page.locator('footer').getByRole('link', { name: 'Privacy' }).click();
  await page.waitForURL(/\/privacy$/);
  await context.close();
});

test('the language menu switches to English and the choice is remembered', async () => {
  const page = await freshPage();
  await visit(page, '/');
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok(await page.getByRole('link', { name: 'Log in' }).isVisible(), 'the menu is in English');
  await checkA11y(page);

  // The cookie keeps English on the next page, without ?lang=.
  await visit(page, '/privacy');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('a[href="#main"]').innerText(), /Skip to content/);
  await checkA11y(page);

  await page.getByRole('link', { name: 'Nederlands' }).click();
  await page.waitForURL(/lang=nl/);
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await context.close();
});

test('the skip link is the first stop for the keyboard and moves focus to the main content', async () => {
  const page = await freshPage();
  await visit(page, '/');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName,
      href: el?.getAttribute('href'),
      text: el?.textContent?.trim(),
      width: el?.getBoundingClientRect().width ?? 0,
    };
  });
  assert.equal(focused.tag, 'A');
  assert.equal(focused.href, '#main');
  assert.equal(focused.text, 'Naar de inhoud');
  assert.ok(focused.width > 0, 'the skip link is visible when it has focus');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main' || location.hash === '#main');
  assert.ok(page.url().endsWith('#main'));
  const inMain = await page.evaluate(() => document.activeElement?.closest('main') !== null || document.activeElement?.id === 'main');
  assert.ok(inMain, 'focus is in <main> after following the skip link');
  await context.close();
});
