// The pure rules of the news module, without a database.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBounceReport } from './dsn.logic.ts';
import { buildEditionEmail, personalise } from './edition-email.ts';
import { htmlToText, renderMarkdown } from './markdown.logic.ts';
import {
  confirmationExpired,
  diffLines,
  inSegment,
  isEmail,
  monthLabel,
  parseCsv,
  personalToken,
  readPersonalToken,
  secretMatches,
  sendAt,
  slugify,
  uniqueSlug,
  visibilityOf,
} from './news.logic.ts';

const OPTS = { images: new Map([[7, { width: 1200, height: 800 }]]), embedKinds: ['netwerk'] };

describe('slugs', () => {
  test('Dutch titles become readable ASCII slugs, unique with a number', () => {
    assert.equal(slugify('Gemeenten aan zet: aanpak mensenhandel breidt uit'), 'gemeenten-aan-zet-aanpak-mensenhandel-breidt-uit');
    assert.equal(slugify('Zorgcoördinatie in één oogopslag'), 'zorgcoordinatie-in-een-oogopslag');
    assert.equal(slugify('!!!'), 'artikel');
    assert.equal(uniqueSlug('kim', new Set(['kim', 'kim-2'])), 'kim-3');
  });
});

describe('publication', () => {
  const now = new Date('2019-09-30T10:00:00Z');
  test('a published article with a future publish date is scheduled, and visible once the moment passes', () => {
    assert.equal(visibilityOf('published', '2019-10-01T07:00:00.000Z', now), 'scheduled');
    assert.equal(visibilityOf('published', '2019-10-01T07:00:00.000Z', new Date('2019-10-01T07:00:00Z')), 'published');
    assert.equal(visibilityOf('draft', null, now), 'draft');
    assert.equal(visibilityOf('withdrawn', '2019-01-01T00:00:00.000Z', now), 'withdrawn');
  });
});

describe('segments', () => {
  const base = { status: 'confirmed' as const, topics: ['care'], municipalityCode: 'GM0363', provinceCode: 'PV27' };
  test('only confirmed subscribers, with a matching topic (or "all"), in a matching place', () => {
    assert.equal(inSegment({ topics: [], municipalities: [], provinces: [] }, base), true);
    assert.equal(inSegment({ topics: [], municipalities: [], provinces: [] }, { ...base, status: 'pending' }), false);
    assert.equal(inSegment({ topics: ['municipalities'], municipalities: [], provinces: [] }, base), false);
    assert.equal(inSegment({ topics: ['municipalities'], municipalities: [], provinces: [] }, { ...base, topics: ['all'] }), true);
    assert.equal(inSegment({ topics: ['care'], municipalities: ['GM0599'], provinces: [] }, base), false);
    assert.equal(inSegment({ topics: ['care'], municipalities: ['GM0599'], provinces: ['PV27'] }, base), true);
    assert.equal(
      inSegment({ topics: [], municipalities: [], provinces: ['PV27'] }, { ...base, provinceCode: null, municipalityCode: null }),
      false,
    );
  });
});

describe('revision diff', () => {
  test('lines kept, removed and added', () => {
    assert.deepEqual(diffLines('a\nb\nc', 'a\nc\nd'), [
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'same', text: 'c' },
      { op: 'add', text: 'd' },
    ]);
  });
});

