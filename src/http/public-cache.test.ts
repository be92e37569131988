// The data versions of the public cache (src/http/public-cache.ts) on a real database, with a clock
// the test moves: trusted for 2 s, read once for many callers, a write in this process seen at once
// (also from inside its transaction), another instance's only by reading again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { createDatabase, type Db, inTransaction } from '../db/database.ts';
import { combinedVersion, publicCacheVersion, VERSION_TRUST_MS } from './public-cache.ts';

let database: TestDatabase;
let other: Db;
let now = 1_000_000;
/** The version "row": what a committed write leaves in the database. */
let stored = 'v1';
let reads = 0;

before(async () => {
  database = await createTestDatabase({ migrate: false });
  // A second Kysely instance on the same database: another instance of the app.
  other = createDatabase(database.url, { poolSize: 2 });
});
after(async () => {
  await other.destroy();
  await database.dispose();
});

function source() {
  reads = 0;
  return publicCacheVersion(
    'probe',
    async () => {
      reads += 1;
      return stored;
    },
    () => now,
  );
}

test('a read is trusted for the trust period, and callers at the same moment share it', async () => {
  stored = 'v1';
  const v = source();
  const db = database.db;
  assert.equal(v.fresh(db), null, 'nothing read yet');
  const [a, b, c] = await Promise.all([v.current(db, new Date(now)), v.current(db, new Date(now)), v.current(db, new Date(now))]);
  assert.deepEqual([a, b, c], ['v1', 'v1', 'v1']);
  assert.equal(reads, 1);
  assert.equal(v.fresh(db), 'v1');
  stored = 'v2'; // written by another instance
  now += VERSION_TRUST_MS - 1;
  assert.equal(v.fresh(db), 'v1', 'still trusted');
  assert.equal(await v.current(db, new Date(now)), 'v1');
  now += 1;
  assert.equal(v.fresh(db), null, 'no longer trusted: must be read again');
  assert.equal(await v.current(db, new Date(now)), 'v2');
  assert.equal(reads, 2);
});

test('each instance keeps its own reading: a write here tells no other instance', async () => {
  stored = 'v1';
  const v = source();
  await v.current(database.db, new Date(now));
  await v.current(other, new Date(now));
  assert.equal(reads, 2);
  v.changed(database.db, 'v2');
  assert.equal(v.fresh(database.db), null);
  assert.equal(v.fresh(other), 'v1', 'the other instance learns it by reading again');
});

test('a write named from inside its transaction: no answer is trusted until the new version is read', async () => {
  stored = 'v1';
  const v = source();
  const db = database.db;
  await v.current(db, new Date(now));
  await inTransaction(db, async (trx) => {
    // Transactions share the instance's state: changed() on the transaction reaches the readers.
    v.changed(trx, 'v2');
    assert.equal(v.fresh(db), null);
    // Before the commit every read still sees the old version: each caller reads for itself.
    assert.equal(await v.current(db, new Date(now)), 'v1');
    assert.equal(await v.current(db, new Date(now)), 'v1');
    assert.equal(v.fresh(db), null, 'the old version is not trusted while the write is pending');
    stored = 'v2';
  });
  assert.equal(await v.current(db, new Date(now)), 'v2');
  assert.equal(v.fresh(db), 'v2', 'seen: trusted again');
});

test('a named write that never shows up (rolled back) stops being waited for after a while', async () => {
  stored = 'v1';
  const v = source();
  const db = database.db;
  await v.current(db, new Date(now));
  v.changed(db, 'never-committed');
  assert.equal(await v.current(db, new Date(now)), 'v1');
  assert.equal(v.fresh(db), null);
  now += 60_000;
  assert.equal(await v.current(db, new Date(now)), 'v1');
  assert.equal(v.fresh(db), 'v1');
});

test('an unnamed write makes every request read again for a few seconds', async () => {
  stored = 'v1';
  const v = source();
  const db = database.db;
  await v.current(db, new Date(now));
  v.changed(db);
  stored = 'v2';
  assert.equal(await v.current(db, new Date(now)), 'v2');
  assert.equal(v.fresh(db), null, 'still waiting: the change may not be committed yet');
  now += 10_000;
  assert.equal(await v.current(db, new Date(now)), 'v2');
  assert.equal(v.fresh(db), 'v2');
});

test('a combined version is trusted only when every part is, and changes when any part does', async () => {
  stored = 'v1';
  const a = source();
  let bValue = 'b1';
  const b = publicCacheVersion(
    'b',
    async () => bValue,
    () => now,
  );
  const both = combinedVersion('both', [a, b]);
  const db = database.db;
  const first = await both.current(db, new Date(now));
  assert.equal(both.fresh(db), first);
  b.changed(db, 'b2');
  assert.equal(both.fresh(db), null);
  bValue = 'b2';
  const second = await both.current(db, new Date(now));
  assert.notEqual(second, first);
  assert.equal(both.fresh(db), second);
});
