// How a message leaves: SMTP through nodemailer when SMTP_URL is set, otherwise (development) an
// RFC 822 .eml file in the outbox directory, built by nodemailer's stream transport.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

export interface OutgoingMessage {
  id: number;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Extra headers (List-Unsubscribe, …); empty for most messages. */
  headers?: Record<string, string>;
  /** Files sent with the message (e.g. an event's calendar file). */
  attachments?: OutgoingAttachment[];
  /** A stable Message-ID per outbox row, so a receiver can recognise a repeated delivery. */
  messageId: string;
}

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MailTransport {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

function mailOf(m: OutgoingMessage) {
  return {
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html ?? undefined,
    messageId: m.messageId,
    headers: m.headers ?? {},
    attachments: (m.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  };
}

export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    send: async (m) => void (await transporter.sendMail(mailOf(m))),
    close: () => transporter.close(),
  };
}

export function fileTransport(dir: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    send: async (m) => {
      const info = await builder.sendMail(mailOf(m));
      await mkdir(dir, { recursive: true });
      const name = `${String(m.id).padStart(8, '0')}.eml`;
      // Written under a temporary name and renamed: a reader never sees half a message.
      const tmp = join(dir, `.${name}.tmp`);
      await writeFile(tmp, info.message as Buffer);
      await rename(tmp, join(dir, name));
    },
    close: () => {},
  };
}

export function transportFor(config: Config): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(config.outboxDir);
}
