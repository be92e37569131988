// The advice module in a real browser on the demo scenario, with axe-core on every page visited, on
// SQLite and — when E2E_POSTGRES_URL is set (npm run test:e2e with TEST_DATABASE_URL) — on PostgreSQL:
// a municipality follows the advice panel of its public profile to /ondersteuning and asks for
// support without JavaScript (errors beside the fields,
// nothing typed lost, the confirmation page and emails); the responsible adviser finds it as an open
// task and walks every staff page (start, tasks, requests, contacts with merge and erasure,
// interactions with search, forms and detail, the municipality page with scorecard and review, the
// dashboard with its maps and the printable report, the public profile); an admin keeps the
// settings; a municipality account sees and self-assesses only its own scorecard.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkA11y, describeOnEngines, enrolTwoStep, launchBrowser, logIn, type TestServer, waitForEmail } from './helpers.ts';

const ADVISER = 'adviseur@demo.gemeentenaanzet.invalid';
const ADMIN = 'beheerder@demo.gemeentenaanzet.invalid';
const AMSTERDAM = 'amsterdam@demo.gemeentenaanzet.invalid';
const PASSWORD = 'demo-wachtwoord-2019';
const REQUESTER = 'vraagsteller-e2e@utrecht.voorbeeld.invalid';
const PERIOD = 'van=2018-10-01&tot=2019-10-31';
/** The 21 intensive contacts of the programme's 2019 news item, by the CBS names the dashboard uses ('s-Gravenhage is Den Haag). */
const INTENSIVE_21 = [
  "'s-Gravenhage",
  'Alkmaar',
  'Almere',
  'Amsterdam',
  'Assen/Drenthe',
  'Breda',
  'Den Helder',
  'Dordrecht',
  'Eindhoven',
  'Enschede',
  'Gouda',
  'Groningen',
  'Haarlem/Kennemerland',
  'Leiden',
  'Oldambt',
  'Soest',
  'Tilburg',
  'Vlaardingen',
  'Vlissingen',
  'Vught',
  'Zwolle',
];

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

/** Opens a page, checks its status and its single <h1>, and runs axe. */
async function visit(page: Page, url: string, status = 200) {
  const res = await page.goto(url);
  assert.equal(res?.status(), status, `GET ${url} answered ${res?.status()}`);
  assert.equal(await page.locator('h1').count(), 1, `${url} has exactly one <h1>`);
  await checkA11y(page);
}

/** Submits a form by its button and waits for the next page. */
async function submit(page: Page, button: string | RegExp) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: typeof button === 'string' }).click()]);
}

const mainText = (page: Page) => page.locator('main').innerText();
const errorSummary = (page: Page) => page.locator('.gaz-error-summary').innerText();

