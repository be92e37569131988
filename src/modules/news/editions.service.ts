// Newsletter editions: made from chosen published articles with an intro, previewed in the browser
// and as a test email, sent to a segment (send.ts), archived as web pages, with statistics.
import { type Db, inTransaction } from '../../db/database.ts';
import type { AppDeps, ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { outboxStatusCounts, queueEmail } from '../outbox/index.ts';
import { selectArticlesByIds } from './articles.queries.ts';
import { renderBody } from './articles.service.ts';
import { buildEditionEmail, type EmailTemplate, personalise } from './edition-email.ts';
import {
  claimForSending,
  deliveryCounts,
  type EditionRow,
  insertEdition,
  replaceEditionArticles,
  selectEdition,
  selectEditionArticleIds,
  selectEditionSlugsLike,
  selectEditions,
  selectOutboxIdsOf,
  selectSentEditionsOf,
  updateEditionRow,
} from './editions.queries.ts';
import { htmlToText } from './markdown.logic.ts';
import { type Segment, uniqueSlug, visibilityOf } from './news.logic.ts';
import { newsSettings } from './settings.ts';

export interface EditionInput {
  title: string;
  issueDate: string;
  introMd: string;
  articleIds: number[];
  segment: Segment;
  ratePerMinute: number;
}

export async function saveEdition(ctx: ServiceCtx, deps: AppDeps, id: number | null, input: EditionInput): Promise<number> {
  const before = id === null ? undefined : await selectEdition(ctx.db, id);
  if (id !== null && !before) throw errors.notFound();
  if (before && before.status !== 'draft')
    throw errors.conflict({
      nl: 'Deze nieuwsbrief is al verstuurd en kan niet meer worden gewijzigd.',
      en: 'This newsletter has been sent and can no longer be changed.',
    });
  const intro = await renderBody(deps, input.introMd, 'introMd');
  const articles = await selectArticlesByIds(ctx.db, input.articleIds);
  const errs = [...intro.errors];
  if (articles.length !== new Set(input.articleIds).size)
    errs.push({
      field: 'articleIds',
      message: { nl: 'Een gekozen bericht bestaat niet meer. Kies opnieuw.', en: 'A chosen item no longer exists. Choose again.' },
    });
  if (errs.length > 0) throw errors.validation(errs);
  const now = ctx.now.toISOString();
  const values = {
    title: input.title,
    issue_date: input.issueDate,
    intro_md: input.introMd,
    intro_html: intro.html,
    segment_json: JSON.stringify(input.segment),
    rate_per_minute: input.ratePerMinute,
    updated_at: now,
  };
  return inTransaction(ctx.db, async (trx) => {
    let editionId = id;
    if (editionId === null) {
      const base = input.issueDate.slice(0, 7);
      editionId = await insertEdition(trx, {
        ...values,
        slug: uniqueSlug(base, await selectEditionSlugsLike(trx, base)),
        status: 'draft',
        send_started_at: null,
        send_finished_at: null,
        send_cursor: 0,
        recipients: 0,
        links_json: '[]',
        created_at: now,
      });
    } else await updateEditionRow(trx, editionId, values);
    await replaceEditionArticles(trx, editionId, [...new Set(input.articleIds)]);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: id === null ? 'create' : 'update',
      entity: 'news_edition',
      entityId: editionId,
      after: { title: input.title, articles: input.articleIds, segment: input.segment },
    });
    return editionId;
  });
}

export const getEdition = (db: Db, id: number) => selectEdition(db, id);
export const listEditions = (db: Db, status?: EditionRow['status']) => selectEditions(db, status);
export const editionArticleIds = (db: Db, id: number) => selectEditionArticleIds(db, id);
export const sentEditionsOf = (db: Db, articleId: number) => selectSentEditionsOf(db, articleId);

/** The edition's articles in their order. */
export async function editionArticles(db: Db, id: number) {
  const ids = await selectEditionArticleIds(db, id);
  const byId = new Map((await selectArticlesByIds(db, ids)).map((a) => [Number(a.id), a]));
  return ids.map((i) => byId.get(i)).filter((a) => a !== undefined);
}

