// A small least-recently-used cache: rendered maps and pages are memoised per data version, and
// the number of distinct dates a visitor can ask for is unbounded, so the cache must be bounded.
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly max: number) {
    if (max < 1) throw new Error('LruCache needs room for at least one entry');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    // Re-insert so the Map's insertion order doubles as recency order.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** The cached value for `key`, computing and storing it on a miss. */
  getOrCreate(key: K, make: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    this.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
