export type LogLevel = "debug" | "info" | "warn" | "error";

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

const defaultSink: LogSink = (line, level) => {
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
};

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

/** Creates a line-per-event logger: time, level, component, message, JSON context. */
export function createLogger(minLevel: LogLevel = "info", sink: LogSink = defaultSink, component = "twin"): Logger {
  const write = (level: LogLevel, message: string, context?: Record<string, unknown>): void => {
    if (order[level] < order[minLevel]) return;
    let line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${component}] ${message}`;
    if (context !== undefined && Object.keys(context).length > 0) {
      const plain: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(context)) plain[key] = describe(value);
      line += " " + JSON.stringify(plain);
    }
    sink(line, level);
  };
  return {
    debug: (m, c) => write("debug", m, c),
    info: (m, c) => write("info", m, c),
    warn: (m, c) => write("warn", m, c),
    error: (m, c) => write("error", m, c),
    child: (name) => createLogger(minLevel, sink, `${component}.${name}`),
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
