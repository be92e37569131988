// The learner's journey on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL):
// sign up with email confirmation, enrol, follow lessons (progress saved), fail and pass the quiz,
// the certificate PDF rendered with poppler, public verification, own data download and deletion.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { csrfFrom, formBody, loginAs, postForm, publicForm, updateCookies } from '../../../test/helpers/auth.ts';
import { findUserByEmail } from '../auth/index.ts';
import { getOutboxMessage, outboxCounts } from '../outbox/index.ts';
import { selectEnrolmentFacts } from './queries.ts';
import { makeCourse } from './testing/kit.ts';

let t: TestApp;
before(async () => {
  t = await createAtlasTestApp(new Date('2019-10-01T10:00:00Z'));
});
after(async () => {
  await t?.close();
});

async function lastEmailTo(to: string) {
  const c = await outboxCounts(t.deps.db);
  for (let id = c.pending + c.sending + c.sent + c.failed; id >= 1; id--) {
    const m = await getOutboxMessage(t.deps.db, id);
    if (m?.to === to) return m;
  }
  throw new Error(`no email to ${to}`);
}

async function form(url: string, remoteAddress: string) {
  const jar: Record<string, string> = {};
  const page = await t.app.inject({ url, remoteAddress });
  updateCookies(jar, page);
  return { jar, csrf: csrfFrom(page.body), page };
}

async function signUpLearner(email: string, name: string, municipality = 'GM0361') {
  const page = await t.app.inject({ url: '/academy/aanmelden', remoteAddress: '10.2.0.1' });
  assert.doesNotMatch(page.body, /name="_csrf"/, 'the sign-up page is the same for everyone: no token');
  const res = await t.app.inject({
    method: 'POST',
    url: '/academy/aanmelden',
    remoteAddress: '10.2.0.1',
    ...publicForm({ name, email, municipality }),
  });
  assert.equal(res.statusCode, 303);
  const link = (await lastEmailTo(email)).text.match(/\/academy\/bevestigen\/[\w-]+/)![0];
  const c = await form(link, '10.2.0.2');
  const short = await t.app.inject({
    method: 'POST',
    url: link,
    remoteAddress: '10.2.0.2',
    cookies: c.jar,
    ...formBody({ _csrf: c.csrf, password: 'kort' }),
  });
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /minstens 12 tekens/);
  const ok = await t.app.inject({
    method: 'POST',
    url: link,
    remoteAddress: '10.2.0.2',
    cookies: c.jar,
    ...formBody({ _csrf: c.csrf, password: 'een lange zin als wachtwoord' }),
  });
  assert.equal(ok.statusCode, 303);
  const again = await t.app.inject({ url: link });
  assert.equal(again.statusCode, 404, 'the link works once');
  const user = (await findUserByEmail(t.deps.db, email))!;
  return loginAs(t, { id: user.id, email, password: 'een lange zin als wachtwoord', role: 'learner' });
}

