// Writing and publishing on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL):
// permissions 401 → 400 → 403 → 200, scheduling, stories and their consent rule, withdrawal (410),
// revisions with a diff, live-data blocks frozen at publication, images without metadata, the
// public pages with Open Graph and NewsArticle data, RSS and Atom, and the API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, formBody, type LoggedIn, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { defineModule } from '../../module.ts';
import { MODULES } from '../index.ts';
import type { NewsEmbedProvider } from './index.ts';

let clock = new Date('2019-09-20T08:00:00Z');
let t: TestApp;
let editor: LoggedIn;

// A module contributing a block to the extension point, as the survey module will.
let surveyRate = 135;
const surveyEmbed: NewsEmbedProvider = {
  kind: 'enquete',
  label: { nl: 'Respons enquête', en: 'Survey response' },
  describe: async (_deps, date) => ({
    nl: `${surveyRate} van 355 gemeenten antwoordden (stand ${date})`,
    en: `${surveyRate} of 355 municipalities answered (as on ${date})`,
  }),
};
const surveyModule = defineModule({ name: 'survey-probe', extensions: { newsEmbed: [surveyEmbed] } });

const article = (over: Record<string, string> = {}) => ({
  title: 'Gemeenten aan zet: aanpak mensenhandel breidt uit',
  summary: 'Steeds meer gemeenten hebben een zorgcoördinator.',
  bodyMd: '## Zorgcoördinatie\n\nHet netwerk groeit.\n\n{{enquete 2019-09-30}}\n\n> Een citaat',
  tags: 'network',
  authorName: 'Redactie Gemeenten aan zet',
  action: 'publish',
  ...over,
});

async function newArticle(fields: Record<string, string>, query = ''): Promise<number> {
  const res = await postForm(t, editor, `/beheer/nieuws/nieuw${query}`, fields);
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  return Number(/\/beheer\/nieuws\/(\d+)/.exec(String(res.headers.location))![1]);
}

before(async () => {
  t = await createTestApp({ now: () => clock, modules: [...MODULES, surveyModule] });
  editor = await loginAs(t, 'adviser');
});
after(async () => {
  await t?.close();
});

describe('permissions on writing', () => {
  test('401 anonymous, 400 with the exact message, 403 without the editor permission, 200 for an adviser and a granted coordinator', async () => {
    assert.equal((await t.app.inject({ url: '/beheer/nieuws' })).statusCode, 401);
    const bad = await postForm(t, editor, '/beheer/nieuws/nieuw', article({ title: '' }));
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Titel: Vul dit veld in\./);
    assert.match(bad.body, /Redactie Gemeenten aan zet/, 'what was typed is kept');
    const muni = await loginAs(t, await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' }));
    assert.equal((await t.app.inject({ url: '/beheer/nieuws', cookies: muni.cookies })).statusCode, 403);
    assert.equal((await t.app.inject({ url: '/beheer/nieuws', cookies: editor.cookies })).statusCode, 200);
    const granted = await loginAs(t, await createUser(t.deps, { role: 'coordinator', grants: ['editor'] }));
    assert.equal((await t.app.inject({ url: '/beheer/nieuws', cookies: granted.cookies })).statusCode, 200);
    assert.equal(
      (await t.app.inject({ url: '/beheer/nieuwsbrief', cookies: granted.cookies })).statusCode,
      403,
      'the newsletter is staff only',
    );
  });
});

