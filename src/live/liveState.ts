import type { Reading } from "../domain/reading.js";

export interface SensorLive {
  readonly sensorId: string;
  currentValue: number;
  lastUpdateMs: number;
  seq: number | null;
}

/**
 * The in-memory mirror of each sensor's newest reading (by timestamp): answers "current status"
 * in O(1) and sees readings before they are committed. Rebuilt from Neo4j at start-up.
 */
export class LiveState {
  private readonly sensors = new Map<string, SensorLive>();

  /** Applies a reading; an older reading than the one held does not move the state back. */
  apply(reading: Reading): void {
    const known = this.sensors.get(reading.sensorId);
    if (known === undefined) {
      this.sensors.set(reading.sensorId, {
        sensorId: reading.sensorId,
        currentValue: reading.value,
        lastUpdateMs: reading.timestampMs,
        seq: reading.seq,
      });
    } else if (reading.timestampMs >= known.lastUpdateMs) {
      known.currentValue = reading.value;
      known.lastUpdateMs = reading.timestampMs;
      known.seq = reading.seq;
    }
  }

  /** Seeds a sensor from the database (start-up); kept only if newer than what is held. */
  seed(sensorId: string, value: number, timestampMs: number): void {
    this.apply({ sensorId, value, timestampMs, seq: null });
  }

  get(sensorId: string): SensorLive | undefined {
    return this.sensors.get(sensorId);
  }

  all(): IterableIterator<SensorLive> {
    return this.sensors.values();
  }

  get size(): number {
    return this.sensors.size;
  }
}
