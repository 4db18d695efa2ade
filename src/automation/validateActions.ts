import { isSwitchState, type SwitchState } from "../domain/actuatorState.js";
import { CALIBRATION_RANGE, INTERVAL_RANGE_MS } from "../protocol/messages.js";
import { idProblem } from "../domain/validate.js";
import { absent, isRecord, oneOf, show, unknownFields, type Fields } from "./inputChecks.js";
import { ACTION_TYPES, type RuleAction } from "../domain/ruleTypes.js";
import { MAX_BODY_JSON_LENGTH, templateProblems, type JsonObject } from "../domain/template.js";

const MAX_ACTIONS = 10;

const FIELDS = {
  ACTUATE: ["type", "actuatorId", "state", "clearState"],
  SET_INTERVAL: ["type", "deviceId", "ms", "clearMs"],
  WEBHOOK: ["type", "url", "body"],
  CALIBRATE: ["type", "referenceSensorId", "maxOffset", "cooldownSeconds", "validDays"],
} as const;

/** A rule's CALIBRATE defaults: at most one calibration a day, valid for 30 days. */
const CALIBRATE_DEFAULTS = { cooldownSeconds: 86_400, validDays: 30 } as const;

/** The actions, or null with their problems pushed. */
export function checkActions(value: unknown, problems: string[]): RuleAction[] | null {
  if (!Array.isArray(value)) {
    problems.push(`actions must be a list of 1..${MAX_ACTIONS} actions, got ${show(value)}`);
    return null;
  }
  if (value.length === 0 || value.length > MAX_ACTIONS) {
    problems.push(`actions must hold 1..${MAX_ACTIONS} actions, got ${value.length}`);
    return null;
  }
  const before = problems.length;
  const actions: RuleAction[] = [];
  // Two actions on one target would race each other's commands.
  const targets = new Map<string, number>();
  value.forEach((item: unknown, i) => {
    const action = checkAction(item, `actions[${i}]`, problems);
    if (action === null || action.type === "WEBHOOK" || action.type === "CALIBRATE") {
      if (action !== null) actions.push(action);
      return;
    }
    const [field, id] = action.type === "ACTUATE" ? ["actuatorId", action.actuatorId] : ["deviceId", action.deviceId];
    const key = `${action.type}:${id}`;
    const first = targets.get(key);
    if (first !== undefined) problems.push(`actions[${i}].${field} ${id} is already used by actions[${first}]; give each ${action.type === "ACTUATE" ? "actuator" : "device"} one action`);
    else targets.set(key, i);
    actions.push(action);
  });
  return problems.length > before ? null : actions;
}

function checkAction(item: unknown, at: string, problems: string[]): RuleAction | null {
  if (!isRecord(item)) {
    problems.push(`${at} must be an object, got ${show(item)}`);
    return null;
  }
  if (!oneOf(item.type, ACTION_TYPES, `${at}.type`, problems, "every action")) return null;
  const before = problems.length;
  problems.push(...unknownFields(item, FIELDS[item.type], `${at}.`, item.type));
  let action: RuleAction | null;
  switch (item.type) {
    case "ACTUATE":
      action = checkActuate(item, at, problems);
      break;
    case "SET_INTERVAL":
      action = checkSetInterval(item, at, problems);
      break;
    case "WEBHOOK":
      action = checkWebhook(item, at, problems);
      break;
    case "CALIBRATE":
      action = checkCalibrate(item, at, problems);
      break;
  }
  return problems.length > before ? null : action;
}

function requiredId(value: unknown, field: string, type: string, problems: string[]): string | null {
  if (absent(value)) {
    problems.push(`${field} is required for ${type}`);
    return null;
  }
  const problem = idProblem(value, field);
  if (problem !== null) problems.push(problem);
  return problem === null ? (value as string) : null;
}

function checkActuate(o: Fields, at: string, problems: string[]): RuleAction | null {
  const actuatorId = requiredId(o.actuatorId, `${at}.actuatorId`, "ACTUATE", problems);
  const state = switchState(o.state, `${at}.state`, problems, true);
  const clearState = switchState(o.clearState, `${at}.clearState`, problems, false);
  if (state !== null && clearState === state) {
    problems.push(`${at}.clearState ${clearState} equals state: clearing would change nothing; leave clearState out or use ${state === "ON" ? "OFF" : "ON"}`);
  }
  if (actuatorId === null || state === null) return null;
  return { type: "ACTUATE", actuatorId, state, clearState };
}

function switchState(value: unknown, field: string, problems: string[], required: boolean): SwitchState | null {
  if (absent(value)) {
    if (required) problems.push(`${field} is required for ACTUATE ("ON" or "OFF")`);
    return null;
  }
  if (isSwitchState(value)) return value;
  problems.push(`${field} must be "ON" or "OFF", got ${show(value)}`);
  return null;
}

