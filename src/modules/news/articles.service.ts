// Articles and stories: save (with a revision and an audit entry in one transaction), publish now
// or later, withdraw; public reads by visibility on a moment. Publication is computed when read
// (news.logic.ts visibilityOf), so a scheduled article appears without a job on every instance.
import { type Db, inTransaction } from '../../db/database.ts';
import type { AppDeps, ServiceCtx } from '../../deps.ts';
import { AppError, errors, type FieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import {
  type ArticleRow,
  countVisible,
  insertArticle,
  insertRevision,
  selectArticle,
  selectArticleBySlug,
  selectRevision,
  selectSlugsLike,
  selectVisible,
  updateArticleRow,
  type VisibleFilter,
} from './articles.queries.ts';
import type { ArticleInput } from './articles.schema.ts';
import { embedKinds, type FrozenEmbed, parseEmbeds, resolveEmbeds } from './embeds.ts';
import { imageSizes } from './images.service.ts';
import { type Rendered, renderMarkdown } from './markdown.logic.ts';
import { diffLines, slugify, uniqueSlug, visibilityOf } from './news.logic.ts';
import { newsChanged } from './public-version.ts';
import type { ArticleKind } from './tables.ts';

export const PAGE_SIZE = 10;

/** Amsterdam wall-clock `YYYY-MM-DDTHH:MM` to a UTC ISO timestamp. */
export function amsterdamToIso(local: string): string {
  const guess = new Date(`${local}:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(guess);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  const shown = Date.parse(
    `${get('year')}-${get('month')}-${get('day')}T${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}:00Z`,
  );
  return new Date(guess.getTime() - (shown - guess.getTime())).toISOString();
}

/** A UTC ISO timestamp as Amsterdam wall-clock `YYYY-MM-DDTHH:MM` (for the form). */
export function isoToAmsterdam(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}`;
}

/** Renders a body with the images it names; problems become field errors on `field`. */
export async function renderBody(
  deps: AppDeps,
  markdown: string,
  field = 'bodyMd',
  baseUrl?: string,
): Promise<Rendered & { errors: FieldError[] }> {
  const ids = [...markdown.matchAll(/afbeelding:(\d{1,9})/g)].map((m) => Number(m[1]));
  const rendered = renderMarkdown(markdown, { images: await imageSizes(deps.db, ids), embedKinds: embedKinds(deps), baseUrl });
  return { ...rendered, errors: rendered.problems.slice(0, 1).map((p) => ({ field, message: p.message })) };
}

function storyErrors(kind: ArticleKind, input: ArticleInput): FieldError[] {
  if (kind !== 'story') return [];
  const out: FieldError[] = [];
  if (!input.pseudonym)
    out.push({
      field: 'pseudonym',
      message: { nl: 'Vul een schuilnaam in, zoals KIM. Nooit de echte naam.', en: 'Enter a pseudonym, like KIM. Never the real name.' },
    });
  if (input.action === 'publish' && !input.consentConfirmed)
    out.push({
      field: 'consentConfirmed',
      message: {
        nl: 'Bevestig dat er toestemming is en dat het verhaal geanonimiseerd is, anders kan het niet verschijnen.',
        en: 'Confirm that consent is held and the story is anonymised, or it cannot be published.',
      },
    });
  return out;
}

/** Frozen blocks stay as they were; new ones are frozen now (at publication). */
function freeze(previous: FrozenEmbed[], current: FrozenEmbed[], at: string): FrozenEmbed[] {
  return current.map((e) => previous.find((p) => p.kind === e.kind && p.date === e.date && p.frozenAt) ?? { ...e, frozenAt: at });
}

/** Creates (id null) or updates an article or story. Throws a 400 with field errors for bad input. */
export async function saveArticle(
  ctx: ServiceCtx,
  deps: AppDeps,
  id: number | null,
  kind: ArticleKind,
  input: ArticleInput,
): Promise<number> {
  const before = id === null ? undefined : await selectArticle(ctx.db, id);
  if (id !== null && !before) throw errors.notFound();
  const rendered = await renderBody(deps, input.bodyMd);
  const fieldErrors = [...rendered.errors, ...storyErrors(kind, input)];
  if (fieldErrors.length > 0) throw errors.validation(fieldErrors);
  const now = ctx.now.toISOString();
  const publishing = input.action === 'publish';
  const status = publishing ? 'published' : before?.status === 'withdrawn' ? 'withdrawn' : 'draft';
  const publishAt = input.publishAt
    ? amsterdamToIso(input.publishAt)
    : publishing
      ? (before?.publish_at ?? now)
      : (before?.publish_at ?? null);
  const live = await resolveEmbeds(deps, rendered.embeds, null);
  const embeds = status === 'published' ? freeze(parseEmbeds(before?.embeds_json ?? '[]'), live, now) : live;
  const story = kind === 'story';
  const values = {
    title: input.title,
    summary: input.summary,
    body_md: input.bodyMd,
    body_html: rendered.html,
    tags: [...new Set(input.tags)].join(' '),
    author_name: input.authorName,
    publish_at: publishAt,
    status,
    pseudonym: story ? (input.pseudonym ?? null) : null,
    content_note: story ? (input.contentNote ?? null) : null,
    consent_confirmed_by: story && input.consentConfirmed ? (before?.consent_confirmed_by ?? ctx.actor.userId) : null,
    consent_confirmed_at: story && input.consentConfirmed ? (before?.consent_confirmed_at ?? now) : null,
    embeds_json: JSON.stringify(embeds),
    updated_at: now,
  } as const;
  return inTransaction(ctx.db, async (trx) => {
    let articleId = id;
    const revision = (before?.revision ?? 0) + 1;
    if (articleId === null) {
      const base = slugify(input.title);
      const slug = uniqueSlug(base, await selectSlugsLike(trx, base));
      articleId = await insertArticle(trx, {
        ...values,
        slug,
        kind,
        withdrawn_reason: null,
        withdrawn_at: null,
        revision,
        created_at: now,
      });
    } else await updateArticleRow(trx, articleId, { ...values, revision });
    await insertRevision(trx, {
      article_id: articleId,
      revision,
      title: input.title,
      summary: input.summary,
      body_md: input.bodyMd,
      status,
      edited_by: ctx.actor.userId,
      edited_by_label: ctx.actor.label,
      at: now,
    });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: id === null ? 'create' : 'update',
      entity: `news_${kind}`,
      entityId: articleId,
      before: before ? { title: before.title, status: before.status, publishAt: before.publish_at, revision: before.revision } : undefined,
      after: { title: input.title, status, publishAt, revision },
    });
    newsChanged(trx);
    return articleId;
  });
}

