// The background sender. It claims one due message at a time with a lease (locked_until), sends
// it, and marks it sent. Delivery guarantees (README.md): a message queued is sent once even when
// a process stops between queue and send; a sender that dies after handing the message to SMTP
// but before marking it sent leaves it to be sent again after its lease ends (at-least-once).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { afterFailure } from './outbox.logic.ts';
import { claimDue, markAttemptFailed, markSent, type OutboxRow } from './queries.ts';
import { decodeAttachments, onEmailQueued } from './service.ts';
import type { MailTransport } from './transport.ts';

export interface SenderOptions {
  db: Kysely<Database>;
  transport: MailTransport;
  from: string;
  now: () => Date;
  /** Pause between polls when nothing is due. */
  pollMs?: number;
  /** How long a claim holds; must be well above the time one SMTP send takes. */
  leaseMs?: number;
  senderId?: string;
  log?: { warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };
}

export interface OutboxSender {
  readonly id: string;
  /** Claims and sends one due message; true when there was one. */
  runOnce(): Promise<boolean>;
  /** Sends until nothing is due; returns the number of messages handled. */
  drain(): Promise<number>;
  start(): void;
  wake(): void;
  /** Finishes the message in flight and stops. */
  stop(): Promise<void>;
}

/** Sends one claimed message and records the outcome (sent, or a failed attempt with its backoff). */
async function deliver(o: SenderOptions, id: string, row: OutboxRow): Promise<void> {
  const messageId = `<outbox-${row.id}-${row.created_at.replace(/[^0-9]/g, '')}@gemeentenaanzet.nl>`;
  try {
    await o.transport.send({
      id: Number(row.id),
      from: o.from,
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      headers: row.headers_json ? (JSON.parse(row.headers_json) as Record<string, string>) : {},
      attachments: decodeAttachments(row.attachments_json),
      messageId,
    });
  } catch (err) {
    const next = afterFailure(Number(row.attempts), o.now());
    const error = String((err as Error)?.message ?? err).slice(0, 500);
    await markAttemptFailed(o.db, Number(row.id), id, {
      status: next.status,
      nextAttemptAt: next.status === 'pending' ? next.nextAttemptAt.toISOString() : undefined,
      error,
    });
    // Ids only: addresses are personal data and stay out of the logs.
    o.log?.warn({ outboxId: Number(row.id), attempts: Number(row.attempts), status: next.status }, 'outbox: send failed');
    return;
  }
  const kept = await markSent(o.db, Number(row.id), id, o.now().toISOString());
  if (!kept) o.log?.warn({ outboxId: Number(row.id) }, 'outbox: lease lost before marking sent (message may be delivered twice)');
}

export function createOutboxSender(o: SenderOptions): OutboxSender {
  const id = o.senderId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const pollMs = o.pollMs ?? 1000;
  const leaseMs = o.leaseMs ?? 5 * 60_000;
  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  let unsubscribe: (() => void) | null = null;

  async function runOnce(): Promise<boolean> {
    const now = o.now();
    const row = await claimDue(o.db, id, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString());
    if (!row) return false;
    await deliver(o, id, row);
    return true;
  }

  async function run() {
    while (running) {
      let busy = false;
      try {
        busy = await runOnce();
      } catch (err) {
        // Database unreachable or similar: log and keep polling.
        o.log?.error({ err: String((err as Error)?.message ?? err) }, 'outbox: sender error');
      }
      if (!busy && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = null;
      }
    }
  }

  return {
    id,
    runOnce,
    async drain() {
      let n = 0;
      while (await runOnce()) n += 1;
      return n;
    },
    start() {
      if (running) return;
      running = true;
      unsubscribe = onEmailQueued(() => wakeUp?.());
      loop = run();
    },
    wake() {
      wakeUp?.();
    },
    async stop() {
      running = false;
      unsubscribe?.();
      wakeUp?.();
      await loop;
      o.transport.close();
    },
  };
}
