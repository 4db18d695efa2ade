import type { Logger } from "../log.js";
import type { AlertStore } from "../store/alertStore.js";
import type { ReadingStore } from "../store/readingStore.js";
import type { ThresholdSnapshot } from "../store/thresholdStore.js";
import { AlertKeeper } from "../live/alertKeeper.js";
import { Diagnostics } from "./diagnostics.js";
import type { EventBus } from "../util/eventBus.js";
import type { TwinEvents } from "../domain/events.js";
import { asSensorKind, LiveAnalytics } from "../live/liveAnalytics.js";
import type { RollupHistory } from "../history/rollupHistory.js";
import { SensorCatalog } from "./sensorCatalog.js";
import { warmUpAnalytics } from "../live/warmUp.js";

export interface AnalyticsRuntime {
  readonly live: LiveAnalytics;
  readonly diagnostics: Diagnostics;
  readonly catalog: SensorCatalog;
  readonly keeper: AlertKeeper;
  /** Settles when every sensor's history has been replayed. */
  readonly warmed: Promise<void>;
  stop(): Promise<void>;
}

const GAP_CHECK_MS = 5_000;

/** Wires the live analytics to the bus: readings in, anomaly episodes out as alerts. */
export function startAnalytics(deps: {
  readonly bus: EventBus<TwinEvents>;
  readonly readings: ReadingStore;
  readonly alerts: AlertStore;
  readonly loadThresholds: () => Promise<ThresholdSnapshot>;
  readonly retentionMs: number;
  readonly clock: () => number;
  readonly log: Logger;
  /** Long windows from the rollups. */
  readonly history?: RollupHistory;
}): AnalyticsRuntime {
  const { bus, readings, alerts, retentionMs, clock, log } = deps;
  const keeper = new AlertKeeper(alerts, bus, log.child("alerts"));
  const live = new LiveAnalytics({ retentionMs, log, onAnomalies: (events) => keeper.onEvents(events) });
  const catalog = new SensorCatalog(deps.loadThresholds, clock);
  const diagnostics = new Diagnostics(live, readings, alerts, catalog, clock, deps.history ?? null);

  bus.on("readingAccepted", "analytics", (reading) => live.accept(reading));
  bus.on("sensorsDeclared", "analytics", ({ sensors }) => {
    for (const s of sensors) live.setKind(s.sensorId, asSensorKind(s.kind, s.sensorId));
    catalog.invalidate();
  });
  const gapTimer = setInterval(() => live.checkGaps(clock()), GAP_CHECK_MS);
  gapTimer.unref();

  const warmed = warmUpAnalytics({ readings, live, keeper, retentionMs, clock, log: log.child("analytics") }).catch((error: unknown) => {
    log.error("warming the live analytics failed; queries keep using the history path", { error });
  });

  return {
    live,
    diagnostics,
    catalog,
    keeper,
    warmed,
    stop: async () => {
      clearInterval(gapTimer);
      bus.removeOwner("analytics");
      await keeper.flush();
    },
  };
}
