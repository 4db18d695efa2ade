import { formatDuration } from "../analytics/format.js";
import { InvalidInputError } from "../errors.js";
import { idProblem } from "../domain/validate.js";
import type { ActuatorSnapshot, SwitchRequest } from "../domain/actuatorState.js";

/**
 * Safety limits given as data. EXCLUSIVE: at most one of `actuators` ON at a time. MAX_ON:
 * `actuatorId` stays ON at most `seconds` in a row (then `overdueMaxOn` names it for OFF).
 */
export type Interlock =
  | { readonly kind: "EXCLUSIVE"; readonly name: string; readonly actuators: readonly string[] }
  | { readonly kind: "MAX_ON"; readonly name: string; readonly actuatorId: string; readonly seconds: number };

/** Why a command may not go out. */
export interface InterlockRefusal {
  readonly interlock: string;
  readonly message: string;
}

/** An actuator past its MAX_ON limit: it must be switched OFF now. */
export interface OverdueActuator {
  readonly actuatorId: string;
  readonly interlock: string;
  readonly onForMs: number;
  readonly message: string;
}

export interface ActuatorStates {
  readonly states: ReadonlyMap<string, ActuatorSnapshot>;
}

/** A config the twin cannot use; `problems` names each bad field. */
export class InterlockConfigError extends InvalidInputError {
  constructor(readonly problems: readonly string[]) {
    super(`interlocks refused: ${problems.join("; ")}`);
  }
}

const MAX_ON_SECONDS_LIMIT = 7 * 86_400;

/** Null if switching is allowed now, else which interlock forbids it. Switching OFF is always allowed. */
export function checkCommand(request: SwitchRequest, current: ActuatorStates, interlocks: readonly Interlock[], nowMs: number): InterlockRefusal | null {
  if (request.state === "OFF") return null;
  const id = request.actuatorId;
  for (const lock of interlocks) {
    if (lock.kind === "EXCLUSIVE") {
      if (!lock.actuators.includes(id)) continue;
      for (const other of lock.actuators) {
        if (other !== id && current.states.get(other)?.state === "ON") {
          return { interlock: lock.name, message: `refused: interlock ${lock.name} forbids ${id} ON while ${other} is ON` };
        }
      }
    } else if (lock.actuatorId === id) {
      const now = current.states.get(id);
      if (now?.state === "ON" && nowMs - now.sinceMs >= lock.seconds * 1000) {
        return {
          interlock: lock.name,
          message: `refused: interlock ${lock.name} forbids ${id} ON: it has been ON for ${formatDuration(nowMs - now.sinceMs)}, at most ${lock.seconds} s in a row`,
        };
      }
    }
  }
  return null;
}

/** Actuators ON for at least their MAX_ON limit at `nowMs`: switch them OFF. */
export function overdueMaxOn(states: ReadonlyMap<string, ActuatorSnapshot>, interlocks: readonly Interlock[], nowMs: number): OverdueActuator[] {
  const overdue: OverdueActuator[] = [];
  for (const lock of interlocks) {
    if (lock.kind !== "MAX_ON") continue;
    const s = states.get(lock.actuatorId);
    if (s?.state !== "ON") continue;
    const onForMs = nowMs - s.sinceMs;
    if (onForMs < lock.seconds * 1000) continue;
    // Two MAX_ON locks on one actuator: the first (strictest listed) names it once.
    if (overdue.some((o) => o.actuatorId === lock.actuatorId)) continue;
    overdue.push({
      actuatorId: lock.actuatorId,
      interlock: lock.name,
      onForMs,
      message: `interlock ${lock.name}: ${lock.actuatorId} has been ON for ${formatDuration(onForMs)}, at most ${lock.seconds} s in a row; switching it OFF`,
    });
  }
  return overdue;
}

/** Parses interlocks from JSON text; throws `InterlockConfigError` naming every bad field. */
export function parseInterlocks(jsonText: string): Interlock[] {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    throw new InterlockConfigError([`interlocks are not valid JSON (${(error as Error).message})`]);
  }
  const { interlocks, problems } = validateInterlocks(value);
  if (problems.length > 0) throw new InterlockConfigError(problems);
  return interlocks;
}

const FIELDS: Record<Interlock["kind"], readonly string[]> = { EXCLUSIVE: ["kind", "name", "actuators"], MAX_ON: ["kind", "name", "actuatorId", "seconds"] };

/** Checks already-parsed JSON; the interlocks are usable only when `problems` is empty. */
export function validateInterlocks(value: unknown): { interlocks: Interlock[]; problems: string[] } {
  const problems: string[] = [];
  const interlocks: Interlock[] = [];
  if (!Array.isArray(value)) return { interlocks, problems: [`interlocks must be a JSON array, got ${describe(value)}`] };
  const names = new Map<string, number>();
  for (const [i, item] of (value as unknown[]).entries()) {
    const at = `interlocks[${i}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      problems.push(`${at} must be an object, got ${describe(item)}`);
      continue;
    }
    const before = problems.length;
    const lock = checkOne(item as Record<string, unknown>, at, problems);
    const name = (item as Record<string, unknown>).name;
    if (typeof name === "string" && name.trim() !== "") {
      if (names.has(name)) problems.push(`${at}.name "${name}" is already used by interlocks[${names.get(name)}]`);
      else names.set(name, i);
    }
    if (lock !== null && problems.length === before) interlocks.push(lock);
  }
  return { interlocks, problems };
}

function checkOne(o: Record<string, unknown>, at: string, problems: string[]): Interlock | null {
  if (typeof o.name !== "string" || o.name.trim() === "") problems.push(`${at}.name must be a non-empty string`);
  if (o.kind !== "EXCLUSIVE" && o.kind !== "MAX_ON") {
    problems.push(`${at}.kind must be EXCLUSIVE or MAX_ON, got ${describe(o.kind)}`);
    return null;
  }
  const fields = FIELDS[o.kind];
  for (const key of Object.keys(o)) if (!fields.includes(key)) problems.push(`${at}.${key} does not apply to ${o.kind} (fields: ${fields.join(", ")})`);
  const name = o.name as string;
  if (o.kind === "EXCLUSIVE") {
    if (!Array.isArray(o.actuators) || o.actuators.length < 2) {
      problems.push(`${at}.actuators must list at least 2 actuator ids`);
      return null;
    }
    const seen = new Set<unknown>();
    for (const [j, a] of (o.actuators as unknown[]).entries()) {
      const p = idProblem(a, `${at}.actuators[${j}]`);
      if (p !== null) problems.push(p);
      else if (seen.has(a)) problems.push(`${at}.actuators[${j}] repeats ${String(a)}`);
      seen.add(a);
    }
    return { kind: "EXCLUSIVE", name, actuators: [...(o.actuators as string[])] };
  }
  const p = idProblem(o.actuatorId, `${at}.actuatorId`);
  if (p !== null) problems.push(p);
  const s = o.seconds;
  if (typeof s !== "number" || !(s > 0) || s > MAX_ON_SECONDS_LIMIT) {
    problems.push(`${at}.seconds must be a positive number of seconds up to ${MAX_ON_SECONDS_LIMIT} (7 days), got ${describe(s)}`);
  }
  return { kind: "MAX_ON", name, actuatorId: o.actuatorId as string, seconds: s as number };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  return "an object";
}
