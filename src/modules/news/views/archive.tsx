// The newsletter archive: every sent edition, and one edition as a web page.
import { formatDate } from '../../../i18n.ts';
import { Heading1, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { monthLabel } from '../news.logic.ts';
import type { ArticleSummary } from '../presenters.ts';
import { n } from './newsletter.tsx';
import { m as pm } from './public.tsx';

export function ArchivePage(props: { editions: { slug: string; title: string; issueDate: string }[] }) {
  const page = usePage();
  const t = pm(page.locale);
  return (
    <>
      <Heading1>{t.archive}</Heading1>
      <Paragraph>{t.archiveIntro}</Paragraph>
      {props.editions.length === 0 ? <Paragraph>{t.noEditions}</Paragraph> : null}
      <ul class="utrecht-unordered-list">
        {props.editions.map((e) => (
          <li class="utrecht-unordered-list__item" key={e.slug}>
            <a class="utrecht-link" href={`/nieuwsbrief/${e.slug}`}>
              {e.title}
            </a>{' '}
            ({monthLabel(e.issueDate, page.locale)})
          </li>
        ))}
      </ul>
      <Paragraph>
        <a class="utrecht-link" href="/nieuwsbrief/aanmelden">
          {t.subscribe}
        </a>
      </Paragraph>
    </>
  );
}

export function EditionPage(props: { title: string; issueDate: string; introHtml: string; articles: ArticleSummary[] }) {
  const page = usePage();
  const t = pm(page.locale);
  return (
    <article class="gaz-article">
      <Heading1>{props.title}</Heading1>
      <p class="gaz-news-item__meta">{formatDate(props.issueDate, page.locale)}</p>
      {/* Sanitised when saved (markdown.logic.ts). */}
      <div class="gaz-article__body" dangerouslySetInnerHTML={{ __html: props.introHtml }} />
      <h2 class="utrecht-heading-2">{n(page.locale).editionArticles}</h2>
      <ul class="gaz-news-list">
        {props.articles.map((a) => (
          <li class="gaz-news-item" key={a.slug}>
            <h3 class="utrecht-heading-3">
              <a class="utrecht-link" href={a.path}>
                {a.title}
              </a>
            </h3>
            {a.contentNote ? (
              <p class="gaz-content-note">
                {t.contentNote} {a.contentNote}
              </p>
            ) : null}
            <Paragraph>{a.summary}</Paragraph>
          </li>
        ))}
      </ul>
    </article>
  );
}