function intervalMs(value: unknown, field: string, problems: string[], required: boolean): number | null {
  const { min, max } = INTERVAL_RANGE_MS;
  if (absent(value)) {
    if (required) problems.push(`${field} is required for SET_INTERVAL (${min}..${max} milliseconds)`);
    return null;
  }
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push(`${field} must be an integer in ${min}..${max} (milliseconds), got ${show(value)}`);
  return null;
}

function checkSetInterval(o: Fields, at: string, problems: string[]): RuleAction | null {
  const deviceId = requiredId(o.deviceId, `${at}.deviceId`, "SET_INTERVAL", problems);
  const ms = intervalMs(o.ms, `${at}.ms`, problems, true);
  const clearMs = intervalMs(o.clearMs, `${at}.clearMs`, problems, false);
  if (deviceId === null || ms === null) return null;
  return { type: "SET_INTERVAL", deviceId, ms, clearMs };
}

function checkWebhook(o: Fields, at: string, problems: string[]): RuleAction | null {
  const url = checkUrl(o.url, `${at}.url`, problems);
  const body = checkBody(o.body, `${at}.body`, problems);
  if (url === null || body === undefined) return null;
  return { type: "WEBHOOK", url, body };
}

function checkUrl(value: unknown, field: string, problems: string[]): string | null {
  if (absent(value)) {
    problems.push(`${field} is required for WEBHOOK`);
    return null;
  }
  if (typeof value !== "string") {
    problems.push(`${field} must be a string, got ${show(value)}`);
    return null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${field} is not a valid absolute URL: ${show(value)}`);
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    problems.push(`${field} must be http or https, got ${value.length > 80 ? `${value.slice(0, 79)}…` : value}`);
    return null;
  }
  return value;
}

/** The body (null: none), or undefined when it is unusable. */
function checkBody(value: unknown, field: string, problems: string[]): JsonObject | null | undefined {
  if (absent(value)) return null;
  let body: unknown = value;
  if (typeof value === "string") {
    try {
      body = JSON.parse(value);
    } catch (error) {
      problems.push(`${field} is not valid JSON (${(error as Error).message})`);
      return undefined;
    }
  }
  if (!isRecord(body)) {
    problems.push(`${field} must be a JSON object, got ${show(body)}`);
    return undefined;
  }
  const text = JSON.stringify(body);
  if (text.length > MAX_BODY_JSON_LENGTH) {
    problems.push(`${field} is ${text.length} characters of JSON; at most ${MAX_BODY_JSON_LENGTH} are allowed`);
    return undefined;
  }
  // A round trip through JSON drops undefined, functions and the like: what is sent is what is checked.
  const clean = JSON.parse(text) as JsonObject;
  const templated = templateProblems(clean, field);
  problems.push(...templated);
  return templated.length > 0 ? undefined : clean;
}

function checkCalibrate(o: Fields, at: string, problems: string[]): RuleAction | null {
  const before = problems.length;
  const reference = absent(o.referenceSensorId) ? null : o.referenceSensorId;
  const idError = reference === null ? null : idProblem(reference, `${at}.referenceSensorId`);
  if (idError !== null) problems.push(idError);
  const { max } = CALIBRATION_RANGE;
  const maxOffset = o.maxOffset;
  if (absent(maxOffset)) problems.push(`${at}.maxOffset is required for CALIBRATE: the largest offset (sensor units, either sign) the rule may apply, at most ${max}`);
  else if (typeof maxOffset !== "number" || !Number.isFinite(maxOffset) || maxOffset <= 0 || maxOffset > max) {
    problems.push(`${at}.maxOffset must be a number above 0 and at most ${max} (sensor units), got ${show(maxOffset)}`);
  }
  const cooldown = absent(o.cooldownSeconds) ? CALIBRATE_DEFAULTS.cooldownSeconds : o.cooldownSeconds;
  if (typeof cooldown !== "number" || !Number.isInteger(cooldown) || cooldown < 60 || cooldown > 365 * 86_400) {
    problems.push(`${at}.cooldownSeconds must be a whole number of seconds from 60 to ${365 * 86_400} (a year), got ${show(cooldown)}`);
  }
  const validDays = absent(o.validDays) ? CALIBRATE_DEFAULTS.validDays : o.validDays;
  if (typeof validDays !== "number" || !Number.isInteger(validDays) || validDays < 1 || validDays > 3650) {
    problems.push(`${at}.validDays must be a whole number of days from 1 to 3650, got ${show(validDays)}`);
  }
  if (problems.length > before) return null;
  return { type: "CALIBRATE", referenceSensorId: reference as string | null, maxOffset: maxOffset as number, cooldownSeconds: cooldown as number, validDays: validDays as number };
}