describe('personal links', () => {
  test('a token names its subscriber and version; a changed token, purpose or secret does not', () => {
    const token = personalToken('secret', 'manage', 42, 3);
    assert.deepEqual(readPersonalToken('secret', 'manage', token), { id: 42, version: 3 });
    assert.equal(readPersonalToken('other', 'manage', token), null);
    assert.equal(readPersonalToken('secret', 'confirm', token), null);
    assert.equal(readPersonalToken('secret', 'manage', token.replace('42.', '43.')), null);
    assert.equal(readPersonalToken('secret', 'manage', 'x'), null);
  });
  test('shared secrets compare against their hash', () => {
    const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'; // sha256('')
    assert.equal(secretMatches('', hash), false);
    assert.equal(secretMatches('abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'), true);
    assert.equal(secretMatches('abd', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'), false);
  });
  test('unconfirmed sign-ups expire after 72 hours', () => {
    assert.equal(confirmationExpired('2019-09-01T00:00:00Z', new Date('2019-09-03T23:00:00Z')), false);
    assert.equal(confirmationExpired('2019-09-01T00:00:00Z', new Date('2019-09-04T00:00:01Z')), true);
  });
});

describe('sending at a rate', () => {
  test('the n-th message leaves n/rate minutes after the start', () => {
    const start = new Date('2019-10-01T08:00:00Z');
    assert.equal(sendAt(start, 0, 600).toISOString(), '2019-10-01T08:00:00.000Z');
    assert.equal(sendAt(start, 600, 600).toISOString(), '2019-10-01T08:01:00.000Z');
    assert.equal(sendAt(start, 1, 120).toISOString(), '2019-10-01T08:00:00.500Z');
  });
});

describe('CSV import rows', () => {
  test('comma or semicolon, quotes, header names in any case', () => {
    const rows = parseCsv('\uFEFFEmail;Naam;Organisatie\r\na@example.org;"Jansen; A.";"GGD ""West"""\r\n\r\nb@example.org;;\r\n');
    assert.deepEqual(rows, [
      { email: 'a@example.org', naam: 'Jansen; A.', organisatie: 'GGD "West"' },
      { email: 'b@example.org', naam: '', organisatie: '' },
    ]);
    assert.equal(isEmail('a@example.org'), true);
    assert.equal(isEmail('not an email'), false);
  });
  test('month labels', () => {
    assert.equal(monthLabel('2019-09-01', 'nl'), 'september 2019');
    assert.equal(monthLabel('2019-10-01', 'en'), 'October 2019');
  });
});

describe('Markdown', () => {
  test('headings start at h2, images need alt text and come from the library, embeds become placeholders', () => {
    const r = renderMarkdown('# Kop\n\n![Een workshop](afbeelding:7)\n\n{{netwerk 2019-09-30}}\n\n> citaat', OPTS);
    assert.match(r.html, /<h2>Kop<\/h2>/);
    assert.match(r.html, /<img src="\/nieuws\/afbeelding\/7-960\.jpg" srcset="[^"]+480w, [^"]+960w"[^>]*alt="Een workshop"/);
    assert.match(r.html, /<figure class="gaz-embed" data-embed="0"><\/figure>/);
    assert.match(r.html, /<blockquote>/);
    assert.deepEqual(r.embeds, [{ kind: 'netwerk', date: '2019-09-30' }]);
    assert.deepEqual(r.problems, []);
    assert.match(renderMarkdown('![](afbeelding:7)', OPTS).problems[0].message.nl, /geen beschrijving/);
    assert.match(renderMarkdown('![x](https://elders.example/x.png)', OPTS).problems[0].message.nl, /niet in de beeldbank/);
    assert.match(renderMarkdown('{{enquete 2019-09-30}}', OPTS).problems[0].message.nl, /Onbekend gegevensblok/);
  });
  test('raw HTML is shown as text; a plain-text version keeps links readable', () => {
    const r = renderMarkdown('Hallo <b onclick="x()">wereld</b> en [site](https://example.org)', OPTS);
    assert.doesNotMatch(r.html, /<b/);
    assert.match(r.html, /&lt;b onclick/);
    assert.equal(htmlToText(r.html), 'Hallo <b onclick="x()">wereld</b> en site (https://example.org)');
  });
});

describe('the newsletter email', () => {
  const content = {
    title: 'Nieuwsbrief september 2019',
    introHtml: '<p>Welkom</p>',
    introText: 'Welkom',
    articles: [
      { title: 'KIM', summary: 'Een verhaal', url: 'https://x.nl/verhalen/kim', kind: 'story' as const, contentNote: 'uitbuiting' },
    ],
    archiveUrl: 'https://x.nl/nieuwsbrief/2019-09',
    tracking: false,
    baseUrl: 'https://x.nl',
  };
  test('an accessible HTML part and a plain-text part, each with its own links and no tracking by default', () => {
    const t = buildEditionEmail(content);
    const html = personalise(t.html, { manage: 'https://x.nl/m', unsubscribe: 'https://x.nl/u', delivery: 'd' });
    assert.match(html, /<html lang="nl">/);
    assert.match(html, /<h1[^>]*>Nieuwsbrief september 2019<\/h1>/);
    assert.match(html, /Let op:<\/strong> uitbuiting/);
    assert.match(html, /href="https:\/\/x\.nl\/u"/);
    assert.doesNotMatch(html, /nieuwsbrief\/o\//);
    assert.deepEqual(t.links, []);
    const text = personalise(t.text, { manage: 'https://x.nl/m', unsubscribe: 'https://x.nl/u', delivery: 'd' });
    assert.match(text, /Afmelden: https:\/\/x\.nl\/u/);
    assert.match(text, /Lees verder: https:\/\/x\.nl\/verhalen\/kim/);
  });
  test('with tracking on, links go through the counter and a pixel is added', () => {
    const t = buildEditionEmail({ ...content, tracking: true });
    assert.deepEqual(t.links, ['https://x.nl/verhalen/kim', 'https://x.nl/verhalen/kim']);
    assert.match(t.html, /nieuwsbrief\/k\/%%DELIVERY%%\/0/);
    assert.match(t.html, /nieuwsbrief\/o\/%%DELIVERY%%\.gif/);
  });
});

describe('bounce reports', () => {
  const dsn = (action: string, status: string) =>
    [
      'From: MAILER-DAEMON@mx.example.org',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Delivery failed.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      'Final-Recipient: rfc822; Piet@Example.org',
      `Action: ${action}`,
      `Status: ${status}`,
      '',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      'To: piet@example.org',
      'X-GAZ-Delivery: abcdefghijklmnopqrstuv',
      '',
      '--b1--',
      '',
    ].join('\r\n');
  test('a permanent failure is hard, a delay is soft; recipient and our delivery token are read', () => {
    assert.deepEqual(parseBounceReport(dsn('failed', '5.1.1')), [
      { kind: 'hard', email: 'piet@example.org', delivery: 'abcdefghijklmnopqrstuv', status: '5.1.1' },
    ]);
    assert.equal(parseBounceReport(dsn('delayed', '4.2.2'))[0].kind, 'soft');
    assert.equal(parseBounceReport(dsn('failed', '4.4.7'))[0].kind, 'soft');
    assert.deepEqual(parseBounceReport(dsn('delivered', '2.0.0')), []);
  });
  test('an ARF complaint names the original recipient; an ordinary mail is no report', () => {
    const arf = [
      'Content-Type: multipart/report; report-type=feedback-report; boundary="x"',
      '',
      '--x',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'Original-Rcpt-To: <klager@example.org>',
      '',
      '--x--',
    ].join('\n');
    assert.deepEqual(parseBounceReport(arf), [{ kind: 'complaint', email: 'klager@example.org', delivery: null, status: null }]);
    assert.deepEqual(parseBounceReport('Subject: hallo\n\nGewoon een mail.'), []);
  });
});
