/** Where instances meet to share their subscription events (REDIS_URL, REDIS_CHANNEL). */
export interface RedisSettings {
  /** redis:// or rediss:// (TLS), with user and password if the server asks for them. */
  readonly url: string;
  /** The pub/sub channel every instance publishes to and listens on. */
  readonly channel: string;
}

const DEFAULT_REDIS_CHANNEL = "twin:events";

/** The settings from REDIS_URL and REDIS_CHANNEL, or what is wrong with them (the message names the variable and the fix). */
export function parseRedisSettings(url: string, channel: string = DEFAULT_REDIS_CHANNEL): RedisSettings | { readonly problem: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `REDIS_URL=${redactedRedisUrl(url)} is not a URL; write redis://host[:port] or rediss://host[:port] (TLS), e.g. redis://127.0.0.1:6379` };
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    return { problem: `REDIS_URL=${redactedRedisUrl(url)} has scheme ${parsed.protocol.replace(/:$/, "")}; the twin speaks redis:// (plain TCP) or rediss:// (TLS)` };
  }
  if (parsed.hostname === "") return { problem: `REDIS_URL=${redactedRedisUrl(url)} names no host; write e.g. redis://127.0.0.1:6379` };
  if (!/^[A-Za-z0-9:._-]{1,100}$/.test(channel)) return { problem: `REDIS_CHANNEL=${channel} must be 1..100 characters of [A-Za-z0-9:._-]` };
  return { url, channel };
}

/** The URL for messages and health: no password. */
export function redactedRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== "") u.password = "***";
    return u.toString().replace(/\/$/, "");
  } catch {
    return url.replace(/\/\/[^@/]*@/, "//***@");
  }
}
