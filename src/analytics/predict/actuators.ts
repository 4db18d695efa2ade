export type ActuatorKind = "FAN" | "HEATER" | "COOLER" | "DEHUMIDIFIER" | "HUMIDIFIER" | "RELAY" | "OTHER";
export type ActuatorState = "ON" | "OFF";
export type PlantQuantity = "temperature" | "humidity";

/** The quantity a sensor of this kind measures in the plant model; null for kinds it does not model. */
export function plantQuantityOf(kind: string): PlantQuantity | null {
  return kind === "TEMPERATURE" ? "temperature" : kind === "HUMIDITY" ? "humidity" : null;
}

/** One state change of an actuator (from its ack): what it became and when. */
export interface ActuatorChange {
  readonly actuatorId: string;
  readonly kind: ActuatorKind;
  readonly state: ActuatorState;
  readonly atMs: number;
}

/**
 * Which way an actuator pushes a quantity when ON: +1 raises it, −1 lowers it. Only the effects
 * the product relies on; a fan moves humidity a little too, but not reliably enough to act on.
 * RELAY and OTHER are unknown loads.
 */
export const ACTUATOR_EFFECTS: Readonly<Record<ActuatorKind, Readonly<Partial<Record<PlantQuantity, 1 | -1>>>>> = {
  HEATER: { temperature: 1 },
  COOLER: { temperature: -1 },
  FAN: { temperature: -1 },
  DEHUMIDIFIER: { humidity: -1 },
  HUMIDIFIER: { humidity: 1 },
  RELAY: {},
  OTHER: {},
};

/** The state an actuator is in at `t`, from its own changes in time order (`before` until the first). */
export function stateAt(changes: readonly ActuatorChange[], t: number, before: ActuatorState): ActuatorState {
  let state = before;
  for (const c of changes) {
    if (c.atMs > t) break;
    state = c.state;
  }
  return state;
}

/**
 * The share of each interval [from + k·step, from + (k + 1)·step) that the actuator was ON, for
 * k = 0..count−1, from its changes in time order and its state before the first change.
 */
export function onFractions(changes: readonly ActuatorChange[], before: ActuatorState, fromMs: number, stepMs: number, count: number): Float64Array {
  const bounds = new Float64Array(count + 1);
  for (let k = 0; k <= count; k++) bounds[k] = fromMs + k * stepMs;
  return onShares(changes, before, bounds);
}

/**
 * The share of each interval [bounds[k], bounds[k + 1]) (ascending bounds) that the actuator
 * was ON, from its changes in time order and its state before the first change.
 */
export function onShares(changes: readonly ActuatorChange[], before: ActuatorState, bounds: Float64Array): Float64Array {
  const count = Math.max(0, bounds.length - 1);
  const out = new Float64Array(count);
  let k = 0;
  // Adds the ON span [a, b) to the intervals it overlaps; spans come in time order, so k only advances.
  const addOn = (a: number, b: number): void => {
    while (k < count && (bounds[k + 1] as number) <= a) k += 1;
    for (let j = k; j < count; j++) {
      const lo = Math.max(a, bounds[j] as number);
      const hi = Math.min(b, bounds[j + 1] as number);
      if ((bounds[j] as number) >= b) break;
      if (hi > lo) out[j] = (out[j] as number) + (hi - lo) / ((bounds[j + 1] as number) - (bounds[j] as number));
    }
  };
  let state = before;
  let since = Number.NEGATIVE_INFINITY;
  for (const c of changes) {
    if (state === "ON" && c.state === "OFF") addOn(since, c.atMs);
    if (state === "OFF" && c.state === "ON") since = c.atMs;
    state = c.state;
  }
  if (state === "ON") addOn(since, Number.POSITIVE_INFINITY);
  return out;
}

/** The changes of each actuator, in time order, keyed by id (with its kind). */
export function changesById(changes: readonly ActuatorChange[]): Map<string, { kind: ActuatorKind; changes: ActuatorChange[] }> {
  const byId = new Map<string, { kind: ActuatorKind; changes: ActuatorChange[] }>();
  for (const c of [...changes].sort((a, b) => a.atMs - b.atMs)) {
    const entry = byId.get(c.actuatorId) ?? { kind: c.kind, changes: [] };
    entry.changes.push(c);
    byId.set(c.actuatorId, entry);
  }
  return byId;
}

/**
 * Each actuator's latest real switch (a state different from the one before it), from changes in
 * time order and the states before them; a first report with nothing before it is not a switch.
 */
export function lastSwitches(changes: readonly ActuatorChange[], before: Readonly<Record<string, ActuatorState>>): Map<string, number> {
  const state = new Map<string, ActuatorState>(Object.entries(before));
  const at = new Map<string, number>();
  for (const c of changes) {
    const previous = state.get(c.actuatorId);
    if (previous !== undefined && previous !== c.state) at.set(c.actuatorId, c.atMs);
    state.set(c.actuatorId, c.state);
  }
  return at;
}
