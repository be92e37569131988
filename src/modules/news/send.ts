// The resumable send of an edition, run as a job (kind `news.send-edition`). It walks confirmed
// subscribers in id order in batches; each batch is one transaction that queues the batch's emails
// in the outbox (each with its own time, at the edition's rate), records one delivery per
// subscriber and moves the cursor. A crash inside a batch rolls the whole batch back; the job runs
// again and continues after the last committed batch. Two things make a double impossible: the
// cursor moves only from the value this run read (a second runner's batch rolls back), and
// news_deliveries is unique per (edition, subscriber).
import { randomBytes } from 'node:crypto';
import { inTransaction } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { JobHandler } from '../../module.ts';
import { type EmailInput, queueEmails } from '../outbox/index.ts';
import { DELIVERY_HEADER } from './dsn.logic.ts';
import { type EmailTemplate, personalise } from './edition-email.ts';
import { advanceCursor, type EditionRow, insertDeliveries, selectEdition, updateEditionRow } from './editions.queries.ts';
import { editionTemplate } from './editions.service.ts';
import { inSegment, parseSegment, sendAt } from './news.logic.ts';
import { newsChanged } from './public-version.ts';
import { type SubscriberRow, selectConfirmedAfter } from './subscribers.queries.ts';
import { links } from './subscribers.service.ts';

export const SEND_JOB_KIND = 'news.send-edition';
export const BATCH_SIZE = 500;

export interface SendOptions {
  batchSize?: number;
  progress?: (done: number, total: number) => Promise<void>;
  /** Tests: throw inside the transaction after queueing this many messages of a batch (a crash). */
  crashAfter?: number;
  /** Tests: stop after this many batches (a process that ends between batches). */
  maxBatches?: number;
}

/** One subscriber's copy of the edition: its own links, delivery token and List-Unsubscribe headers. */
function messageFor(
  deps: AppDeps,
  template: EmailTemplate,
  edition: EditionRow,
  s: SubscriberRow,
  at: Date,
): { token: string; email: EmailInput } {
  const token = randomBytes(16).toString('base64url');
  const unsubscribe = `${links.unsubscribe(deps, s)}?editie=${edition.id}`;
  const fill = { manage: links.manage(deps, s), unsubscribe, delivery: token };
  return {
    token,
    email: {
      to: s.email,
      subject: template.subject,
      text: personalise(template.text, fill),
      html: personalise(template.html, fill),
      at,
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'List-Id': 'Nieuwsbrief Gemeenten aan zet <nieuwsbrief.gemeentenaanzet.nl>',
        [DELIVERY_HEADER]: token,
      },
    },
  };
}

/** Sends (or resumes sending) an edition; returns the number of messages queued by this run. */
export async function sendEdition(deps: AppDeps, editionId: number, opts: SendOptions = {}): Promise<number> {
  const edition = await selectEdition(deps.db, editionId);
  if (edition?.status !== 'sending') return 0;
  const template = await editionTemplate(deps, edition);
  const segment = parseSegment(edition.segment_json);
  const start = new Date(edition.send_started_at ?? deps.now().toISOString());
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  let cursor = Number(edition.send_cursor);
  let recipients = Number(edition.recipients);
  let queued = 0;
  for (let batch = 0; opts.maxBatches === undefined || batch < opts.maxBatches; batch++) {
    const page = await selectConfirmedAfter(deps.db, cursor, batchSize);
    if (page.length === 0) {
      await updateEditionRow(deps.db, editionId, {
        status: 'sent',
        send_finished_at: deps.now().toISOString(),
        links_json: JSON.stringify(template.links),
        updated_at: deps.now().toISOString(),
      });
      // The edition is in the public archive from now on.
      newsChanged(deps.db);
      break;
    }
    const chosen = page.filter((s) =>
      inSegment(segment, {
        status: s.status,
        topics: s.topics.split(' '),
        municipalityCode: s.municipality_code,
        provinceCode: s.province_code,
      }),
    );
    const last = Number(page[page.length - 1].id);
    await inTransaction(deps.db, async (trx) => {
      const messages = chosen.map((s, i) =>
        messageFor(deps, template, edition, s, sendAt(start, recipients + i, Number(edition.rate_per_minute))),
      );
      if (opts.crashAfter !== undefined && opts.crashAfter < messages.length) {
        await queueEmails(
          trx,
          messages.slice(0, opts.crashAfter).map((m) => m.email),
        );
        throw new Error('simulated crash mid-batch');
      }
      const outboxIds = await queueEmails(
        trx,
        messages.map((m) => m.email),
      );
      const at = deps.now().toISOString();
      await insertDeliveries(
        trx,
        messages.map((m, i) => ({
          edition_id: editionId,
          subscriber_id: Number(chosen[i].id),
          outbox_id: outboxIds[i],
          token: m.token,
          queued_at: at,
          bounce_kind: null,
          bounced_at: null,
          opened_at: null,
          clicked_at: null,
        })),
      );
      if (!(await advanceCursor(trx, editionId, cursor, last, chosen.length)))
        throw new Error(`edition ${editionId}: another run moved the send on`);
    });
    cursor = last;
    recipients += chosen.length;
    queued += chosen.length;
    await opts.progress?.(recipients, recipients);
  }
  return queued;
}

export const sendEditionJob: JobHandler = {
  kind: SEND_JOB_KIND,
  description: { nl: 'Nieuwsbrief versturen (hervat na een onderbreking)', en: 'Send a newsletter (resumes after an interruption)' },
  maxAttempts: 50,
  run: async (job, ctx) => {
    const editionId = Number((job.payload as { editionId?: unknown } | null)?.editionId);
    if (!Number.isInteger(editionId)) return;
    await sendEdition(ctx.deps, editionId, { progress: ctx.progress });
  },
};
