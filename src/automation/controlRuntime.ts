import type { Bridge } from "../bridge/bridge.js";
import type { DeviceRoute } from "../fanout/remoteDevices.js";
import { CommandService } from "../commands/commandService.js";
import type { SafetySettings } from "../commands/safety.js";
import type { Logger } from "../log.js";
import type { ActuatorStore } from "../store/actuatorStore.js";
import type { CalibrationStore } from "../store/calibrationStore.js";
import type { CommandStore } from "../store/commandStore.js";
import type { DeviceStore } from "../store/deviceStore.js";
import type { ReadingStore } from "../store/readingStore.js";
import type { RuleStore } from "../store/ruleStore.js";
import type { EventBus } from "../util/eventBus.js";
import type { TwinEvents } from "../domain/events.js";
import type { LiveAnalytics } from "../live/liveAnalytics.js";
import { CalibrationService } from "../twin/calibrationService.js";
import type { ClimateService } from "../twin/climateService.js";
import type { Predictions } from "../twin/predictions.js";
import type { SensorCatalog } from "../twin/sensorCatalog.js";
import type { AnomalyEvent } from "../domain/anomalyTypes.js";
import type { Diagnostics } from "../twin/diagnostics.js";
import { CalibrationVerifier } from "./calibrationVerifier.js";
import { RuleEngine } from "./engine.js";
import { RuleCalibrator } from "./ruleCalibration.js";
import { RuleService } from "./ruleService.js";

/** How often recent calibrations are checked against their references. */
const VERIFY_CHECK_MS = 30_000;

export interface ControlRuntime {
  readonly commands: CommandService;
  /** Calibrations, sent as CALIBRATE commands (a person's through GraphQL, a rule's through its action). */
  readonly calibrations: CalibrationService;
  /** Checks, over the hour after a rule's calibration, that the sensor agrees with its reference. */
  readonly verifier: CalibrationVerifier;
  readonly engine: RuleEngine;
  readonly rules: RuleService;
  stop(): Promise<void>;
}

/** Wires the acting twin: the command path, the rule engine and rule management. */
export async function startControl(deps: {
  readonly bus: EventBus<TwinEvents>;
  readonly bridge: Bridge;
  /** How commands reach devices: the bridge, or with Redis every instance's devices (RemoteDevices). Default: the bridge. */
  readonly route?: DeviceRoute;
  readonly commandStore: CommandStore;
  readonly calibrationStore: CalibrationStore;
  readonly ruleStore: RuleStore;
  readonly actuators: ActuatorStore;
  readonly devices: DeviceStore;
  readonly readings: ReadingStore;
  readonly catalog: SensorCatalog;
  readonly live: LiveAnalytics;
  readonly predictions: Predictions;
  /** Traits with the drift verdict, and readings from memory or Neo4j: a rule's CALIBRATE estimates its offset from them. */
  readonly diagnostics: Pick<Diagnostics, "traits" | "seriesColumns" | "sensor">;
  /** Raises (and clears) alerts that no detector raises: a calibration that did not hold. */
  readonly raiseAlerts: (events: readonly AnomalyEvent[]) => void;
  /** Room physics for MOLD_RISK rules (absent: such rules are refused). */
  readonly climate?: ClimateService;
  readonly safety: SafetySettings;
  readonly clock: () => number;
  readonly log: Logger;
}): Promise<ControlRuntime> {
  const { bus, clock, log } = deps;
  const route = deps.route ?? deps.bridge;
  const commands = new CommandService({
    store: deps.commandStore,
    actuators: deps.actuators,
    bridge: route,
    deviceExists: (deviceId) => deps.devices.exists(deviceId),
    // This process's own sighting first: the graph's lastSeen is written every few seconds.
    lastSeen: async (deviceId) => route.lastSeenMs(deviceId) ?? (await deps.devices.lastSeen(deviceId)),
    bus,
    clock,
    log: log.child("commands"),
    safety: deps.safety,
  });
  bus.on("actuatorReported", "commands", ({ actuatorId, state, atMs }) => commands.onActuatorReported(actuatorId, state, atMs));
  bus.on("deviceRegistered", "commands", ({ deviceId, intervalMs }) => commands.onDeviceRegistered(deviceId, intervalMs));
  await commands.start();
  const calibrations = new CalibrationService(
    deps.calibrationStore,
    deps.devices,
    commands,
    (deviceId) => route.isConnected(deviceId),
    async (sensorId) => (await deps.catalog.get(sensorId)) !== undefined,
    clock,
    log.child("calibration"),
  );
  bus.on("deviceRegistered", "calibration", ({ deviceId, sensors }) => calibrations.onDeviceRegistered(deviceId, sensors));
  const verifier = new CalibrationVerifier({
    series: (sensorId, fromMs, toMs) => deps.diagnostics.seriesColumns(sensorId, fromMs, toMs),
    kindOf: async (sensorId) => (await deps.diagnostics.sensor(sensorId)).entry.kind,
    nowOf: (sensorId) => deps.live.newestTimestampMs(sensorId),
    raise: deps.raiseAlerts,
    log: log.child("calibration"),
  });
  const calibrator = new RuleCalibrator({
    traits: (sensorId, windowMs, asOfMs) => deps.diagnostics.traits(sensorId, windowMs, asOfMs),
    series: (sensorId, fromMs, toMs) => deps.diagnostics.seriesColumns(sensorId, fromMs, toMs),
    latestCalibration: (sensorId) => deps.calibrationStore.latest(sensorId),
    record: (sensorId, offset, validDays, request) => calibrations.record(sensorId, offset, validDays, request),
    watch: (w) => verifier.watch(w),
    clock,
  });
  const verifyTimer = setInterval(() => {
    verifier.check().catch((error: unknown) => log.warn("checking recent calibrations failed; tried again shortly", { error }));
  }, VERIFY_CHECK_MS);
  verifyTimer.unref();
  const engine = new RuleEngine({
    store: deps.ruleStore,
    commands,
    live: deps.live,
    bus,
    forecast: async (sensorId, minutes) => (await deps.predictions.forecast(sensorId, minutes, null)).forecast?.value ?? null,
    ...(deps.climate === undefined ? {} : { moldRisk: async (sensorId: string, hours: number) => (await deps.climate?.moldRiskOfSensor(sensorId, hours))?.risk ?? null }),
    calibrate: (ruleId, action, why, key, atMs) => calibrator.calibrate(ruleId, action, why, key, atMs),
    clock,
    log: log.child("rules"),
  });
  await engine.start();
  const rules = new RuleService({
    store: deps.ruleStore,
    engine,
    catalog: deps.catalog,
    actuators: deps.actuators,
    readings: deps.readings,
    devices: (deviceId) => deps.devices.exists(deviceId),
    ...(deps.climate === undefined ? {} : { climate: deps.climate }),
    clock,
  });
  return {
    commands,
    calibrations,
    verifier,
    engine,
    rules,
    stop: async () => {
      clearInterval(verifyTimer);
      commands.stop();
      bus.removeOwner("commands");
      bus.removeOwner("calibration");
      await engine.stop();
      await commands.drain();
    },
  };
}
