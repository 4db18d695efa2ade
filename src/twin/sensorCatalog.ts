import type { ThresholdOverrides } from "../analytics/thresholds.js";
import type { ThresholdSnapshot } from "../store/thresholdStore.js";
import { asSensorKind } from "../live/liveAnalytics.js";
import type { SensorKind } from "../domain/sensorKind.js";

export interface CatalogEntry {
  readonly sensorId: string;
  readonly kind: SensorKind;
  /** Per-kind, then per-sensor overrides, in the order they apply. */
  readonly overrides: readonly ThresholdOverrides[];
  /** The band the value should stay in (Sensor.targetMin/targetMax), when set. */
  readonly targetMin?: number | null;
  readonly targetMax?: number | null;
  /** The Location it is in; sensors sharing it are its co-located peers. */
  readonly locationId?: string | null;
}

const MAX_AGE_MS = 5_000;

/**
 * The sensors the graph knows, with their kinds and threshold overrides, read at most every
 * 5 s: health over 20 sensors must not cost 20 database round trips per query.
 */
export class SensorCatalog {
  private snapshot: { atMs: number; entries: Map<string, CatalogEntry> } | null = null;
  private loading: Promise<Map<string, CatalogEntry>> | null = null;

  constructor(
    private readonly load: () => Promise<ThresholdSnapshot>,
    private readonly clock: () => number,
  ) {}

  /** All sensors in the graph (a stale snapshot is served while a fresh one loads). */
  async all(): Promise<Map<string, CatalogEntry>> {
    if (this.snapshot === null) return this.refresh();
    if (this.clock() - this.snapshot.atMs >= MAX_AGE_MS) this.refresh().catch(() => undefined);
    return this.snapshot.entries;
  }

  /** One sensor; refreshes once before deciding it does not exist. */
  async get(sensorId: string): Promise<CatalogEntry | undefined> {
    const entry = (await this.all()).get(sensorId);
    if (entry !== undefined) return entry;
    return (await this.refresh()).get(sensorId);
  }

  /** Forgets the snapshot (after thresholds or sensors changed through the API); the next read waits for a fresh one. */
  invalidate(): void {
    this.snapshot = null;
  }

  private refresh(): Promise<Map<string, CatalogEntry>> {
    if (this.loading !== null) return this.loading;
    const startedAt = this.clock();
    this.loading = this.load()
      .then((snap) => {
        const entries = new Map<string, CatalogEntry>();
        for (const s of snap.sensors) {
          const kind = asSensorKind(s.kind, s.sensorId);
          const layers = [snap.kinds.get(kind), s.overrides].filter((l): l is ThresholdOverrides => l !== undefined);
          entries.set(s.sensorId, { sensorId: s.sensorId, kind, overrides: layers, targetMin: s.targetMin, targetMax: s.targetMax, locationId: s.locationId });
        }
        this.snapshot = { atMs: startedAt, entries };
        return entries;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
