// Demo part: the news of 2019 (demo-content.ts) through the module's own services, the September
// and October 2019 newsletters as sent editions in the archive (no mail goes out for the demo),
// and subscribers in every state. Idempotent: it does nothing when the main item exists.
import type { AppDeps, ServiceCtx } from '../../deps.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { selectArticleBySlug } from './articles.queries.ts';
import { saveArticle } from './articles.service.ts';
import { DEMO_ARTICLES, DEMO_AUTHOR, DEMO_EDITIONS, DEMO_SUBSCRIBERS } from './demo-content.ts';
import { updateEditionRow } from './editions.queries.ts';
import { saveEdition } from './editions.service.ts';
import { insertSubscriber } from './subscribers.queries.ts';
import { recordConsent } from './subscribers.service.ts';

export async function loadNewsDemo(deps: AppDeps, log: (line: string) => void = () => {}): Promise<void> {
  if (await selectArticleBySlug(deps.db, 'gemeenten-aan-zet-aanpak-mensenhandel-breidt-uit')) {
    log('demo: news already loaded');
    return;
  }
  const ctx: ServiceCtx = { db: deps.db, actor: { ...SYSTEM_ACTOR, label: 'demo' }, now: deps.now() };
  const ids = new Map<string, number>();
  for (const a of DEMO_ARTICLES) {
    const id = await saveArticle(ctx, deps, null, a.kind, {
      title: a.title,
      summary: a.summary,
      bodyMd: a.body,
      tags: a.tags,
      authorName: DEMO_AUTHOR,
      publishAt: a.publishAt,
      action: 'publish',
      pseudonym: a.pseudonym,
      contentNote: a.contentNote,
      consentConfirmed: a.kind === 'story',
    });
    ids.set(a.key, id);
  }
  for (const e of DEMO_EDITIONS) {
    const id = await saveEdition(ctx, deps, null, {
      title: e.title,
      issueDate: e.issueDate,
      introMd: e.intro,
      articleIds: e.articles.map((k) => ids.get(k)!),
      segment: { topics: [], municipalities: [], provinces: [] },
      ratePerMinute: 600,
    });
    await updateEditionRow(deps.db, id, { status: 'sent', send_started_at: e.sentAt, send_finished_at: e.sentAt, updated_at: e.sentAt });
  }
  for (const s of DEMO_SUBSCRIBERS) {
    const at = '2019-09-01T10:00:00.000Z';
    const id = await insertSubscriber(deps.db, {
      email: s.email,
      name: s.name,
      organisation: null,
      municipality_code: null,
      province_code: null,
      topics: s.topics,
      status: s.status,
      source: 'web',
      token_version: 1,
      soft_bounces: 0,
      created_at: at,
      confirmed_at: s.status === 'pending' ? null : at,
      unsubscribed_at: s.status === 'unsubscribed' ? '2019-10-29T10:00:00.000Z' : null,
      unsubscribed_edition_id: null,
      bounced_at: s.status === 'bounced' ? '2019-09-30T09:00:00.000Z' : null,
      updated_at: s.status === 'pending' ? ctx.now.toISOString() : at,
    });
    await recordConsent(deps.db, id, new Date(at), 'sign-up', 'web-form', s.topics);
    if (s.status !== 'pending') await recordConsent(deps.db, id, new Date(at), 'confirm', 'email-link', s.topics);
  }
  log(`demo: news (${DEMO_ARTICLES.length} items, 2 newsletters, ${DEMO_SUBSCRIBERS.length} fictional subscribers)`);
}
