import { InvalidInputError } from "../errors.js";
import { INTERVAL_RANGE_MS } from "../protocol/messages.js";
import { idProblem } from "../domain/validate.js";
import { isSwitchState, type SwitchState } from "../domain/actuatorState.js";
import { COMMAND_TIMEOUT_RANGE_MS, DEFAULT_COMMAND_TIMEOUT_MS } from "../domain/command.js";

export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;
const MAX_REASON_LENGTH = 500;

/** A validated `sendCommand` request, defaults applied. */
export interface SendCommandRequest {
  readonly actuatorId: string;
  readonly state: SwitchState;
  readonly idempotencyKey: string | null;
  readonly timeoutMs: number;
  readonly reason: string | null;
}

/** A validated `setSamplingInterval` request, defaults applied. */
export interface SetIntervalRequest {
  readonly deviceId: string;
  readonly ms: number;
  readonly idempotencyKey: string | null;
  readonly timeoutMs: number;
  readonly reason: string | null;
}

/** A calibration to send: the offset for one sensor, over the device it belongs to. */
export interface CalibrateRequest {
  readonly sensorId: string;
  readonly deviceId: string;
  readonly offset: number;
  readonly idempotencyKey: string | null;
  readonly timeoutMs: number;
  readonly reason: string | null;
}

type Fields = Readonly<Record<string, unknown>>;

const absent = (v: unknown): v is null | undefined => v === undefined || v === null;

/** Problem with a caller-given overall timeout, or null; absent is fine (the default applies). */
export function timeoutProblem(value: unknown, field = "timeoutMs"): string | null {
  if (absent(value)) return null;
  const { min, max } = COMMAND_TIMEOUT_RANGE_MS;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    return `${field} must be an integer number of milliseconds in ${min}..${max}, got ${JSON.stringify(value)}`;
  }
  return null;
}

function commonProblems(input: Fields): string[] {
  const problems: string[] = [];
  const key = input.idempotencyKey;
  if (!absent(key) && (typeof key !== "string" || key.trim().length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
    problems.push(`idempotencyKey must be a non-blank string of at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, got ${JSON.stringify(key)}`);
  }
  const timeout = timeoutProblem(input.timeoutMs);
  if (timeout !== null) problems.push(timeout);
  const reason = input.reason;
  if (!absent(reason) && (typeof reason !== "string" || reason.length > MAX_REASON_LENGTH)) {
    problems.push(`reason must be a string of at most ${MAX_REASON_LENGTH} characters`);
  }
  return problems;
}

function refuse(what: string, problems: readonly string[]): never {
  throw new InvalidInputError(`${what} refused: ${problems.join("; ")}`);
}

function common(input: Fields) {
  return {
    idempotencyKey: absent(input.idempotencyKey) ? null : (input.idempotencyKey as string),
    timeoutMs: absent(input.timeoutMs) ? DEFAULT_COMMAND_TIMEOUT_MS : (input.timeoutMs as number),
    reason: absent(input.reason) ? null : (input.reason as string),
  };
}

/** Validates a `sendCommand` input; throws `InvalidInputError` naming every bad field. */
export function parseSendCommand(input: Fields): SendCommandRequest {
  const problems: string[] = [];
  const idError = idProblem(input.actuatorId, "actuatorId");
  if (idError !== null) problems.push(idError);
  if (!isSwitchState(input.state)) problems.push(`state must be "ON" or "OFF", got ${JSON.stringify(input.state ?? null)}`);
  problems.push(...commonProblems(input));
  if (problems.length > 0) refuse("sendCommand", problems);
  return { actuatorId: input.actuatorId as string, state: input.state as SwitchState, ...common(input) };
}

/** Validates a `setSamplingInterval` input; throws `InvalidInputError` naming every bad field. */
export function parseSetInterval(input: Fields): SetIntervalRequest {
  const problems: string[] = [];
  const idError = idProblem(input.deviceId, "deviceId");
  if (idError !== null) problems.push(idError);
  const ms = input.ms;
  if (typeof ms !== "number" || !Number.isInteger(ms) || ms < INTERVAL_RANGE_MS.min || ms > INTERVAL_RANGE_MS.max) {
    problems.push(`ms must be an integer in ${INTERVAL_RANGE_MS.min}..${INTERVAL_RANGE_MS.max}, got ${JSON.stringify(ms ?? null)}`);
  }
  problems.push(...commonProblems(input));
  if (problems.length > 0) refuse("setSamplingInterval", problems);
  return { deviceId: input.deviceId as string, ms: ms as number, ...common(input) };
}
