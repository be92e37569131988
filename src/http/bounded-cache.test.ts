// The one bounded cache: least recently used out first, by count and by bytes, and a promise memo
// that shares one promise and forgets a rejected one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedCache } from './bounded-cache.ts';

describe('BoundedCache', () => {
  it('evicts the least recently used entry when the count is passed', () => {
    const c = new BoundedCache<number>({ maxEntries: 2 });
    c.set('a', 1);
    c.set('b', 2);
    assert.equal(c.get('a'), 1);
    c.set('c', 3);
    assert.equal(c.get('b'), undefined);
    assert.equal(c.get('a'), 1);
    let made = 0;
    assert.equal(
      c.getOrCreate('c', () => ++made),
      3,
    );
    assert.equal(
      c.getOrCreate('d', () => ++made),
      1,
    );
    assert.equal(c.size, 2);
    assert.equal(c.has('a'), false);
  });

  it('evicts the oldest entries when the bytes are passed, but keeps the newest', () => {
    const c = new BoundedCache<string>((v) => v.length, { maxEntries: 10, maxBytes: 5 });
    c.set('a', 'xx');
    c.set('b', 'yy');
    c.set('c', 'zz');
    assert.deepEqual([c.has('a'), c.has('b'), c.has('c')], [false, true, true]);
    c.set('big', 'x'.repeat(20));
    assert.equal(c.size, 1);
    assert.equal(c.get('big')?.length, 20);
    c.delete('big');
    c.set('d', 'dd');
    c.set('e', 'ee');
    assert.equal(c.size, 2, 'deleting gave its bytes back');
  });

  it('memo shares one promise while it is pending and after it resolved', async () => {
    const c = new BoundedCache<Promise<number>>({ maxEntries: 10 });
    let calls = 0;
    const make = async () => {
      calls += 1;
      await new Promise((r) => setImmediate(r));
      return 42;
    };
    const [a, b] = await Promise.all([c.memo('k', make), c.memo('k', make)]);
    assert.deepEqual([a, b, await c.memo('k', make)], [42, 42, 42]);
    assert.equal(calls, 1);
  });

  it('memo forgets a rejected promise, so the next call tries again', async () => {
    const c = new BoundedCache<Promise<string>>({ maxEntries: 10 });
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new Error('database busy');
      return 'ok';
    };
    await assert.rejects(c.memo('k', flaky), /database busy/);
    await new Promise((r) => setImmediate(r));
    assert.equal(c.has('k'), false);
    assert.equal(await c.memo('k', flaky), 'ok');
    assert.equal(calls, 2);
  });

  it('refuses a cache without room', () => {
    assert.throws(() => new BoundedCache({ maxEntries: 0 }));
  });
});
