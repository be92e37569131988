// Public pages: /nieuws (paged, by tag), /verhalen, one article or story, the newsletter archive.
import { defineMessages, formatDate, type Locale } from '../../../i18n.ts';
import { Heading1, Notice, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { monthLabel } from '../news.logic.ts';
import { type ArticleSummary, type ArticleView, bodyWithEmbeds } from '../presenters.ts';
import { TAGS, type Tag } from '../tables.ts';

export const m = defineMessages({
  news: { nl: 'Nieuws', en: 'News' },
  stories: { nl: 'Verhalen', en: 'Stories' },
  newsIntro: {
    nl: 'Nieuws van het programma Gemeenten aan zet over de aanpak van mensenhandel.',
    en: 'News from the Gemeenten aan zet programme on the approach to human trafficking.',
  },
  storiesIntro: {
    nl: 'Persoonlijke verhalen laten zien waarom het werk ertoe doet. Namen zijn veranderd; wie het verhaal vertelde, heeft ingestemd.',
    en: 'Personal stories show why the work matters. Names are changed; the person who told the story agreed to it.',
  },
  byTag: { nl: 'Onderwerp', en: 'Topic' },
  allTags: { nl: 'Alles', en: 'All' },
  none: { nl: 'Er zijn nog geen berichten.', en: 'There are no items yet.' },
  page: (n: number, of: number) => ({ nl: `Pagina ${n} van ${of}`, en: `Page ${n} of ${of}` }),
  pages: { nl: 'Paginering', en: 'Pagination' },
  previous: { nl: 'Vorige pagina', en: 'Previous page' },
  next: { nl: 'Volgende pagina', en: 'Next page' },
  by: { nl: 'Door', en: 'By' },
  story: { nl: 'Verhaal van', en: 'Story of' },
  contentNote: { nl: 'Let op, dit verhaal gaat over:', en: 'Please note, this story is about:' },
  inEdition: (month: string) => ({ nl: `Opgenomen in de nieuwsbrief van ${month}`, en: `Included in the newsletter of ${month}` }),
  frozen: (date: string) => ({ nl: `Stand op ${date}`, en: `As on ${date}` }),
  feeds: { nl: 'Volg het nieuws met RSS of Atom', en: 'Follow the news with RSS or Atom' },
  subscribe: { nl: 'Meld u aan voor de nieuwsbrief', en: 'Subscribe to the newsletter' },
  archive: { nl: 'Nieuwsbrief', en: 'Newsletter' },
  archiveIntro: { nl: 'Alle verstuurde nieuwsbrieven, om hier te lezen.', en: 'Every newsletter sent, to read here.' },
  noEditions: { nl: 'Er is nog geen nieuwsbrief verstuurd.', en: 'No newsletter has been sent yet.' },
  readMore: { nl: 'Lees verder', en: 'Read more' },
  about: { nl: 'over', en: 'about' },
  published: { nl: 'Gepubliceerd', en: 'Published' },
});

export const TAG_LABELS: Record<Tag, { nl: string; en: string }> = {
  network: { nl: 'Netwerk', en: 'Network' },
  survey: { nl: 'Enquête', en: 'Survey' },
  events: { nl: 'Bijeenkomsten', en: 'Events' },
  academy: { nl: 'Academy', en: 'Academy' },
  policy: { nl: 'Beleid', en: 'Policy' },
};

function ArticleItem(props: { a: ArticleSummary; locale: Locale }) {
  const t = m(props.locale);
  const { a } = props;
  return (
    <li class="gaz-news-item">
      <h2 class="utrecht-heading-2 gaz-news-item__title">
        <a class="utrecht-link" href={a.path}>
          {a.title}
        </a>
      </h2>
      <p class="gaz-news-item__meta">
        <time dateTime={a.publishedAt}>{formatDate(a.publishedAt, props.locale)}</time>
        {a.kind === 'story' && a.pseudonym ? ` · ${t.story} ${a.pseudonym}` : ''}
      </p>
      {a.contentNote ? (
        <p class="gaz-content-note">
          {t.contentNote} {a.contentNote}
        </p>
      ) : null}
      <Paragraph>{a.summary}</Paragraph>
    </li>
  );
}

export function Pager(props: { page: number; pages: number; href: (page: number) => string }) {
  const page = usePage();
  const t = m(page.locale);
  if (props.pages <= 1) return null;
  return (
    <nav class="gaz-pager" aria-label={t.pages}>
      <p>{t.page(props.page, props.pages)}</p>
      <ul class="gaz-inline-list">
        {props.page > 1 ? (
          <li>
            <a class="utrecht-link" href={props.href(props.page - 1)} rel="prev">
              {t.previous}
            </a>
          </li>
        ) : null}
        {props.page < props.pages ? (
          <li>
            <a class="utrecht-link" href={props.href(props.page + 1)} rel="next">
              {t.next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function NewsListPage(props: { kind: 'article' | 'story'; items: ArticleSummary[]; tag?: Tag; page: number; pages: number }) {
  const page = usePage();
  const t = m(page.locale);
  const base = props.kind === 'story' ? '/verhalen' : '/nieuws';
  const href = (p: number) =>
    `${base}?${new URLSearchParams({ ...(props.tag ? { onderwerp: props.tag } : {}), ...(p > 1 ? { pagina: String(p) } : {}) })}`.replace(
      /\?$/,
      '',
    );
  return (
    <>
      <Heading1>{props.kind === 'story' ? t.stories : t.news}</Heading1>
      <Paragraph>{props.kind === 'story' ? t.storiesIntro : t.newsIntro}</Paragraph>
      {props.kind === 'article' ? (
        <nav aria-label={t.byTag} class="gaz-tags">
          <ul class="gaz-inline-list">
            <li>
              <a class="utrecht-link" href="/nieuws" aria-current={props.tag ? undefined : 'page'}>
                {t.allTags}
              </a>
            </li>
            {TAGS.map((tag) => (
              <li key={tag}>
                <a class="utrecht-link" href={`/nieuws?onderwerp=${tag}`} aria-current={props.tag === tag ? 'page' : undefined}>
                  {TAG_LABELS[tag][page.locale]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {props.items.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
      <ul class="gaz-news-list">
        {props.items.map((a) => (
          <ArticleItem a={a} locale={page.locale} key={a.slug} />
        ))}
      </ul>
      <Pager page={props.page} pages={props.pages} href={href} />
      <p class="gaz-news-links">
        <a class="utrecht-link" href="/nieuwsbrief/aanmelden">
          {t.subscribe}
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href="/nieuws/feed.xml">
          RSS
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href="/nieuws/atom.xml">
          Atom
        </a>
      </p>
    </>
  );
}

export function ArticlePage(props: { a: ArticleView }) {
  const page = usePage();
  const t = m(page.locale);
  const { a } = props;
  const body = bodyWithEmbeds(a.bodyHtml, a.embeds, page.locale, (d) => t.frozen(formatDate(d, page.locale)));
  return (
    <article class="gaz-article">
      <Heading1>{a.title}</Heading1>
      <p class="gaz-news-item__meta">
        {a.kind === 'story' && a.pseudonym ? `${t.story} ${a.pseudonym}` : `${t.by} ${a.authorName}`} · {t.published}{' '}
        <time dateTime={a.publishedAt}>{formatDate(a.publishedAt, page.locale)}</time>
      </p>
      {a.contentNote ? (
        <Notice kind="warning">
          <p class="utrecht-paragraph">
            <strong>{t.contentNote}</strong> {a.contentNote}
          </p>
        </Notice>
      ) : null}
      <p class="gaz-article__lead">{a.summary}</p>
      {/* Sanitised when saved (markdown.logic.ts): an allowlist of inert elements only. */}
      <div class="gaz-article__body" dangerouslySetInnerHTML={{ __html: body }} />
      {a.editions.map((e) => (
        <p class="gaz-article__edition" key={e.slug}>
          <a class="utrecht-link" href={`/nieuwsbrief/${e.slug}`}>
            {t.inEdition(monthLabel(e.issueDate, page.locale))}
          </a>
        </p>
      ))}
      {a.tags.length > 0 ? (
        <ul class="gaz-inline-list gaz-tags" aria-label={t.byTag}>
          {a.tags.map((tag) => (
            <li key={tag}>
              <a class="utrecht-link" href={`/nieuws?onderwerp=${tag}`}>
                {TAG_LABELS[tag]?.[page.locale] ?? tag}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
