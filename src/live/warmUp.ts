import type { Logger } from "../log.js";
import type { ReadingStore } from "../store/readingStore.js";
import type { AlertKeeper } from "./alertKeeper.js";
import { asSensorKind, type LiveAnalytics } from "./liveAnalytics.js";

/**
 * Rebuilds the live analytics from Neo4j after a start: each sensor's last `retentionMs` of
 * readings replayed into its window and detector (silently), then its stored alerts reconciled
 * with the episodes the replay leaves open. Sensors are served by the history path until done.
 */
export async function warmUpAnalytics(deps: {
  readonly readings: ReadingStore;
  readonly live: LiveAnalytics;
  readonly keeper: AlertKeeper;
  readonly retentionMs: number;
  readonly clock: () => number;
  readonly log: Logger;
}): Promise<void> {
  const { readings, live, keeper, retentionMs, clock, log } = deps;
  const started = clock();
  const sensors = await readings.sensorsForWarmUp();
  live.expect(sensors.map((s) => ({ sensorId: s.sensorId, kind: asSensorKind(s.kind, s.sensorId) })));
  let loaded = 0;
  for (const sensor of sensors) {
    if (sensor.lastUpdatedMs === null) {
      live.warmUp(sensor.sensorId, [], Number.NEGATIVE_INFINITY);
      continue;
    }
    const from = sensor.lastUpdatedMs - retentionMs;
    const points = await readings.window(sensor.sensorId, from, sensor.lastUpdatedMs);
    live.warmUp(sensor.sensorId, points, from);
    live.noteSilence(sensor.sensorId, clock());
    loaded += points.length;
    await keeper.reconcile(sensor.sensorId, live.activeEpisodes(sensor.sensorId) ?? [], clock());
  }
  log.info(`live analytics warm: ${sensors.length} sensors, ${loaded} readings replayed`, { ms: clock() - started });
}
