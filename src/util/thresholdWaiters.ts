/**
 * Callers waiting for a number to reach their mark (a commit position, a log sequence number,
 * free room): `wait` resolves true once `release` is called with a level at or past the mark,
 * or with `atTimeout()` when `timeoutMs` passes first. Marks are kept unsorted: waiters are few
 * (one per caller in flight), and `release` visits each once.
 */
export class ThresholdWaiters {
  private waiters: Array<{ readonly mark: number; readonly resolve: (ok: boolean) => void }> = [];

  get size(): number {
    return this.waiters.length;
  }

  wait(mark: number, timeoutMs: number, atTimeout: () => boolean): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const waiter = {
        mark,
        resolve: (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(atTimeout());
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Resolves (true) every waiter whose mark is at most `level`. */
  release(level: number): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.mark <= level);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.mark > level);
    for (const waiter of ready) waiter.resolve(true);
  }

  /** Resolves every waiter now, each with `ok(mark)` (a shutdown). */
  settleAll(ok: (mark: number) => boolean): void {
    const all = this.waiters;
    this.waiters = [];
    for (const waiter of all) waiter.resolve(ok(waiter.mark));
  }
}
