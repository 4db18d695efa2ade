import { Router } from "express";
import type { Authenticator } from "../graphql/auth.js";
import type { Logger } from "../log.js";
import type { TwinMetrics } from "./metrics.js";

/** GET /metrics in Prometheus text format; with auth on, a valid bearer token (any role) is needed, as for the API. */
export function metricsRouter(metrics: TwinMetrics, authenticator: Authenticator, log: Logger): Router {
  const router = Router();
  router.get("/metrics", async (req, res) => {
    try {
      await authenticator.authenticate(req.headers.authorization);
    } catch (error) {
      res.status(401).set("www-authenticate", "Bearer").type("text/plain").send(`${(error as Error).message}\n`);
      return;
    }
    try {
      res.type(metrics.contentType).send(await metrics.text());
    } catch (error) {
      log.error("collecting metrics failed", { error });
      res.status(500).type("text/plain").send("collecting metrics failed; the server log says why\n");
    }
  });
  return router;
}
