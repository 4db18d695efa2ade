import { InvalidInputError } from "../../errors.js";
import type { MutationResolvers, QueryResolvers, RetentionPlanResolvers, RollupRebuildResolvers, SensorRetentionResolvers } from "../../generated/graphql.js";
import { toIso } from "../../store/time.js";
import { timeArg } from "../args.js";
import type { TwinServices } from "../services.js";

export function historyQueries(services: TwinServices): Pick<QueryResolvers, "retentionDryRun"> {
  return {
    retentionDryRun: async (_p, { asOf }) => {
      if (services.retention === null) throw new InvalidInputError("this twin runs no retention (it keeps everything); set RETENTION_RAW_DAYS to use it");
      return services.retention.dryRun(timeArg(asOf, "asOf"));
    },
  };
}

export function historyMutations(services: TwinServices): Pick<MutationResolvers, "rebuildRollups"> {
  return {
    rebuildRollups: async (_p, { sensorId, from, to }, ctx) => {
      const outcome = await services.rollups.rebuild(sensorId, timeArg(from, "from") as number, timeArg(to, "to") as number);
      services.log.child("rollups").info(`rebuildRollups ${sensorId}: ${outcome.days} days, ${outcome.readings} readings, ${outcome.buckets} buckets`, { by: ctx.principal.subject });
      return outcome;
    },
  };
}

export const retentionPlanFields: RetentionPlanResolvers = {
  asOf: (p) => toIso(p.asOfMs) as string,
  minuteCutoff: (p) => toIso(p.minuteCutoffMs),
  sensors: (p) => [...p.sensors],
};

export const sensorRetentionFields: SensorRetentionResolvers = {
  rawCutoff: (s) => toIso(s.rawCutoffMs),
};

export const rollupRebuildFields: RollupRebuildResolvers = {
  from: (r) => toIso(r.fromMs) as string,
  to: (r) => toIso(r.toMs) as string,
  rawIncompleteUntil: (r) => toIso(r.rawIncompleteUntilMs),
};