/** Signs in; staff set up two-step verification on their first staff page. */
async function signIn(server: TestServer, email: string, options: { javaScript?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  await logIn(page, server, email, PASSWORD);
  if (email !== AMSTERDAM) await enrolTwoStep(page, server, '/beheer/advies');
  await page.close();
  return context;
}

async function supportRequestWithoutJs(server: TestServer) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // The advice panel on the public municipality profile names the responsible adviser and leads to the form.
  await visit(page, server.url('/gemeenten/GM0344'));
  assert.match(await mainText(page), /Adviseur voor deze gemeente: Ad Advies \(voorbeeld\), Adviseur gemeenten\./);
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('link', { name: 'Stel uw vraag aan de adviseurs van het programma' }).click(),
  ]);
  assert.match(page.url(), /\/ondersteuning\?gemeente=GM0344#vraag$/);
  assert.equal(await page.getByLabel('Uw gemeente').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text), 'Utrecht');
  await visit(page, server.url('/ondersteuning'));
  assert.match(await mainText(page), /Ad Advies \(voorbeeld\), Adviseur gemeenten/, 'the advisers who publish are named');
  await page.getByLabel('Uw gemeente').selectOption({ label: 'Utrecht' });
  await page.getByLabel('Uw naam').fill('Vera Vraag (voorbeeld)');
  await page.getByLabel('Uw e-mailadres').fill('vera@');
  const question = 'Wij willen een interne meldroute voor signalen van arbeidsuitbuiting opzetten. Wie denkt mee?';
  await page.getByLabel('Waar kunnen de adviseurs u mee helpen?').fill(question);
  await submit(page, 'Vraag versturen');
  assert.match(await errorSummary(page), /Vul een geldig e-mailadres in/);
  assert.match(await page.locator('#field-email-error').innerText(), /Vul een geldig e-mailadres in/);
  await checkA11y(page);
  assert.equal(await page.getByLabel('Waar kunnen de adviseurs u mee helpen?').inputValue(), question, 'nothing typed is lost');
  assert.equal(await page.getByLabel('Uw naam').inputValue(), 'Vera Vraag (voorbeeld)');
  await page.getByLabel('Uw e-mailadres').fill(REQUESTER);
  await submit(page, 'Vraag versturen');
  assert.match(page.url(), /\/ondersteuning\/verzonden$/);
  assert.equal(await page.locator('h1').innerText(), 'Uw vraag is verstuurd');
  await checkA11y(page);
  const confirmation = await waitForEmail(server, (m) => m.to.includes(REQUESTER));
  assert.match(confirmation.text, /arbeidsuitbuiting/);
  const notice = await waitForEmail(server, (m) => m.to.includes(ADVISER) && /ondersteuningsvraag van Utrecht/.test(m.subject));
  assert.match(notice.text, /\/beheer\/advies\/interacties\/\d+/);
  await context.close();
}

async function startAndTasks(page: Page, server: TestServer) {
  await visit(page, server.url('/beheer/advies'));
  const mine = page.locator('table').filter({ has: page.locator('caption', { hasText: 'Mijn open taken' }) });
  assert.match(await mine.innerText(), /Beantwoord de ondersteuningsvraag van Utrecht/, 'the request is my open task');
  await visit(page, server.url('/beheer/advies/taken'));
  await visit(page, server.url('/beheer/advies/aanvragen'));
  assert.match(await mainText(page), /Ondersteuningsvraag van Utrecht/);
  await page.getByRole('link', { name: 'Ondersteuningsvraag van Utrecht' }).click();
  await checkA11y(page);
  assert.match(await mainText(page), /Binnengekomen via het ondersteuningsformulier/);
  assert.match(await mainText(page), /interne meldroute voor signalen/);
  const requestUrl = page.url();
  // Answering the request closes its task; it leaves the open requests.
  const requestTask = page.locator('tr').filter({ hasText: 'Beantwoord de ondersteuningsvraag van Utrecht' });
  await Promise.all([page.waitForNavigation(), requestTask.getByRole('button', { name: 'Afronden' }).click()]);
  assert.match(await mainText(page), /De taak is afgerond/);
  await checkA11y(page);
  await visit(page, server.url('/beheer/advies/aanvragen'));
  assert.doesNotMatch(await mainText(page), /Ondersteuningsvraag van Utrecht/);
  // A follow-up task on the request's record: a bad date is named beside the field, then the task is added.
  await visit(page, requestUrl);
  await page.getByLabel('Wat moet er gebeuren?').fill('Terugbellen over de meldroute');
  await page.getByLabel('Uiterlijk').fill('2019-02-30');
  await submit(page, 'Taak toevoegen');
  assert.match(await page.locator('#field-due-error').innerText(), /Vul een datum in als JJJJ-MM-DD/);
  assert.equal(await page.getByLabel('Wat moet er gebeuren?').inputValue(), 'Terugbellen over de meldroute');
  await checkA11y(page);
  await page.getByLabel('Uiterlijk').fill('2099-01-31');
  await submit(page, 'Taak toevoegen');
  assert.match(await mainText(page), /Terugbellen over de meldroute/);
}

