import { formatDuration, num } from "../format.js";
import { ACTUATOR_EFFECTS, plantQuantityOf } from "./actuators.js";
import { describeBand } from "./operatingBand.js";
import type { LocationActuators, Recommendation, SensorSituation } from "./recommendTypes.js";

/** Below this stability (%) the noise is beyond what an offset (recalibration) can fix. */
const REPLACE_BELOW_STABILITY = 30;
/** A room is taken to settle back for this long after an actuator that pushed it switched off (no plant to say how long). */
export const SETTLING_MINUTES = 60;

/**
 * The sensor's own recommendations, from its traits, health, maintenance and alerts:
 * - INSPECT: OFFLINE (HIGH, 0.9) or STALE (MEDIUM, 0.7) — silence is a power, cable or node
 *   problem; an open STUCK or OUT_OF_RANGE alert (HIGH, 0.8) — wiring or a dead element; a
 *   process value that has left its learnt operating range (HIGH, 0.7) — the equipment it
 *   measures, or the sensor, is no longer in normal operation.
 * - REPLACE: health FAILED with maintenance URGENT and stability under 30 % now (HIGH, 0.6) —
 *   noise that large is the element itself.
 * - RECALIBRATE: maintenance says so (URGENT → HIGH 0.8, else MEDIUM 0.7; an expired or expiring
 *   calibration alone → LOW/MEDIUM 0.9, it is a fact); or the sensor drifts and the evidence
 *   points at it (`driftRecommendation`).
 * - CONTINUE_MONITORING (LOW 0.6) when maintenance says MONITOR.
 */
export function sensorRecommendations(s: SensorSituation, location?: LocationActuators, asOfMs?: number): Recommendation[] {
  const out: Recommendation[] = [];
  const base = { targetId: s.sensorId, sensorId: s.sensorId, command: null };
  const t = s.traits;
  if (t !== null && (t.freshness === "OFFLINE" || t.freshness === "STALE")) {
    const silent = t.freshnessSeconds === null ? "never reported" : `silent for ${formatDuration(t.freshnessSeconds * 1000)} (limit ${formatDuration(t.staleLimitMs)})`;
    out.push({
      ...base,
      action: "INSPECT",
      urgency: t.freshness === "OFFLINE" ? "HIGH" : "MEDIUM",
      confidence: t.freshness === "OFFLINE" ? 0.9 : 0.7,
      reason: `${s.sensorId} is ${t.freshness}: ${silent}; check its power, cable and node`,
      expectedEffect: "readings resume",
    });
  }
  const hardware = s.activeAlerts.find((a) => a.type === "STUCK" || a.type === "OUT_OF_RANGE");
  if (hardware !== undefined) {
    out.push({
      ...base,
      action: "INSPECT",
      urgency: "HIGH",
      confidence: 0.8,
      reason: `${hardware.type} alert open since ${new Date(hardware.raisedAtMs).toISOString()}: a wiring fault or a dead sensing element`,
      expectedEffect: "plausible readings again",
    });
  }
  const band = s.operatingBand ?? null;
  if (band?.left) {
    out.push({
      ...base,
      action: "INSPECT",
      urgency: "HIGH",
      confidence: 0.7,
      reason: `${s.sensorId} is ${describeBand(band)}; inspect what it measures, and the sensor`,
      expectedEffect: "the value back inside its operating band",
    });
  }
  const m = s.maintenance;
  const failed = s.health?.status === "FAILED";
  if (failed && m !== null && m.status === "URGENT" && m.currentStability !== null && m.currentStability < REPLACE_BELOW_STABILITY) {
    out.push({
      ...base,
      action: "REPLACE",
      urgency: "HIGH",
      confidence: 0.6,
      reason: `health FAILED and stability ${num(m.currentStability)} % (< ${REPLACE_BELOW_STABILITY} %): noise this large is the element, which recalibration does not fix`,
      expectedEffect: "a stable sensor",
    });
  } else if (m !== null && m.recommendedAction === "RECALIBRATE") {
    const trendDriven = m.hoursUntilMaintenance !== null && m.hoursUntilMaintenance < 72;
    out.push({
      ...base,
      action: "RECALIBRATE",
      urgency: m.status === "URGENT" ? "HIGH" : trendDriven || (m.calibrationHoursLeft ?? 1) <= 0 ? "MEDIUM" : "LOW",
      confidence: trendDriven ? (m.status === "URGENT" ? 0.8 : 0.7) : 0.9,
      reason: m.reasons.join("; "),
      expectedEffect: trendDriven ? "stability back above 60 % and a new calibration period" : "a valid calibration",
    });
    // eslint-disable-next-line @typescript-eslint/prefer-optional-chain -- `?.` would make a null traits undefined, and undefined !== null
  } else if (t !== null && t.driftCause !== null && t.driftPerMinute !== null) {
    out.push(driftRecommendation(s, t.driftPerMinute, location, asOfMs));
  }
  if (out.length === 0 && m !== null && m.recommendedAction === "MONITOR") {
    out.push({ ...base, action: "CONTINUE_MONITORING", urgency: "LOW", confidence: 0.6, reason: m.reasons.join("; "), expectedEffect: null });
  }
  return out;
}