export async function withdrawArticle(ctx: ServiceCtx, id: number, reason: string): Promise<void> {
  const before = await selectArticle(ctx.db, id);
  if (!before) throw errors.notFound();
  const now = ctx.now.toISOString();
  await inTransaction(ctx.db, async (trx) => {
    await updateArticleRow(trx, id, {
      status: 'withdrawn',
      withdrawn_reason: reason,
      withdrawn_at: now,
      updated_at: now,
      revision: before.revision + 1,
    });
    await insertRevision(trx, {
      article_id: id,
      revision: before.revision + 1,
      title: before.title,
      summary: before.summary,
      body_md: before.body_md,
      status: 'withdrawn',
      edited_by: ctx.actor.userId,
      edited_by_label: ctx.actor.label,
      at: now,
    });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'withdraw',
      entity: `news_${before.kind}`,
      entityId: id,
      before: { status: before.status },
      after: { status: 'withdrawn', reason },
    });
    newsChanged(trx);
  });
}

export const getArticle = (db: Db, id: number) => selectArticle(db, id);

export function withdrawnError(row: ArticleRow): AppError {
  return new AppError(410, 'gone', {
    nl: `Dit bericht is ingetrokken${row.withdrawn_at ? ` op ${row.withdrawn_at.slice(0, 10)}` : ''}. Reden: ${row.withdrawn_reason ?? 'niet opgegeven'}.`,
    en: `This item was withdrawn${row.withdrawn_at ? ` on ${row.withdrawn_at.slice(0, 10)}` : ''}. Reason: ${row.withdrawn_reason ?? 'not given'}.`,
  });
}

/** The article a visitor may read at `now`: 404 when unknown, draft or scheduled; 410 when withdrawn. */
export async function publicArticle(db: Db, slug: string, now: Date): Promise<ArticleRow> {
  const row = await selectArticleBySlug(db, slug);
  if (!row) throw errors.notFound();
  const v = visibilityOf(row.status, row.publish_at, now);
  if (v === 'withdrawn') throw withdrawnError(row);
  if (v !== 'published') throw errors.notFound();
  return row;
}

export async function listVisible(db: Db, filter: Omit<VisibleFilter, 'now'> & { now: Date; page: number }) {
  const f: VisibleFilter = { kind: filter.kind, tag: filter.tag, now: filter.now.toISOString() };
  const total = await countVisible(db, f);
  const rows = await selectVisible(db, f, (filter.page - 1) * PAGE_SIZE, PAGE_SIZE);
  return { rows, total, page: filter.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The diff of one revision against the one before it. */
export async function revisionDiff(db: Db, articleId: number, revision: number) {
  const current = await selectRevision(db, articleId, revision);
  if (!current) return null;
  const previous = revision > 1 ? await selectRevision(db, articleId, revision - 1) : undefined;
  const text = (r?: { title: string; summary: string; body_md: string }) => (r ? `# ${r.title}\n\n${r.summary}\n\n${r.body_md}` : '');
  return { current, lines: diffLines(text(previous), text(current)) };
}
