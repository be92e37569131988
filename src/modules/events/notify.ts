// The email a registration gets when it is made or changes: the confirmation with the calendar
// file (and the online link), or the waiting-list notice with the person's place on the list.
import type { ServiceCtx } from '../../deps.ts';
import { queueEmail } from '../outbox/index.ts';
import { confirmationEmail, waitingEmail } from './emails.ts';
import { eventIcs } from './ics.ts';
import type { RegistrationLinks } from './links.ts';
import type { EventRow } from './queries.ts';
import { countWaitingBefore, type RegistrationRow } from './registrations.queries.ts';

/** The confirmation (with the calendar file) or the waiting-list email of a registration. */
export async function queueRegistrationEmail(ctx: ServiceCtx, links: RegistrationLinks, e: EventRow, r: RegistrationRow): Promise<void> {
  if (!r.email || !r.name) return;
  const link = links.manage(r.id);
  if (r.status === 'registered') {
    const ics = eventIcs(e, { baseUrl: links.baseUrl, withOnlineLink: true });
    await queueEmail(ctx.db, {
      to: r.email,
      ...confirmationEmail(e, r.name, link),
      at: ctx.now,
      attachments: [{ filename: `bijeenkomst-${e.id}.ics`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics }],
    });
  } else if (r.status === 'waiting') {
    const position = (await countWaitingBefore(ctx.db, e.id, r.id)) + 1;
    await queueEmail(ctx.db, { to: r.email, ...waitingEmail(e, r.name, link, position), at: ctx.now });
  }
}
