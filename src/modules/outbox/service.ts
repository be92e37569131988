// The outbox: queueEmail() stores a message in the caller's transaction (so it is sent if and only
// if the change that caused it commits, and survives a stop of the process). The sender in
// sender.ts delivers it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { countByStatus, countByStatusOf, insertMessage, insertMessages, selectMessage } from './queries.ts';
import type { OutboxStatus } from './tables.ts';

export interface EmailInput {
  to: string;
  subject: string;
  text: string;
  html?: string;
  at: Date;
  /**
   * Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). Names must be
   * `X-…` or `List-…` headers: the sender sets From, To, Subject and Message-ID itself.
   */
  headers?: Record<string, string>;
  /** Files sent with the message, e.g. an event's `.ics` (text or bytes; at most 5, 1 MB together). */
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  /** E.g. `bijeenkomst.ics`: letters, digits, `.`, `-` and `_` only. */
  filename: string;
  /** E.g. `text/calendar; charset=utf-8; method=PUBLISH`. */
  contentType: string;
  content: string | Buffer;
}

const ATTACHMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const MAX_ATTACHMENT_BYTES = 1024 * 1024;

function encodeAttachments(list: readonly EmailAttachment[] | undefined): string | null {
  if (!list || list.length === 0) return null;
  if (list.length > 5) throw new Error('queueEmail: at most 5 attachments');
  let total = 0;
  const stored = list.map((a) => {
    if (!ATTACHMENT_NAME.test(a.filename)) throw new Error(`queueEmail: attachment name ${a.filename} is not allowed`);
    if (/[\r\n]/.test(a.contentType)) throw new Error('queueEmail: attachment content type is not allowed');
    const bytes = typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content;
    total += bytes.length;
    return { filename: a.filename, contentType: a.contentType, base64: bytes.toString('base64') };
  });
  if (total > MAX_ATTACHMENT_BYTES) throw new Error('queueEmail: attachments exceed 1 MB');
  return JSON.stringify(stored);
}

/** The stored attachments of a message, as the transport sends them. */
export function decodeAttachments(json: string | null): { filename: string; contentType: string; content: Buffer }[] {
  if (!json) return [];
  const list = JSON.parse(json) as { filename: string; contentType: string; base64: string }[];
  return list.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.base64, 'base64') }));
}

const EXTRA_HEADER = /^(X-[A-Za-z0-9-]+|List-[A-Za-z-]+)$/;

const wakers = new Set<() => void>();

/** Senders in this process register here so a new message is picked up without waiting a poll. */
export function onEmailQueued(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

export async function queueEmail(db: Kysely<Database>, msg: EmailInput): Promise<number> {
  for (const [name, value] of Object.entries(msg.headers ?? {})) {
    if (!EXTRA_HEADER.test(name) || /[\r\n]/.test(value)) throw new Error(`queueEmail: header ${name} is not allowed`);
  }
  const id = await insertMessage(db, {
    to: msg.to,
    subject: msg.subject,
    text: msg.text,
    html: msg.html ?? null,
    headers: msg.headers && Object.keys(msg.headers).length > 0 ? JSON.stringify(msg.headers) : null,
    attachments: encodeAttachments(msg.attachments),
    at: msg.at.toISOString(),
  });
  // The caller's transaction may not have committed yet: wake the senders a moment later; if they
  // are too early, the next poll (about a second) finds the message.
  if (wakers.size > 0)
    setTimeout(() => {
      for (const wake of wakers) wake();
    }, 20).unref();
  return id;
}

/**
 * Queues many messages at once (e.g. a newsletter batch) in the caller's transaction, in a few
 * statements instead of one per message; returns their ids in the order given.
 */
export async function queueEmails(db: Kysely<Database>, msgs: readonly EmailInput[]): Promise<number[]> {
  const rows = msgs.map((msg) => {
    for (const [name, value] of Object.entries(msg.headers ?? {})) {
      if (!EXTRA_HEADER.test(name) || /[\r\n]/.test(value)) throw new Error(`queueEmail: header ${name} is not allowed`);
    }
    return {
      to: msg.to,
      subject: msg.subject,
      text: msg.text,
      html: msg.html ?? null,
      headers: msg.headers && Object.keys(msg.headers).length > 0 ? JSON.stringify(msg.headers) : null,
      attachments: encodeAttachments(msg.attachments),
      at: msg.at.toISOString(),
    };
  });
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) ids.push(...(await insertMessages(db, rows.slice(i, i + 200))));
  if (wakers.size > 0 && ids.length > 0)
    setTimeout(() => {
      for (const wake of wakers) wake();
    }, 20).unref();
  return ids;
}

/** Messages per status (pending, sending, sent, failed), for /metrics. */
export async function outboxCounts(db: Kysely<Database>): Promise<{ pending: number; sending: number; sent: number; failed: number }> {
  const c = await countByStatus(db);
  return { pending: c.pending ?? 0, sending: c.sending ?? 0, sent: c.sent ?? 0, failed: c.failed ?? 0 };
}

/** How many of these messages are in each status (e.g. one newsletter edition's). */
export async function outboxStatusCounts(db: Kysely<Database>, ids: readonly number[]): Promise<Record<OutboxStatus, number>> {
  return { pending: 0, sending: 0, sent: 0, failed: 0, ...(await countByStatusOf(db, ids)) };
}

/** One message as the tests and an admin view need it (no database row goes out as is). */
export async function getOutboxMessage(db: Kysely<Database>, id: number) {
  const r = await selectMessage(db, id);
  if (!r) return null;
  return {
    id: Number(r.id),
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    status: r.status,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    sentAt: r.sent_at,
    lastError: r.last_error,
    headers: r.headers_json ? (JSON.parse(r.headers_json) as Record<string, string>) : {},
    attachments: decodeAttachments(r.attachments_json),
  };
}
