import type { AlertRecord, AlertStore } from "../store/alertStore.js";
import type { AlertKeeper } from "./alertKeeper.js";

interface Entry {
  readonly sinceMs: number;
  readonly revision: number;
  readonly fetchedAtMs: number;
  readonly records: readonly AlertRecord[];
}

/** Stored alerts can also change outside the keeper (an admin's generated delete): entries expire. */
const TTL_MS = 60_000;
const MAX_SENSORS = 10_000;

/** historyOf's condition: raised by asOf, and raised since sinceMs or still open at asOf. */
const relevantTo =
  (sinceMs: number, asOfMs: number) =>
  (a: AlertRecord): boolean =>
    a.raisedAtMs <= asOfMs && (a.raisedAtMs >= sinceMs || a.clearedAtMs === null || a.clearedAtMs > asOfMs);

/**
 * A sensor's recent alerts, read from Neo4j once and answered from memory until the keeper
 * queues another alert write for that sensor: failure risk asked again and again (a dashboard
 * polling it) costs no database round trip. An entry holds every alert overlapping
 * [sinceMs, ∞), so it answers any window that starts at or after sinceMs. While alert writes
 * are queued the database may lag the keeper, so nothing is cached then.
 */
export class AlertHistoryCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: Pick<AlertStore, "historyOf" | "overlapping">,
    private readonly keeper: Pick<AlertKeeper, "revision" | "pending">,
    private readonly now: () => number = Date.now,
  ) {}

  /** The same answer as `AlertStore.historyOf`: alerts raised in [sinceMs, asOfMs] or open at asOfMs, oldest first. */
  async historyOf(sensorId: string, sinceMs: number, asOfMs: number): Promise<AlertRecord[]> {
    const revision = this.keeper.revision(sensorId);
    const entry = this.entries.get(sensorId);
    if (entry?.revision === revision && sinceMs >= entry.sinceMs && asOfMs >= sinceMs && this.now() - entry.fetchedAtMs < TTL_MS) {
      return entry.records.filter(relevantTo(sinceMs, asOfMs));
    }
    if (this.keeper.pending > 0 || asOfMs < sinceMs) return this.store.historyOf(sensorId, sinceMs, asOfMs);
    const fetchedAtMs = this.now();
    const records = await this.store.overlapping(sensorId, sinceMs);
    // A write queued while reading may or may not be in `records`: keep them only if none was.
    if (this.keeper.revision(sensorId) === revision) {
      this.entries.delete(sensorId);
      if (this.entries.size >= MAX_SENSORS) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(sensorId, { sinceMs, revision, fetchedAtMs, records });
    }
    return records.filter(relevantTo(sinceMs, asOfMs));
  }
}
