// The one bounded in-memory cache of the app: a Map limited by entry count and, optionally, by bytes.
// When a limit is passed the least recently used entries go first. Every memo whose keys come from
// requests (URLs, dates, search terms) must be bounded, so every such memo is one of these: rendered
// bodies (BodyCache), the edge cache, maps and pages, the atlas and network figures per date.
//
//   const cache = new BoundedCache<string>({ maxEntries: 300 });
//   cache.getOrCreate(key, () => render());                       // a value made on a miss
//   const figures = new BoundedCache<Promise<Figures>>({ maxEntries: 1200 });
//   await figures.memo(key, () => compute());                     // one promise shared; a rejection is forgotten

export interface CacheLimits {
  maxEntries: number;
  /** Upper bound of the summed `sizeOf` of the entries (default: unbounded). */
  maxBytes?: number;
}

export class BoundedCache<V, K = string> {
  private readonly map = new Map<K, V>();
  private bytes = 0;
  private readonly sizeOf: (value: V) => number;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor(limits: CacheLimits);
  constructor(sizeOf: (value: V) => number, limits: CacheLimits);
  constructor(a: CacheLimits | ((value: V) => number), b?: CacheLimits) {
    const limits = typeof a === 'function' ? b : a;
    if (!limits || !(limits.maxEntries >= 1)) throw new Error('BoundedCache needs room for at least one entry');
    this.sizeOf = typeof a === 'function' ? a : () => 0;
    this.maxEntries = limits.maxEntries;
    this.maxBytes = limits.maxBytes ?? Number.POSITIVE_INFINITY;
  }

  get size(): number {
    return this.map.size;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** The value for `key`, which becomes the most recently used. */
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    // Re-insert: the Map's insertion order doubles as recency order.
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    this.map.set(key, value);
    this.bytes += this.sizeOf(value);
    while (this.map.size > this.maxEntries || (this.bytes > this.maxBytes && this.map.size > 1)) {
      this.delete(this.map.keys().next().value as K);
    }
  }

  delete(key: K): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.map.delete(key);
    this.bytes -= this.sizeOf(old);
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }

  /** The cached value for `key`, made by `make` and stored on a miss. */
  getOrCreate(key: K, make: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    this.set(key, value);
    return value;
  }

  /**
   * For a cache of promises: the promise for `key`, made once and shared by every caller while it is
   * cached. A promise that rejects is forgotten (if it is still the cached one), so the next call
   * tries again instead of repeating the failure.
   */
  memo<T>(this: BoundedCache<Promise<T>, K>, key: K, make: () => Promise<T>): Promise<T> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const promise = make();
    this.set(key, promise);
    promise.catch(() => {
      if (this.map.get(key) === promise) this.delete(key);
    });
    return promise;
  }
}
