// The chart's time windows and how often each is refreshed; the cost test multiplies these.

export interface ChartWindow {
  readonly key: "1h" | "24h" | "7d";
  readonly seconds: number;
  readonly buckets: number;
  /** Forecast horizons drawn ahead of now (minutes): a quarter of the window, in four steps. */
  readonly horizons: readonly [number, number, number, number];
  readonly refreshMs: number;
}

export const WINDOWS: readonly ChartWindow[] = [
  { key: "1h", seconds: 3_600, buckets: 60, horizons: [4, 8, 11, 15], refreshMs: 30_000 },
  { key: "24h", seconds: 86_400, buckets: 96, horizons: [90, 180, 270, 360], refreshMs: 300_000 },
  { key: "7d", seconds: 604_800, buckets: 168, horizons: [630, 1260, 1890, 2520], refreshMs: 300_000 },
];

/** How often the page asks for each card set (ms). Readings and device states arrive by subscription in between. */
export const POLL_MS = { overview: 15_000, alerts: 15_000, recommendations: 30_000 } as const;
