// The MQTT topics of protocol v1 (docs/mqtt.md): a node publishes to `<prefix>/<deviceId>/up`
// and listens on `<prefix>/<deviceId>/down`. Pure: no client, no I/O.

/** Longest device id the protocol accepts (a hello's `dev`, PROTOCOL.md). */
const MAX_DEVICE_ID_LENGTH = 128;

/** Why `prefix` cannot be a topic prefix, or null when it can. */
export function prefixProblem(prefix: string): string | null {
  if (prefix === "") return "it is empty";
  if (/[+#]/.test(prefix)) return "it contains a wildcard (+ or #), which cannot be published to";
  if (prefix.startsWith("/") || prefix.endsWith("/")) return "it starts or ends with /";
  if (prefix.split("/").some((level) => level === "")) return "it has an empty level (//)";
  if (prefix.includes("\u0000")) return "it contains a NUL character";
  return null;
}

/** Why `deviceId` cannot be one level of a topic, or null when it can. */
export function deviceIdProblem(deviceId: string): string | null {
  if (deviceId === "" || deviceId.length > MAX_DEVICE_ID_LENGTH) return `a device id must have 1..${MAX_DEVICE_ID_LENGTH} characters`;
  if (/[+#/\u0000]/.test(deviceId)) return "a device id cannot contain +, #, / or NUL";
  return null;
}

/** The topics of one prefix: what the twin subscribes to, where each device talks. */
export class Topics {
  private readonly head: string;

  constructor(readonly prefix: string) {
    const problem = prefixProblem(prefix);
    if (problem !== null) throw new Error(`MQTT topic prefix "${prefix}" cannot be used: ${problem}`);
    this.head = `${prefix}/`;
  }

  /** Every device's uplink: what the twin subscribes to. */
  get allUp(): string {
    return `${this.prefix}/+/up`;
  }

  up(deviceId: string): string {
    return `${this.prefix}/${deviceId}/up`;
  }

  down(deviceId: string): string {
    return `${this.prefix}/${deviceId}/down`;
  }

  /** The device id of an uplink topic, or null for any other topic (or an unusable id). */
  deviceOfUp(topic: string): string | null {
    if (!topic.startsWith(this.head) || !topic.endsWith("/up")) return null;
    const deviceId = topic.slice(this.head.length, -"/up".length);
    return deviceIdProblem(deviceId) === null ? deviceId : null;
  }
}
