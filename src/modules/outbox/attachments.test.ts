// Attachments through the outbox (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): stored with
// the message in the caller's transaction and written into the delivered .eml as a MIME part.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { createOutboxSender } from './sender.ts';
import { getOutboxMessage, queueEmail } from './service.ts';
import { fileTransport } from './transport.ts';

let tdb: TestDatabase;
before(async () => {
  tdb = await createTestDatabase();
});
after(async () => {
  await tdb?.dispose();
});

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nEND:VCALENDAR\r\n';

test('an attachment is kept with the message and delivered as a MIME part', async () => {
  const id = await queueEmail(tdb.db, {
    to: 'deelnemer@example.org',
    subject: 'Bevestiging',
    text: 'U bent aangemeld.',
    at: new Date('2019-10-01T10:00:00Z'),
    attachments: [{ filename: 'bijeenkomst.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ICS }],
  });
  const stored = await getOutboxMessage(tdb.db, id);
  assert.equal(stored?.attachments.length, 1);
  assert.equal(stored?.attachments[0].filename, 'bijeenkomst.ics');
  assert.equal(stored?.attachments[0].content.toString('utf8'), ICS);

  const dir = mkdtempSync(join(tmpdir(), 'gaz-outbox-att-'));
  try {
    const sender = createOutboxSender({
      db: tdb.db,
      transport: fileTransport(dir),
      from: 'Test <noreply@example.org>',
      now: () => new Date('2019-10-01T10:00:00Z'),
    });
    assert.equal(await sender.drain(), 1);
    const [file] = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    const raw = readFileSync(join(dir, file), 'utf8').replace(/\r?\n[ \t]+/g, ' ');
    assert.match(raw, /Content-Type: text\/calendar; charset=utf-8; method=PUBLISH; name=bijeenkomst\.ics/);
    assert.match(raw, /Content-Disposition: attachment; filename=bijeenkomst\.ics/);
    const part = raw.split('filename=bijeenkomst.ics')[1];
    const base64 = part
      .split(/\r?\n\r?\n/)[1]
      .split(/\r?\n--/)[0]
      .replace(/\s+/g, '');
    assert.equal(Buffer.from(base64, 'base64').toString('utf8'), ICS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('attachment names that could break the message are refused', async () => {
  await assert.rejects(
    queueEmail(tdb.db, {
      to: 'a@example.org',
      subject: 's',
      text: 't',
      at: new Date(),
      attachments: [{ filename: '../x.ics', contentType: 'text/calendar', content: ICS }],
    }),
    /not allowed/,
  );
});
