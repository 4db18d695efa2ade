import { InvalidInputError } from "../../errors.js";
import type { BucketResolvers, QueryResolvers, SensorHealthResolvers, SensorRankingResolvers, SensorResolvers, TraitsResolvers, TrendResolvers } from "../../generated/graphql.js";
import { toIso } from "../../store/time.js";
import { bucketsArg, timeArg, windowArg } from "../args.js";
import type { TwinServices } from "../services.js";

export function diagnosticsQueries(services: TwinServices): Pick<QueryResolvers, "traits" | "health" | "trend" | "ranking"> {
  const { diagnostics } = services;
  return {
    traits: (_p, { sensorId, windowSeconds, asOf }) => diagnostics.traits(sensorId, windowArg(windowSeconds, 300), timeArg(asOf, "asOf")),
    health: (_p, { windowSeconds, asOf }) => diagnostics.health(windowArg(windowSeconds, 300), timeArg(asOf, "asOf")),
    trend: (_p, { sensorId, windowSeconds, targetMin, targetMax, buckets, asOf }) => {
      if (targetMin !== null && targetMin !== undefined && targetMax !== null && targetMax !== undefined && targetMin > targetMax) {
        throw new InvalidInputError(`targetMin (${targetMin}) is above targetMax (${targetMax})`);
      }
      return diagnostics.trend(sensorId, windowArg(windowSeconds, 3600), bucketsArg(buckets), targetMin ?? null, targetMax ?? null, timeArg(asOf, "asOf"));
    },
    ranking: (_p, { windowSeconds, asOf }) => diagnostics.ranking(windowArg(windowSeconds, 43_200), timeArg(asOf, "asOf")),
  };
}

export function diagnosticsSensorFields(services: TwinServices): Pick<SensorResolvers, "traits" | "health"> {
  const { diagnostics } = services;
  return {
    traits: (sensor, { windowSeconds, asOf }) => diagnostics.traits(sensor.sensorId, windowArg(windowSeconds, 300), timeArg(asOf, "asOf")),
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
