import type { Logger } from "../log.js";
import type { TwinMetrics } from "./metrics.js";
import type { Route } from "./routes.js";

/** GET /metrics in Prometheus text format, for viewers and above (with auth off, everyone). */
export function metricsRoute(metrics: TwinMetrics, log: Logger): Route {
  return {
    method: "get",
    path: "/metrics",
    access: "viewer",
    what: "Prometheus metrics (text format)",
    handlers: [
      async (_req, res) => {
        try {
          res.type(metrics.contentType).send(await metrics.text());
        } catch (error) {
          log.error("collecting metrics failed", { error });
          res.status(500).type("text/plain").send("collecting metrics failed; the server log says why\n");
        }
      },
    ],
  };
}
