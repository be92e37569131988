// Staff import of an existing list (CSV with a header row: email, and optionally naam/name,
// organisatie/organisation, gemeente/municipality). Every new address becomes a pending sign-up
// and gets the invitation to confirm; nobody is ever imported as confirmed. Known addresses are
// left as they are (their owner decides).
import { inTransaction } from '../../db/database.ts';
import type { AppDeps, ServiceCtx } from '../../deps.ts';
import { recordAudit } from '../audit/index.ts';
import { queueEmail } from '../outbox/index.ts';
import { isEmail, parseCsv } from './news.logic.ts';
import { confirmationMail, IMPORT_CONSENT_TEXT } from './subscriber-emails.ts';
import { insertSubscriber, selectSubscriberByEmail } from './subscribers.queries.ts';
import { links, recordConsent } from './subscribers.service.ts';

export interface ImportResult {
  added: number;
  known: number;
  invalid: { line: number; value: string }[];
}

export const MAX_IMPORT_ROWS = 5000;

export async function importSubscribers(ctx: ServiceCtx, deps: AppDeps, csv: string): Promise<ImportResult> {
  const rows = parseCsv(csv).slice(0, MAX_IMPORT_ROWS);
  const result: ImportResult = { added: 0, known: 0, invalid: [] };
  await inTransaction(ctx.db, async (trx) => {
    const seen = new Set<string>();
    for (const [i, r] of rows.entries()) {
      const email = (r.email ?? r['e-mail'] ?? r.emailadres ?? '').toLowerCase();
      if (!isEmail(email)) {
        result.invalid.push({ line: i + 2, value: email.slice(0, 80) });
        continue;
      }
      if (seen.has(email) || (await selectSubscriberByEmail(trx, email))) {
        result.known += 1;
        continue;
      }
      seen.add(email);
      const now = ctx.now.toISOString();
      const municipality = (r.gemeente ?? r.municipality ?? '').toUpperCase();
      const id = await insertSubscriber(trx, {
        email,
        name: (r.naam ?? r.name ?? '').slice(0, 120) || null,
        organisation: (r.organisatie ?? r.organisation ?? '').slice(0, 200) || null,
        municipality_code: /^GM\d{4}$/.test(municipality) ? municipality : null,
        province_code: null,
        topics: 'all',
        status: 'pending',
        source: 'import',
        token_version: 1,
        soft_bounces: 0,
        created_at: now,
        confirmed_at: null,
        unsubscribed_at: null,
        unsubscribed_edition_id: null,
        bounced_at: null,
        updated_at: now,
      });
      await recordConsent(trx, id, ctx.now, 'import', 'import', 'all', 'nl', IMPORT_CONSENT_TEXT);
      await queueEmail(trx, { to: email, ...confirmationMail('nl', links.confirm(deps, { id, token_version: 1 }), true), at: ctx.now });
      result.added += 1;
    }
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'import',
      entity: 'news_subscriber',
      entityId: null,
      after: { added: result.added, known: result.known, invalid: result.invalid.length },
    });
  });
  return result;
}
