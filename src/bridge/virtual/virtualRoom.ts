import { SeededRandom } from "../../analytics/random.js";
import { DEFAULT_ROOM, stepRoom, type RoomActuators, type RoomParameters, type RoomState } from "./roomPlant.js";

/** Pressure: a mean-reverting walk around this (hPa), one step a second. */
const P_MEAN = 1013.25;

/**
 * The room virtual nodes sit in: one truth that every node in it reads, driven by the
 * actuators of all of them (an actuator counts as ON if any node's is). Nodes advance it to
 * their clock before they sample; it steps only forward, so two nodes never step it twice.
 */
export class VirtualRoom {
  readonly state: RoomState;
  readonly parameters: RoomParameters;
  private readonly random: SeededRandom;
  private readonly switches = new Set<RoomActuators>();
  private lastMs: number | null = null;
  /** Milliseconds of pressure walk not yet stepped (it steps whole seconds). */
  private pressureDueMs = 0;

  constructor(options: { readonly room?: Partial<RoomParameters>; readonly initial?: Partial<RoomState>; readonly seed?: number } = {}) {
    this.parameters = { ...DEFAULT_ROOM, ...options.room };
    this.state = { temperature: 21, humidity: 50, pressure: P_MEAN, distance: 120, ...options.initial };
    this.random = new SeededRandom((options.seed ?? 1) + 7919);
  }

  /** A node's actuator outputs, which act on this room from now on. */
  attach(actuators: RoomActuators): void {
    this.switches.add(actuators);
  }

  /** Advances the room to `nowMs` (explicit Euler at ≤ 1 s); a time at or before the last one does nothing. */
  advance(nowMs: number): void {
    if (this.lastMs === null || nowMs <= this.lastMs) {
      this.lastMs = Math.max(this.lastMs ?? nowMs, nowMs);
      return;
    }
    const elapsedMs = nowMs - this.lastMs;
    this.lastMs = nowMs;
    const on: RoomActuators = { fan: false, heater: false, dehumidifier: false, cooler: false };
    for (const a of this.switches) for (const key of Object.keys(on) as Array<keyof RoomActuators>) on[key] ||= a[key];
    let minutes = elapsedMs / 60_000;
    while (minutes > 0) {
      const step = Math.min(minutes, 1 / 60);
      stepRoom(this.state, on, this.parameters, step);
      minutes -= step;
    }
    this.pressureDueMs += elapsedMs;
    for (; this.pressureDueMs >= 1000; this.pressureDueMs -= 1000) {
      this.state.pressure += (P_MEAN - this.state.pressure) / 30 / 60 + this.random.gaussian(0, 0.05);
    }
  }
}
