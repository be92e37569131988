// The RSS 2.0 and Atom feeds checked against what their specifications require, element by element
// (RSS 2.0: channel title, link and description, each item a title or description, a permanent
// guid, RFC 822 dates; Atom, RFC 4287: feed id, title, updated and a self link, an author for the
// feed or every entry, each entry id, title, updated and an alternate link, RFC 3339 dates), parsed
// with an XML parser, and read back by a feed reader library.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { saveArticle } from './articles.service.ts';

const clock = new Date('2019-10-01T08:00:00Z');
let t: TestApp;
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

before(async () => {
  t = await createTestApp({ now: () => clock });
  const ctx = { db: t.deps.db, actor: SYSTEM_ACTOR, now: clock };
  const base = { tags: ['events' as const], authorName: 'Redactie', action: 'publish' as const, publishAt: undefined };
  await saveArticle(ctx, t.deps, null, 'article', {
    ...base,
    title: 'Regionale bijeenkomsten & workshops',
    summary: 'In Rotterdam <en> Alkmaar.',
    bodyMd: '## Programma\n\nTekst met een [link](https://example.org/a?b=1&c=2).',
    consentConfirmed: false,
  });
  await saveArticle(ctx, t.deps, null, 'story', {
    ...base,
    title: 'SAM',
    summary: 'Een verzonnen verhaal.',
    bodyMd: 'Het begon met een belofte.',
    pseudonym: 'SAM',
    contentNote: 'uitbuiting',
    consentConfirmed: true,
  });
});
after(async () => {
  await t?.close();
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});
const text = (v: unknown): string => {
  const one = Array.isArray(v) ? v.find((x) => typeof x === 'string') : v;
  return typeof one === 'object' && one !== null ? String((one as { '#text'?: unknown })['#text'] ?? '') : String(one ?? '');
};

test('RSS 2.0: every required channel and item element, permanent guids and RFC 822 dates', async () => {
  const res = await t.app.inject({ url: '/nieuws/feed.xml' });
  assert.match(String(res.headers['content-type']), /xml/);
  assert.equal(XMLValidator.validate(res.body), true);
  const doc = parser.parse(res.body);
  assert.equal(doc.rss['@version'], '2.0');
  const channel = doc.rss.channel;
  for (const field of ['title', 'link', 'description']) assert.ok(text(channel[field]).length > 0, `channel ${field}`);
  assert.match(text(channel.lastBuildDate), RFC822);
  assert.equal(channel.item.length, 2);
  for (const item of channel.item) {
    assert.ok(text(item.title) || text(item.description), 'an item has a title or description');
    assert.match(text(item.guid), /^http:\/\/localhost:3000\/(nieuws|verhalen)\//);
    assert.match(text(item.pubDate), RFC822);
  }
  assert.ok(
    channel.item.some((i: { title: unknown }) => text(i.title) === 'Regionale bijeenkomsten & workshops'),
    'escaped and read back',
  );
});

test('Atom (RFC 4287): feed and entry elements, a self link, authors and RFC 3339 dates; a feed reader reads both', async () => {
  const res = await t.app.inject({ url: '/nieuws/atom.xml' });
  assert.equal(XMLValidator.validate(res.body), true);
  const feed = parser.parse(res.body).feed;
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  for (const field of ['id', 'title']) assert.ok(text(feed[field]).length > 0, `feed ${field}`);
  assert.match(text(feed.updated), RFC3339);
  assert.ok(
    feed.link.some((l: Record<string, string>) => l['@rel'] === 'self' && l['@href'] === 'http://localhost:3000/nieuws/atom.xml'),
    'a self link',
  );
  assert.equal(feed.entry.length, 2);
  for (const entry of feed.entry) {
    for (const field of ['id', 'title']) assert.ok(text(entry[field]).length > 0, `entry ${field}`);
    assert.match(text(entry.updated), RFC3339);
    assert.ok(feed.author || entry.author, 'an author for the feed or the entry');
    assert.ok(entry.link.some((l: Record<string, string>) => (l['@rel'] ?? 'alternate') === 'alternate' && /^http/.test(l['@href'])));
  }
  for (const path of ['/nieuws/feed.xml', '/nieuws/atom.xml']) {
    const read = parseFeed((await t.app.inject({ url: path })).body);
    assert.deepEqual(read.items.map((i) => i.title).sort(), ['Regionale bijeenkomsten & workshops', 'SAM']);
  }
});
