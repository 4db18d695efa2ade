import { bucketStartOf, DAY_MS, type KeptFrom } from "../analytics/rollup/resolution.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import type { RollupStore } from "../store/rollupStore.js";
import type { RetentionPolicy } from "./retentionPolicy.js";

/** The longest range one rebuildRollups call recomputes. */
const MAX_REBUILD_DAYS = 400;

export interface RebuildOutcome {
  readonly sensorId: string;
  /** The whole days recomputed, (fromMs, toMs]; equal when nothing could be. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly days: number;
  readonly readings: number;
  readonly buckets: number;
  /** Raw readings at or before this are gone (retention, rollup-only readings): days there were left as they are. Null: none. */
  readonly rawIncompleteUntilMs: number | null;
}

/** Rebuilds rollups from raw readings: a range on request (admin), a sensor's whole history when it predates rollups. */
export class RollupService {
  constructor(
    readonly store: RollupStore,
    private readonly policy: RetentionPolicy,
    private readonly clock: () => number,
  ) {}

  /**
   * Recomputes the minute, hour and day buckets of every whole day touching (fromMs, toMs] from
   * the raw readings, one day per transaction. Days where raw readings are no longer complete
   * are left alone (their rollups hold more than the raw readings left). A range without
   * readings is an empty answer.
   */
  async rebuild(sensorId: string, fromMs: number, toMs: number): Promise<RebuildOutcome> {
    if (!(toMs > fromMs)) throw new InvalidInputError(`from (${new Date(fromMs).toISOString()}) must be before to (${new Date(toMs).toISOString()})`);
    if (toMs - fromMs > MAX_REBUILD_DAYS * DAY_MS) throw new InvalidInputError(`rebuildRollups covers at most ${MAX_REBUILD_DAYS} days per call; split the range`);
    const sensor = (await this.store.sensors()).find((s) => s.sensorId === sensorId);
    if (sensor === undefined) throw new NotFoundError(`no sensor with sensorId "${sensorId}"; sensorStates lists the known sensors`);
    let first = bucketStartOf(fromMs + 1, DAY_MS);
    const last = bucketStartOf(toMs, DAY_MS);
    const incomplete = sensor.rawCompleteFrom;
    if (incomplete !== null && first < incomplete) first = Math.max(first, bucketStartOf(incomplete, DAY_MS) + DAY_MS);
    let readings = 0;
    let buckets = 0;
    let days = 0;
    const minuteKeptFrom = this.policy.minuteKeptFrom(this.clock());
    for (let day = first; day <= last; day += DAY_MS) {
      const done = await this.store.rebuildDay(sensorId, day, minuteKeptFrom);
      readings += done.readings;
      buckets += done.buckets;
      days += 1;
    }
    const span = days === 0 ? { fromMs: Math.max(fromMs, first), toMs: Math.max(fromMs, first) } : { fromMs: first, toMs: last + DAY_MS };
    return { sensorId, ...span, days, readings, buckets, rawIncompleteUntilMs: incomplete };
  }

  /** From when each resolution is still kept for a sensor, now. */
  kept(sensorId: string): KeptFrom {
    return this.policy.kept(sensorId, this.clock());
  }

  /** Rolls up everything a sensor written before rollups existed has, then marks it complete (retention may then delete). */
  async backfill(sensorId: string): Promise<RebuildOutcome | null> {
    const span = await this.store.rawSpan(sensorId);
    let outcome: RebuildOutcome | null = null;
    if (span !== null) {
      for (let from = span.firstMs - 1; from < span.lastMs; from += MAX_REBUILD_DAYS * DAY_MS) {
        outcome = await this.rebuild(sensorId, from, Math.min(span.lastMs, from + MAX_REBUILD_DAYS * DAY_MS));
      }
    }
    await this.store.markComplete(sensorId);
    return outcome;
  }
}
