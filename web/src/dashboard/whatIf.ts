import type { TwinClient } from "../../../client/twinClient.js";
import { TwinRequestError } from "../../../client/twinClient.js";
import { WhatIf } from "./documents.js";
import { fill, h } from "./dom.js";
import type { ActuatorRow, SensorRow, Simulation } from "./types.js";

/**
 * What-if: the selected sensor's room simulated with chosen actuator states (and a threshold),
 * drawn on the chart as a trajectory with its band, or the reason the twin cannot say.
 */
export class WhatIfPanel {
  private sensor: SensorRow | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly client: TwinClient,
    private readonly draw: (simulation: Simulation | null) => void,
  ) {}

  /** Shows the form for a sensor and the actuators in its location. */
  show(sensor: SensorRow, actuators: readonly ActuatorRow[]): void {
    this.sensor = sensor;
    const here = actuators.filter((a) => a.location !== null && a.location.locationId === sensor.location?.locationId);
    const result = h("p", { class: "whatif-result", "aria-live": "polite" });
    const threshold = h("input", { type: "number", step: "any", name: "threshold", placeholder: "e.g. 25", value: sensor.targetMax ?? "" });
    const hours = h("input", { type: "number", min: "0.25", max: "168", step: "0.25", name: "hours", value: "1" });
    const selects = here.map((a) =>
      h(
        "label",
        { class: "whatif-actuator" },
        `${a.actuatorId} `,
        h(
          "select",
          { name: a.actuatorId, "data-actuator-id": a.actuatorId },
          h("option", { value: "" }, `keep (${a.reportedState ?? "?"})`),
          h("option", { value: "ON" }, "ON"),
          h("option", { value: "OFF" }, "OFF"),
        ),
      ),
    );
    const form = h(
      "form",
      { class: "whatif" },
      h("h3", {}, `What if… (${sensor.location?.name ?? "no location"})`),
      here.length === 0 ? h("p", { class: "empty" }, "No actuators in this sensor's location: the simulation keeps the room as it is.") : null,
      ...selects,
      h("label", {}, "threshold ", threshold),
      h("label", {}, "hours ahead ", hours),
      h("button", { type: "submit" }, "Simulate"),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            this.draw(null);
            fill(result);
          },
        },
        "Clear",
      ),
      result,
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const settings = selects.flatMap((label) => {
        const select = label.querySelector("select") as HTMLSelectElement;
        return select.value === "" ? [] : [{ actuatorId: select.name, state: select.value }];
      });
      const thresholdValue = threshold.value === "" ? null : Number(threshold.value);
      void this.run(Number(hours.value) || 1, settings, thresholdValue, result);
    });
    fill(this.container, form);
  }

  private async run(hours: number, actuators: Array<{ actuatorId: string; state: string }>, threshold: number | null, result: HTMLElement): Promise<void> {
    const sensor = this.sensor;
    if (sensor === null) return;
    fill(result, "simulating…");
    result.dataset["state"] = "running";
    try {
      const { data, errors } = await this.client.execute(WhatIf, { scenario: { sensorId: sensor.sensorId, hours, actuators, ...(threshold === null ? {} : { threshold }) } });
      const simulation = data?.simulate ?? null;
      if (simulation === null) {
        const error = errors[0];
        result.dataset["state"] = "unavailable";
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a code is a string; anything else is shown as it comes
        fill(result, h("strong", {}, String(error?.extensions?.["code"] ?? "UNAVAILABLE")), `: ${error?.message ?? "no simulation"}`);
        this.draw(null);
        return;
      }
      result.dataset["state"] = "done";
      const crossing =
        threshold === null
          ? ""
          : simulation.minutesToThreshold === null
            ? `does not reach ${threshold} within ${hours} h. `
            : `reaches ${threshold} in ${simulation.minutesToThreshold.toFixed(1)} min. `;
      const unidentified = simulation.model.unidentified.map((u) => `${u.actuatorId} (held ${u.heldState})`);
      fill(result, crossing, `${simulation.trajectory.length} steps: ${simulation.method}.`, unidentified.length === 0 ? "" : ` Not identified from history: ${unidentified.join(", ")}.`);
      this.draw(simulation);
    } catch (error) {
      result.dataset["state"] = "unavailable";
      fill(result, error instanceof TwinRequestError ? `${error.code ?? "ERROR"}: ${error.message}` : String(error));
      this.draw(null);
    }
  }
}
