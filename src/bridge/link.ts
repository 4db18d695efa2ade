import type { EventEmitter } from "node:events";

export interface LinkEvents {
  data: [chunk: Buffer];
  /** The link is gone (unplugged, simulator stopped, closed); `error` says why when known. */
  close: [error: Error | null];
}

/**
 * A byte pipe to one device: a serial port, or the in-memory virtual device. Sessions speak the
 * protocol over it without knowing which.
 */
export interface DeviceLink extends EventEmitter<LinkEvents> {
  /** Human-readable name: the port path, or "virtual:<id>". */
  readonly name: string;
  open(): Promise<void>;
  write(data: string): Promise<void>;
  close(): Promise<void>;
}

/** How long to wait before the next reopen attempt: doubling from 0.5 s up to 10 s. */
export function reopenDelayMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.min(attempt, 5));
}
