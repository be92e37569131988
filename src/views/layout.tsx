// The page frame: skip link, header with navigation and language menu, breadcrumbs, main, footer.
import type { ComponentChildren } from 'preact';
import { defineMessages } from '../i18n.ts';
import { CsrfField } from './components.tsx';
import { usePage } from './context.ts';

export interface Crumb {
  href?: string;
  label: string;
}

const m = defineMessages({
  site: { nl: 'Gemeenten aan zet', en: 'Gemeenten aan zet' },
  tagline: { nl: 'Samen tegen mensenhandel', en: 'Together against human trafficking' },
  skip: { nl: 'Naar de inhoud', en: 'Skip to content' },
  mainNav: { nl: 'Hoofdmenu', en: 'Main menu' },
  home: { nl: 'Home', en: 'Home' },
  municipalities: { nl: 'Gemeenten', en: 'Municipalities' },
  map: { nl: 'Kaart', en: 'Map' },
  news: { nl: 'Nieuws', en: 'News' },
  network: { nl: 'Zorgcoördinatoren', en: 'Care coordinators' },
  staff: { nl: 'Beheer', en: 'Staff area' },
  account: { nl: 'Mijn account', en: 'My account' },
  login: { nl: 'Inloggen', en: 'Log in' },
  logout: { nl: 'Uitloggen', en: 'Log out' },
  language: { nl: 'Taal', en: 'Language' },
  breadcrumbs: { nl: 'Kruimelpad', en: 'Breadcrumbs' },
  footer: { nl: 'Voettekst', en: 'Footer' },
  accessibility: { nl: 'Toegankelijkheid', en: 'Accessibility' },
  privacy: { nl: 'Privacy', en: 'Privacy' },
  api: { nl: 'Open data (API)', en: 'Open data (API)' },
  about: {
    nl: 'Een programma van het landelijk coördinatiecentrum tegen mensenhandel en de Vereniging van Nederlandse Gemeenten.',
    en: 'A programme of the national coordination centre against human trafficking and the Association of Netherlands Municipalities.',
  },
});

function withLang(path: string, lang: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}

/** A main-menu link, marked as the current section when the page is at or under its path. */
function NavLink(props: { href: string; current: string; children: ComponentChildren }) {
  const path = props.current.split('?')[0];
  const here = props.href === '/' ? path === '/' : path === props.href || path.startsWith(`${props.href}/`);
  return (
    <a href={props.href} aria-current={here ? 'page' : undefined}>
      {props.children}
    </a>
  );
}

export function Layout(props: {
  title: string;
  breadcrumbs?: Crumb[];
  description?: string;
  head?: ComponentChildren;
  children: ComponentChildren;
}) {
  const page = usePage();
  const t = m(page.locale);
  const staff = page.user && (page.user.role === 'admin' || page.user.role === 'adviser');
  return (
    <html lang={page.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | ${t.site}`}</title>
        <meta name="description" content={props.description ?? t.tagline} />
        {props.head}
        <link rel="stylesheet" href={page.assets.css} />
        {[...page.islands].map((name) =>
          page.assets.islands[name] ? <script type="module" src={page.assets.islands[name]} key={name} /> : null,
        )}
      </head>
      <body class="gaz-theme utrecht-document utrecht-document--surface">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
          {t.skip}
        </a>
        <div class="utrecht-page-layout">
          <header class="utrecht-page-header gaz-header">
            <div class="gaz-container gaz-header__inner">
              <a class="gaz-brand" href="/">
                <span class="gaz-brand__name">{t.site}</span>
                <span class="gaz-brand__tagline">{t.tagline}</span>
              </a>
              <nav class="gaz-lang" aria-label={t.language}>
                <ul class="gaz-inline-list">
                  <li>
                    <a href={withLang(page.path, 'nl')} lang="nl" hrefLang="nl" aria-current={page.locale === 'nl' ? 'true' : undefined}>
                      Nederlands
                    </a>
                  </li>
                  <li>
                    <a href={withLang(page.path, 'en')} lang="en" hrefLang="en" aria-current={page.locale === 'en' ? 'true' : undefined}>
                      English
                    </a>
                  </li>
                </ul>
              </nav>
            </div>
            <div class="gaz-navbar">
              <nav class="gaz-container gaz-nav" aria-label={t.mainNav}>
                <ul class="gaz-inline-list">
                  <li>
                    <NavLink href="/" current={page.path}>
                      {t.home}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink href="/netwerk" current={page.path}>
                      {t.network}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink href="/gemeenten" current={page.path}>
                      {t.municipalities}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink href="/kaart" current={page.path}>
                      {t.map}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink href="/nieuws" current={page.path}>
                      {t.news}
                    </NavLink>
                  </li>
                  {staff ? (
                    <li>
                      <NavLink href="/beheer" current={page.path}>
                        {t.staff}
                      </NavLink>
                    </li>
                  ) : null}
                  {page.user ? (
                    <>
                      <li>
                        <NavLink href="/account" current={page.path}>
                          {t.account}
                        </NavLink>
                      </li>
                      <li>
                        <form method="post" action="/uitloggen" class="gaz-inline-form">
                          <CsrfField />
                          <button type="submit" class="utrecht-button utrecht-button--subtle gaz-linkbutton">
                            {t.logout}
                          </button>
                        </form>
                      </li>
                    </>
                  ) : (
                    <li>
                      <NavLink href="/inloggen" current={page.path}>
                        {t.login}
                      </NavLink>
                    </li>
                  )}
                </ul>
              </nav>
            </div>
          </header>
          <div class="utrecht-page-body">
            <div class="utrecht-page-content gaz-container">
              {props.breadcrumbs && props.breadcrumbs.length > 0 ? (
                <nav class="utrecht-breadcrumb-nav" aria-label={t.breadcrumbs}>
                  <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
                    {props.breadcrumbs.map((c, i) => (
                      <li class="utrecht-breadcrumb-nav__item" key={i}>
                        {c.href && i < props.breadcrumbs!.length - 1 ? (
                          <a class="utrecht-breadcrumb-nav__link utrecht-link" href={c.href}>
                            {c.label}
                          </a>
                        ) : (
                          <span aria-current="page">{c.label}</span>
                        )}
                      </li>
                    ))}
                  </ol>
                </nav>
              ) : null}
              <main id="main" tabIndex={-1}>
                {props.children}
              </main>
            </div>
          </div>
          <footer class="utrecht-page-footer gaz-footer">
            <div class="gaz-container">
              <p class="utrecht-paragraph">{t.about}</p>
              <nav aria-label={t.footer}>
                <ul class="gaz-inline-list">
                  <li>
                    <a class="gaz-footer__link" href="/toegankelijkheid">
                      {t.accessibility}
                    </a>
                  </li>
                  <li>
                    <a class="gaz-footer__link" href="/privacy">
                      {t.privacy}
                    </a>
                  </li>
                  <li>
                    <a class="gaz-footer__link" href="/api/docs">
                      {t.api}
                    </a>
                  </li>
                </ul>
              </nav>
            </div>
          </footer>
        </div>
      </body>
    </html>
  );
}