/**
 * A significant drift beyond the limit that is not already blamed on the world: what the
 * room's plant and actuators are asked about.
 */
export function isDrifting(s: SensorSituation): boolean {
  const cause = s.traits?.driftCause ?? null;
  return cause === "SENSOR" || cause === "UNKNOWN";
}

/**
 * What to do about a drift, by its cause (`Traits.driftCause`):
 * - WORLD (peers or a related kind change with it): CONTINUE_MONITORING (LOW 0.7), saying so.
 * - SENSOR with a correction from its peers: RECALIBRATE (MEDIUM 0.8) with `offset` = the
 *   offset in force + the correction, which recordCalibration takes.
 * - Otherwise the room is asked: the location's fitted plant expects the quantity to change the
 *   same way at least half as fast (a room being heated, or relaxing towards ambient after a
 *   switch-off), or, without a plant, an actuator in the location is ON and pushes it the way it
 *   drifts, or one that pushed it the other way switched OFF in the last hour (the room settling
 *   back): CONTINUE_MONITORING (LOW 0.7) saying what explains it. If not, SENSOR (beyond the
 *   kind's world rates) or a plant that expected the room to hold still: RECALIBRATE (MEDIUM
 *   0.6, no offset estimate). UNKNOWN without a plant: CONTINUE_MONITORING (LOW 0.5) — the twin
 *   cannot tell and does not ask for a recalibration; the reason says what would tell.
 */
function driftRecommendation(s: SensorSituation, drift: number, location: LocationActuators | undefined, asOfMs: number | undefined): Recommendation {
  const t = s.traits as NonNullable<SensorSituation["traits"]>;
  const base = { targetId: s.sensorId, sensorId: s.sensorId, command: null };
  const evidence = t.driftEvidence ?? "";
  const drifting = `drifting at ${num(drift)}/min (significant)`;
  if (t.driftCause === "WORLD") {
    return { ...base, action: "CONTINUE_MONITORING", urgency: "LOW", confidence: 0.7, reason: `${drifting}, cause WORLD: ${evidence}: the world is changing, not the sensor`, expectedEffect: null };
  }
  if (t.driftCause === "SENSOR" && t.driftCorrection !== null) {
    const offset = Number(((s.calibrationOffset ?? 0) + t.driftCorrection).toPrecision(6));
    const inForce = (s.calibrationOffset ?? 0) === 0 ? "" : ` (the offset in force ${num(s.calibrationOffset ?? 0)} plus the correction)`;
    return {
      ...base,
      action: "RECALIBRATE",
      urgency: "MEDIUM",
      confidence: 0.8,
      reason: `${drifting}, cause SENSOR: ${evidence}; recalibrate with offset ${num(offset)}${inForce}`,
      expectedEffect: "agrees with its peers again",
      offset,
    };
  }
  const room = roomExplanation(s, location, drift, asOfMs);
  if (room.explains) {
    return {
      ...base,
      action: "CONTINUE_MONITORING",
      urgency: "LOW",
      confidence: 0.7,
      reason: `drifting at ${num(drift)}/min ${room.why}: the room is changing, not the sensor; ${room.recalibrateIf}`,
      expectedEffect: null,
    };
  }
  if (t.driftCause === "SENSOR" || (s.roomRate ?? null) !== null) {
    const why = t.driftCause === "SENSOR" ? `, cause SENSOR: ${evidence}` : ` ${room.why}`;
    return { ...base, action: "RECALIBRATE", urgency: "MEDIUM", confidence: 0.6, reason: `${drifting}${why}: the offset wanders`, expectedEffect: "drift reset to zero", offset: null };
  }
  return {
    ...base,
    action: "CONTINUE_MONITORING",
    urgency: "LOW",
    confidence: 0.5,
    reason: `${drifting}, cause UNKNOWN: ${evidence}; no recalibration on this evidence: a second ${s.kind.toLowerCase()} sensor in its location, or a reference reading, would tell`,
    expectedEffect: null,
  };
}

