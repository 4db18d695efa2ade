import {
  MAX_LINE_BYTES,
  type AckMessage,
  type AnnouncedActuator,
  type AnnouncedSensor,
  type DecodeProblem,
  type DecodeResult,
  type DeviceMessage,
  type ErrMessage,
  type HelloMessage,
  type ReadingMessage,
} from "./messages.js";

type Fields = Record<string, unknown>;

class FieldError extends Error {}

const isObject = (value: unknown): value is Fields => typeof value === "object" && value !== null && !Array.isArray(value);

function str(o: Fields, key: string, maxLength = 64): string {
  const value = o[key];
  if (typeof value !== "string" || value.length === 0 || value.length > maxLength) {
    throw new FieldError(`"${key}" must be a string of 1..${maxLength} characters`);
  }
  return value;
}

function optStr(o: Fields, key: string, maxLength = 64): string | null {
  return o[key] === undefined ? null : str(o, key, maxLength);
}

function num(o: Fields, key: string): number {
  const value = o[key];
  if (typeof value !== "number" || !Number.isFinite(value)) throw new FieldError(`"${key}" must be a finite number`);
  return value;
}

function uint(o: Fields, key: string): number {
  const value = num(o, key);
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new FieldError(`"${key}" must be an integer in 0..2^32-1`);
  return value;
}

function onOff(o: Fields, key: string): "ON" | "OFF" {
  const value = o[key];
  if (value !== "ON" && value !== "OFF") throw new FieldError(`"${key}" must be "ON" or "OFF"`);
  return value;
}

function list<T>(o: Fields, key: string, item: (f: Fields) => T): T[] {
  const value = o[key];
  if (!Array.isArray(value) || value.length > 32) throw new FieldError(`"${key}" must be an array of at most 32 entries`);
  return value.map((entry, i) => {
    if (!isObject(entry)) throw new FieldError(`"${key}[${i}]" must be an object`);
    return item(entry);
  });
}

function hello(o: Fields): HelloMessage {
  const sensors = list<AnnouncedSensor>(o, "sensors", (s) => ({
    id: str(s, "id", 128),
    kind: str(s, "kind", 32),
    unit: str(s, "unit", 16),
    offset: s["off"] === undefined ? null : num(s, "off"),
  }));
  const acts = list<AnnouncedActuator>(o, "acts", (a) => ({ id: str(a, "id", 128), kind: str(a, "kind", 32), state: onOff(a, "state") }));
  return {
    t: "hello",
    id: optStr(o, "id", 16),
    v: uint(o, "v"),
    dev: str(o, "dev", 128),
    fw: str(o, "fw", 32),
    up: uint(o, "up"),
    seq: uint(o, "seq"),
    ms: uint(o, "ms"),
    sensorErrors: o["se"] === undefined ? null : uint(o, "se"),
    sensors,
    acts,
  };
}

function reading(o: Fields): ReadingMessage {
  return { t: "r", s: str(o, "s", 128), v: num(o, "v"), n: uint(o, "n"), up: uint(o, "up") };
}

function ack(o: Fields): AckMessage {
  const out: { -readonly [K in keyof AckMessage]: AckMessage[K] } = { t: "ack", id: str(o, "id", 16) };
  if (o["a"] !== undefined) out.a = str(o, "a", 128);
  if (o["state"] !== undefined) out.state = onOff(o, "state");
  if (o["ms"] !== undefined) out.ms = uint(o, "ms");
  if (o["s"] !== undefined) out.s = str(o, "s", 128);
  if (o["off"] !== undefined) out.off = num(o, "off");
  return out;
}

function err(o: Fields): ErrMessage {
  return { t: "err", id: optStr(o, "id", 16), code: str(o, "code", 32), msg: typeof o["msg"] === "string" ? o["msg"].slice(0, 200) : "" };
}

const fail = (problem: DecodeProblem, detail: string): DecodeResult => ({ ok: false, problem, detail });

/**
 * Decodes one device line (without its newline). Never throws: anything unusable comes back
 * as a problem with a short detail for the log. Unknown fields are ignored (PROTOCOL.md §1).
 */
export function decodeLine(line: string): DecodeResult {
  if (Buffer.byteLength(line, "utf8") > MAX_LINE_BYTES) return fail("too_long", `line longer than ${MAX_LINE_BYTES} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return fail("bad_json", "not valid JSON");
  }
  if (!isObject(parsed)) return fail("not_object", "not a JSON object");
  const type = parsed["t"];
  try {
    let message: DeviceMessage;
    switch (type) {
      case "r":
        message = reading(parsed);
        break;
      case "hello":
        message = hello(parsed);
        break;
      case "ack":
        message = ack(parsed);
        break;
      case "err":
        message = err(parsed);
        break;
      default:
        return fail("unknown_type", `unknown message type ${(JSON.stringify(type) as string | undefined)?.slice(0, 40) ?? "undefined"}`);
    }
    return { ok: true, message };
  } catch (error) {
    if (error instanceof FieldError) return fail("bad_field", `${String(type)}: ${error.message}`);
    return fail("bad_field", `${String(type)}: unreadable`);
  }
}
