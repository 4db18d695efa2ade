import { num } from "../format.js";
import { MS_PER_MINUTE } from "../point.js";
import { SeededRandom } from "../random.js";
import { onFractions, type ActuatorChange, type ActuatorState } from "./actuators.js";
import { PredictionInputError } from "./errors.js";
import { cholesky } from "./leastSquares.js";
import type { PlantModel } from "./plantModel.js";

export interface ScheduledChange {
  readonly actuatorId: string;
  readonly state: ActuatorState;
  /** Minutes after the start. */
  readonly atMinute: number;
}

export interface SimulationRequest {
  /** The quantity now (typically the latest reading). */
  readonly startValue: number;
  readonly startMs: number;
  /** How far to simulate, 0 < hours ≤ 168. */
  readonly hours: number;
  /** Default 1 minute. */
  readonly stepMinutes?: number;
  readonly actuatorSchedule?: readonly ScheduledChange[];
  /** States at the start; an actuator left out is OFF (an unidentified one: the state it held). */
  readonly initialStates?: Readonly<Record<string, ActuatorState>>;
  /** Replaces the fitted ambient level (e.g. a forecast outdoor temperature); its uncertainty is then not counted. */
  readonly ambientOverride?: number | null;
  readonly threshold?: number | null;
  /** Parameter draws for the band (default 200). */
  readonly samples?: number;
  readonly seed?: number;
}

export interface TrajectoryPoint {
  readonly timestampMs: number;
  readonly value: number;
  /** 90 % band for a reading at this time. */
  readonly lower: number;
  readonly upper: number;
}

export interface Simulation {
  readonly trajectory: readonly TrajectoryPoint[];
  /** When the central trajectory first reaches the threshold; null if not within the simulated hours. */
  readonly crossesThresholdAtMs: number | null;
  readonly minutesToThreshold: number | null;
  /** 5–95 % of the crossing time over the parameter draws (upper null: some draws never cross). */
  readonly thresholdMinutesRange: { readonly lower: number | null; readonly upper: number | null } | null;
  readonly method: string;
}

const Z90 = 1.6448536269514722;
const MAX_STEPS = 100_000;

/**
 * Simulates the fitted plant under an actuator schedule with the exact step response of
 * dx/dt = (ambient − x)/τ + Σ gain_i·on_i (x' = φx + (1 − φ)·x∞, φ = e^(−Δ/τ); switches inside a
 * step count by the share of the step), from `startValue` at `startMs`.
 *
 * The 90 % band is for a reading at each time: value ± 1.645·√(Vθ + Vw + Vv + V0), where
 * Vθ is the parameter uncertainty — the mean squared deviation from the central path of
 * `samples` paths with parameters drawn from the fit's covariance (seeded, so repeatable) —,
 * Vw the process disturbance accumulated through the dynamics (σw²/Δ·τ/2·(1 − e^(−2t/τ))),
 * Vv one reading's noise and V0 = Vv·e^(−2t/τ) the start value's own noise, fading. It widens
 * with the horizon as the parameter spread and the disturbance accumulate.
 *
 * Throws `PredictionInputError` for an unknown actuator, or a schedule that switches an
 * actuator the model could not identify out of the state it held while fitted.
 */
