import type { SensorKind } from "../../domain/sensorKind.js";
import type { AnomalyType, Severity } from "../../domain/anomalyTypes.js";
import type { Health } from "../health.js";
import type { Traits } from "../traits.js";
import type { ActuatorKind, ActuatorState, PlantQuantity } from "./actuators.js";
import type { Forecast } from "./forecast.js";
import type { Maintenance } from "./maintenance.js";
import type { OperatingBandCheck } from "./operatingBand.js";
import type { PlantRate } from "./plantRate.js";
import type { Simulation } from "./simulate.js";

type RecommendedAction = "RECALIBRATE" | "INSPECT" | "REPLACE" | "ACTUATE" | "CONTINUE_MONITORING";
export type Urgency = "HIGH" | "MEDIUM" | "LOW" | "NONE";

/** A limit on a sensor's value: MAX is breached above `value`, MIN below it. */
export interface ValueLimit {
  readonly value: number;
  readonly side: "MAX" | "MIN";
}

/** What is known about one sensor; any part may be missing (null) and is then not used. */
export interface SensorSituation {
  readonly sensorId: string;
  readonly kind: SensorKind;
  readonly locationId: string | null;
  readonly traits: Traits | null;
  readonly health: Health | null;
  readonly maintenance: Maintenance | null;
  /** A forecast asked about `limit` (its threshold), so `minutesToThreshold` says when it is breached. */
  readonly forecast: Forecast | null;
  /** The limit the forecast was asked about; null infers the side from the forecast's threshold vs. the current value. */
  readonly limit?: ValueLimit | null;
  readonly activeAlerts: ReadonlyArray<{ readonly type: AnomalyType; readonly severity: Severity; readonly raisedAtMs: number }>;
  /**
   * What the location's fitted plant expects the quantity to do now (at the window's mean, with
   * the actuators' reported states); null or missing when no plant is fitted. Tells a drifting
   * sensor from a changing room.
   */
  readonly roomRate?: PlantRate | null;
  /**
   * For a sensor with no physical range (kind OTHER): whether its value has left the operating
   * range learnt from its last two weeks; null or missing when not judged.
   */
  readonly operatingBand?: OperatingBandCheck | null;
  /** The calibration offset in force (the newest Calibration's); null or missing: none. */
  readonly calibrationOffset?: number | null;
}

export interface LocationActuators {
  readonly locationId: string;
  readonly actuators: ReadonlyArray<{
    readonly actuatorId: string;
    readonly kind: ActuatorKind;
    readonly reportedState: ActuatorState | null;
    /** When it last changed state, at or before asOf, if that is known and recent (null or missing: not known). */
    readonly changedAtMs?: number | null;
  }>;
}

/** An actuator command considered for a sensor whose quantity must move one way. */
export interface CandidateAction {
  readonly sensorId: string;
  readonly locationId: string;
  readonly actuatorId: string;
  readonly kind: ActuatorKind;
  readonly state: ActuatorState;
  readonly quantity: PlantQuantity;
  readonly limit: ValueLimit;
  /** LOWER when the value must come down (a MAX limit), RAISE for a MIN limit. */
  readonly direction: "LOWER" | "RAISE";
}

export interface RecommendationInputs {
  readonly sensors: readonly SensorSituation[];
  readonly locations: readonly LocationActuators[];
  /**
   * Simulates a candidate (typically `simulate` on the location's fitted plant with the
   * candidate switched now and `limit.value` as threshold); null when no plant model exists.
   */
  readonly simulate?: (candidate: CandidateAction) => Simulation | null;
  /** The time the situations describe: how long ago an actuator switched is judged from it. */
  readonly asOfMs?: number;
}

export interface Recommendation {
  readonly action: RecommendedAction;
  /** The sensor (RECALIBRATE, INSPECT, REPLACE, CONTINUE_MONITORING) or actuator (ACTUATE) to act on. */
  readonly targetId: string;
  /** For ACTUATE: "<KIND> <STATE>", e.g. "DEHUMIDIFIER ON"; else null. */
  readonly command: string | null;
  /** 0..1. */
  readonly confidence: number;
  readonly reason: string;
  readonly urgency: Urgency;
  readonly expectedEffect: string | null;
  /** The sensor whose situation led to this recommendation. */
  readonly sensorId: string;
  /** For RECALIBRATE: the offset to record (recordCalibration's), when the evidence says by how much; else null or missing. */
  readonly offset?: number | null;
}
