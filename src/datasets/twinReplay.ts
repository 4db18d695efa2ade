import type { Point } from "../analytics/point.js";
import { importSeries } from "../import/importer.js";
import { createLogger } from "../log.js";
import type { RaisedAlert } from "../domain/alert.js";
import type { AlertStore } from "../store/alertStore.js";
import { AlertKeeper } from "../live/alertKeeper.js";
import { BatchWriter } from "../ingest/batchWriter.js";
import { EventBus } from "../util/eventBus.js";
import type { TwinEvents } from "../domain/events.js";
import { IngestPipeline } from "../ingest/ingest.js";
import { LiveAnalytics } from "../live/liveAnalytics.js";
import { LiveState } from "../live/liveState.js";

export interface TwinReplay {
  readonly accepted: number;
  readonly rejected: number;
  readonly duplicates: number;
  /** Every alert the twin raised, in the order it published them (`alertRaised`). */
  readonly alerts: readonly RaisedAlert[];
}

/** The alert store's writes, kept in memory: the replay judges what the twin raises, not Neo4j. */
class MemoryAlerts implements Pick<AlertStore, "raise" | "clear" | "open"> {
  async raise(): Promise<void> {
    // a replay raises no alerts
  }
  async clear(): Promise<void> {
    // nor clears any
  }
  async open(): Promise<[]> {
    return [];
  }
}

/**
 * Sends a recorded series through the twin's own ingest path — the importer's chunks
 * (`importSeries`, as `npm run import` sends them to `recordReadings`), the ingest pipeline
 * (validation, de-duplication, the batch writer's buffer), the event bus, the live analytics'
 * anomaly detector and the alert keeper — and collects the alerts published on the bus. Only the
 * database is left out: the batch writer commits to a sink that counts, and alerts are not
 * stored. The sensor's kind follows from its id as for any imported sensor.
 */
export async function replayThroughTwin(points: readonly Point[], sensorId: string): Promise<TwinReplay> {
  const log = createLogger("warn");
  const bus = new EventBus<TwinEvents>(log);
  const writer = new BatchWriter({ writeBatch: async (batch) => batch.length }, { batchSize: 2000, lingerMs: 1, bufferCapacity: 100_000 }, log);
  const pipeline = new IngestPipeline(writer, new LiveState(), bus, () => Date.now(), log);
  const keeper = new AlertKeeper(new MemoryAlerts(), bus, log);
  const analytics = new LiveAnalytics({ retentionMs: 24 * 3_600_000, log, onAnomalies: (events) => keeper.onEvents(events) });
  const alerts: RaisedAlert[] = [];
  bus.on("readingAccepted", "analytics", (reading) => analytics.accept(reading));
  bus.on("alertRaised", "replay", (alert) => {
    alerts.push(alert);
  });
  try {
    const summary = await importSeries(points, { sensorId, send: (readings) => pipeline.ingestWhenRoom(readings, 10_000) });
    await writer.stop(true);
    await keeper.flush();
    return { accepted: summary.accepted, rejected: summary.rejected, duplicates: pipeline.counters.duplicates, alerts };
  } finally {
    bus.removeOwner("analytics");
    bus.removeOwner("replay");
  }
}
