// What every view may know about the request it renders for. Provided once per page by
// renderPage(); components read it with usePage().
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Role } from '../http/permissions.ts';
import type { Locale } from '../i18n.ts';

export interface PageUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
}

export interface PageContextValue {
  locale: Locale;
  /** Path and query of the current request, for the language switch and "return to" links. */
  path: string;
  user: PageUser | null;
  /**
   * The CSRF token for forms (sets the CSRF cookie on first use); null on pages whose forms go without
   * one (an anonymous visitor's public page, src/http/render.tsx). Forms use <CsrfField />.
   */
  csrfToken: () => string | null;
  assets: { css: string; islands: Record<string, string> };
  /** Islands this page uses; the layout adds their scripts. */
  islands: Set<string>;
}

export const PageContext = createContext<PageContextValue | null>(null);

export function usePage(): PageContextValue {
  const ctx = useContext(PageContext);
  if (!ctx) throw new Error('usePage() outside renderPage()');
  return ctx;
}
