// The learner sign-up's protection on a real database: at most three sign-ups per email address
// per hour (then a 429 with the message beside the field), at most ten posts per client address in
// ten minutes, and an address that already has an account gets the same answer and a notice by
// email instead of a second account.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { createUser, publicForm } from '../../../test/helpers/auth.ts';
import { emailsTo } from '../../../test/helpers/records.ts';

let clock = new Date('2019-10-01T10:00:00Z');
let t: TestApp;
before(async () => {
  t = await createAtlasTestApp(() => clock);
});
after(async () => {
  await t?.close();
});

async function signUp(email: string, remoteAddress: string) {
  return t.app.inject({
    method: 'POST',
    url: '/academy/aanmelden',
    remoteAddress,
    ...publicForm({ name: 'Lerende', email, municipality: 'GM0361' }),
  });
}

test('three sign-ups per email address per hour; the fourth is a 429 beside the field; an hour later it works again', async () => {
  for (let i = 1; i <= 3; i++) assert.equal((await signUp('veel@example.org', `10.3.0.${i}`)).statusCode, 303);
  const fourth = await signUp('veel@example.org', '10.3.0.4');
  assert.equal(fourth.statusCode, 429);
  assert.match(fourth.body, /id="field-email-error"[\s\S]*?te vaak een account aangevraagd/);
  assert.equal((await emailsTo(t, 'veel@example.org')).length, 3);
  clock = new Date('2019-10-01T11:00:01Z');
  assert.equal((await signUp('veel@example.org', '10.3.0.5')).statusCode, 303);
});

test('ten posts per client address in ten minutes, then a 429', async () => {
  for (let i = 0; i < 10; i++) assert.equal((await signUp(`persoon${i}@example.org`, '10.3.1.1')).statusCode, 303, `post ${i + 1}`);
  assert.equal((await signUp('persoon10@example.org', '10.3.1.1')).statusCode, 429);
  assert.equal((await signUp('persoon10@example.org', '10.3.1.2')).statusCode, 303, 'another address is not limited');
});

test('an address with an account: the same answer, and a notice by email instead of a confirmation link', async () => {
  const user = await createUser(t.deps, { role: 'learner', email: 'bestaat@example.org' });
  assert.equal((await signUp(user.email, '10.3.2.1')).statusCode, 303);
  const mails = await emailsTo(t, 'bestaat@example.org');
  assert.deepEqual(
    mails.map((m) => m.subject),
    ['Mensenhandel Academy: u heeft al een account'],
  );
});
