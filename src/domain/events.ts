import type { Command } from "./command.js";
import type { RaisedAlert } from "./alert.js";
import type { Reading } from "./reading.js";

/** A device's connection state, as the deviceStatus subscription reports it. */
export interface DeviceStatusEvent {
  readonly deviceId: string;
  readonly port: string;
  readonly firmware: string | null;
  readonly online: boolean;
  readonly lastSeenMs: number | null;
  readonly lostReadings: number;
  readonly rejectedLines: number;
  readonly readings: number;
}

/** Every event of the twin's bus, with its payload. */
export interface TwinEvents {
  /** A validated reading, published before it is committed. */
  readingAccepted: Reading;
  /** The batch writer lost or regained the database. */
  storeAvailability: { readonly available: boolean; readonly error: string | null };
  /** A batch was committed: `count` readings written, `created` of them new, its transaction `seconds` long. */
  batchCommitted: { readonly count: number; readonly created: number; readonly seconds: number };
  /** A device connected, disconnected, went silent or lost readings. */
  deviceStatus: DeviceStatusEvent;
  /** An anomaly episode began (published before its Alert node is written). */
  alertRaised: RaisedAlert;
  /** An anomaly episode ended. */
  alertCleared: { readonly alertId: string; readonly sensorId: string; readonly atMs: number };
  /** A device announced its sensors with their kinds. */
  sensorsDeclared: { readonly sensors: ReadonlyArray<{ readonly sensorId: string; readonly kind: string }> };
  /** A device said hello and is in the graph: its sensors (with their offsets) and its sampling interval. */
  deviceRegistered: { readonly deviceId: string; readonly intervalMs: number; readonly sensors: ReadonlyArray<{ readonly sensorId: string; readonly offset: number | null }> };
  /** A command changed status (created, sent, acked, failed, timed out, cancelled). */
  commandUpdated: Command;
  /** A rule fired, cleared or was suppressed. */
  ruleDecision: { readonly ruleId: string; readonly event: string; readonly message: string; readonly atMs: number };
  /** A device acknowledged an actuator state (its reported state). */
  actuatorReported: { readonly deviceId: string; readonly actuatorId: string; readonly state: "ON" | "OFF"; readonly atMs: number };
}
