// Line protocol v1 (firmware/PROTOCOL.md): one JSON object per line.

export const PROTOCOL_VERSION = 1;
/** Hosts accept device lines up to this many bytes (PROTOCOL.md §1). */
export const MAX_LINE_BYTES = 1024;
/** The firmware accepts command lines up to this many bytes. */
export const MAX_COMMAND_BYTES = 127;
export const MAX_COMMAND_ID_LENGTH = 16;
export const INTERVAL_RANGE_MS = { min: 100, max: 60_000 } as const;
export const CALIBRATION_RANGE = { min: -1000, max: 1000 } as const;

export interface AnnouncedSensor {
  readonly id: string;
  readonly kind: string;
  readonly unit: string;
  /** Current calibration offset, when the device reports it. */
  readonly offset: number | null;
}

export interface AnnouncedActuator {
  readonly id: string;
  readonly kind: string;
  readonly state: "ON" | "OFF";
}

/** Identity and full state: sent at boot and as the answer to `status` (then with its id). */
export interface HelloMessage {
  readonly t: "hello";
  readonly id: string | null;
  readonly v: number;
  readonly dev: string;
  readonly fw: string;
  readonly up: number;
  readonly seq: number;
  readonly ms: number;
  readonly sensorErrors: number | null;
  readonly sensors: readonly AnnouncedSensor[];
  readonly acts: readonly AnnouncedActuator[];
}

/** One reading: sensor id, value, device-wide sequence number, device uptime (ms). */
export interface ReadingMessage {
  readonly t: "r";
  readonly s: string;
  readonly v: number;
  readonly n: number;
  readonly up: number;
}

/** A command succeeded; the other fields echo what was applied. */
export interface AckMessage {
  readonly t: "ack";
  readonly id: string;
  readonly a?: string;
  readonly state?: "ON" | "OFF";
  readonly ms?: number;
  readonly s?: string;
  readonly off?: number;
}

/** A line was rejected by the device. */
export interface ErrMessage {
  readonly t: "err";
  readonly id: string | null;
  readonly code: string;
  readonly msg: string;
}

export type DeviceMessage = HelloMessage | ReadingMessage | AckMessage | ErrMessage;

export type DeviceCommand =
  | { readonly t: "set"; readonly id: string; readonly a: string; readonly state: "ON" | "OFF" }
  | { readonly t: "interval"; readonly id: string; readonly ms: number }
  | { readonly t: "cal"; readonly id: string; readonly s: string; readonly off: number }
  | { readonly t: "status"; readonly id: string };

/** Why a device line could not be used. */
export type DecodeProblem = "too_long" | "bad_json" | "not_object" | "unknown_type" | "bad_field";

export type DecodeResult = { readonly ok: true; readonly message: DeviceMessage } | { readonly ok: false; readonly problem: DecodeProblem; readonly detail: string };
