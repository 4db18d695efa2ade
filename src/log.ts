export type LogLevel = "debug" | "info" | "warn" | "error";
/** `text`: one readable line per event; `json`: one JSON object per line (LOG_FORMAT). */
export type LogFormat = "text" | "json";

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  /** A logger whose lines are tagged with a component name. */
  child(component: string): Logger;
}

export type LogSink = (line: string, level: LogLevel) => void;

/** stdout, and stderr for warnings and errors. */
export const standardSink: LogSink = (line, level) => {
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
};

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

/** The keys every JSON line has; a context key of the same name is written with a leading "_". */
const JSON_KEYS = new Set(["time", "level", "component", "message"]);

/**
 * Control characters escaped as \u001b etc. (inside JSON strings too, where the C1 ones would
 * stay raw): a message quoting what a device or a client sent cannot colour a terminal, move
 * its cursor or forge a second log line.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function formatLine(format: LogFormat, level: LogLevel, component: string, message: string, context: Record<string, unknown> | undefined): string {
  const time = new Date().toISOString();
  const entries = Object.entries(context ?? {}).map(([key, value]): [string, unknown] => [key, describe(value)]);
  if (format === "json") {
    const line: Record<string, unknown> = { time, level, component, message };
    for (const [key, value] of entries) line[JSON_KEYS.has(key) ? `_${key}` : key] = value;
    return printable(JSON.stringify(line));
  }
  const text = `${time} ${level.toUpperCase().padEnd(5)} [${component}] ${message}`;
  return printable(entries.length === 0 ? text : `${text} ${JSON.stringify(Object.fromEntries(entries))}`);
}

/** Creates a line-per-event logger: time, level, component, message and context, as text or JSON. */
export function createLogger(minLevel: LogLevel = "info", sink: LogSink = standardSink, component = "twin", format: LogFormat = "text"): Logger {
  const write = (level: LogLevel, message: string, context?: Record<string, unknown>): void => {
    if (order[level] < order[minLevel]) return;
    sink(formatLine(format, level, component, message, context), level);
  };
  return {
    debug: (m, c) => write("debug", m, c),
    info: (m, c) => write("info", m, c),
    warn: (m, c) => write("warn", m, c),
    error: (m, c) => write("error", m, c),
    child: (name) => createLogger(minLevel, sink, `${component}.${name}`, format),
  };
}

/** A logger that prints nothing (tests and benchmarks that measure, not watch). */
export const silentLogger: Logger = createLogger("error", () => undefined);

/**
 * Logs at most one line per key and interval, then how many were suppressed; for hostile
 * inputs (a noisy serial line) that would otherwise flood the log. Time is passed in.
 */
export class RateLimitedLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly log: Logger,
    private readonly intervalMs = 10_000,
  ) {}

  warn(key: string, nowMs: number, message: string, context?: Record<string, unknown>): void {
    const seen = this.last.get(key);
    if (seen !== undefined && nowMs - seen.at < this.intervalMs) {
      seen.suppressed += 1;
      return;
    }
    const suppressed = seen?.suppressed ?? 0;
    this.last.set(key, { at: nowMs, suppressed: 0 });
    this.log.warn(message, suppressed > 0 ? { ...context, suppressedSinceLast: suppressed } : context);
  }
}