async function contacts(page: Page, server: TestServer) {
  await visit(page, server.url('/beheer/advies/contacten'));
  await visit(page, server.url('/beheer/advies/contacten?gebied=GM0513'));
  assert.match(await mainText(page), /mogelijk dubbel/, 'the Gouda duplicate is flagged');
  const rows = await page.locator('main tbody tr').count();
  const flagged = page.locator('main tbody tr').filter({ hasText: 'zelfde naam' }).first();
  const [, twin] = /als (.+)$/.exec((await flagged.locator('td').last().innerText()).trim()) ?? [];
  await flagged.getByRole('link').click();
  await checkA11y(page);
  const choice = page.getByLabel('Samenvoegen met');
  const chosen = await choice.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? '');
  assert.ok(twin && chosen.startsWith(`${twin} (`), `the flagged twin is the default choice (${chosen})`);
  await submit(page, 'Samenvoegen');
  assert.match(await mainText(page), /De contactpersonen zijn samengevoegd/);
  await checkA11y(page);
  await visit(page, server.url('/beheer/advies/contacten?gebied=GM0513'));
  assert.equal(await page.locator('main tbody tr').count(), rows - 1, 'one record less');
  assert.doesNotMatch(await mainText(page), /zelfde naam/, 'no longer a duplicate once merged');

  await visit(page, server.url('/beheer/advies/contacten/nieuw?gebied=GM0344'));
  await page.getByLabel('Naam', { exact: true }).fill('Eva Erase (voorbeeld)');
  await page.getByLabel('E-mailadres').fill('eva@@utrecht');
  await submit(page, 'Contactpersoon opslaan');
  assert.match(await errorSummary(page), /Vul een geldig e-mailadres in/);
  assert.equal(await page.getByLabel('Naam', { exact: true }).inputValue(), 'Eva Erase (voorbeeld)', 'nothing typed is lost');
  await checkA11y(page);
  await page.getByLabel('E-mailadres').fill('eva.erase@utrecht.voorbeeld.invalid');
  await submit(page, 'Contactpersoon opslaan');
  assert.match(await mainText(page), /De contactpersoon is opgeslagen/);
  await checkA11y(page);
  const contactUrl = page.url().replace(/\?.*$/, '');
  const exported = await page.request.get(`${contactUrl}/export`);
  assert.equal(exported.status(), 200);
  assert.match(await exported.text(), /eva\.erase@utrecht\.voorbeeld\.invalid/);
  // The erase confirmation: without the tick, the page says what to do.
  await submit(page, 'Verwijderen');
  assert.match(await errorSummary(page), /Vink aan dat u deze persoon overal wilt verwijderen/);
  await checkA11y(page);
  await page.getByLabel('Ja, verwijder deze persoon overal').check();
  await submit(page, 'Verwijderen');
  assert.match(await mainText(page), /Deze contactpersoon is verwijderd/);
  assert.doesNotMatch(await mainText(page), /Eva Erase/);
  await checkA11y(page);
}

