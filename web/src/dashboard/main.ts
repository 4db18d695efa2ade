import { createTwinClient, TwinRequestError } from "../../../client/twinClient.js";
import type { AlertWhere } from "../../../client/generated/graphql.js";
import { ActuatorPanel } from "./actuators.js";
import { SensorCards } from "./cards.js";
import { HistoryChart } from "./chart.js";
import { AcknowledgeAlert, Alerts, History, LiveAlerts, LiveCommands, LiveDevices, LiveReadings, Overview, Recommendations, SwitchActuator } from "./documents.js";
import { byId, fill, h, setText } from "./dom.js";
import { ErrorBanner } from "./errors.js";
import { renderAlerts, renderRecommendations } from "./lists.js";
import { commandRefusal, readClaims, storedToken, storeToken } from "./session.js";
import type { DeviceRow, SensorRow } from "./types.js";
import { WhatIfPanel } from "./whatIf.js";
import { POLL_MS, WINDOWS, type ChartWindow } from "./windows.js";
import "./style.css";

const errors = new ErrorBanner(byId("errors"));
window.addEventListener("error", (event) => errors.show("page", `the page failed: ${event.message}`));
window.addEventListener("unhandledrejection", (event) => errors.show("page", `the page failed: ${String((event.reason as Error | null | undefined)?.message ?? event.reason)}`));

