import type { TwinEvents } from "../domain/events.js";

/** The events every instance's subscribers see, whichever instance they happened on. */
export const SHARED_EVENTS = ["readingAccepted", "deviceStatus", "alertRaised", "commandUpdated"] as const;
type SharedEventName = (typeof SHARED_EVENTS)[number];
export type SharedEvents = Pick<TwinEvents, SharedEventName>;
export type SharedEvent = { [K in SharedEventName]: readonly [K, SharedEvents[K]] }[SharedEventName];

/** Version of the message format on the channel. */
const VERSION = 1;

/** One message on the channel: a batch of one instance's events, in the order they happened. */
export function encodeBatch(from: string, events: readonly SharedEvent[]): string {
  return JSON.stringify({ v: VERSION, from, events });
}

export type Decoded = { readonly kind: "events"; readonly from: string; readonly events: SharedEvent[]; readonly rejected: number } | { readonly kind: "refused"; readonly problem: string };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const str = (o: Record<string, unknown>, k: string): boolean => typeof o[k] === "string";
const num = (o: Record<string, unknown>, k: string): boolean => typeof o[k] === "number" && Number.isFinite(o[k]);

/** The fields each event's subscribers read; an event without them is not delivered. */
const SHAPES: Record<SharedEventName, (p: Record<string, unknown>) => boolean> = {
  readingAccepted: (p) => str(p, "sensorId") && num(p, "value") && num(p, "timestampMs"),
  deviceStatus: (p) => str(p, "deviceId") && typeof p["online"] === "boolean" && str(p, "port"),
  alertRaised: (p) => str(p, "alertId") && str(p, "sensorId") && str(p, "type") && str(p, "severity") && num(p, "raisedAtMs"),
  commandUpdated: (p) => str(p, "commandId") && str(p, "status") && str(p, "kind") && num(p, "createdAt"),
};

/**
 * A message from the channel: its events that have the shape their subscribers read (the rest
 * counted as rejected), or why the whole message was refused (not JSON, another version).
 */
export function decodeBatch(text: string): Decoded {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: "refused", problem: `not JSON (${text.slice(0, 40)}…)` };
  }
  if (!isObject(parsed)) return { kind: "refused", problem: "not a JSON object" };
  if (parsed["v"] !== VERSION) return { kind: "refused", problem: `version ${JSON.stringify(parsed["v"])}, this twin reads version ${VERSION}` };
  if (!str(parsed, "from") || !Array.isArray(parsed["events"])) return { kind: "refused", problem: "no from or events" };
  const events: SharedEvent[] = [];
  let rejected = 0;
  for (const item of parsed["events"] as unknown[]) {
    const name = Array.isArray(item) ? (item[0] as unknown) : undefined;
    const payload = Array.isArray(item) ? (item[1] as unknown) : undefined;
    if (typeof name === "string" && (SHARED_EVENTS as readonly string[]).includes(name) && isObject(payload) && SHAPES[name as SharedEventName](payload)) {
      events.push([name, payload] as unknown as SharedEvent);
    } else rejected += 1;
  }
  return { kind: "events", from: parsed["from"] as string, events, rejected };
}