async function interactions(page: Page, server: TestServer) {
  await visit(page, server.url('/beheer/advies/interacties'));
  await visit(page, server.url('/beheer/advies/interacties?q=meldroute+signalen'));
  assert.match(await mainText(page), /Ondersteuningsvraag van Utrecht/, 'full-text search finds the question');
  await visit(page, server.url('/beheer/advies/interacties?gemeente=GM0034&van=2018-10-01&tot=2019-10-31'));
  assert.match(await mainText(page), /Almere/);
  await visit(page, server.url('/beheer/advies/interacties?van=2019-10-31&tot=2018-10-01'), 400);
  assert.match(await errorSummary(page), /De einddatum ligt vóór de begindatum/);

  await visit(page, server.url('/beheer/advies/interacties/nieuw?gemeente=GM0344'));
  await page.getByLabel('Onderwerp').fill('Adviesgesprek meldroute (e2e)');
  const long = 'x'.repeat(1024 * 1024);
  await page.getByLabel('Samenvatting').fill(long);
  await page.getByLabel('Wat moet er gebeuren?').fill('Voorbeeldprotocol sturen');
  await page.getByLabel('Uiterlijk').fill('2020-01-15');
  await submit(page, 'Interactie opslaan');
  assert.match(await errorSummary(page), /het maximum is 20\.000 tekens/, 'a 1 MB summary is refused with the limit named');
  assert.equal(await page.getByLabel('Onderwerp').inputValue(), 'Adviesgesprek meldroute (e2e)', 'nothing typed is lost');
  await checkA11y(page);
  await page.getByLabel('Samenvatting').fill('Besproken hoe signalen van arbeidsuitbuiting intern gemeld worden.');
  await submit(page, 'Interactie opslaan');
  assert.match(await mainText(page), /de uiterste datum van de taak ligt in het verleden/, 'a past due date is allowed but flagged');
  await checkA11y(page);
  assert.match(await mainText(page), /Voorbeeldprotocol sturen/);
  await page.getByRole('link', { name: 'Bewerken' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Interactie bewerken');
  await checkA11y(page);
  await page.getByLabel('Onderwerp').fill('Adviesgesprek meldroute Utrecht (e2e)');
  await submit(page, 'Interactie opslaan');
  assert.match(await mainText(page), /De interactie is opgeslagen/);
  assert.equal(await page.locator('h1').innerText(), 'Adviesgesprek meldroute Utrecht (e2e)');
}

async function municipalityPage(page: Page, server: TestServer) {
  await visit(page, server.url('/beheer/advies/gemeente/GM0363'));
  assert.match(await mainText(page), /zelf gemeld, nog niet beoordeeld/, 'the self-report of today awaits review');
  await submit(page, /^Beoordeling opslaan: Frontlijnmedewerkers getraind/);
  assert.match(await mainText(page), /De zelfmelding is beoordeeld/);
  assert.match(await mainText(page), /zelf gemeld, bevestigd door adviseur/);
  await checkA11y(page);
  await page.getByLabel('Bouwsteen').selectOption({ label: 'Opvangvoorzieningen voor slachtoffers' });
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Op orde' });
  await page.getByLabel('Geldt vanaf').fill('2019-03-01');
  await submit(page, 'Status opslaan');
  assert.match(await mainText(page), /De status is opgeslagen/);
  await checkA11y(page);
  await visit(page, server.url('/beheer/advies/gemeente/GM0363?datum=2019-02-28'));
  assert.match(await mainText(page), /Beleidsstatus op 28 februari 2019/);
  await visit(page, server.url('/beheer/advies/gemeente/GM0363?datum=2019-02-30'), 400);
}

async function dashboardAndReport(page: Page, server: TestServer) {
  await visit(page, server.url(`/beheer/advies/dashboard?${PERIOD}`));
  const intensive = page.locator('table').filter({ has: page.locator('caption', { hasText: 'Intensieve contacten' }) });
  const names = (await intensive.locator('tbody tr th, tbody tr td:first-child').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual([...names].sort(), [...INTENSIVE_21].sort(), 'exactly the 21 intensive contacts of the news item');
  assert.ok((await page.locator('main svg').count()) >= 2, 'the engagement and maturity maps');
  const api = await page.request.get(server.url('/api/v1/engagement/intensive-contacts?from=2018-10-01&to=2019-10-31'));
  assert.equal(api.status(), 200);
  const body = (await api.json()) as { data: { name: string }[] };
  assert.deepEqual(body.data.map((d) => d.name).sort(), [...INTENSIVE_21].sort(), 'the API lists the same 21');
  await visit(page, server.url('/beheer/advies/dashboard?van=2019-10-31&tot=2018-10-01'), 400);
  assert.match(await errorSummary(page), /De einddatum ligt vóór de begindatum/);
  const csv = await page.request.get(server.url(`/beheer/advies/dashboard.csv?${PERIOD}`));
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /Amsterdam/);
  await visit(page, server.url(`/beheer/advies/rapport?${PERIOD}`));
  assert.match(await mainText(page), /Haarlem\/Kennemerland/);
  await page.emulateMedia({ media: 'print' });
  for (const frame of ['.gaz-header', '.gaz-footer', '.utrecht-breadcrumb-nav', '.gaz-advice-noprint']) {
    assert.ok((await page.locator(frame).count()) > 0, `the report has ${frame}`);
    assert.equal(await page.locator(frame).first().isVisible(), false, `${frame} is left off the paper`);
  }
  assert.equal(await page.locator('main h1').isVisible(), true);
  await checkA11y(page);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.gaz-header').isVisible(), true, 'the screen shows the frame again');
}

async function profile(page: Page, server: TestServer) {
  await visit(page, server.url('/beheer/advies/profiel'));
  await page.getByLabel('Functie').fill('Senior adviseur gemeenten');
  await submit(page, 'Opslaan');
  assert.match(await mainText(page), /Uw profiel is opgeslagen/);
  await checkA11y(page);
  await visit(page, server.url('/ondersteuning'));
  assert.match(await mainText(page), /Ad Advies \(voorbeeld\), Senior adviseur gemeenten/);
}

async function staffJourney(server: TestServer) {
  const context = await signIn(server, ADVISER);
  const page = await context.newPage();
  try {
    await startAndTasks(page, server);
    await contacts(page, server);
    await interactions(page, server);
    await municipalityPage(page, server);
    await dashboardAndReport(page, server);
    await profile(page, server);
    await visit(page, server.url('/beheer/advies/instellingen'), 403);
  } finally {
    await context.close();
  }
}

async function settings(server: TestServer) {
  const context = await signIn(server, ADMIN);
  const page = await context.newPage();
  try {
    await visit(page, server.url('/beheer/advies/instellingen'));
    await page.getByLabel('Drempel voor intensief contact').fill('0');
    await submit(page, 'Opslaan');
    assert.match(await errorSummary(page), /Vul een geheel getal in van 1 tot en met 100/);
    await checkA11y(page);
    await page.getByLabel('Drempel voor intensief contact').fill('3');
    await submit(page, 'Opslaan');
    assert.match(await mainText(page), /De instellingen zijn opgeslagen/);
    await checkA11y(page);
  } finally {
    await context.close();
  }
}

async function municipalityAccount(server: TestServer) {
  const context = await signIn(server, AMSTERDAM, { javaScript: false });
  const page = await context.newPage();
  try {
    await visit(page, server.url('/mijn-gemeente/beleid'));
    assert.match(await mainText(page), /Amsterdam/);
    await page.getByLabel('Bouwsteen').selectOption({ label: 'Een interne route voor het melden van signalen' });
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Op orde' });
    await page.getByLabel('Link naar onderbouwing').fill('geen link');
    await page.getByLabel('Toelichting').fill('Meldroute vastgesteld door het college.');
    await submit(page, 'Status opslaan');
    assert.match(await errorSummary(page), /Vul een webadres in dat begint met https:\/\//, 'a bad link is named');
    assert.equal(await page.getByLabel('Toelichting').inputValue(), 'Meldroute vastgesteld door het college.');
    await checkA11y(page);
    await page.getByLabel('Link naar onderbouwing').fill('https://example.org/meldroute');
    await submit(page, 'Status opslaan');
    assert.match(page.url(), /\/gemeente\/GM0363\/beleid\?ontvangen=1/);
    assert.match(await mainText(page), /zelf gemeld, nog niet beoordeeld/);
    await checkA11y(page);
    await visit(page, server.url('/gemeente/GM0363/beleid?datum=2019-06-30'));
    // Never another municipality's scorecard, contacts or interactions.
    await visit(page, server.url('/gemeente/GM0014/beleid'), 403);
    for (const path of ['/beheer/advies/gemeente/GM0014', '/beheer/advies/contacten', '/beheer/advies/interacties']) {
      const res = await page.goto(server.url(path));
      assert.equal(res?.status(), 403, `${path} is refused to a municipality account`);
    }
  } finally {
    await context.close();
  }
}

let server: TestServer;

describeOnEngines(
  'advice in the browser',
  'advice',
  (s) => {
    server = s;
  },
  () => {
    test('a municipality asks for support without JavaScript and gets a confirmation', { timeout: 120_000 }, () =>
      supportRequestWithoutJs(server),
    );
    test('the responsible adviser finds it as an open task and walks every staff page', { timeout: 300_000 }, () => staffJourney(server));
    test('an admin keeps the settings', { timeout: 120_000 }, () => settings(server));
    test('a municipality account sees and self-assesses only its own scorecard', { timeout: 120_000 }, () => municipalityAccount(server));
  },
);