describe('articles', () => {
  test('an article scheduled for later appears by itself at its moment, with its frozen data block', async () => {
    const id = await newArticle(article({ publishAt: '2019-10-01T09:00' }));
    const page = await t.app.inject({ url: `/beheer/nieuws/${id}`, cookies: editor.cookies });
    assert.match(page.body, /ingepland/);
    const slug = 'gemeenten-aan-zet-aanpak-mensenhandel-breidt-uit';
    assert.equal((await t.app.inject({ url: `/nieuws/${slug}` })).statusCode, 404);
    assert.doesNotMatch((await t.app.inject({ url: '/nieuws' })).body, /breidt uit/);
    surveyRate = 140; // the figure changes after publication: the article keeps what was true then
    clock = new Date('2019-10-01T07:00:00Z'); // 09:00 in Amsterdam
    editor = await loginAs(t, editor.user); // eleven days later: a new session
    const pub = await t.app.inject({ url: `/nieuws/${slug}` });
    assert.equal(pub.statusCode, 200);
    assert.match(pub.body, /135 van 355 gemeenten antwoordden \(stand 2019-09-30\)/);
    assert.match(pub.body, /Stand op 30 september 2019/);
    assert.match(pub.body, /<meta property="og:title" content="Gemeenten aan zet: aanpak mensenhandel breidt uit"/);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(pub.body)![1]);
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.datePublished, '2019-10-01T07:00:00.000Z');
    assert.match((await t.app.inject({ url: '/nieuws?onderwerp=network' })).body, /breidt uit/);
    assert.doesNotMatch((await t.app.inject({ url: '/nieuws?onderwerp=academy' })).body, /breidt uit/);
    const bad = await t.app.inject({ url: '/nieuws?onderwerp=onzin' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kies een onderwerp: network, survey, events, academy, policy\./);
  });

  test('raw HTML and unsafe links never reach the page; images need alt text', async () => {
    const id = await newArticle(article({ title: 'Veilig', bodyMd: 'Tekst <script>alert(1)</script> [x](javascript:alert(1))' }));
    const page = await t.app.inject({ url: '/nieuws/veilig' });
    assert.equal(page.statusCode, 200, `article ${id}`);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /javascript:/);
    const missingAlt = await postForm(t, editor, '/beheer/nieuws/nieuw', article({ title: 'Foto', bodyMd: '![](afbeelding:99)' }));
    assert.equal(missingAlt.statusCode, 400);
    assert.match(missingAlt.body, /staat niet in de beeldbank/);
  });

  test('revisions: each save is a version, with a diff against the one before', async () => {
    const id = await newArticle(article({ title: 'Versies', bodyMd: 'eerste regel', action: 'draft' }));
    assert.equal(
      (
        await postForm(
          t,
          editor,
          `/beheer/nieuws/${id}`,
          article({ title: 'Versies', bodyMd: 'eerste regel\ntweede regel', action: 'draft' }),
        )
      ).statusCode,
      303,
    );
    const list = await t.app.inject({ url: `/beheer/nieuws/${id}/versies`, cookies: editor.cookies });
    assert.match(list.body, /\/versies\/2/);
    const diff = await t.app.inject({ url: `/beheer/nieuws/${id}/versies/2`, cookies: editor.cookies });
    assert.match(diff.body, /<ins>\+ tweede regel\n<\/ins>/);
    assert.equal((await t.app.inject({ url: '/nieuws/versies' })).statusCode, 404, 'a draft is not public');
  });

  test('a withdrawn article answers 410 with the reason', async () => {
    const id = await newArticle(article({ title: 'Ingetrokken bericht' }));
    const empty = await postForm(t, editor, `/beheer/nieuws/${id}/intrekken`, { reason: '' });
    assert.equal(empty.statusCode, 400);
    assert.equal((await postForm(t, editor, `/beheer/nieuws/${id}/intrekken`, { reason: 'Onjuiste cijfers' })).statusCode, 303);
    const gone = await t.app.inject({ url: '/nieuws/ingetrokken-bericht' });
    assert.equal(gone.statusCode, 410);
    assert.match(gone.body, /Dit bericht is ingetrokken op 2019-10-01\. Reden: Onjuiste cijfers\./);
    assert.equal((await t.app.inject({ url: '/api/v1/articles/ingetrokken-bericht' })).statusCode, 410);
  });
});

describe('stories', () => {
  test('a story needs a pseudonym and the editor’s confirmation of consent; the form says no personal data is kept', async () => {
    const form = await t.app.inject({ url: '/beheer/nieuws/nieuw?soort=verhaal', cookies: editor.cookies });
    assert.match(form.body, /bewaart geen gegevens over de persoon achter een verhaal/);
    const story = {
      title: 'KIM',
      summary: 'Kim vertelt.',
      bodyMd: 'Ik dacht dat het een baan was.',
      tags: '',
      authorName: 'Redactie',
      contentNote: 'uitbuiting en geweld',
      action: 'publish',
    };
    const refused = await postForm(t, editor, '/beheer/nieuws/nieuw?soort=verhaal', story);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Vul een schuilnaam in, zoals KIM\. Nooit de echte naam\./);
    assert.match(refused.body, /Bevestig dat er toestemming is en dat het verhaal geanonimiseerd is/);
    await newArticle({ ...story, pseudonym: 'KIM', consentConfirmed: 'on' }, '?soort=verhaal');
    const page = await t.app.inject({ url: '/verhalen/kim' });
    assert.equal(page.statusCode, 200);
    assert.ok(
      page.body.indexOf('uitbuiting en geweld') < page.body.indexOf('Ik dacht dat het een baan was'),
      'the content note comes before the text',
    );
    assert.match((await t.app.inject({ url: '/verhalen' })).body, /href="\/verhalen\/kim"/);
    assert.equal((await t.app.inject({ url: '/nieuws/kim' })).statusCode, 301);
  });
});

