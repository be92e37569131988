// Browser journeys of the news module against the real server (demo data loaded), with axe-core on
// every page visited: reading news, a story and the newsletter archive; subscribing and confirming
// through the emailed link; an adviser writing an article and a story and sending an edition that
// arrives by email; unsubscribing in one click with the List-Unsubscribe header (RFC 8058); uploading
// a photo to the image library (a wrong file refused beside the field, EXIF location stripped, long
// cache lifetime) and showing it in the article with its alt text; on SQLite and, with
// E2E_POSTGRES_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { checkA11y, describeOnEngines, launchBrowser, signInNewStaff, type TestServer, waitForEmail } from './helpers.ts';

let server: TestServer;
let browser: Browser;
const READER = 'lezer-e2e@example.org';

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function visit(page: Page, path: string, status = 200) {
  const res = await page.goto(server.url(path));
  assert.equal(res?.status(), status, `GET ${path} answered ${res?.status()}`);
  assert.equal(await page.locator('h1').count(), 1, `${path} has exactly one <h1>`);
  await checkA11y(page);
}

function linkIn(text: string, path: string): string {
  const m = new RegExp(`https?://[^\\s"<>]+(${path}[^\\s"<>]+)`).exec(text);
  assert.ok(m, `no ${path} link in the email`);
  return m[1].replace(/=\r?\n/g, '');
}

