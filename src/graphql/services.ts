import type { SharedEvents } from "../fanout/fanoutMessage.js";
import type { ControlRuntime } from "../automation/controlRuntime.js";
import type { Bridge } from "../bridge/bridge.js";
import type { Logger } from "../log.js";
import type { AlertStore } from "../store/alertStore.js";
import type { ReadingStore } from "../store/readingStore.js";
import type { CalibrationService } from "../twin/calibrationService.js";
import type { ClimateService } from "../twin/climateService.js";
import type { MaintenancePlanner } from "../twin/maintenancePlanner.js";
import type { MoldAdvisor } from "../twin/moldAdvisor.js";
import type { Diagnostics } from "../twin/diagnostics.js";
import type { Predictions } from "../twin/predictions.js";
import type { SensorCatalog } from "../twin/sensorCatalog.js";
import type { EventBus } from "../util/eventBus.js";
import type { TwinEvents } from "../domain/events.js";
import type { DurabilityTimeouts, IngestPipeline } from "../ingest/ingest.js";
import type { LiveState } from "../live/liveState.js";
import type { RetentionJob } from "../history/retentionJob.js";
import type { RollupService } from "../history/rollupService.js";

/** What the resolvers need; main.ts builds it, tests may build it around a real store. */
export interface TwinServices {
  readonly ingest: IngestPipeline;
  /** How long recordReadings waits for buffer room and for its commit. */
  readonly ingestTimeouts: DurabilityTimeouts;
  readonly live: LiveState;
  readonly readings: ReadingStore;
  readonly bus: EventBus<TwinEvents>;
  /** What subscriptions listen to: this instance's events, and with REDIS_URL every instance's. */
  readonly feed: EventBus<SharedEvents>;
  readonly log: Logger;
  readonly clock: () => number;
  readonly bridge: Bridge;
  readonly diagnostics: Diagnostics;
  readonly alerts: AlertStore;
  readonly catalog: SensorCatalog;
  readonly predictions: Predictions;
  readonly calibrations: CalibrationService;
  readonly control: ControlRuntime;
  readonly climate: ClimateService;
  readonly moldAdvisor: MoldAdvisor;
  readonly planner: MaintenancePlanner;
  readonly rollups: RollupService;
  /** Null when no retention is configured (everything is kept). */
  readonly retention: RetentionJob | null;
}