const apiUrl = new URL("/graphql", window.location.href).href;
// ?location=lab (repeated or comma-separated) shows only those locations.
const locations = new URLSearchParams(window.location.search)
  .getAll("location")
  .flatMap((v) => v.split(","))
  .filter((v) => v !== "");

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function uniqueKey(): string {
  return `dashboard-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Whether the twin wants tokens: an anonymous request it answers 401 to. */
async function authRequired(): Promise<boolean> {
  const response = await fetch(apiUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
  return response.status === 401;
}

function renderSession(authOn: boolean): void {
  const box = byId("session");
  if (!authOn) {
    fill(box, h("span", { class: "muted" }, "no authentication (local admin)"));
    return;
  }
  const token = storedToken();
  const claims = token === undefined ? null : readClaims(token);
  if (token !== undefined) {
    fill(
      box,
      h("span", {}, `signed in as ${claims?.subject ?? "?"} (${claims?.role ?? "no known role"})`),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            storeToken(undefined);
            window.location.reload();
          },
        },
        "Sign out",
      ),
    );
    return;
  }
  const input = h("input", { type: "password", name: "token", placeholder: "bearer token (JWT)", autocomplete: "off", size: 28 });
  const form = h("form", { class: "login" }, h("label", {}, "Token ", input), h("button", { type: "submit" }, "Sign in"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    storeToken(input.value);
    window.location.reload();
  });
  fill(box, form);
}

async function start(): Promise<void> {
  let authOn: boolean;
  try {
    authOn = await authRequired();
    errors.clear("connect");
  } catch (error) {
    errors.show("connect", `cannot reach the twin at ${apiUrl}: ${message(error)}; retrying in 5 s`);
    setTimeout(() => void start(), 5_000);
    return;
  }
  renderSession(authOn);
  const token = storedToken();
  if (authOn && token === undefined) {
    fill(byId("sensors"), h("p", { class: "empty" }, "This twin needs a bearer token: paste one above and sign in."));
    return;
  }
  const claims = token === undefined ? null : readClaims(token);
  const refusal = commandRefusal(authOn, claims);
  const ackRefusal = refusal === null ? null : refusal.replace("switch actuators", "acknowledge alerts").replace("switching", "acknowledging");

  const client = createTwinClient({
    url: apiUrl,
    token: () => (authOn ? storedToken() : undefined),
    onSocket: (state, reason) => {
      const indicator = byId("socket");
      setText(indicator, state === "open" ? "● live" : "○ reconnecting");
      indicator.dataset["state"] = state;
      if (state === "open") errors.clear("socket");
      else errors.show("socket", `live updates interrupted: ${reason ?? "the connection closed"}; reconnecting`);
    },
  });

  const sensorsBox = byId("sensors");
  sensorsBox.replaceChildren();
  const chart = new HistoryChart(byId("chart"), "");
  const whatIf = new WhatIfPanel(byId("whatif"), client, (simulation) => chart.whatIf(simulation));
  let window_: ChartWindow = WINDOWS[0] as ChartWindow;
  let historyTimer: number | undefined;
  const devices = new Map<string, DeviceRow>();

  const loadHistory = async (): Promise<void> => {
    const sensorId = cards.selected;
    if (sensorId === null) return;
    const sensor = cards.sensor(sensorId);
    const [h1, h2, h3, h4] = window_.horizons;
    try {
      const history = await client.request(History, {
        sensorId,
        window: window_.seconds,
        buckets: window_.buckets,
        since: new Date(Date.now() - window_.seconds * 1000).toISOString(),
        h1,
        h2,
        h3,
        h4,
      });
      if (cards.selected !== sensorId) return;
      chart.show(history, sensor?.unit ?? "", window_.seconds);
      const reasons = [history.f1, history.f4].map((f) => f?.unavailableReason).filter((r): r is string => r !== null && r !== undefined);
      setText(
        byId("forecast-note"),
        reasons.length === 0
          ? "Blue: bucket averages with their min–max band. Purple dashed: forecast with its 90 % band. Orange: what-if with its 90 % band. Red columns: alert episodes; the dotted line is now."
          : `No forecast: ${reasons[0]}`,
      );
      errors.clear("history");
    } catch (error) {
      errors.show("history", `cannot load the history of ${sensorId}: ${message(error)}`);
    }
  };

  const select = (sensorId: string): void => {
    cards.select(sensorId);
    const sensor = cards.sensor(sensorId);
    setText(byId("detail-title"), sensor === undefined ? sensorId : `${sensor.name ?? sensorId} — ${sensor.kind.toLowerCase()}${sensor.unit ? `, ${sensor.unit}` : ""}`);
    chart.clear();
    if (sensor !== undefined) whatIf.show(sensor, actuators.actuators());
    void loadHistory();
    window.clearInterval(historyTimer);
    historyTimer = window.setInterval(() => void loadHistory(), window_.refreshMs);
  };

  const cards = new SensorCards(sensorsBox, select);
  const actuators = new ActuatorPanel(byId("actuators"), (actuatorId, state) => {
    const key = uniqueKey();
    actuators.sent(key, actuatorId, state);
    client
      .request(SwitchActuator, { input: { actuatorId, state, idempotencyKey: key, reason: "dashboard" } })
      .then(({ sendCommand }) => {
        actuators.progress(key, sendCommand.status, sendCommand.error);
        errors.clear(`command:${actuatorId}`);
      })
      .catch((error: unknown) => {
        actuators.progress(key, "FAILED", message(error));
        errors.show(`command:${actuatorId}`, `${actuatorId} ${state}: ${message(error)}`);
      });
  });

  fill(
    byId("windows"),
    ...WINDOWS.map((w) =>
      h(
        "button",
        {
          type: "button",
          "data-window": w.key,
          "aria-pressed": String(w === window_),
          onclick: (event: Event) => {
            window_ = w;
            for (const b of byId("windows").querySelectorAll("button")) b.setAttribute("aria-pressed", String(b === event.currentTarget));
            if (cards.selected !== null) select(cards.selected);
          },
        },
        w.key,
      ),
    ),
  );

  const renderDevices = (): void => {
    fill(
      byId("devices"),
      ...[...devices.values()].map((d) =>
        h("span", { class: `device ${d.online ? "online" : "offline"}`, "data-device-id": d.deviceId, title: `${d.lostReadings} readings lost` }, `${d.online ? "●" : "○"} ${d.deviceId}`),
      ),
    );
  };

  const sensorFilter = locations.length === 0 ? null : { location: { locationId: { in: locations } } };
  const actuatorFilter = locations.length === 0 ? null : { location: { locationId: { in: locations } } };
  let firstOverview = true;

  const loadOverview = async (): Promise<void> => {
    try {
      const overview = await client.request(Overview, { sensors: sensorFilter, actuators: actuatorFilter });
      const now = Date.now();
      cards.update(overview.sensors, now);
      actuators.update(overview.actuators, refusal, now);
      for (const d of overview.deviceStatuses) devices.set(d.deviceId, d);
      renderDevices();
      errors.clear("overview");
      if (firstOverview) {
        firstOverview = false;
        // bench:dashboard reads this: the first time the cards show the twin's values.
        performance.mark("twin:cards-ready");
        subscribeReadings(overview.sensors);
        const first = overview.sensors[0];
        if (first !== undefined && cards.selected === null) select(first.sensorId);
      }
    } catch (error) {
      errors.show("overview", `cannot load the sensors: ${message(error)}`);
      if (error instanceof TwinRequestError && error.status === 401) {
        storeToken(undefined);
        renderSession(true);
      }
    }
  };

  const loadAlerts = async (): Promise<void> => {
    const recent: AlertWhere = { OR: [{ status: { in: ["ACTIVE", "ACKNOWLEDGED"] } }, { clearedAt: { gt: new Date(Date.now() - 3_600_000).toISOString() } }] };
    const where: AlertWhere = locations.length === 0 ? recent : { AND: [recent, { sensorId: { in: cards.sensorIds() } }] };
    try {
      const { alerts } = await client.request(Alerts, { where });
      renderAlerts(
        byId("alerts"),
        alerts,
        ackRefusal,
        (alertId) => {
          client
            .request(AcknowledgeAlert, { alertId })
            .then(() => void loadAlerts())
            .catch((error: unknown) => errors.show("ack", `cannot acknowledge ${alertId}: ${message(error)}`));
        },
        Date.now(),
      );
      errors.clear("alerts");
    } catch (error) {
      errors.show("alerts", `cannot load the alerts: ${message(error)}`);
    }
  };

  const loadRecommendations = async (): Promise<void> => {
    try {
      const { recommendations } = await client.request(Recommendations);
      const shown = new Set([...cards.sensorIds(), ...actuators.actuators().map((a) => a.actuatorId)]);
      renderRecommendations(byId("recommendations"), locations.length === 0 ? recommendations : recommendations.filter((r) => shown.has(r.targetId) || shown.has(r.sensorId)));
      errors.clear("recommendations");
    } catch (error) {
      errors.show("recommendations", `cannot load the recommendations: ${message(error)}`);
    }
  };

  const subscribeReadings = (sensors: readonly SensorRow[]): void => {
    client.subscribe(
      LiveReadings,
      { sensorIds: locations.length === 0 ? null : sensors.map((s) => s.sensorId) },
      {
        next: ({ readingAdded: r }) => cards.live(r.sensorId, r.value, Date.parse(r.timestamp)),
        error: (error) => errors.show("readings", `live readings stopped: ${error.message}`),
      },
    );
    client.subscribe(
      LiveAlerts,
      { sensorIds: locations.length === 0 ? null : sensors.map((s) => s.sensorId) },
      {
        next: () => void loadAlerts(),
        error: (error) => errors.show("live-alerts", `live alerts stopped: ${error.message}`),
      },
    );
  };

  client.subscribe(LiveDevices, undefined, {
    next: ({ deviceStatus: d }) => {
      devices.set(d.deviceId, d);
      renderDevices();
    },
    error: (error) => errors.show("devices", `live device states stopped: ${error.message}`),
  });
  let refreshSoon: number | undefined;
  client.subscribe(LiveCommands, undefined, {
    next: ({ commandUpdated: c }) => {
      if (c.idempotencyKey !== null) actuators.progress(c.idempotencyKey, c.status, c.error);
      // Someone else's command (a rule, another person): the actuators' states follow at the next overview.
      if (c.status === "ACKED") {
        window.clearTimeout(refreshSoon);
        refreshSoon = window.setTimeout(() => void loadOverview(), 500);
      }
    },
    error: (error) => errors.show("commands", `live command states stopped: ${error.message}`),
  });

  await loadOverview();
  await Promise.all([loadAlerts(), loadRecommendations()]);
  const every = (ms: number, load: () => Promise<void>): void => {
    window.setInterval(() => {
      if (!document.hidden) void load();
    }, ms);
  };
  every(POLL_MS.overview, loadOverview);
  every(POLL_MS.alerts, loadAlerts);
  every(POLL_MS.recommendations, loadRecommendations);
  window.setInterval(() => cards.tick(Date.now()), 1_000);
}

void start();
