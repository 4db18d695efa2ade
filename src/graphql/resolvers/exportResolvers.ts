import { InvalidInputError, NotFoundError } from "../../errors.js";
import type { QueryResolvers } from "../../generated/graphql.js";
import { CSV_HEADER, csvRow } from "../../history/csvExport.js";
import { exportSeries } from "../../history/seriesExport.js";
import { rangeArgs, timeArg } from "../args.js";
import type { TwinServices } from "../services.js";

const MAX_CSV_ROWS = 100_000;

export function exportQueries(services: TwinServices): Pick<QueryResolvers, "exportCsv" | "exportSeries"> {
  return {
    exportSeries: async (_p, { sensorId, from, to, resolution }) => {
      const fromMs = timeArg(from, "from") as number;
      const toMs = timeArg(to, "to") as number;
      rangeArgs(fromMs, toMs);
      if ((await services.catalog.get(sensorId)) === undefined) throw new NotFoundError(`no sensor with sensorId "${sensorId}"`);
      const deps = { readings: services.readings, rollups: services.rollups.store, kept: services.rollups.kept(sensorId) };
      return { sensorId, ...(await exportSeries(deps, sensorId, fromMs, toMs, resolution ?? null, MAX_CSV_ROWS)) };
    },
    exportCsv: async (_p, { sensorId, from, to }) => {
      const fromMs = timeArg(from, "from") as number;
      const toMs = timeArg(to, "to") as number;
      rangeArgs(fromMs, toMs);
      if ((await services.catalog.get(sensorId)) === undefined) throw new NotFoundError(`no sensor with sensorId "${sensorId}"`);
      const rows = await services.readings.countInWindow(sensorId, fromMs, toMs);
      if (rows > MAX_CSV_ROWS) {
        throw new InvalidInputError(
          `${sensorId} has ${rows} readings in that range; exportCsv returns at most ${MAX_CSV_ROWS}. ` +
            `Download them from GET /export/${encodeURIComponent(sensorId)}.csv?from=${from}&to=${to}, which streams any number`,
        );
      }
      const points = await services.readings.window(sensorId, fromMs, toMs);
      return CSV_HEADER + points.map(csvRow).join("");
    },
  };
}
