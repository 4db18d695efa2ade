import { InvalidInputError } from "../../errors.js";
import type { MutationResolvers, SubscriptionResolvers } from "../../generated/graphql.js";
import type { Reading } from "../../domain/reading.js";
import { idProblem } from "../../domain/validate.js";
import { busIterator } from "../liveIterator.js";
import type { TwinServices } from "../services.js";

const MAX_READINGS_PER_CALL = 10_000;

export function ingestMutations(services: TwinServices): Pick<MutationResolvers, "recordReadings"> {
  return {
    recordReadings: async (_parent, { readings, durability }, ctx) => {
      if (readings.length > MAX_READINGS_PER_CALL) {
        throw new InvalidInputError(`recordReadings takes at most ${MAX_READINGS_PER_CALL} readings per call, got ${readings.length}; split them into several calls`);
      }
      // A client that disconnects meanwhile changes nothing: what was accepted is stored.
      const outcome = await services.ingest.record(readings, durability, services.ingestTimeouts, "api");
      // One line per call: an import (`npm run import` sends a call per chunk) or a gateway's batch.
      const sensors = [...new Set(readings.map((r) => r.sensorId))];
      services.log.child("ingest").info(`recordReadings: ${outcome.accepted} accepted, ${outcome.rejected} refused (${outcome.durability})`, {
        sensors: sensors.length > 5 ? [...sensors.slice(0, 5), `and ${sensors.length - 5} more`] : sensors,
        by: ctx.principal.subject,
        ...(outcome.errors[0] === undefined ? {} : { firstError: outcome.errors[0].message }),
      });
      return { ...outcome, errors: [...outcome.errors] };
    },
  };
}

let subscriberSeq = 0;

export function ingestSubscriptions(services: TwinServices): Pick<SubscriptionResolvers, "readingAdded"> {
  return {
    readingAdded: {
      subscribe: (_parent, { sensorIds }) => {
        const wanted = sensorIds === undefined || sensorIds === null ? null : new Set(sensorIds);
        for (const id of sensorIds ?? []) {
          const problem = idProblem(id);
          if (problem !== null) throw new InvalidInputError(`readingAdded(sensorIds): ${problem}`);
        }
        return busIterator(services.feed, "readingAccepted", `subscription:readingAdded:${++subscriberSeq}`, (reading: Reading) => wanted === null || wanted.has(reading.sensorId), services.log);
      },
      resolve: (reading: Reading) => reading,
    },
  };
}
