import { NotFoundError } from "../../errors.js";
import type { AnomalyResolvers, MutationResolvers, QueryResolvers, SubscriptionResolvers } from "../../generated/graphql.js";
import type { RaisedAlert } from "../../domain/alert.js";
import type { AlertRecord } from "../../store/alertStore.js";
import { toIso } from "../../store/time.js";
import { idProblem } from "../../domain/validate.js";
import { InvalidInputError } from "../../errors.js";
import { rangeArgs, timeArg } from "../args.js";
import { busIterator } from "../liveIterator.js";
import type { AlertModel, AnomalyModel } from "../models.js";
import type { TwinServices } from "../services.js";

const MAX_ANOMALIES = 10_000;
const DAY_MS = 24 * 3_600_000;

function toAlertModel(a: AlertRecord): AlertModel {
  return {
    alertId: a.alertId,
    sensorId: a.sensorId,
    type: a.type,
    severity: a.severity,
    message: a.message,
    status: a.status,
    raisedAt: toIso(a.raisedAtMs) as string,
    clearedAt: toIso(a.clearedAtMs),
    acknowledgedAt: toIso(a.acknowledgedAtMs),
    value: a.value,
  };
}

export function alertQueries(services: TwinServices): Pick<QueryResolvers, "anomalies"> {
  return {
    anomalies: async (_p, { since, until, sensorIds }) => {
      const untilMs = timeArg(until, "until") ?? services.clock();
      const sinceMs = timeArg(since, "since") ?? untilMs - DAY_MS;
      rangeArgs(sinceMs, untilMs, "since", "until");
      for (const id of sensorIds ?? []) {
        const problem = idProblem(id);
        if (problem !== null) throw new InvalidInputError(`anomalies(sensorIds): ${problem}`);
      }
      const rows = await services.alerts.raisedBetween(sinceMs, untilMs, sensorIds ?? null, MAX_ANOMALIES);
      return rows.map((a): AnomalyModel => ({ ...a }));
    },
  };
}

export function alertMutations(services: TwinServices): Pick<MutationResolvers, "acknowledgeAlert"> {
  return {
    acknowledgeAlert: async (_p, { alertId }) => {
      const alert = await services.alerts.acknowledge(alertId, services.clock());
      if (alert === null) throw new NotFoundError(`no alert with alertId "${alertId}"; Query.anomalies lists recent ones`);
      return toAlertModel(alert);
    },
  };
}

let subscriberSeq = 0;

export function alertSubscriptions(services: TwinServices): Pick<SubscriptionResolvers, "alertRaised"> {
  return {
    alertRaised: {
      subscribe: (_p, { sensorIds }) => {
        for (const id of sensorIds ?? []) {
          const problem = idProblem(id);
          if (problem !== null) throw new InvalidInputError(`alertRaised(sensorIds): ${problem}`);
        }
        const wanted = sensorIds === undefined || sensorIds === null ? null : new Set(sensorIds);
        return busIterator(services.feed, "alertRaised", `subscription:alertRaised:${++subscriberSeq}`, (a: RaisedAlert) => wanted === null || wanted.has(a.sensorId), services.log);
      },
      resolve: (alert: RaisedAlert): AnomalyModel => ({ ...alert, status: "ACTIVE", clearedAtMs: null }),
    },
  };
}

export const anomalyFields: AnomalyResolvers = {
  timestamp: (a) => toIso(a.raisedAtMs) as string,
  clearedAt: (a) => toIso(a.clearedAtMs ?? null),
};
