// The events module's paragraph on /privacy names the retention term of registrants' data from the
// events settings: the default 365 days, and a changed term at once on the instance that saved it
// (the page is in the public cache; saving the settings bumps the events version).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assertKept, bodyText, type TwoInstances, twoInstances } from '../../../test/helpers/two-instances.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { saveEventSettings } from './settings.ts';

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

describe('the privacy statement on event registrants', () => {
  test('the retention term from the settings, and a changed term at once', async () => {
    assert.match(await assertKept(two, '/privacy'), /365 dagen na de bijeenkomst wissen wij deze gegevens; alleen de aantallen blijven\./);

    await saveEventSettings({ db: t.deps.db, actor: SYSTEM_ACTOR, now: clock }, { retentionDays: 90, reminderDays: 2, offerHours: 48 });
    const changed = bodyText(await two.getA('/privacy'));
    assert.match(changed, /90 dagen na de bijeenkomst wissen wij/);
    assert.doesNotMatch(changed, /365 dagen/);
    assert.match(bodyText(await two.getA('/privacy?lang=en')), /90 days after the event we erase this data/);
    assert.match(await assertKept(two, '/privacy'), /90 dagen na de bijeenkomst/, 'kept again');
  });
});
