import type { Request, Response } from "express";
import { DomainError } from "../errors.js";
import type { Logger } from "../log.js";
import type { ReadingStore } from "../store/readingStore.js";
import { CSV_HEADER, csvRow, exportFileName } from "../history/csvExport.js";
import type { SensorCatalog } from "../twin/sensorCatalog.js";
import { parseTimestamp } from "../domain/validate.js";
import type { Route } from "./routes.js";

const CHUNK_BYTES = 64 * 1024;
const MAX_HOURS = 24 * 366 * 10;

class BadRequest extends Error {}

/** Reads ?from=&to= (ISO) or ?hours= (up to now; default 24) into (fromMs, toMs]. */
function range(req: Request, nowMs: number): { fromMs: number; toMs: number } {
  const q = req.query;
  const text = (name: string): string | undefined => (typeof q[name] === "string" ? q[name] : undefined);
  const time = (name: string): number | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const ms = parseTimestamp(raw);
    if (ms === null) throw new BadRequest(`${name}=${raw} is not an ISO-8601 date-time with a zone, e.g. 2026-01-31T12:00:00Z`);
    return ms;
  };
  const toMs = time("to") ?? nowMs;
  let fromMs = time("from");
  if (fromMs === undefined) {
    const hours = Number(text("hours") ?? 24);
    if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) throw new BadRequest(`hours=${text("hours")} must be a number of hours above 0`);
    fromMs = toMs - hours * 3_600_000;
  } else if (text("hours") !== undefined) {
    throw new BadRequest("give either from (with to) or hours, not both");
  }
  if (fromMs >= toMs) throw new BadRequest(`from (${new Date(fromMs).toISOString()}) must be before to (${new Date(toMs).toISOString()})`);
  return { fromMs, toMs };
}

/**
 * GET /export/{sensorId}.csv — a sensor's readings as `timestamp,value` rows in time order,
 * streamed from Neo4j in constant memory (the driver pulls in batches as the client reads).
 * Readings are data: a viewer's token, like the queries that return them.
 */
export function exportRoute(deps: { readings: ReadingStore; catalog: SensorCatalog; clock: () => number; log: Logger }): Route {
  const handler = async (req: Request, res: Response): Promise<void> => {
    const file = String(req.params["file"] ?? "");
    if (!file.endsWith(".csv")) {
      res.status(404).type("text/plain").send("export URLs look like /export/{sensorId}.csv?from=…&to=… or ?hours=24\n");
      return;
    }
    const sensorId = file.slice(0, -4);
    let span: { fromMs: number; toMs: number };
    try {
      span = range(req, deps.clock());
      if ((await deps.catalog.get(sensorId)) === undefined) {
        res.status(404).type("text/plain").send(`no sensor with sensorId "${sensorId}"\n`);
        return;
      }
    } catch (error) {
      const status = error instanceof BadRequest || error instanceof DomainError ? 400 : 503;
      res
        .status(status)
        .type("text/plain")
        .send(`${(error as Error).message}\n`);
      return;
    }
    res.status(200);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${exportFileName(sensorId, span.fromMs, span.toMs)}"`);
    let closed = false;
    res.on("close", () => (closed = true));
    let chunk = CSV_HEADER;
    try {
      for await (const point of deps.readings.stream(sensorId, span.fromMs, span.toMs)) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the response's close event while this awaits rows
        if (closed) break;
        chunk += csvRow(point);
        if (chunk.length >= CHUNK_BYTES) {
          const ok = res.write(chunk);
          chunk = "";
          if (!ok) await new Promise<void>((resolve) => res.once("drain", () => resolve()).once("close", () => resolve()));
        }
      }
      res.end(chunk);
    } catch (error) {
      deps.log.error("CSV export failed midway; the response is cut short", { sensorId, error });
      res.destroy(error as Error);
    }
  };
  return { method: "get", path: "/export/:file", access: "viewer", what: "a sensor's readings as CSV (`/export/{sensorId}.csv?from=…&to=…` or `?hours=`)", handlers: [handler] };
}