test('sign-up: bad input gets Dutch messages beside the fields; a filled honeypot stores nothing', async () => {
  const bad = await t.app.inject({
    method: 'POST',
    url: '/academy/aanmelden',
    remoteAddress: '10.2.1.1',
    ...publicForm({ name: 'Kees', email: 'kees@', municipality: '' }),
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Vul een geldig e-mailadres in/);
  assert.match(bad.body, /Kies de gemeente waarvoor u werkt\./);
  assert.match(bad.body, /value="Kees"/);
  const robot = await t.app.inject({
    method: 'POST',
    url: '/academy/aanmelden',
    remoteAddress: '10.2.1.1',
    ...publicForm({ name: 'Bot', email: 'bot@example.org', municipality: 'GM0363', website: 'x' }),
  });
  assert.equal(robot.statusCode, 303);
  await assert.rejects(lastEmailTo('bot@example.org'));
});

test('a learner signs up, enrols, follows the lessons, passes the quiz and gets a tagged certificate that renders', async () => {
  const courseId = await makeCourse(t);
  const s = await signUpLearner('lotte@example.org', 'Lotte de Wit');
  const slug = (await t.app.inject({ url: '/api/v1/courses' })).json().data.find((c: { id: number }) => c.id === courseId).slug;
  const enrol = await postForm(t, s, '/academy/inschrijven', { course: slug });
  assert.equal(enrol.statusCode, 303);
  const base = String(enrol.headers.location).replace(/\/les\/1$/, '');
  const lesson = await t.app.inject({ url: `${base}/les/1`, cookies: s.cookies });
  assert.match(lesson.body, /Wat is mensenhandel\?/);
  assert.equal((await postForm(t, s, `${base}/les/1`, {})).headers.location, `${base}/les/2`);
  assert.equal((await postForm(t, s, `${base}/les/2`, {})).headers.location, `${base}/toets`);
  const mine = await t.app.inject({ url: '/academy/mijn', cookies: s.cookies });
  assert.match(mine.body, /2 \/ 2/, 'progress saved per lesson');

  const fail = await postForm(t, s, `${base}/toets`, { q0: '0', q1: '1', q2: '1' });
  assert.equal(fail.statusCode, 422);
  assert.match(fail.body, /Nog niet geslaagd/);
  const pass = await postForm(t, s, `${base}/toets`, { q0: '1', q1: '1', q2: '0' });
  assert.equal(pass.statusCode, 200);
  assert.match(pass.body, /Geslaagd!/);

  const pdf = await t.app.inject({ url: `${base}/certificaat.pdf`, cookies: s.cookies });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'gaz-cert-'));
  try {
    const file = join(dir, 'c.pdf');
    writeFileSync(file, pdf.rawPayload);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /Tagged:\s+yes/);
    assert.match(info, /Title:\s+Certificaat: Signalen herkennen/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    assert.match(text, /Lotte de Wit/);
    assert.match(text, /1 oktober 2019/);
    const code = text.match(/GAZ(-[A-Z2-9]{4}){3}/)![0];
    execFileSync('pdftoppm', ['-png', '-r', '40', '-singlefile', file, join(dir, 'page')]);
    assert.ok(readFileSync(join(dir, 'page.png')).length > 1000, 'the page renders to an image');
    const catalog = execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8' });
    assert.match(catalog, /H1/);

    const verify = await t.app.inject({ url: `/academy/certificaat/${code}` });
    assert.equal(verify.statusCode, 200);
    assert.match(verify.body, /Dit certificaat is geldig\./);
    assert.match(verify.body, /Lotte de Wit/);
    assert.doesNotMatch(verify.body, /lotte@example\.org/);
    assert.equal((await t.app.inject({ url: '/academy/certificaat/GAZ-AAAA-BBBB-CCCC' })).statusCode, 404);

    // Own data: download, then delete; the certificate no longer verifies, the completion count stays.
    const data = await t.app.inject({ url: '/academy/mijn/gegevens.json', cookies: s.cookies });
    assert.equal(data.json().account.email, 'lotte@example.org');
    assert.equal(data.json().enrolments[0].certificateCode, code);
    const wrong = await postForm(t, s, '/academy/mijn/verwijderen', { confirm: 'ja' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Typ VERWIJDER/);
    assert.equal((await postForm(t, s, '/academy/mijn/verwijderen', { confirm: 'VERWIJDER' })).statusCode, 303);
    assert.equal(await findUserByEmail(t.deps.db, 'lotte@example.org'), null);
    assert.equal((await t.app.inject({ url: `/academy/certificaat/${code}` })).statusCode, 404);
    const facts = (await selectEnrolmentFacts(t.deps.db)).filter((f) => f.course_id === courseId);
    assert.deepEqual(
      facts.map((f) => [f.municipality_code, f.completed_at]),
      [['GM0361', '2019-10-01']],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('another learner cannot open someone else’s lessons or certificate', async () => {
  const courseId = await makeCourse(t);
  const a = await signUpLearner('a-learner@example.org', 'Anna A');
  const b = await signUpLearner('b-learner@example.org', 'Bram B');
  const slug = (await t.app.inject({ url: '/api/v1/courses' })).json().data.find((c: { id: number }) => c.id === courseId).slug;
  const base = String((await postForm(t, a, '/academy/inschrijven', { course: slug })).headers.location).replace(/\/les\/1$/, '');
  assert.equal((await t.app.inject({ url: `${base}/les/1`, cookies: b.cookies })).statusCode, 404);
  assert.equal((await t.app.inject({ url: `${base}/certificaat.pdf`, cookies: b.cookies })).statusCode, 404);
  assert.equal((await t.app.inject({ url: `${base}/les/1` })).statusCode, 401);
});