export function simulate(model: PlantModel, request: SimulationRequest): Simulation {
  const stepMinutes = request.stepMinutes ?? 1;
  const { hours, startValue, startMs } = request;
  if (!(hours > 0 && hours <= 168)) throw new PredictionInputError(`hours must be more than 0 and at most 168 (7 days), got ${hours}`);
  if (!(stepMinutes > 0)) throw new PredictionInputError(`stepMinutes must be a positive number of minutes, got ${stepMinutes}`);
  if (!Number.isFinite(startValue) || !Number.isFinite(startMs)) throw new PredictionInputError(`startValue and startMs must be finite numbers, got ${startValue} and ${startMs}`);
  const steps = Math.ceil((hours * 60) / stepMinutes);
  if (steps > MAX_STEPS) throw new PredictionInputError(`${hours} h at ${stepMinutes}-min steps is ${steps} steps; use a coarser stepMinutes (at most ${MAX_STEPS} steps)`);
  const threshold = request.threshold ?? null;
  const shares = scheduleShares(model, request, steps, stepMinutes);

  const reg = model.regression;
  const theta = Float64Array.from(reg.coefficients);
  const p = theta.length;
  const ratio = stepMinutes / reg.stepMinutes;
  const override = request.ambientOverride ?? null;
  const m = shares.length;
  const flat = new Float64Array(steps * m); // flat[k·m + i]: actuator i's share of step k
  shares.forEach((share, i) => share.forEach((v, k) => (flat[k * m + i] = v)));
  const plan: StepPlan = { steps, m, flat, weights: new Float64Array(m), ratio, reference: reg.reference, override, startValue };
  const run = (c: Float64Array, out: Float64Array): boolean => runPath(plan, c, out);

  const central = new Float64Array(steps + 1);
  run(theta, central);
  const spread = new Float64Array(steps + 1);
  const samples = Math.max(0, Math.floor(request.samples ?? 200));
  const crossings: number[] = [];
  const chol = cholesky(Float64Array.from(reg.covariance), p);
  const random = new SeededRandom(request.seed ?? 1);
  const path = new Float64Array(steps + 1);
  const draw = new Float64Array(p);
  const z = new Float64Array(p);
  let used = 0;
  for (let s = 0; s < samples && typeof chol !== "number"; s++) {
    let ok = false;
    for (let attempt = 0; attempt < 20 && !ok; attempt++) {
      for (let i = 0; i < p; i++) z[i] = random.gaussian();
      for (let i = 0; i < p; i++) {
        let v = theta[i] as number;
        for (let j = 0; j <= i; j++) v += (chol[i * p + j] as number) * (z[j] as number);
        draw[i] = v;
      }
      ok = run(draw, path);
    }
    if (!ok) continue;
    used += 1;
    for (let k = 0; k <= steps; k++) spread[k] = (spread[k] as number) + ((path[k] as number) - (central[k] as number)) ** 2;
    if (threshold !== null) crossings.push(crossingMinutes(path, threshold, stepMinutes) ?? Number.POSITIVE_INFINITY);
  }

  const tau = model.parameters.find((q) => q.name === "tau")?.value ?? Number.POSITIVE_INFINITY;
  const processRate = reg.processNoise ** 2 / reg.stepMinutes; // variance per minute
  const read2 = reg.readingNoise ** 2;
  const trajectory: TrajectoryPoint[] = [];
  for (let k = 0; k <= steps; k++) {
    const t = k * stepMinutes;
    const decay = Math.exp((-2 * t) / tau);
    const variance = (used > 0 ? (spread[k] as number) / used : 0) + ((processRate * tau) / 2) * (1 - decay) + read2 + read2 * decay;
    const half = Z90 * Math.sqrt(variance);
    const value = central[k] as number;
    trajectory.push({ timestampMs: startMs + t * MS_PER_MINUTE, value, lower: value - half, upper: value + half });
  }
  const minutesToThreshold = threshold === null ? null : crossingMinutes(central, threshold, stepMinutes);
  crossings.sort((a, b) => a - b);
  const quantile = (q: number): number | null => {
    const v = crossings[Math.min(crossings.length - 1, Math.max(0, Math.round(q * (crossings.length - 1))))];
    return v === undefined || !Number.isFinite(v) ? null : v;
  };
  return {
    trajectory,
    crossesThresholdAtMs: minutesToThreshold === null ? null : startMs + minutesToThreshold * MS_PER_MINUTE,
    minutesToThreshold,
    thresholdMinutesRange: threshold === null || crossings.length === 0 ? null : { lower: quantile(0.05), upper: quantile(0.95) },
    method: `first-order plant (τ ${num(tau)} min), exact step response at ${num(stepMinutes)}-min steps; ` + `90 % band from ${used} parameter draws plus process and reading noise`,
  };
}