/** The email of an edition, with placeholders for each delivery's links. */
export async function editionTemplate(deps: AppDeps, edition: EditionRow): Promise<EmailTemplate> {
  const base = deps.config.publicBaseUrl;
  const settings = await newsSettings(deps.db);
  const articles = await editionArticles(deps.db, Number(edition.id));
  return buildEditionEmail({
    title: edition.title,
    introHtml: (await renderBody(deps, edition.intro_md, 'introMd', base)).html,
    introText: htmlToText(edition.intro_html),
    articles: articles.map((a) => ({
      title: a.title,
      summary: a.summary,
      url: `${base}/${a.kind === 'story' ? 'verhalen' : 'nieuws'}/${a.slug}`,
      kind: a.kind,
      contentNote: a.content_note,
    })),
    archiveUrl: `${base}/nieuwsbrief/${edition.slug}`,
    tracking: settings.tracking,
    baseUrl: base,
  });
}

/** Sends the edition once to one address (marked as a test), e.g. the editor's own. */
export async function sendTestEmail(ctx: ServiceCtx, deps: AppDeps, id: number, to: string): Promise<void> {
  const edition = await selectEdition(ctx.db, id);
  if (!edition) throw errors.notFound();
  const t = await editionTemplate(deps, edition);
  const fill = {
    manage: `${deps.config.publicBaseUrl}/nieuwsbrief`,
    unsubscribe: `${deps.config.publicBaseUrl}/nieuwsbrief`,
    delivery: 'test',
  };
  await inTransaction(ctx.db, async (trx) => {
    await queueEmail(trx, {
      to,
      subject: `[TEST] ${t.subject}`,
      text: personalise(t.text, fill),
      html: personalise(t.html, fill),
      at: ctx.now,
    });
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'test-send', entity: 'news_edition', entityId: id });
  });
}

/** Starts sending: draft → sending (once), then the send job is enqueued in the same transaction. */
export async function startSend(ctx: ServiceCtx, id: number, enqueue: (trx: Db, editionId: number) => Promise<unknown>): Promise<void> {
  const edition = await selectEdition(ctx.db, id);
  if (!edition) throw errors.notFound();
  const articles = await editionArticles(ctx.db, id);
  const unpublished = articles.filter((a) => visibilityOf(a.status, a.publish_at, ctx.now) !== 'published');
  if (articles.length === 0 || unpublished.length > 0)
    throw errors.conflict({
      nl:
        articles.length === 0
          ? 'Kies eerst de berichten voor deze nieuwsbrief.'
          : `Publiceer eerst: ${unpublished.map((a) => a.title).join(', ')}.`,
      en:
        articles.length === 0
          ? 'Choose the items for this newsletter first.'
          : `Publish first: ${unpublished.map((a) => a.title).join(', ')}.`,
    });
  await inTransaction(ctx.db, async (trx) => {
    if (!(await claimForSending(trx, id, ctx.now.toISOString())))
      throw errors.conflict({
        nl: 'Deze nieuwsbrief wordt al verstuurd of is verstuurd.',
        en: 'This newsletter is being sent or has been sent.',
      });
    await enqueue(trx, id);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'send',
      entity: 'news_edition',
      entityId: id,
      after: { segment: JSON.parse(edition.segment_json) },
    });
  });
}

/** Sent, delivered, bounced, unsubscribed (and opened, clicked when counted). */
export async function editionStats(db: Db, id: number) {
  const counts = await deliveryCounts(db, id);
  const outbox = await outboxStatusCounts(db, await selectOutboxIdsOf(db, id));
  return {
    queued: counts.queued,
    sent: outbox.sent,
    waiting: outbox.pending + outbox.sending,
    failed: outbox.failed,
    delivered: Math.max(0, outbox.sent - counts.bounced),
    bounced: counts.bounced,
    unsubscribed: counts.unsubscribed,
    opened: counts.opened,
    clicked: counts.clicked,
  };
}
