// The 2019 demo scenario of the news module, loaded with everything it builds on (accounts,
// reference data, the network): the newsletters of September and October 2019 in the archive,
// the programme's news item and its sections, a story with a content note, subscribers in all states.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { loadDemo } from '../../demo/index.ts';
import { countByStatus } from './subscribers.queries.ts';

let t: TestApp;
before(async () => {
  t = await createAtlasTestApp(new Date('2026-12-02T10:00:00Z'));
  await loadDemo(t.deps, () => {});
  await loadDemo(t.deps, () => {}); // idempotent
});
after(async () => {
  await t?.close();
});

test('the archive holds the September and October 2019 newsletters with the news item split into its sections', async () => {
  const archive = await t.app.inject({ url: '/nieuwsbrief' });
  assert.match(archive.body, /Nieuwsbrief september 2019/);
  assert.match(archive.body, /Nieuwsbrief oktober 2019/);
  const september = await t.app.inject({ url: '/nieuwsbrief/2019-09' });
  for (const title of [
    'Gemeenten aan zet: aanpak mensenhandel breidt uit',
    'Zorgcoördinatie: 27 zorgcoördinatoren in september',
    'Eerste resultaten van de enquête onder gemeenten',
    'Workshops voor hoofden openbare orde en veiligheid',
    'Mensenhandel Academy: e-learning signalen herkennen',
  ]) {
    assert.ok(september.body.includes(title), title);
  }
  const care = await t.app.inject({ url: '/nieuws/zorgcoordinatie-27-zorgcoordinatoren-in-september' });
  assert.match(care.body, /27 zorgcoördinatoren mensenhandel op 30 september 2019/);
  assert.match(care.body, /Opgenomen in de nieuwsbrief van september 2019/);
});

test('a story with its content note, several articles through 2019, subscribers in every state', async () => {
  const stories = await t.app.inject({ url: '/verhalen' });
  assert.match(stories.body, /uitbuiting en dwang/);
  const api = (await t.app.inject({ url: '/api/v1/articles' })).json();
  assert.ok(api.meta.total >= 9);
  const counts = await countByStatus(t.deps.db);
  for (const status of ['confirmed', 'pending', 'unsubscribed', 'bounced'] as const) assert.ok(counts[status] > 0, status);
});