interface StepPlan {
  readonly steps: number;
  readonly m: number;
  readonly flat: Float64Array;
  readonly weights: Float64Array;
  readonly ratio: number;
  readonly reference: number;
  readonly override: number | null;
  readonly startValue: number;
}

/** One path under coefficients c = [a, b, d…] into `out` (steps + 1 values); false if b allows no relaxation. */
function runPath(plan: StepPlan, c: Float64Array, out: Float64Array): boolean {
  const b = c[1] as number;
  if (!(b < 0 && b > -1)) return false;
  const { steps, m, flat, weights } = plan;
  const phi = Math.pow(1 + b, plan.ratio);
  const base = plan.override ?? plan.reference - (c[0] as number) / b;
  for (let i = 0; i < m; i++) weights[i] = (c[2 + i] as number) / b;
  let x = plan.startValue;
  out[0] = x;
  for (let k = 0, at = 0; k < steps; k++) {
    let target = base;
    for (let i = 0; i < m; i++, at++) target -= (weights[i] as number) * (flat[at] as number);
    x = phi * x + (1 - phi) * target;
    out[k + 1] = x;
  }
  return true;
}

/** Per identified actuator, its ON share of each step under the request's initial states and schedule. */
function scheduleShares(model: PlantModel, request: SimulationRequest, steps: number, stepMinutes: number): Float64Array[] {
  const known = new Set([...model.actuators.map((a) => a.actuatorId), ...model.unidentified.map((a) => a.actuatorId)]);
  const schedule = [...(request.actuatorSchedule ?? [])].sort((a, b) => a.atMinute - b.atMinute);
  const mentioned = [...Object.keys(request.initialStates ?? {}), ...schedule.map((c) => c.actuatorId)];
  for (const id of mentioned) {
    if (!known.has(id)) {
      throw new PredictionInputError(`the plant model knows no actuator "${id}"; it was fitted with ${[...known].join(", ") || "no actuators"}`);
    }
  }
  for (const change of schedule) {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the schedule may come from JSON, not only from typed callers
    if (change.state !== "ON" && change.state !== "OFF") throw new PredictionInputError(`actuatorSchedule state must be "ON" or "OFF", got ${String(change.state)} for ${change.actuatorId}`);
    if (!(change.atMinute >= 0)) throw new PredictionInputError(`actuatorSchedule atMinute must be ≥ 0, got ${change.atMinute} for ${change.actuatorId}`);
  }
  for (const held of model.unidentified) {
    const states = [request.initialStates?.[held.actuatorId] ?? held.heldState, ...schedule.filter((c) => c.actuatorId === held.actuatorId).map((c) => c.state)];
    if (states.some((s) => s !== held.heldState)) {
      throw new PredictionInputError(`cannot simulate ${held.actuatorId} ${held.heldState === "ON" ? "OFF" : "ON"}: ${held.reason}`);
    }
  }
  const stepMs = stepMinutes * MS_PER_MINUTE;
  return model.actuators.map(({ actuatorId, kind }) => {
    const changes: ActuatorChange[] = schedule.filter((c) => c.actuatorId === actuatorId).map((c) => ({ actuatorId, kind, state: c.state, atMs: request.startMs + c.atMinute * MS_PER_MINUTE }));
    return onFractions(changes, request.initialStates?.[actuatorId] ?? "OFF", request.startMs, stepMs, steps);
  });
}

/** Minutes until the path first reaches `threshold` from its start's side (linear within a step); null if it never does. */
function crossingMinutes(path: Float64Array, threshold: number, stepMinutes: number): number | null {
  const start = path[0] as number;
  if (start === threshold) return 0;
  const above = start > threshold;
  for (let k = 1; k < path.length; k++) {
    const v = path[k] as number;
    if (above ? v <= threshold : v >= threshold) {
      const prev = path[k - 1] as number;
      return (k - 1 + (threshold - prev) / (v - prev)) * stepMinutes;
    }
  }
  return null;
}
