// Renders a page: the view inside the layout, with the request's context, as one HTML string.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PageContext, type PageContextValue } from '../views/context.ts';
import { type Crumb, Layout } from '../views/layout.tsx';

export interface PageOptions {
  title: string;
  breadcrumbs?: Crumb[];
  status?: number;
  /** Client islands the page uses (file names in src/assets/islands without extension). */
  islands?: string[];
  /** Cache-Control for public pages; signed-in pages are always private, no-store. */
  cacheControl?: string;
  /** The page's meta description (default: the site's tagline). */
  description?: string;
  /** Extra elements for <head> (e.g. Open Graph meta tags, a feed link). */
  head?: ComponentChildren;
}

/**
 * Whether this page's forms go without a CSRF token: for an anonymous visitor on a page the public
 * cache may keep (a per-visitor token would make it unkeepable) and on the answers of a public form's
 * own route (`csrf: 'signed-in'`, its page again with the errors). Such forms may only post to routes
 * that take them without a token (ADR 0020; test/public-forms.test.ts walks every public page).
 */
function formsWithoutToken(req: FastifyRequest): boolean {
  const config = req.routeOptions.config;
  return !req.user && (config?.publicCache !== undefined || config?.csrf === 'signed-in');
}

export function pageContext(req: FastifyRequest, reply: FastifyReply, islands: string[] = []): PageContextValue {
  let token: string | undefined;
  const withoutToken = formsWithoutToken(req);
  return {
    locale: req.locale,
    path: req.url,
    user: req.user ? { id: req.user.id, email: req.user.email, name: req.user.name, role: req.user.role } : null,
    csrfToken: () => {
      if (withoutToken) return null;
      token ??= reply.generateCsrf();
      return token;
    },
    assets: req.server.assets,
    islands: new Set(islands),
  };
}

export function renderPageHtml(ctx: PageContextValue, options: PageOptions, body: ComponentChildren): string {
  return (
    '<!DOCTYPE html>' +
    renderToString(
      <PageContext.Provider value={ctx}>
        <Layout title={options.title} breadcrumbs={options.breadcrumbs} description={options.description} head={options.head}>
          {body}
        </Layout>
      </PageContext.Provider>,
    )
  );
}

/** Sends a full HTML page. */
export function sendPage(req: FastifyRequest, reply: FastifyReply, options: PageOptions, body: ComponentChildren) {
  const html = renderPageHtml(pageContext(req, reply, options.islands), options, body);
  reply.code(options.status ?? 200).type('text/html; charset=utf-8');
  reply.header('cache-control', req.user || !options.cacheControl ? 'private, no-store' : options.cacheControl);
  return reply.send(html);
}
