import { InvalidInputError } from "../../errors.js";
import type { BucketResolvers, QueryResolvers, SensorHealthResolvers, SensorRankingResolvers, SensorResolvers, TraitsResolvers, TrendResolvers } from "../../generated/graphql.js";
import { toIso } from "../../store/time.js";
import { bucketsArg, MAX_HISTORY_WINDOW_SECONDS, timeArg, windowArg } from "../args.js";
import type { TwinServices } from "../services.js";

export function diagnosticsQueries(services: TwinServices): Pick<QueryResolvers, "traits" | "health" | "trend" | "ranking"> {
  const { diagnostics } = services;
  return {
    traits: (_p, { sensorId, windowSeconds, asOf, resolution }) =>
      diagnostics.traits(sensorId, windowArg(windowSeconds, 300, "windowSeconds", MAX_HISTORY_WINDOW_SECONDS), timeArg(asOf, "asOf"), resolution ?? null),
    health: (_p, { windowSeconds, asOf }) => diagnostics.health(windowArg(windowSeconds, 300), timeArg(asOf, "asOf")),
    trend: (_p, { sensorId, windowSeconds, targetMin, targetMax, buckets, asOf, resolution }) => {
      if (targetMin !== null && targetMin !== undefined && targetMax !== null && targetMax !== undefined && targetMin > targetMax) {
        throw new InvalidInputError(`targetMin (${targetMin}) is above targetMax (${targetMax})`);
      }
      const windowMs = windowArg(windowSeconds, 3600, "windowSeconds", MAX_HISTORY_WINDOW_SECONDS);
      return diagnostics.trend(sensorId, windowMs, bucketsArg(buckets), targetMin ?? null, targetMax ?? null, timeArg(asOf, "asOf"), resolution ?? null);
    },
    ranking: (_p, { windowSeconds, asOf, resolution }) => diagnostics.ranking(windowArg(windowSeconds, 43_200, "windowSeconds", MAX_HISTORY_WINDOW_SECONDS), timeArg(asOf, "asOf"), resolution ?? null),
  };
}

export function diagnosticsSensorFields(services: TwinServices): Pick<SensorResolvers, "traits" | "health"> {
  const { diagnostics } = services;
  return {
    traits: (sensor, { windowSeconds, asOf, resolution }) =>
      diagnostics.traits(sensor.sensorId, windowArg(windowSeconds, 300, "windowSeconds", MAX_HISTORY_WINDOW_SECONDS), timeArg(asOf, "asOf"), resolution ?? null),
    health: (sensor, { windowSeconds, asOf }) => diagnostics.sensorHealth(sensor.sensorId, windowArg(windowSeconds, 300), timeArg(asOf, "asOf")),
  };
}

export const traitsFields: TraitsResolvers = {
  windowSeconds: (t) => t.windowMs / 1000,
  asOf: (t) => new Date(t.asOfMs).toISOString(),
  staleAfterSeconds: (t) => t.staleLimitMs / 1000,
  typicalIntervalSeconds: (t) => (t.typicalIntervalMs === null ? null : t.typicalIntervalMs / 1000),
};

export const sensorHealthFields: SensorHealthResolvers = {
  score: (h) => Math.round(h.score),
  issues: (h) => [...h.issues],
};

export const trendFields: TrendResolvers = {
  windowSeconds: (t) => t.windowMs / 1000,
  asOf: (t) => new Date(t.asOfMs).toISOString(),
  series: (t) => [...t.series],
};

export const bucketFields: BucketResolvers = {
  start: (b) => toIso(b.startMs) as string,
  end: (b) => toIso(b.endMs) as string,
};

export const rankingFields: SensorRankingResolvers = {
  reliabilityScore: (r) => r.score,
};