/** Uploads a photo with a GPS location in its EXIF through the image library; returns its id. */
async function uploadImage(page: Page): Promise<number> {
  await visit(page, '/beheer/nieuws/afbeeldingen');
  const field = page.getByLabel(/^Bestand/);
  await field.setInputFiles({ name: 'notities.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('geen afbeelding') });
  await page.getByRole('button', { name: 'Afbeelding uploaden' }).click();
  assert.match(await page.locator('#field-file-error').innerText(), /Kies een foto of afbeelding als JPEG, PNG of WebP/);
  await checkA11y(page);
  const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#2a6f97' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Fotograaf' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 0/1' } })
    .toBuffer();
  await field.setInputFiles({ name: 'zaal.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByRole('button', { name: 'Afbeelding uploaden' }).click();
  await page.waitForURL(/opgeslagen=1/);
  await checkA11y(page);
  const codes = await page.locator('.gaz-image-list code').allInnerTexts();
  const id = Math.max(...codes.map((c) => Number(/afbeelding:(\d+)/.exec(c)?.[1] ?? 0)));
  const served = await page.request.get(server.url(`/nieuws/afbeelding/${id}-960.jpg`));
  assert.equal(served.status(), 200);
  assert.match(served.headers()['cache-control'] ?? '', /immutable/);
  const meta = await sharp(await served.body()).metadata();
  assert.equal(meta.width, 960, 'resized to a width pages use');
  assert.equal(meta.exif, undefined, 'EXIF (with the location) stripped');
  return id;
}

function journeys() {
  test('reading: the news list by tag, an article with its data block, a story with its content note, the archive', {
    timeout: 90_000,
  }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await visit(page, '/nieuws');
    await page.getByRole('link', { name: 'Netwerk', exact: true }).click();
    await page.waitForURL(/onderwerp=network/);
    await checkA11y(page);
    await page.getByRole('link', { name: 'Zorgcoördinatie: 27 zorgcoördinatoren in september' }).click();
    await page.waitForURL(/\/nieuws\/zorgcoordinatie/);
    await checkA11y(page);
    assert.match(await page.locator('.gaz-embed').innerText(), /27 zorgcoördinatoren mensenhandel op 30 september 2019/);
    assert.match(await page.locator('main').innerText(), /Opgenomen in de nieuwsbrief van september 2019/);
    await visit(page, '/verhalen');
    await page.getByRole('link', { name: /KIM/ }).first().click();
    await page.waitForURL(/\/verhalen\//);
    await checkA11y(page);
    assert.match(await page.locator('.utrecht-alert').innerText(), /uitbuiting en dwang/);
    await visit(page, '/nieuwsbrief');
    await page.getByRole('link', { name: 'Nieuwsbrief oktober 2019' }).click();
    await page.waitForURL(/\/nieuwsbrief\/2019-10/);
    await checkA11y(page);
    const rss = await page.request.get(server.url('/nieuws/feed.xml'));
    assert.match(await rss.text(), /<rss version="2.0"/);
    await context.close();
  });

  test('subscribing without JavaScript: an error beside the field, then double opt-in through the emailed link', {
    timeout: 90_000,
  }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, '/nieuwsbrief/aanmelden');
    await page.getByLabel('E-mailadres').fill(READER);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    assert.match(await page.locator('.gaz-error-summary').innerText(), /Vink aan dat u de nieuwsbrief wilt ontvangen/);
    await checkA11y(page);
    assert.equal(await page.getByLabel('E-mailadres').inputValue(), READER, 'what was typed is kept');
    await page.getByLabel('Zorgcoördinatie').check();
    await page.getByLabel(/Ik wil de nieuwsbrief van Gemeenten aan zet ontvangen/).check();
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(/\/nieuwsbrief\/aangemeld/);
    await checkA11y(page);
    const mail = await waitForEmail(server, (m) => m.to.includes(READER) && /Bevestig/.test(m.subject));
    await visit(page, linkIn(mail.text, '/nieuwsbrief/bevestigen/'));
    assert.match(await page.locator('h1').innerText(), /Uw aanmelding is bevestigd/);
    await page.getByRole('link', { name: 'Uw voorkeuren voor de nieuwsbrief' }).click();
    await checkA11y(page);
    await page.getByLabel('Organisatie').fill('GGD Voorbeeld');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/opgeslagen=1/);
    await checkA11y(page);
    assert.equal(await page.getByLabel('Organisatie').inputValue(), 'GGD Voorbeeld');
    await context.close();
  });

  test('an adviser writes an article and a story and sends an edition, which arrives with a one-click unsubscribe', {
    timeout: 150_000,
  }, async () => {
    const email = 'redacteur-e2e@example.org';
    const password = 'een lang wachtwoord voor de redacteur';
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInNewStaff(page, server, { email, password, role: 'adviser', firstPage: '/beheer/nieuws' });

    await visit(page, '/beheer/nieuws');
    const imageId = await uploadImage(page);
    await visit(page, '/beheer/nieuws/nieuw');
    await page.getByLabel('Titel').fill('Nieuwe werkwijze voor zorgcoördinatoren');
    await page.getByLabel('Samenvatting').fill('Zorgcoördinatoren werken voortaan met één aanmeldformulier.');
    await page
      .getByLabel('Tekst (Markdown)')
      .fill(`## Wat verandert\n\nEén formulier voor alle regio’s.\n\n![Zorgcoördinatoren in gesprek](afbeelding:${imageId})`);
    await page.getByLabel('Netwerk').check();
    await page.getByRole('button', { name: 'Publiceren (of inplannen)' }).click();
    await page.waitForURL(/opgeslagen=1/);
    await checkA11y(page);
    await visit(page, '/nieuws');
    await page.getByRole('link', { name: 'Nieuwe werkwijze voor zorgcoördinatoren' }).click();
    await page.waitForURL(/\/nieuws\/nieuwe-werkwijze/);
    await checkA11y(page);
    const img = page.getByRole('img', { name: 'Zorgcoördinatoren in gesprek' });
    assert.ok(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), 'the photo loads on the article page');
    await visit(page, '/beheer/nieuws/nieuw?soort=verhaal');
    assert.match(await page.locator('main').innerText(), /bewaart geen gegevens over de persoon achter een verhaal/);
    await page.getByLabel('Titel').fill('SAM vertelt');
    await page.getByLabel('Samenvatting').fill('Een verzonnen verhaal.');
    await page.getByLabel('Schuilnaam').fill('SAM');
    await page.getByLabel('Tekst (Markdown)').fill('Het begon met een belofte.');
    await page.getByRole('button', { name: 'Publiceren (of inplannen)' }).click();
    assert.match(await page.locator('.gaz-error-summary').innerText(), /Bevestig dat er toestemming is/);
    await checkA11y(page);
    await page.getByLabel(/Ik bevestig dat er toestemming is/).check();
    await page.getByRole('button', { name: 'Publiceren (of inplannen)' }).click();
    await page.waitForURL(/opgeslagen=1/);
    await visit(page, '/verhalen');
    assert.match(await page.locator('main').innerText(), /SAM vertelt/);

    await visit(page, '/beheer/nieuwsbrief');
    await visit(page, '/beheer/nieuwsbrief/nieuw');
    await page.getByLabel('Titel').fill('Nieuwsbrief december (e2e)');
    await page.getByLabel('Nieuwe werkwijze voor zorgcoördinatoren').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/beheer\/nieuwsbrief\/\d+$/);
    await checkA11y(page);
    await page.getByRole('button', { name: 'Nu versturen' }).click();
    await page.waitForURL(/gedaan=1/);
    const mail = await waitForEmail(server, (m) => m.to.includes(READER) && /december \(e2e\)/.test(m.subject), 60_000);
    assert.match(mail.text, /Nieuwe werkwijze voor zorgcoördinatoren/);
    assert.match(mail.text, /Lees verder: http/, 'the plain-text part');
    const raw = readFileSync(mail.file, 'utf8').replace(/\r?\n[ \t]+/g, ' ');
    assert.match(raw, /Content-Type: multipart\/alternative/);
    assert.match(raw, /Content-Type: text\/plain/);
    const header = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(raw);
    assert.ok(header, 'the newsletter carries List-Unsubscribe');
    assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
    // What a mail program does for a one-click unsubscribe: a POST without cookies or a form.
    const res = await fetch(header[1], {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(res.status, 200);
    await visit(page, linkIn(mail.text, '/nieuwsbrief/voorkeuren/'));
    assert.match(await page.locator('main').innerText(), /U ontvangt de nieuwsbrief nu niet/);
    await visit(page, '/beheer/nieuwsbrief/abonnees');
    await context.close();
  });
}

describeOnEngines(
  'news in the browser',
  'news',
  (s) => {
    server = s;
  },
  journeys,
);
