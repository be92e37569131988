// View models: what a page, a feed or the API gets of an article, edition or subscriber. A row
// never goes out as it is (no status internals, no ids of editors, no consent details).
import type { Locale } from '../../i18n.ts';
import type { ArticleRow } from './articles.queries.ts';
import type { EditionRow } from './editions.queries.ts';
import { type FrozenEmbed, parseEmbeds } from './embeds.ts';
import { type Visibility, visibilityOf } from './news.logic.ts';
import type { SubscriberRow } from './subscribers.queries.ts';
import type { ArticleKind, Tag } from './tables.ts';

export function articlePath(a: { kind: ArticleKind; slug: string }): string {
  return `/${a.kind === 'story' ? 'verhalen' : 'nieuws'}/${a.slug}`;
}

export interface ArticleSummary {
  slug: string;
  kind: ArticleKind;
  path: string;
  title: string;
  summary: string;
  tags: Tag[];
  authorName: string;
  publishedAt: string;
  pseudonym: string | null;
  contentNote: string | null;
}

export function presentSummary(a: ArticleRow): ArticleSummary {
  return {
    slug: a.slug,
    kind: a.kind,
    path: articlePath(a),
    title: a.title,
    summary: a.summary,
    tags: a.tags.split(' ').filter(Boolean) as Tag[],
    authorName: a.kind === 'story' ? (a.pseudonym ?? a.author_name) : a.author_name,
    publishedAt: a.publish_at ?? a.created_at,
    pseudonym: a.pseudonym,
    contentNote: a.content_note,
  };
}

export interface ArticleView extends ArticleSummary {
  bodyHtml: string;
  embeds: FrozenEmbed[];
  updatedAt: string;
  editions: { slug: string; title: string; issueDate: string }[];
}

export function presentArticle(a: ArticleRow, editions: { slug: string; title: string; issue_date: string }[]): ArticleView {
  return {
    ...presentSummary(a),
    bodyHtml: a.body_html,
    embeds: parseEmbeds(a.embeds_json),
    updatedAt: a.updated_at,
    editions: editions.map((e) => ({ slug: e.slug, title: e.title, issueDate: e.issue_date })),
  };
}

/** The body with its live-data blocks filled in (escaped text inside the placeholders). */
export function bodyWithEmbeds(html: string, embeds: FrozenEmbed[], locale: Locale, frozenLabel: (date: string) => string): string {
  const esc = (t: string) => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  return html.replace(/<figure class="gaz-embed" data-embed="(\d+)"><\/figure>/g, (_m, i: string) => {
    const e = embeds[Number(i)];
    if (!e) return '';
    return `<figure class="gaz-embed"><p class="gaz-embed__figure">${esc(e.text[locale])}</p><figcaption class="gaz-embed__caption">${esc(frozenLabel(e.date))}</figcaption></figure>`;
  });
}

/** The API's article (GET /api/v1/articles/{slug}). */
export function presentArticleApi(a: ArticleRow, baseUrl: string, locale: Locale) {
  const s = presentSummary(a);
  return {
    slug: s.slug,
    kind: s.kind,
    url: `${baseUrl}${s.path}`,
    title: s.title,
    summary: s.summary,
    tags: s.tags,
    author: s.authorName,
    publishedAt: s.publishedAt,
    contentNote: s.contentNote,
    bodyHtml: bodyWithEmbeds(a.body_html, parseEmbeds(a.embeds_json), locale, (d) => d),
  };
}

export function presentArticleApiSummary(a: ArticleRow, baseUrl: string) {
  const s = presentSummary(a);
  return {
    slug: s.slug,
    kind: s.kind,
    url: `${baseUrl}${s.path}`,
    title: s.title,
    summary: s.summary,
    tags: s.tags,
    author: s.authorName,
    publishedAt: s.publishedAt,
  };
}

export interface StaffArticleRow {
  id: number;
  kind: ArticleKind;
  slug: string;
  title: string;
  visibility: Visibility;
  publishAt: string | null;
  updatedAt: string;
  revision: number;
}

export function presentStaffArticle(a: ArticleRow, now: Date): StaffArticleRow {
  return {
    id: Number(a.id),
    kind: a.kind,
    slug: a.slug,
    title: a.title,
    visibility: visibilityOf(a.status, a.publish_at, now),
    publishAt: a.publish_at,
    updatedAt: a.updated_at,
    revision: Number(a.revision),
  };
}

export function presentEditionSummary(e: EditionRow) {
  return {
    id: Number(e.id),
    slug: e.slug,
    title: e.title,
    issueDate: e.issue_date,
    status: e.status,
    recipients: Number(e.recipients),
    finishedAt: e.send_finished_at,
  };
}

export function presentSubscriberRow(s: SubscriberRow) {
  return {
    id: Number(s.id),
    email: s.email,
    name: s.name,
    status: s.status,
    source: s.source,
    topics: s.topics.split(' ').filter(Boolean),
    createdAt: s.created_at,
    confirmedAt: s.confirmed_at,
  };
}

export function presentPreferences(s: SubscriberRow) {
  return {
    email: s.email,
    status: s.status,
    values: { name: s.name ?? '', organisation: s.organisation ?? '', municipalityCode: s.municipality_code ?? '', topics: s.topics },
  };
}
