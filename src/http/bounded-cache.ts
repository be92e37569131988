// A Map bounded by entry count and by bytes: when either limit is passed, the oldest entries go first.
// Used by the body caches and the edge cache, whose keys (URLs, dates) are unbounded.

export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  private bytes = 0;

  constructor(
    private readonly sizeOf: (value: V) => number,
    private readonly limits: { maxEntries: number; maxBytes: number },
  ) {}

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    this.delete(key);
    this.map.set(key, value);
    this.bytes += this.sizeOf(value);
    while (this.map.size > this.limits.maxEntries || (this.bytes > this.limits.maxBytes && this.map.size > 1)) {
      this.delete(this.map.keys().next().value!);
    }
  }

  delete(key: string): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.map.delete(key);
    this.bytes -= this.sizeOf(old);
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }
}
