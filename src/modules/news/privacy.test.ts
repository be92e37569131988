// The news module's paragraph on /privacy tells whether newsletter opens and clicks are counted, as
// the `tracking` setting says: off by default; saved on, the statement says so at once on the
// instance that saved it (the page is in the public cache) and within the 2 s trust on another.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assertKept, bodyText, type TwoInstances, twoInstances, until } from '../../../test/helpers/two-instances.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { saveSettings } from './settings.ts';

const clock = new Date('2019-10-01T08:00:00Z');
let t: TestApp;
let two: TwoInstances;
before(async () => {
  t = await createTestApp({ now: () => clock });
  two = await twoInstances(t);
});
after(async () => {
  await two?.close();
  await t?.close();
});

describe('the privacy statement on newsletter tracking', () => {
  test('"staat uit" by default, "staat aan" at once after an admin turns it on, and off again', async () => {
    const off = await assertKept(two, '/privacy');
    assert.match(off, /op een link klikt, tellen wij niet; dit staat uit\./);
    assert.doesNotMatch(off, /staat aan/);
    assert.match(off, /Onbevestigde aanmeldingen wissen wij na 72 uur/);

    await saveSettings({ db: t.deps.db, actor: SYSTEM_ACTOR, now: clock }, { tracking: true, ratePerMinute: 600, softBounceLimit: 3 });
    const on = bodyText(await two.getA('/privacy'));
    assert.match(on, /tellen wij per nieuwsbrief; dit staat aan\./);
    assert.doesNotMatch(on, /staat uit/);
    assert.ok(
      (await until(
        () => two.getB('/privacy'),
        (a) => /dit staat aan/.test(bodyText(a)),
      )) > 0,
      'seen on the other instance',
    );
    assert.match(bodyText(await two.getA('/privacy?lang=en')), /is counted per newsletter; this is on\./);

    await saveSettings({ db: t.deps.db, actor: SYSTEM_ACTOR, now: clock }, { tracking: false, ratePerMinute: 600, softBounceLimit: 3 });
    assert.match(bodyText(await two.getA('/privacy')), /dit staat uit\./);
  });
});
