import { fill, h } from "./dom.js";
import { byUrgency, formatAge } from "./format.js";
import type { AlertRow, RecommendationRow } from "./types.js";

/** Open and recent alerts, newest first, each open one with an Acknowledge button (disabled with the reason when not allowed). */
export function renderAlerts(container: HTMLElement, alerts: readonly AlertRow[], refusal: string | null, onAck: (alertId: string) => void, nowMs: number): void {
  if (alerts.length === 0) {
    fill(container, h("p", { class: "empty" }, "No alerts."));
    return;
  }
  fill(
    container,
    h(
      "ul",
      { class: "alerts" },
      ...alerts.map((a) =>
        h(
          "li",
          { class: `alert ${a.severity.toLowerCase()} ${a.status.toLowerCase()}`, "data-alert-id": a.alertId },
          h("span", { class: "severity" }, a.severity),
          h("span", { class: "what" }, `${a.sensorId} ${a.type.toLowerCase().replace("_", " ")}: ${a.message}`),
          h("span", { class: "when" }, `${formatAge(Date.parse(a.raisedAt), nowMs)}${a.clearedAt === null ? "" : ", cleared"}`),
          a.status === "ACKNOWLEDGED" || a.acknowledgedAt !== null
            ? h("span", { class: "acked" }, "acknowledged")
            : h("button", { type: "button", disabled: refusal !== null, title: refusal ?? "mark as seen", onclick: () => onAck(a.alertId) }, "Acknowledge"),
        ),
      ),
    ),
  );
}

/** Recommendations, most urgent first. */
export function renderRecommendations(container: HTMLElement, recommendations: readonly RecommendationRow[]): void {
  const shown = byUrgency(recommendations).filter((r) => r.urgency !== "NONE");
  if (shown.length === 0) {
    fill(container, h("p", { class: "empty" }, recommendations.length === 0 ? "No recommendations." : "Nothing needs doing: every sensor is fine."));
    return;
  }
  fill(
    container,
    h(
      "ol",
      { class: "recommendations" },
      ...shown.map((r) =>
        h(
          "li",
          { class: `recommendation ${r.urgency.toLowerCase()}`, "data-target-id": r.targetId },
          h("span", { class: "urgency" }, r.urgency),
          h("span", { class: "action" }, `${r.action.replace("_", " ").toLowerCase()} ${r.targetId}${r.command === null ? "" : ` (${r.command})`}`),
          h("span", { class: "reason" }, r.reason),
        ),
      ),
    ),
  );
}
