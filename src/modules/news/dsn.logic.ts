// Reads bounce reports from a mailbox: delivery status notifications (RFC 3464, multipart/report;
// report-type=delivery-status) and complaint feedback reports (RFC 5965, ARF). Pure: text in, facts out.

export interface BounceFact {
  kind: 'hard' | 'soft' | 'complaint';
  /** The address that bounced or complained (lower case), when the report names it. */
  email: string | null;
  /** Our delivery token from the original message's X-GAZ-Delivery header, when it is quoted. */
  delivery: string | null;
  /** The enhanced status code (5.1.1) when given. */
  status: string | null;
}

export const DELIVERY_HEADER = 'X-GAZ-Delivery';

function unfold(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ');
}

function fields(block: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of unfold(block).split('\n')) {
    const m = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    out.set(key, [...(out.get(key) ?? []), m[2].trim()]);
  }
  return out;
}

function addressOf(value: string | undefined): string | null {
  if (!value) return null;
  const bare = value.replace(/^rfc822\s*;\s*/i, '').trim();
  const m = /<([^>]+)>/.exec(bare);
  const addr = (m ? m[1] : bare).trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(addr) ? addr : null;
}

/** The body parts of a MIME message (one level and nested), each with its own headers. */
function parts(raw: string): { headers: Map<string, string[]>; body: string }[] {
  const text = raw.replace(/\r\n/g, '\n');
  // A part may have no headers at all: then its first line is already the blank one.
  const noHeaders = text.startsWith('\n');
  const split = noHeaders ? 0 : text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + (noHeaders ? 1 : 2));
  const headers = fields(head);
  const type = headers.get('content-type')?.[0] ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) return [{ headers, body }];
  const out: { headers: Map<string, string[]>; body: string }[] = [];
  // A delimiter is a line of its own (RFC 2046 5.1.1); a nested part's boundary may start with ours.
  const lines = body.split('\n');
  let current: string[] | null = null;
  for (const line of lines) {
    const bare = line.trimEnd();
    if (bare === `--${boundary}` || bare === `--${boundary}--`) {
      if (current) out.push(...parts(current.join('\n')));
      if (bare === `--${boundary}--`) break;
      current = [];
    } else if (current) current.push(line);
  }
  return out;
}

function deliveryToken(text: string): string | null {
  const m = new RegExp(`^${DELIVERY_HEADER}:\\s*([A-Za-z0-9_-]{16,64})\\s*$`, 'mi').exec(unfold(text));
  return m ? m[1] : null;
}

/** The bounces and complaints one report message states (empty when it is not a report). */
export function parseBounceReport(raw: string): BounceFact[] {
  const all = parts(raw);
  const delivery = deliveryToken(raw);
  const facts: BounceFact[] = [];
  for (const p of all) {
    const type = (p.headers.get('content-type')?.[0] ?? '').toLowerCase();
    if (type.startsWith('message/delivery-status')) {
      // Per-message fields, then one block per recipient, separated by blank lines.
      for (const block of p.body.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
        const f = fields(block);
        const action = f.get('action')?.[0]?.toLowerCase();
        if (action !== 'failed' && action !== 'delayed') continue;
        const status = f.get('status')?.[0]?.match(/^[245]\.\d{1,3}\.\d{1,3}/)?.[0] ?? null;
        const permanent = action === 'failed' && (status === null || status.startsWith('5'));
        facts.push({
          kind: permanent ? 'hard' : 'soft',
          // The address we sent to: Original-Recipient when the receiver rewrote it (an alias), else Final-Recipient.
          email: addressOf(f.get('original-recipient')?.[0]) ?? addressOf(f.get('final-recipient')?.[0]),
          delivery,
          status,
        });
      }
    } else if (type.startsWith('message/feedback-report')) {
      const f = fields(p.body);
      const original = all.find((q) => /^(message\/rfc822|text\/rfc822-headers)/i.test(q.headers.get('content-type')?.[0] ?? ''));
      const originalTo = original ? fields(original.body.split(/\n\s*\n/)[0] ?? '').get('to')?.[0] : undefined;
      facts.push({
        kind: 'complaint',
        email: addressOf(f.get('original-rcpt-to')?.[0] ?? originalTo),
        delivery,
        status: null,
      });
    }
  }
  return facts;
}