describe('images', () => {
  test('an upload is stored resized, without EXIF, and served with a long cache lifetime', async () => {
    const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#3366aa' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Geheim', Copyright: 'x' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 0/1' } })
      .toBuffer();
    assert.ok((await sharp(photo).metadata()).exif, 'the test photo carries EXIF');
    const boundary = 'gazboundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${editor.csrf}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      photo,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/beheer/nieuws/afbeeldingen',
      cookies: editor.cookies,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    const list = await t.app.inject({ url: '/beheer/nieuws/afbeeldingen', cookies: editor.cookies });
    const id = Number(/afbeelding:(\d+)/.exec(list.body)![1]);
    for (const file of [`${id}-480.webp`, `${id}-960.jpg`, `${id}-1440.webp`]) {
      const img = await t.app.inject({ url: `/nieuws/afbeelding/${file}` });
      assert.equal(img.statusCode, 200, file);
      assert.match(String(img.headers['cache-control']), /max-age=31536000, immutable/);
      const meta = await sharp(img.rawPayload).metadata();
      assert.equal(meta.exif, undefined, `${file} has no EXIF`);
      assert.equal(meta.width, Number(file.split('-')[1].split('.')[0]));
    }
    const notImage = await t.app.inject({
      method: 'POST',
      url: '/beheer/nieuws/afbeeldingen',
      cookies: editor.cookies,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${editor.csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.svg"\r\nContent-Type: image/svg+xml\r\n\r\n<svg onload="alert(1)"/>\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(notImage.statusCode, 400);
    assert.match(
      notImage.body,
      /id="field-file-error"[^>]*>(?:<[^>]+>[^<]*<\/[^>]+>)?\s*Kies een foto of afbeelding als JPEG, PNG of WebP\./,
      'beside the field',
    );
    assert.match(notImage.body, /aria-describedby="field-file-description field-file-error"/);
    // Larger than 8 MB (JPEG bytes, so only the size is wrong): refused with the limit, nothing stored.
    const huge = Buffer.alloc(8 * 1024 * 1024 + 10, 0);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    const tooLarge = await t.app.inject({
      method: 'POST',
      url: '/beheer/nieuws/afbeeldingen',
      cookies: editor.cookies,
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${editor.csrf}\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        huge,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(tooLarge.statusCode, 400);
    assert.match(tooLarge.body, /Kies een afbeelding van hoogstens 8 MB\./);
    assert.equal((await t.deps.db.selectFrom('news_images').select('id').execute()).length, 1, 'only the photo is stored');
  });
});

describe('feeds and API', () => {
  test('RSS and Atom are well-formed, parse as feeds and list the visible items', async () => {
    for (const path of ['/nieuws/feed.xml', '/nieuws/atom.xml']) {
      const res = await t.app.inject({ url: path });
      assert.equal(res.statusCode, 200);
      assert.equal(XMLValidator.validate(res.body), true, `${path} is well-formed XML: ${JSON.stringify(XMLValidator.validate(res.body))}`);
      const feed = parseFeed(res.body);
      assert.ok(feed.title && feed.url, `${path} has a title and link`);
      const titles = feed.items.map((i) => i.title);
      assert.ok(titles.includes('Gemeenten aan zet: aanpak mensenhandel breidt uit'), `${path}: ${titles.join(', ')}`);
      assert.ok(titles.includes('KIM'));
      assert.ok(!titles.includes('Versies') && !titles.includes('Ingetrokken bericht'), 'drafts and withdrawn items stay out');
      for (const item of feed.items) assert.match(item.url ?? '', /^http:\/\/localhost:3000\/(nieuws|verhalen)\//);
    }
  });

  test('GET /api/v1/articles pages and filters; one article by slug; 400 with the message for a bad page', async () => {
    const list = await t.app.inject({ url: '/api/v1/articles?tag=network' });
    assert.equal(list.statusCode, 200);
    const body = list.json();
    assert.equal(body.meta.total, body.data.length);
    assert.ok(body.data.every((a: { tags: string[] }) => a.tags.includes('network')));
    const slug = 'gemeenten-aan-zet-aanpak-mensenhandel-breidt-uit';
    assert.ok(body.data.some((a: { slug: string }) => a.slug === slug));
    assert.equal((await t.app.inject({ url: '/api/v1/articles?tag=academy' })).json().meta.total, 0);
    const one = await t.app.inject({ url: `/api/v1/articles/${slug}` });
    assert.match(one.json().bodyHtml, /135 van 355/);
    const bad = await t.app.inject({ url: '/api/v1/articles?page=0' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vul een paginanummer in van 1 of hoger\./);
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    assert.ok(spec.paths['/api/v1/articles'] && spec.paths['/api/v1/articles/{slug}'] && spec.paths['/api/v1/subscriptions']);
    assert.equal((await t.app.inject({ url: '/api/v1/articles/bestaat-niet' })).statusCode, 404);
  });

  test('the anonymous list answers 304 while nothing changed', async () => {
    const first = await t.app.inject({ url: '/nieuws' });
    const etag = String(first.headers.etag);
    assert.equal((await t.app.inject({ url: '/nieuws', headers: { 'if-none-match': etag } })).statusCode, 304);
    await newArticle(article({ title: 'Nog een bericht', tags: 'events' }));
    assert.equal((await t.app.inject({ url: '/nieuws', headers: { 'if-none-match': etag } })).statusCode, 200);
    void formBody;
  });
});
