// RSS 2.0 and Atom feeds of the news and stories (the 30 newest visible items), built with `feed`.
// Item content is the sanitised HTML with absolute image URLs; live-data blocks as their text.
import { Feed } from 'feed';
import type { AppDeps } from '../../deps.ts';
import { listVisible } from './articles.service.ts';
import { bodyWithEmbeds, presentArticle } from './presenters.ts';

export const FEED_SIZE = 30;

export async function feedXml(deps: AppDeps, format: 'rss' | 'atom'): Promise<string> {
  const base = deps.config.publicBaseUrl;
  const now = deps.now();
  const { rows } = await listVisible(deps.db, { page: 1, now });
  const stories = await listVisible(deps.db, { page: 1, now, kind: 'story' });
  const items = [...rows, ...stories.rows.filter((s) => !rows.some((r) => r.id === s.id))]
    .sort((a, b) => (b.publish_at ?? '').localeCompare(a.publish_at ?? ''))
    .slice(0, FEED_SIZE);
  const updated =
    items
      .map((a) => a.updated_at)
      .sort()
      .at(-1) ?? '2019-01-01T00:00:00.000Z';
  const feed = new Feed({
    id: `${base}/nieuws`,
    link: `${base}/nieuws`,
    title: 'Gemeenten aan zet — nieuws',
    description: 'Nieuws en verhalen van het programma Gemeenten aan zet over de aanpak van mensenhandel.',
    language: 'nl',
    updated: new Date(updated),
    generator: false,
    copyright: 'Gemeenten aan zet',
    feedLinks: { rss: `${base}/nieuws/feed.xml`, atom: `${base}/nieuws/atom.xml` },
    author: { name: 'Gemeenten aan zet', link: base },
  });
  for (const row of items) {
    const a = presentArticle(row, []);
    const html = bodyWithEmbeds(a.bodyHtml, a.embeds, 'nl', (d) => `Stand op ${d}`)
      .replace(/(src|srcset)="\/nieuws\//g, `$1="${base}/nieuws/`)
      .replace(/, \/nieuws\//g, `, ${base}/nieuws/`);
    feed.addItem({
      title: a.title,
      id: `${base}${a.path}`,
      link: `${base}${a.path}`,
      date: new Date(a.updatedAt),
      published: new Date(a.publishedAt),
      description: a.summary,
      content: a.contentNote ? `<p><strong>Let op, dit verhaal gaat over:</strong> ${escapeXmlText(a.contentNote)}</p>${html}` : html,
      author: [{ name: a.authorName }],
      category: a.tags.map((t) => ({ name: t })),
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}

function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}
