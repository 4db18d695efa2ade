import { DeviceOfflineError, DomainError } from "../errors.js";
import type { Logger } from "../log.js";
import type { Command } from "../domain/command.js";

/** The refusal for a command whose device is not connected, naming it and its last sighting. */
export function deviceOffline(deviceId: string, what: string, lastSeenMs: number | null, nowMs: number, connected: readonly string[]): DeviceOfflineError {
  const seen = lastSeenMs === null ? "never seen" : `last seen ${new Date(lastSeenMs).toISOString()}, ${Math.max(0, Math.round((nowMs - lastSeenMs) / 1000))} s ago`;
  const others = connected.length === 0 ? "no device is connected" : `connected: ${connected.join(", ")}`;
  return new DeviceOfflineError(
    `device ${deviceId} is offline (${seen}; ${others}), so ${what} was not sent; reconnect the device, or let a device that has it say hello, and send it again`,
    deviceId,
    lastSeenMs,
  );
}

/** One info line per settled command: what, to which device, how it ended, after how many tries and how long. */
export function logSettled(log: Logger, c: Command, deviceId: string): void {
  log.info(`command ${c.kind} ${c.targetId} ${c.status}${c.error === null ? "" : `: ${c.error}`}`, {
    commandId: c.commandId,
    deviceId,
    payload: c.payload,
    attempts: c.attempts,
    ms: (c.finishedAt ?? c.createdAt) - c.createdAt,
    issuedBy: c.issuedBy,
  });
}

/** One info line for a command refused before it was sent (offline device, interlock, rate limit). */
export function logRefused(log: Logger, kind: string, targetId: string, issuedBy: string, error: unknown): void {
  if (!(error instanceof DomainError)) return; // unexpected failures are logged where they are caught
  log.info(`command ${kind} ${targetId} refused (${error.code}): ${error.message}`, { issuedBy, code: error.code });
}
