import type { Logger } from "../log.js";

export interface CoalescingWriterOptions<V> {
  /** What the values are, for the log ("command records"). */
  readonly what: string;
  /** How long values gather before a write (the graph lags by about this much). */
  readonly lingerMs: number;
  /** Writes one batch (one transaction); at most one runs at a time. */
  readonly write: (values: readonly V[]) => Promise<void>;
  /** Combines a queued value with a newer one for the same key (default: the newer wins). */
  readonly merge?: (older: V, newer: V) => V;
  readonly log: Logger;
  /** Wait before the one retry of a failed batch. */
  readonly retryMs?: number;
}

interface Batch<K, V> {
  readonly values: Map<K, V>;
  /** True once written; false if the write failed twice (the values are then lost, and logged). */
  readonly written: Promise<boolean>;
  settle(ok: boolean): void;
}

/**
 * Writes the newest value per key in batches: values gather for `lingerMs`, then go in one
 * write; what arrives while a write runs goes in the next. A key's values reach the store in
 * the order they were put, superseded ones never (a command's PENDING when its ACKED is already
 * known). Many small updates under load thus cost a few transactions, not one each.
 */
export class CoalescingWriter<K, V> {
  private open: Batch<K, V> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Someone waits for the open batch: write it as soon as the running write ends, without linger. */
  private urgent = false;

  constructor(private readonly options: CoalescingWriterOptions<V>) {}

  /** Queues a value; resolves true once the batch holding it (or a newer value for its key) is written, false if it was given up. */
  put(key: K, value: V): Promise<boolean> {
    const batch = this.open ?? this.newBatch();
    const older = batch.values.get(key);
    const merge = this.options.merge;
    batch.values.set(key, older !== undefined && merge !== undefined ? merge(older, value) : value);
    this.schedule();
    return batch.written;
  }

  /** Like `put`, but the batch is written at once (after the write running now, if any): for a caller about to answer. */
  putNow(key: K, value: V): Promise<boolean> {
    const written = this.put(key, value);
    this.urgent = true;
    if (this.running === null) {
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      this.flush();
    }
    return written;
  }

  /** Writes everything queued now, without waiting for the linger (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.open !== null || this.running !== null) {
      if (this.timer !== null) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      if (this.running !== null) await this.running;
      else this.flush();
    }
  }

  private newBatch(): Batch<K, V> {
    let settle = (_ok: boolean): void => undefined;
    const written = new Promise<boolean>((resolve) => (settle = resolve));
    this.open = { values: new Map(), written, settle };
    return this.open;
  }

  private schedule(): void {
    if (this.timer !== null || this.running !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.options.lingerMs);
    this.timer.unref();
  }

  private flush(): void {
    const batch = this.open;
    if (batch === null || this.running !== null) return;
    this.open = null;
    this.urgent = false;
    let ok = false;
    this.running = this.writeBatch(batch)
      .then((written) => {
        ok = written;
      })
      .finally(() => {
        this.running = null;
        batch.settle(ok);
        if (this.open !== null && this.urgent) this.flush();
        else if (this.open !== null) this.schedule();
      });
  }

  private async writeBatch(batch: Batch<K, V>): Promise<boolean> {
    const values = [...batch.values.values()];
    const { write, log, what } = this.options;
    try {
      await write(values);
      return true;
    } catch (error) {
      log.warn(`writing ${values.length} ${what} failed; retrying once`, { error });
      await new Promise((r) => setTimeout(r, this.options.retryMs ?? 1_000));
      try {
        await write(values);
        return true;
      } catch (again) {
        log.error(`writing ${values.length} ${what} failed twice; they are lost`, { error: again });
        return false;
      }
    }
  }
}
