/** The outcome of asking a budget for some cost. */
export type BudgetAnswer = { readonly granted: true } | { readonly granted: false; readonly left: number; readonly retryAfterMs: number };

interface Bucket {
  level: number;
  atMs: number;
}

const MINUTE_MS = 60_000;
/** Above this many subjects, the ones whose budget has refilled completely are forgotten. */
const PRUNE_ABOVE = 1_000;

/**
 * A cost budget per subject per minute, as a token bucket: each subject may spend `perMinute`
 * at once and gets it back evenly over a minute, so a burst is allowed and a sustained flood is
 * held to the rate. Time is passed in (the clock), so it is tested without waiting.
 */
export class CostBudget {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly perMinute: number,
    private readonly clock: () => number,
  ) {}

  /** Spends `cost` of the subject's budget if it is there; otherwise spends nothing and says when it will be. */
  take(subject: string, cost: number): BudgetAnswer {
    const now = this.clock();
    const bucket = this.refilled(subject, now);
    if (bucket.level >= cost) {
      bucket.level -= cost;
      return { granted: true };
    }
    const retryAfterMs = cost > this.perMinute ? Number.POSITIVE_INFINITY : ((cost - bucket.level) * MINUTE_MS) / this.perMinute;
    return { granted: false, left: Math.floor(bucket.level), retryAfterMs };
  }

  private refilled(subject: string, now: number): Bucket {
    let bucket = this.buckets.get(subject);
    if (bucket === undefined) {
      if (this.buckets.size >= PRUNE_ABOVE) this.forgetFull(now);
      bucket = { level: this.perMinute, atMs: now };
      this.buckets.set(subject, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.atMs);
    bucket.level = Math.min(this.perMinute, bucket.level + (elapsed * this.perMinute) / MINUTE_MS);
    bucket.atMs = now;
    return bucket;
  }

  private forgetFull(now: number): void {
    for (const [subject, bucket] of this.buckets) {
      if (now - bucket.atMs >= MINUTE_MS) this.buckets.delete(subject);
    }
  }
}
