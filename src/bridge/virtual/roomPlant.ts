/** Actuator outputs of the room node, as on the firmware's pins. */
export interface RoomActuators {
  fan: boolean;
  heater: boolean;
  dehumidifier: boolean;
  cooler: boolean;
}

/** First-order room physics, the same equations as firmware/sim/plant.c (gains per minute). */
export interface RoomParameters {
  readonly ambientC: number;
  readonly tauMin: number;
  readonly heaterGain: number;
  readonly fanGain: number;
  readonly coolerGain: number;
  readonly ambientRh: number;
  readonly tauHMin: number;
  readonly moistureGain: number;
  readonly dehumGain: number;
  readonly fanHGain: number;
}

export const DEFAULT_ROOM: RoomParameters = {
  ambientC: 21,
  tauMin: 30,
  heaterGain: 0.5,
  fanGain: 0.3,
  coolerGain: 0.6,
  ambientRh: 45,
  tauHMin: 20,
  moistureGain: 0.25,
  dehumGain: 1,
  fanHGain: 0.1,
};

export interface RoomState {
  temperature: number;
  humidity: number;
  pressure: number;
  distance: number;
}

/** Advances the room by `minutes` (explicit Euler; callers step at ≤ 1 s). */
export function stepRoom(state: RoomState, actuators: RoomActuators, p: RoomParameters, minutes: number): void {
  const on = (b: boolean): number => (b ? 1 : 0);
  const dT = (p.ambientC - state.temperature) / p.tauMin + p.heaterGain * on(actuators.heater) - p.fanGain * on(actuators.fan) - p.coolerGain * on(actuators.cooler);
  const dH = (p.ambientRh - state.humidity) / p.tauHMin + p.moistureGain - p.dehumGain * on(actuators.dehumidifier) - p.fanHGain * on(actuators.fan);
  state.temperature += dT * minutes;
  state.humidity = Math.min(100, Math.max(0, state.humidity + dH * minutes));
}
