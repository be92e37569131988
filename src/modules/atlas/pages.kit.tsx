// What the atlas pages share: the date rule of the platform for `?datum=`, query text, the atlas'
// data version for the public cache (`atlasPublicCache`: the reference data, trusted 2 s, an import
// in this process forgets it at once), and sendPublicPage — anonymous responses rendered once per
// (reference data version, URL, locale) and then served from memory with a content-hash ETag;
// signed-in users always get a fresh rendering.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppDeps } from '../../deps.ts';
import { BoundedCache } from '../../http/bounded-cache.ts';
import type { FieldError } from '../../http/errors.ts';
import { conditionalGet, etagFor } from '../../http/http-cache.ts';
import type { PublicCacheVersion } from '../../http/public-cache.ts';
import { type PageOptions, pageContext, renderPageHtml, sendPage } from '../../http/render.tsx';
import { DATE_MESSAGE, isSupportedDate } from '../../http/route-kit.ts';
import { freshReferenceDataVersion, referenceDataVersion } from './snapshot.ts';

export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

/** The reference data's version, for pages and answers that show atlas data (`config.publicCache`). */
export const atlasPublicCache: PublicCacheVersion = {
  name: 'atlas',
  fresh: freshReferenceDataVersion,
  current: referenceDataVersion,
};

/** The config of a public atlas page: anonymous answers kept while the reference data holds. */
export const PUBLIC_PAGE = { permission: 'public', publicCache: atlasPublicCache } as const;

/** A query-string value as trimmed text (at most 100 characters). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v.trim().slice(0, 100) : '';
}

/** The date asked for in `datum` (empty = `fallback`), or the field error of the one date rule. */
export function parseDate(raw: string, fallback: string): { date: string | null; errors: FieldError[] } {
  if (raw === '') return { date: fallback, errors: [] };
  return isSupportedDate(raw) ? { date: raw, errors: [] } : { date: null, errors: [{ field: 'datum', message: DATE_MESSAGE }] };
}

interface CachedPage {
  html: string;
  etag: string;
}

export interface Built {
  options: PageOptions;
  body: VNode;
}

const pageCache = new BoundedCache<CachedPage>((p) => p.html.length, { maxEntries: 300, maxBytes: 64 * 1024 * 1024 });

export async function sendPublicPage(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  key: string,
  build: () => Promise<Built>,
  memo = true,
) {
  if (req.user) {
    const b = await build();
    return sendPage(req, reply, b.options, b.body);
  }
  const fullKey = [await referenceDataVersion(deps.db), req.locale, req.server.assets.css, req.url, key].join('\u0000');
  let entry = memo ? pageCache.get(fullKey) : undefined;
  if (!entry) {
    const b = await build();
    const html = renderPageHtml(pageContext(req, reply, b.options.islands), b.options, b.body);
    if ((b.options.status ?? 200) !== 200) {
      reply
        .code(b.options.status ?? 200)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store');
      return reply.send(html);
    }
    entry = { html, etag: etagFor(html) };
    if (memo) pageCache.set(fullKey, entry);
  }
  if (conditionalGet(req, reply, entry.etag)) return reply.send();
  reply.type('text/html; charset=utf-8').header('cache-control', CACHE_CONTROL);
  return reply.send(entry.html);
}
