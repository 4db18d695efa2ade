import { InvalidInputError } from "../../errors.js";
import type { QueryResolvers, SensorResolvers, LiveReadingResolvers } from "../../generated/graphql.js";
import { toIso } from "../../store/time.js";
import type { TwinServices } from "../services.js";

const MAX_LATEST = 10_000;

export function sensorQueries(services: TwinServices): Pick<QueryResolvers, "sensorStates"> {
  return {
    // Stored sensors (including ones created through the CRUD mutations), overlaid with the
    // live state, which may hold readings accepted but not yet committed.
    sensorStates: async () => {
      const stored = await services.readings.sensorSnapshots();
      const states = new Map(stored.map((s) => [s.sensorId, { ...s }]));
      for (const live of services.live.all()) {
        const known = states.get(live.sensorId);
        if (known === undefined || known.lastUpdatedMs === null || live.lastUpdateMs >= known.lastUpdatedMs) {
          states.set(live.sensorId, { sensorId: live.sensorId, currentValue: live.currentValue, lastUpdatedMs: live.lastUpdateMs });
        }
      }
      return [...states.values()]
        .sort((a, b) => (a.sensorId < b.sensorId ? -1 : a.sensorId > b.sensorId ? 1 : 0))
        .map((s) => ({ sensorId: s.sensorId, currentValue: s.currentValue, lastUpdate: toIso(s.lastUpdatedMs) }));
    },
  };
}

export function sensorFields(services: TwinServices): Pick<SensorResolvers, "latestReadings"> {
  return {
    latestReadings: async (sensor, { limit }) => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- an explicit null overrides the schema's default; the generated type does not say so
      const n = limit ?? 100;
      if (!Number.isInteger(n) || n < 1 || n > MAX_LATEST) {
        throw new InvalidInputError(`latestReadings(limit: ${n}): limit must be between 1 and ${MAX_LATEST}`);
      }
      const rows = await services.readings.latestReadings(sensor.sensorId, n);
      return rows.map((r) => ({ sensorId: r.sensorId, value: r.value, timestamp: toIso(r.timestampMs) as string, seq: r.seq }));
    },
  };
}

export const liveReadingFields: LiveReadingResolvers = {
  sensorId: (r) => r.sensorId,
  value: (r) => r.value,
  timestamp: (r) => new Date(r.timestampMs).toISOString(),
  seq: (r) => r.seq,
};
