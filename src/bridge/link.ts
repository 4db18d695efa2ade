import type { EventEmitter } from "node:events";

export interface LinkEvents {
  /** Bytes of a stream (a serial port): the session cuts them into lines. */
  data: [chunk: Buffer];
  /** One whole protocol message (a framed transport: one MQTT message), never cut or joined. */
  message: [payload: Buffer];
  /** The link is gone (unplugged, simulator stopped, closed); `error` says why when known. */
  close: [error: Error | null];
}

/**
 * A pipe to one device: a serial port, the in-memory virtual device, or a device's MQTT topics. Sessions speak the
 * protocol over it without knowing which.
 */
export interface DeviceLink extends EventEmitter<LinkEvents> {
  /** Human-readable name: the port path, or "virtual:<id>". */
  readonly name: string;
  /**
   * The device this link belongs to, when the transport names it (an MQTT topic): a hello
   * naming another device is rejected. Undefined for a port, where the hello says who is there.
   */
  readonly boundDeviceId?: string;
  open(): Promise<void>;
  write(data: string): Promise<void>;
  close(): Promise<void>;
}

/** How long to wait before the next reopen attempt: doubling from 0.5 s up to 10 s. */
export function reopenDelayMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.min(attempt, 5));
}
