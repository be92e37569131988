// Images are shared by every app instance: stored through one instance (bytes in the database, ADR
// 0014), served by another on the same database, the same bytes, with the long cache lifetime.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { type TwoInstances, twoInstances } from '../../../test/helpers/two-instances.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { storeImage } from './images.service.ts';

let t: TestApp;
let two: TwoInstances;
before(async () => {
  t = await createTestApp({ now: () => new Date('2019-10-01T08:00:00Z') });
  two = await twoInstances(t);
});
after(async () => {
  await two?.close();
  await t?.close();
});

test('an image stored through one instance is served by the other, byte for byte', async () => {
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#7a4f9e' } })
    .png()
    .toBuffer();
  const id = await storeImage({ db: t.deps.db, actor: SYSTEM_ACTOR, now: t.deps.now() }, photo);
  for (const file of [`${id}-480.webp`, `${id}-960.jpg`]) {
    const a = await two.getA(`/nieuws/afbeelding/${file}`);
    const b = await two.getB(`/nieuws/afbeelding/${file}`);
    assert.equal(b.status, 200, file);
    assert.ok(b.body.equals(a.body), `${file}: the same bytes on both instances`);
    assert.match(String(b.headers['cache-control']), /immutable/);
    assert.equal((await sharp(b.body).metadata()).width, Number(file.split('-')[1].split('.')[0]));
  }
});
