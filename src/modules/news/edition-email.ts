// The newsletter as an email: an accessible HTML part (lang, one h1, real headings and links, text
// that reads without images, no layout tables) and a plain-text part, built once per edition with
// placeholders that each delivery fills with its own links. Pure: no I/O.

export interface EmailArticle {
  title: string;
  summary: string;
  url: string;
  kind: 'article' | 'story';
  contentNote: string | null;
}

export interface EditionContent {
  title: string;
  introHtml: string;
  introText: string;
  articles: EmailArticle[];
  archiveUrl: string;
  /** Open and click counts: only when the programme turned them on. */
  tracking: boolean;
  baseUrl: string;
}

export interface EmailTemplate {
  subject: string;
  html: string;
  text: string;
  /** Link targets in order, for the click counter (`/nieuwsbrief/k/TOKEN/N`). */
  links: string[];
}

export const PLACEHOLDER = { manage: '%%MANAGE_URL%%', unsubscribe: '%%UNSUBSCRIBE_URL%%', delivery: '%%DELIVERY%%' } as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = {
  body: 'margin:0;padding:24px 16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.5',
  main: 'max-width:600px;margin:0 auto',
  h1: 'font-size:26px;line-height:1.25;margin:0 0 16px',
  h2: 'font-size:20px;line-height:1.3;margin:28px 0 8px',
  link: 'color:#01689b;text-decoration:underline',
  note: 'font-size:15px;color:#4d4d4d',
  footer: 'margin-top:32px;padding-top:16px;border-top:1px solid #b3b3b3;font-size:15px;color:#4d4d4d',
};

export function buildEditionEmail(c: EditionContent): EmailTemplate {
  const links: string[] = [];
  const href = (target: string) => {
    if (!c.tracking) return target;
    links.push(target);
    return `${c.baseUrl}/nieuwsbrief/k/${PLACEHOLDER.delivery}/${links.length - 1}`;
  };
  const items = c.articles
    .map((a) => {
      const note = a.contentNote ? `<p style="${STYLE.note}"><strong>Let op:</strong> ${escapeHtml(a.contentNote)}</p>` : '';
      return (
        `<h2 style="${STYLE.h2}"><a href="${escapeHtml(href(a.url))}" style="${STYLE.link}">${escapeHtml(a.title)}</a></h2>` +
        `${note}<p>${escapeHtml(a.summary)}</p>` +
        `<p><a href="${escapeHtml(href(a.url))}" style="${STYLE.link}">Lees verder<span style="position:absolute;left:-9999px"> over ${escapeHtml(a.title)}</span></a></p>`
      );
    })
    .join('');
  const pixel = c.tracking ? `<img src="${c.baseUrl}/nieuwsbrief/o/${PLACEHOLDER.delivery}.gif" width="1" height="1" alt="">` : '';
  const html =
    `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(c.title)}</title></head><body style="${STYLE.body}"><div role="article" aria-label="${escapeHtml(c.title)}" lang="nl" style="${STYLE.main}">` +
    `<p style="${STYLE.note}"><a href="${escapeHtml(c.archiveUrl)}" style="${STYLE.link}">Lees deze nieuwsbrief in de browser</a></p>` +
    `<h1 style="${STYLE.h1}">${escapeHtml(c.title)}</h1>${c.introHtml}${items}` +
    `<div style="${STYLE.footer}"><p>U ontvangt deze nieuwsbrief omdat u zich heeft aangemeld bij Gemeenten aan zet.</p>` +
    `<p><a href="${PLACEHOLDER.manage}" style="${STYLE.link}">Onderwerpen wijzigen</a> · ` +
    `<a href="${PLACEHOLDER.unsubscribe}" style="${STYLE.link}">Afmelden</a></p></div>${pixel}</div></body></html>`;
  const text = [
    c.title,
    '='.repeat(Math.min(c.title.length, 72)),
    '',
    c.introText,
    '',
    ...c.articles.flatMap((a) => [
      `* ${a.title}`,
      ...(a.contentNote ? [`Let op: ${a.contentNote}`] : []),
      a.summary,
      `Lees verder: ${a.url}`,
      '',
    ]),
    `In de browser: ${c.archiveUrl}`,
    '',
    'U ontvangt deze nieuwsbrief omdat u zich heeft aangemeld bij Gemeenten aan zet.',
    `Onderwerpen wijzigen: ${PLACEHOLDER.manage}`,
    `Afmelden: ${PLACEHOLDER.unsubscribe}`,
    '',
  ].join('\n');
  return { subject: c.title, html, text, links };
}

/** One delivery's copy of the template. */
export function personalise(template: string, values: { manage: string; unsubscribe: string; delivery: string }): string {
  return template
    .replaceAll(PLACEHOLDER.manage, values.manage)
    .replaceAll(PLACEHOLDER.unsubscribe, values.unsubscribe)
    .replaceAll(PLACEHOLDER.delivery, values.delivery);
}
