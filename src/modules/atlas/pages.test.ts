// Atlas pages on an imported database: /kaart, /gemeenten, /gemeenten/{code}.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { h, type VNode } from 'preact';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { defineModule } from '../../module.ts';
import { MODULES } from '../index.ts';

const TODAY = new Date('2026-11-28T12:00:00Z');

const areaLinks = (html: string) =>
  html.match(/<a href="\/gemeenten\/GM\d{4}" data-code="GM\d{4}"[^>]*><title>[^<]+<\/title><path d="/g) ?? [];
const tableRows = (html: string) => (html.split('<tbody')[1] ?? '').match(/<tr /g)?.length ?? 0;

let t: TestApp;
before(async () => {
  t = await createAtlasTestApp(TODAY);
});
after(async () => {
  await t.close();
});
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('atlas pages: /kaart', () => {
  it('/kaart draws 342 municipalities today, each a link with a title, with province borders and legend', async () => {
    const res = await get('/kaart');
    assert.equal(res.statusCode, 200);
    assert.equal(areaLinks(res.body).length, 342);
    assert.equal((res.body.match(/<h1/g) ?? []).length, 1);
    assert.match(res.body, /342 gemeenten op 28 november 2026/);
    assert.match(res.body, /class="gaz-choropleth__overlay"[^>]*pointer-events="none"/);
    assert.equal((res.body.match(/class="gaz-choropleth-legend__item"/g) ?? []).length, 12);
    assert.match(res.body, /Noord-Holland \(44\)/);
    assert.match(res.body, /Grenzen: CBS\/Kadaster via PDOK, vereenvoudigd door cartomap\/nl; cijfers: CBS \(CC BY 4.0\)/);
    assert.equal(tableRows(res.body), 342);
    assert.doesNotMatch(res.body, /style="/);
    assert.match(res.body, /<title>Amsterdam: Noord-Holland<\/title>/);
  });

  it('/kaart?datum=2019-06-01 draws 355 municipalities', async () => {
    const res = await get('/kaart?datum=2019-06-01');
    assert.equal(res.statusCode, 200);
    assert.equal(areaLinks(res.body).length, 355);
    assert.match(res.body, /355 gemeenten op 1 juni 2019/);
    assert.match(res.body, /data-code="GM0457"/); // Weesp
  });

  it('/kaart is served from memory with an ETag and answers 304 on If-None-Match', async () => {
    const a = await get('/kaart?datum=2025-06-01');
    const b = await get('/kaart?datum=2025-06-01');
    assert.equal(a.body, b.body);
    assert.ok(a.headers.etag);
    assert.match(String(a.headers['cache-control']), /^public, max-age=/);
    const c = await get('/kaart?datum=2025-06-01', { 'if-none-match': String(a.headers.etag) });
    assert.equal(c.statusCode, 304);
    assert.equal(c.body, '');
  });

  it('a bad or unsupported date gives a 400 page naming the field and keeping the input', async () => {
    for (const [url, typed] of [
      ['/kaart?datum=2019-13-01', '2019-13-01'],
      ['/gemeenten?datum=2019-13-01', '2019-13-01'],
      ['/kaart?datum=0000-01-01', '0000-01-01'],
      ['/gemeenten?datum=2100-01-01', '2100-01-01'],
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, /Datum: Vul een datum in als JJJJ-MM-DD tussen 2000-01-01 en 2099-12-31, bijvoorbeeld 2019-09-30\./);
      assert.match(res.body, new RegExp(`value="${typed}"`));
      assert.match(res.body, /aria-invalid="true"/);
      assert.match(String(res.headers['cache-control']), /no-store/);
    }
  });
});

describe('atlas pages: /gemeenten', () => {
  it('/gemeenten shows the count, filters on province and sorts', async () => {
    const all = await get('/gemeenten');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /342 gemeenten op 28 november 2026/);
    assert.equal(tableRows(all.body), 342);
    const old = await get('/gemeenten?datum=2019-06-01');
    assert.match(old.body, /355 gemeenten op 1 juni 2019/);
    const nh = await get('/gemeenten?provincie=PV27');
    assert.match(nh.body, /44 gemeenten op 28 november 2026 \(van de 342\)/);
    assert.equal(tableRows(nh.body), 44);
    const byPop = await get('/gemeenten?provincie=PV27&sorteer=inwoners');
    const firstLink = byPop.body.split('<tbody')[1].match(/href="\/gemeenten\/(GM\d{4})/)![1];
    assert.equal(firstLink, 'GM0363');
    const byName = await get('/gemeenten?provincie=PV27&sorteer=naam');
    assert.equal(byName.body.split('<tbody')[1].match(/>([^<]+)<\/a>/)![1], 'Aalsmeer');
    const bad = await get('/gemeenten?sorteer=DROP');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Sorteer op: kies naam, provincie of inwoners\./);
  });

  it('/gemeenten?zoek=Weesp finds Amsterdam and says why', async () => {
    const res = await get('/gemeenten?zoek=Weesp');
    assert.equal(res.statusCode, 200);
    assert.equal(tableRows(res.body), 1);
    assert.match(res.body, /href="\/gemeenten\/GM0363/);
    assert.match(res.body, /Weesp/);
  });
});

describe('atlas pages: profiles', () => {
  it('profile of GM0363 shows province, regions, population with its date and predecessors', async () => {
    const res = await get('/gemeenten/GM0363');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="utrecht-heading-1">Amsterdam<\/h1>/);
    assert.match(res.body, /Noord-Holland/);
    assert.match(res.body, /Veiligheidsregio<\/dt><dd[^>]*>Amsterdam-Amstelland/);
    assert.match(res.body, /Inwoners op 1 januari 2024/);
    assert.match(res.body, /href="\/gemeenten\/GM0457">Weesp<\/a> \(GM0457\), 24 maart 2022/);
    assert.ok(res.headers.etag);
  });

  it('profile of dissolved Appingedam says it merged into Eemsdelta', async () => {
    const res = await get('/gemeenten/GM0003');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Opgeheven op 1 januari 2021 — opgegaan in <a class="utrecht-link" href="\/gemeenten\/GM1979">Eemsdelta<\/a>/);
  });

  it('unknown code → 404, bad date on a profile → 400', async () => {
    assert.equal((await get('/gemeenten/GM9999')).statusCode, 404);
    assert.equal((await get('/gemeenten/nonsense')).statusCode, 404);
    assert.equal((await get('/gemeenten/GM0363?datum=gisteren')).statusCode, 400);
    assert.equal((await get('/gemeenten/GM0363?datum=0005-06-15')).statusCode, 400);
  });

  it('panels declared by other modules appear on the profile; a failing panel is left out', async () => {
    const panels = defineModule({
      name: 'panel-probe',
      profilePanels: [
        {
          id: 'test-panel',
          render: async (code, date) => (code === 'GM0014' ? (h('section', { id: 'test-panel' }, `panel ${code} ${date}`) as VNode) : null),
        },
        {
          id: 'broken',
          render: async () => {
            throw new Error('boom');
          },
        },
      ],
    });
    const withPanels = await createAtlasTestApp(TODAY, { modules: [...MODULES, panels] });
    after(() => withPanels.close());
    const get = (url: string) => withPanels.app.inject({ method: 'GET', url });
    const res = await get('/gemeenten/GM0014');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<section id="test-panel">panel GM0014 2026-11-28<\/section>/);
    assert.doesNotMatch((await get('/gemeenten/GM0363')).body, /test-panel/);
  });
});
