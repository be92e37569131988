// The email address typed as a username on the login and password-reset forms: a text box with the
// email keyboard and `autocomplete="username"` (WCAG 1.3.5: `username` is not a valid autofill token
// for `<input type="email">`), no spelling correction or capitals, so password managers still fill it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t?.close());

function attributesOf(html: string, id: string): Record<string, string> {
  const tag = html.match(new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`))?.[0];
  assert.ok(tag, `an <input id="${id}"> in the page`);
  return Object.fromEntries([...tag.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? '']));
}

for (const path of ['/inloggen', '/wachtwoord/vergeten', '/inloggen?lang=en']) {
  test(`${path}: the email field is a username text box with the email keyboard`, async () => {
    const res = await t.app.inject({ url: path });
    assert.equal(res.statusCode, 200);
    const input = attributesOf(res.body, 'field-email');
    assert.equal(input.type, 'text');
    assert.equal(input.autocomplete, 'username');
    assert.equal(input.inputmode, 'email');
    assert.equal(input.spellcheck, 'false');
    assert.equal(input.autocapitalize, 'none');
    assert.equal(input.name, 'email');
    assert.ok('required' in input || input['aria-required'] === 'true', 'still required');
    assert.doesNotMatch(res.body, /type="email"[^>]*autocomplete="username"|autocomplete="username"[^>]*type="email"/);
  });
}
