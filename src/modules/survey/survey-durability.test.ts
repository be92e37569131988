// No answer is lost: the real server (tsx src/main.ts) as a child process on this file's database
// (SQLite file or PostgreSQL database); a save it acknowledged (303 for the form, 200 for the
// island) survives `kill -9` of the server straight after, and is there after a restart.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp, REFERENCE_DIR } from '../../../test/helpers/atlas.ts';
import { responseState } from './responses.service.ts';
import { type Fixture, fixtureSurvey } from './testing/fixtures.ts';

let t: TestApp;
let f: Fixture;
const root = resolve(import.meta.dirname, '..', '..', '..');

before(async () => {
  t = await createAtlasTestApp(() => new Date());
  f = await fixtureSurvey(t.deps, { status: 'open', title: 'Duurzaamheidstest' });
  await t.app.close(); // the child server uses the database from here on
});
after(async () => t?.database.dispose());

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

async function startServer(): Promise<{ base: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: t.database.url,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    LOAD_DEMO: '0',
    OUTBOX_SENDER: '0',
    JOB_RUNNER: '0',
    REFERENCE_DATA: REFERENCE_DIR,
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return { base, child, output: () => log };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready: ${log}`);
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
}

/** The section page as a browser loads it: its CSRF cookie and the form's hidden fields. */
async function load(base: string, token: string) {
  const res = await fetch(`${base}/enquete/sectie/1?token=${token}`);
  const html = await res.text();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const fields = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields.set(m[1], m[2].replace(/&amp;/g, '&'));
  return { cookie, fields };
}

test('an acknowledged save survives kill -9 of the server (form and field-by-field saves)', { timeout: 240_000 }, async () => {
  const token = f.tokens.get('GM0363')!;
  const [q1, q2] = f.questionIds;
  const first = await startServer();
  const page = await load(first.base, token);
  page.fields.set(`q${q1}`, 'ja');
  page.fields.set('ga', 'blijf');
  const saved = await fetch(`${first.base}/enquete/sectie/1`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.cookie, origin: first.base },
    body: page.fields.toString(),
  });
  assert.equal(saved.status, 303, first.output());
  const island = await fetch(`${first.base}/enquete/antwoord`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: page.cookie, 'x-csrf-token': page.fields.get('_csrf')!, origin: first.base },
    body: JSON.stringify({ token, version: 1, questionId: q2, value: ['zorg'] }),
  });
  assert.equal(island.status, 200, first.output());
  assert.equal((await island.json()).saved, true);
  await killHard(first.child); // no graceful shutdown: the process is gone at once

  const stored = await responseState(t.deps.db, f.id, 'GM0363');
  assert.deepEqual(stored.answers, { [q1]: 'ja', [q2]: ['zorg'] });

  const second = await startServer();
  try {
    const review = await (await fetch(`${second.base}/enquete/controle?token=${token}`)).text();
    assert.match(review, /Heeft u beleid\?<\/dt><dd class="utrecht-data-list__item-value">Ja/);
    assert.match(review, /Zorgcoördinator/);
  } finally {
    await killHard(second.child);
  }
});
