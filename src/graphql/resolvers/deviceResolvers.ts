import type { DeviceStatusResolvers, QueryResolvers, SubscriptionResolvers } from "../../generated/graphql.js";
import { InvalidInputError } from "../../errors.js";
import { toIso } from "../../store/time.js";
import type { DeviceStatusEvent } from "../../domain/events.js";
import { idProblem } from "../../domain/validate.js";
import { busIterator } from "../liveIterator.js";
import type { TwinServices } from "../services.js";

export function deviceQueries(services: TwinServices): Pick<QueryResolvers, "deviceStatuses"> {
  return {
    deviceStatuses: () => services.bridge.statuses().sort((a, b) => a.deviceId.localeCompare(b.deviceId)),
  };
}

let subscriberSeq = 0;

export function deviceSubscriptions(services: TwinServices): Pick<SubscriptionResolvers, "deviceStatus"> {
  return {
    deviceStatus: {
      subscribe: (_parent, { deviceIds }) => {
        for (const id of deviceIds ?? []) {
          const problem = idProblem(id, "deviceId");
          if (problem !== null) throw new InvalidInputError(`deviceStatus(deviceIds): ${problem}`);
        }
        const wanted = deviceIds === undefined || deviceIds === null ? null : new Set(deviceIds);
        return busIterator(services.feed, "deviceStatus", `subscription:deviceStatus:${++subscriberSeq}`, (status: DeviceStatusEvent) => wanted === null || wanted.has(status.deviceId), services.log);
      },
      resolve: (status: DeviceStatusEvent) => status,
    },
  };
}

export const deviceStatusFields: DeviceStatusResolvers = {
  lastSeen: (s) => toIso(s.lastSeenMs),
};
