/**
 * Remembers the last `capacity` keys seen (FIFO eviction) so a reading delivered twice in
 * quick succession (a gateway retry, a replayed serial buffer) is published and queued once.
 * The store's own duplicate check covers anything older.
 */
export class RecentKeys {
  private readonly set = new Set<string>();
  private readonly ring: Array<string | undefined>;
  private next = 0;

  constructor(private readonly capacity = 8192) {
    this.ring = new Array<string | undefined>(capacity);
  }

  has(key: string): boolean {
    return this.set.has(key);
  }

  /** Adds the key; returns false if it was already present. */
  add(key: string): boolean {
    if (this.set.has(key)) return false;
    const evicted = this.ring[this.next];
    if (evicted !== undefined) this.set.delete(evicted);
    this.ring[this.next] = key;
    this.next = (this.next + 1) % this.capacity;
    this.set.add(key);
    return true;
  }
}
