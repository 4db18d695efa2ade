import { CALIBRATION_RANGE, INTERVAL_RANGE_MS, MAX_COMMAND_BYTES, MAX_COMMAND_ID_LENGTH, type DeviceCommand } from "./messages.js";

/** A command that the firmware would refuse; the message says which field and why. */
export class CommandEncodeError extends Error {
  override readonly name = "CommandEncodeError";
}

/** Checks a command against the protocol's limits; returns a problem or null. */
function commandProblem(command: DeviceCommand): string | null {
  if (command.id.length === 0 || command.id.length > MAX_COMMAND_ID_LENGTH) {
    return `command id must have 1..${MAX_COMMAND_ID_LENGTH} characters`;
  }
  switch (command.t) {
    case "interval":
      if (!Number.isInteger(command.ms) || command.ms < INTERVAL_RANGE_MS.min || command.ms > INTERVAL_RANGE_MS.max) {
        return `sampling interval must be an integer from ${INTERVAL_RANGE_MS.min} to ${INTERVAL_RANGE_MS.max} ms, got ${command.ms}`;
      }
      return null;
    case "cal":
      if (!Number.isFinite(command.off) || command.off < CALIBRATION_RANGE.min || command.off > CALIBRATION_RANGE.max) {
        return `calibration offset must be a number from ${CALIBRATION_RANGE.min} to ${CALIBRATION_RANGE.max}, got ${command.off}`;
      }
      return null;
    default:
      return null;
  }
}

/** Encodes a host → device command as one protocol line, newline included. */
export function encodeCommand(command: DeviceCommand): string {
  const problem = commandProblem(command);
  if (problem !== null) throw new CommandEncodeError(problem);
  const line = JSON.stringify(command);
  if (Buffer.byteLength(line, "utf8") > MAX_COMMAND_BYTES) {
    throw new CommandEncodeError(`command is ${line.length} bytes; the firmware accepts at most ${MAX_COMMAND_BYTES}`);
  }
  return line + "\n";
}
