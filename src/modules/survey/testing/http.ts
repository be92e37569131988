// Test helpers for the survey's pages: reading forms the way a browser submits them, personal links
// from emails, and building a small survey through the staff pages.
import type { TestApp } from '../../../../test/helpers/app.ts';
import { formBody, type LoggedIn, postForm } from '../../../../test/helpers/auth.ts';
import { emailsTo } from '../../../../test/helpers/records.ts';

/** The hidden inputs of a page (version, hashes h{id}, token, _csrf) as a record. */
export function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) out[m[1]] = m[2].replace(/&amp;/g, '&');
  return out;
}

/** The personal link token in the newest email to `to` (throws when there is none). */
export async function tokenFor(t: TestApp, to: string): Promise<string> {
  const mails = await emailsTo(t, to);
  const last = mails[mails.length - 1];
  const m = last ? /[?&]token=([A-Za-z0-9_-]+)/.exec(last.text) : null;
  if (!m) throw new Error(`No link in the emails to ${to}`);
  return m[1];
}

/** A CSRF cookie and token for a visitor without an account (what the respondent's browser has after loading a form). */
export async function visitor(t: TestApp, url: string): Promise<{ cookies: Record<string, string>; csrf: string; html: string }> {
  const res = await t.app.inject({ url });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  const cookie = res.cookies.find((c) => c.name === 'gaz_csrf');
  return { cookies: cookie ? { gaz_csrf: cookie.value } : {}, csrf, html: res.body };
}

/** POSTs a form as a visitor with the page's hidden fields (csrf, token, version, hashes) plus `fields`. */
export async function postAsVisitor(
  t: TestApp,
  page: { cookies: Record<string, string>; html: string },
  url: string,
  fields: Record<string, string | string[]>,
) {
  const params = new URLSearchParams(hiddenFields(page.html));
  for (const [k, v] of Object.entries(fields)) {
    params.delete(k);
    for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  }
  return t.app.inject({
    method: 'POST',
    url,
    cookies: page.cookies,
    payload: params.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** Creates a survey through the staff pages and returns its id. */
export async function createSurveyAs(t: TestApp, s: LoggedIn, fields: Record<string, string>): Promise<number> {
  const res = await postForm(t, s, '/beheer/enquetes', {
    titleEn: '',
    introNl: '',
    introEn: '',
    reminderDays: '7, 2',
    previousSurveyId: '',
    ...fields,
  });
  const m = /\/beheer\/enquetes\/(\d+)/.exec(String(res.headers.location));
  if (res.statusCode !== 303 || !m) throw new Error(`Creating the survey answered ${res.statusCode}: ${res.body.slice(0, 400)}`);
  return Number(m[1]);
}

export { formBody };
