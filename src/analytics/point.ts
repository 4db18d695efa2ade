/** One timestamped value: what every analytics function consumes. */
export interface Point {
  /** Epoch milliseconds (UTC). */
  readonly timestampMs: number;
  readonly value: number;
}

/** Anything that can visit its readings in time order within (fromExclusiveMs, toInclusiveMs]. */
export interface PointSource {
  scan(fromExclusiveMs: number, toInclusiveMs: number, visit: (timestampMs: number, value: number) => void): void;
}

/** Adapts a time-ordered array of points to a `PointSource`. */
export function arraySource(points: readonly Point[]): PointSource {
  return {
    scan(fromExclusiveMs, toInclusiveMs, visit) {
      for (const p of points) {
        if (p.timestampMs > fromExclusiveMs && p.timestampMs <= toInclusiveMs) visit(p.timestampMs, p.value);
      }
    },
  };
}

export const MS_PER_MINUTE = 60_000;
