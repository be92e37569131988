// The privacy statement's `privacyStatement` extension point: a module's paragraph appears on
// /privacy in Dutch and English, after the paragraphs of the modules before it, and a contribution
// with a data version is read again when that version changes (the page is in the public cache).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assertKept, bodyText, type TwoInstances, twoInstances } from '../../../test/helpers/two-instances.ts';
import { publicCacheVersion } from '../../http/public-cache.ts';
import { defineModule } from '../../module.ts';
import { MODULES } from '../index.ts';
import type { PrivacyStatementContribution } from './privacy.ts';

let kept = 'gastenboek';
const probeVersion = publicCacheVersion('probe', async () => kept);
const probe: PrivacyStatementContribution = {
  id: 'probe.guests',
  version: probeVersion,
  read: async () => ({ nl: `De proefmodule bewaart het ${kept}.`, en: `The probe module keeps the ${kept}.` }),
};
const probeModule = defineModule({ name: 'privacy-probe', extensions: { privacyStatement: [probe] } });

let t: TestApp;
let two: TwoInstances;
before(async () => {
  t = await createTestApp({ modules: [...MODULES, probeModule] });
  two = await twoInstances(t);
});
after(async () => {
  await two?.close();
  await t?.close();
});

describe('/privacy with the modules’ contributions', () => {
  test('a contribution appears in Dutch and in English, after those of the modules before it', async () => {
    const nl = await t.app.inject({ url: '/privacy' });
    assert.equal(nl.statusCode, 200);
    assert.match(nl.body, /<li class="utrecht-unordered-list__item">De proefmodule bewaart het gastenboek\.<\/li>/);
    assert.ok(nl.body.indexOf('Van abonnees op de nieuwsbrief') < nl.body.indexOf('De proefmodule'), 'module order');
    assert.ok(nl.body.indexOf('Van contactpersonen bij gemeenten') < nl.body.indexOf('Van abonnees op de nieuwsbrief'));
    const en = await t.app.inject({ url: '/privacy?lang=en' });
    assert.match(en.body, /The probe module keeps the gastenboek\./);
    assert.doesNotMatch(en.body, /De proefmodule/);
  });

  test('a change of a contribution’s data version shows at once on the instance that made it', async () => {
    assert.match(await assertKept(two, '/privacy'), /bewaart het gastenboek/);
    kept = 'bezoekersregister';
    probeVersion.changed(t.deps.db);
    assert.match(bodyText(await two.getA('/privacy')), /bewaart het bezoekersregister/);
  });
});