/** Whether the room, not the sensor, accounts for a drift, and the words that say why (or why not). */
interface RoomExplanation {
  readonly explains: boolean;
  /** Completes "drifting at x/min …"; empty when nothing is known about the room. */
  readonly why: string;
  readonly recalibrateIf: string;
}

/**
 * With the location's fitted plant (`roomRate`), the room explains a drift when it expects a
 * change the same way at least half as fast (or the drift lies within two standard errors of the
 * expectation): a room relaxing towards ambient after a switch-off as much as one being heated.
 * Without a plant, an actuator reported ON that pushes the quantity the way it drifts explains it,
 * and so does one that pushed it the other way and switched OFF within `SETTLING_MINUTES` of asOf.
 */
function roomExplanation(s: SensorSituation, location: LocationActuators | undefined, drift: number, asOfMs: number | undefined): RoomExplanation {
  const rate = s.roomRate ?? null;
  if (rate !== null && drift !== 0) {
    const sameWay = Math.sign(rate.perMinute) === Math.sign(drift);
    const explains = sameWay && (Math.abs(rate.perMinute) >= Math.abs(drift) / 2 || Math.abs(drift - rate.perMinute) <= 2 * rate.stdErr);
    const on = Object.entries(rate.states)
      .filter(([, state]) => state === "ON")
      .map(([id]) => id);
    const states = on.length === 0 ? "every actuator OFF" : `${on.join(", ")} ON`;
    const towards = rate.settlesAt === null ? "" : `, settling towards ${num(rate.settlesAt)}`;
    return {
      explains,
      why: `${explains ? "as" : "while"} the room's fitted model expects ${!explains && sameWay ? "only " : ""}${num(rate.perMinute)} ± ${Number(rate.stdErr.toPrecision(2))}/min now (${states}${towards})`,
      recalibrateIf: "recalibrate only if it drifts where the model expects the room to hold still",
    };
  }
  const pushing = actuatorsPushing(s, location, drift, "ON");
  if (pushing.length > 0) {
    const names = pushing.map((a) => `${a.actuatorId} (${a.kind})`).join(", ");
    return {
      explains: true,
      why: `while ${names} ${pushing.length === 1 ? "is" : "are"} ON in its location, ${drift > 0 ? "raising" : "lowering"} it`,
      recalibrateIf: "recalibrate only if it drifts with the actuators off",
    };
  }
  const settling = asOfMs === undefined ? undefined : latestSwitchOff(actuatorsPushing(s, location, -drift, "OFF"), asOfMs);
  if (settling === undefined) return { explains: false, why: "", recalibrateIf: "" };
  return {
    explains: true,
    why: `since ${settling.actuatorId} (${settling.kind}), which ${drift > 0 ? "lowered" : "raised"} it, went OFF ${formatDuration(settling.agoMs)} ago`,
    recalibrateIf: "recalibrate only if it still drifts once the room has settled",
  };
}

type LocatedActuator = LocationActuators["actuators"][number];

/** The most recent of these actuators to switch OFF within `SETTLING_MINUTES` before asOf. */
function latestSwitchOff(actuators: readonly LocatedActuator[], asOfMs: number): (LocatedActuator & { readonly agoMs: number }) | undefined {
  let best: (LocatedActuator & { readonly agoMs: number }) | undefined;
  for (const a of actuators) {
    const at = a.changedAtMs ?? null;
    if (at === null || at > asOfMs || asOfMs - at > SETTLING_MINUTES * 60_000) continue;
    if (best === undefined || asOfMs - at < best.agoMs) best = { ...a, agoMs: asOfMs - at };
  }
  return best;
}

/** The actuators in `state` in the sensor's location that, when ON, push its quantity the way `direction` points. */
function actuatorsPushing(s: SensorSituation, location: LocationActuators | undefined, direction: number, state: "ON" | "OFF"): readonly LocatedActuator[] {
  const quantity = plantQuantityOf(s.kind);
  if (quantity === null || location === undefined || direction === 0) return [];
  return location.actuators.filter((a) => a.reportedState === state && ACTUATOR_EFFECTS[a.kind][quantity] === Math.sign(direction));
}
