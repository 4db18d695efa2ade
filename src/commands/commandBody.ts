import type { CommandBody } from "../bridge/deviceSession.js";
import type { SwitchState } from "../domain/actuatorState.js";
import type { Command } from "../domain/command.js";

/** What a command says on the wire to its device (protocol v1). */
export function commandBody(c: Command): CommandBody {
  const p = JSON.parse(c.payload) as Record<string, unknown>;
  if (c.kind === "ACTUATE") return { t: "set", a: p["actuatorId"] as string, state: p["state"] as SwitchState };
  if (c.kind === "SET_INTERVAL") return { t: "interval", ms: p["ms"] as number };
  if (c.kind === "CALIBRATE") return { t: "cal", s: p["sensorId"] as string, off: p["offset"] as number };
  return { t: "status" };
}
