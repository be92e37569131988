// Public news pages: /nieuws (paged, by tag), /verhalen, each article and story with Open Graph and
// schema.org NewsArticle data, RSS and Atom feeds, and the image files. Anonymous answers carry an
// ETag on what is visible now (so a scheduled article appears by itself) and may be cached briefly.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { conditionalGet, etagFor } from '../../http/http-cache.ts';
import { sendPage } from '../../http/render.tsx';
import { parseOrThrow } from '../../http/validate.ts';
import { visibleVersion } from './articles.queries.ts';
import { pageListQuery, SLUG } from './articles.schema.ts';
import { listVisible, publicArticle } from './articles.service.ts';
import { sentEditionsOf } from './editions.service.ts';
import { feedXml } from './feeds.ts';
import { imageVariant } from './images.service.ts';
import { imageUrl } from './markdown.logic.ts';
import { articlePath, presentArticle, presentSummary } from './presenters.ts';
import { newsPublicCache } from './public-version.ts';
import { ArticlePage, m, NewsListPage } from './views/public.tsx';

/** Anonymous answers kept by the public cache while the news version holds (./public-version.ts). */
const PUBLIC = { permission: 'public', publicCache: newsPublicCache } as const;
type Slug = { Params: { slug: string } };
type File = { Params: { file: string } };

/** 304 for an anonymous client that has this version; sets ETag and a short public cache. */
export async function freshFor(req: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<boolean> {
  if (req.user) return false;
  const version = await visibleVersion(deps.db, deps.now().toISOString());
  return conditionalGet(req, reply, etagFor('news', version, req.locale, req.url), { maxAge: 60, staleWhileRevalidate: 600 });
}

function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

function firstImage(html: string): string | null {
  const id = /\/nieuws\/afbeelding\/(\d+)-/.exec(html)?.[1];
  return id ? imageUrl(Number(id), 960, 'jpeg') : null;
}

async function registerListRoutes(app: FastifyInstance, deps: AppDeps) {
  const list = (kind: 'article' | 'story') => async (req: FastifyRequest, reply: FastifyReply) => {
    const q = parseOrThrow(pageListQuery, req.query);
    if (await freshFor(req, reply, deps)) return reply.send();
    const result = await listVisible(deps.db, { kind, tag: kind === 'article' ? q.onderwerp : undefined, page: q.pagina, now: deps.now() });
    if (q.pagina > result.pages) throw errors.notFound();
    const t = m(req.locale);
    return sendPage(
      req,
      reply,
      {
        title: kind === 'story' ? t.stories : t.news,
        description: kind === 'story' ? t.storiesIntro : t.newsIntro,
        cacheControl: reply.getHeader('cache-control') as string,
        head: (
          <>
            <link rel="alternate" type="application/rss+xml" title={`${t.news} (RSS)`} href="/nieuws/feed.xml" />
            <link rel="alternate" type="application/atom+xml" title={`${t.news} (Atom)`} href="/nieuws/atom.xml" />
          </>
        ),
      },
      <NewsListPage kind={kind} items={result.rows.map(presentSummary)} tag={q.onderwerp} page={result.page} pages={result.pages} />,
    );
  };
  app.get('/nieuws', { config: PUBLIC }, list('article'));
  app.get('/verhalen', { config: PUBLIC }, list('story'));
}

async function registerArticleRoutes(app: FastifyInstance, deps: AppDeps) {
  const base = deps.config.publicBaseUrl;
  const one = (kind: 'article' | 'story') => async (req: FastifyRequest<Slug>, reply: FastifyReply) => {
    if (!SLUG.test(req.params.slug)) throw errors.notFound();
    const row = await publicArticle(deps.db, req.params.slug, deps.now());
    if (row.kind !== kind) return reply.redirect(articlePath(row), 301);
    if (await freshFor(req, reply, deps)) return reply.send();
    const view = presentArticle(row, await sentEditionsOf(deps.db, Number(row.id)));
    const url = `${base}${view.path}`;
    const image = firstImage(view.bodyHtml);
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: view.title,
      description: view.summary,
      datePublished: view.publishedAt,
      dateModified: view.updatedAt,
      inLanguage: 'nl-NL',
      mainEntityOfPage: url,
      author: { '@type': kind === 'story' ? 'Person' : 'Organization', name: view.authorName },
      publisher: { '@type': 'Organization', name: 'Gemeenten aan zet', url: base },
      ...(image ? { image: [`${base}${image}`] } : {}),
      ...(view.tags.length > 0 ? { keywords: view.tags.join(', ') } : {}),
    };
    return sendPage(
      req,
      reply,
      {
        title: view.title,
        description: view.summary,
        cacheControl: reply.getHeader('cache-control') as string,
        head: (
          <>
            <link rel="canonical" href={url} />
            <meta property="og:type" content="article" />
            <meta property="og:site_name" content="Gemeenten aan zet" />
            <meta property="og:title" content={view.title} />
            <meta property="og:description" content={view.summary} />
            <meta property="og:url" content={url} />
            <meta property="og:locale" content={req.locale === 'en' ? 'en_GB' : 'nl_NL'} />
            <meta property="article:published_time" content={view.publishedAt} />
            <meta property="article:modified_time" content={view.updatedAt} />
            {view.tags.map((tag) => (
              <meta property="article:tag" content={tag} key={tag} />
            ))}
            {image ? <meta property="og:image" content={`${base}${image}`} /> : null}
            <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(ld) }} />
          </>
        ),
      },
      <ArticlePage a={view} />,
    );
  };
  app.get<Slug>('/nieuws/:slug', { config: PUBLIC }, one('article'));
  app.get<Slug>('/verhalen/:slug', { config: PUBLIC }, one('story'));
}

async function registerFeedAndImageRoutes(app: FastifyInstance, deps: AppDeps) {
  for (const [path, format] of [
    ['/nieuws/feed.xml', 'rss'],
    ['/nieuws/atom.xml', 'atom'],
  ] as const) {
    app.get(path, { config: PUBLIC }, async (req, reply) => {
      const version = await visibleVersion(deps.db, deps.now().toISOString());
      if (conditionalGet(req, reply, etagFor('feed', format, version), { maxAge: 300 })) return reply.send();
      const type = format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8';
      return reply.type(type).send(await feedXml(deps, format));
    });
  }

  app.get<File>('/nieuws/afbeelding/:file', { config: PUBLIC }, async (req, reply) => {
    const match = /^([1-9]\d{0,9})-(\d{3,4})\.(webp|jpg)$/.exec(req.params.file);
    if (!match || Number(match[1]) > 2_147_483_647) throw errors.notFound();
    const format = match[3] === 'webp' ? 'webp' : 'jpeg';
    const bytes = await imageVariant(deps.db, Number(match[1]), Number(match[2]), format);
    if (!bytes) throw errors.notFound();
    // An image never changes under its URL (a new upload gets a new id): cache it for a year.
    const etag = `"${req.params.file}"`;
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(format === 'webp' ? 'image/webp' : 'image/jpeg').send(bytes);
  });
}

export async function registerPublicNewsRoutes(app: FastifyInstance, deps: AppDeps) {
  await registerListRoutes(app, deps);
  await registerArticleRoutes(app, deps);
  await registerFeedAndImageRoutes(app, deps);
}
