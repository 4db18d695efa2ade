import { h, setText } from "./dom.js";
import { formatAge } from "./format.js";
import type { ActuatorRow } from "./types.js";

/** A command this page sent, followed through commandUpdated. */
export interface CommandProgress {
  readonly actuatorId: string;
  readonly state: "ON" | "OFF";
  status: string;
  error: string | null;
}

interface Row {
  readonly root: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly desired: HTMLElement;
  readonly reported: HTMLElement;
  readonly status: HTMLElement;
  readonly reason: HTMLElement;
  actuator: ActuatorRow;
}

const SETTLED = new Set(["ACKED", "FAILED", "TIMED_OUT", "CANCELLED"]);

/**
 * Actuators with their desired and reported state and a switch. The switch sends the state
 * opposite to the reported one and shows the command's status until it settles; a session
 * that may not command sees it disabled with the reason.
 */
export class ActuatorPanel {
  private readonly rows = new Map<string, Row>();
  private refusal: string | null = null;
  private readonly inFlight = new Map<string, CommandProgress>();

  constructor(
    private readonly container: HTMLElement,
    private readonly onSwitch: (actuatorId: string, state: "ON" | "OFF") => void,
  ) {}

  update(actuators: readonly ActuatorRow[], refusal: string | null, nowMs: number): void {
    this.refusal = refusal;
    this.container.querySelector(".loading")?.remove();
    const seen = new Set<string>();
    for (const actuator of actuators) {
      seen.add(actuator.actuatorId);
      let row = this.rows.get(actuator.actuatorId);
      if (row === undefined) {
        row = this.create(actuator);
        this.rows.set(actuator.actuatorId, row);
        this.container.appendChild(row.root);
      }
      row.actuator = actuator;
      this.render(row, nowMs);
    }
    for (const [id, row] of this.rows) {
      if (!seen.has(id)) {
        row.root.remove();
        this.rows.delete(id);
      }
    }
    if (this.rows.size === 0) this.container.replaceChildren(h("p", { class: "empty" }, "No actuators."));
    else this.container.querySelector(".empty")?.remove();
  }

  actuators(): ActuatorRow[] {
    return [...this.rows.values()].map((r) => r.actuator);
  }

  /** A status of a command this page sent (or null when it is not one of ours). */
  progress(key: string, status: string, error: string | null): void {
    const command = this.inFlight.get(key);
    if (command === undefined) return;
    command.status = status;
    command.error = error;
    const row = this.rows.get(command.actuatorId);
    if (row === undefined) return;
    if (status === "ACKED") {
      // The device acknowledged: that is its reported state now (the next overview confirms it).
      row.actuator = { ...row.actuator, reportedState: command.state, reportedAt: new Date().toISOString() };
    }
    this.render(row, Date.now(), command);
    if (SETTLED.has(status)) this.inFlight.delete(key);
  }

  /** Starts following a command: its key is how commandUpdated events are matched to it. */
  sent(key: string, actuatorId: string, state: "ON" | "OFF"): void {
    const command: CommandProgress = { actuatorId, state, status: "PENDING", error: null };
    this.inFlight.set(key, command);
    const row = this.rows.get(actuatorId);
    if (row === undefined) return;
    // The twin sets the desired state as it accepts the command (the next overview confirms it).
    row.actuator = { ...row.actuator, desiredState: state, desiredAt: new Date().toISOString() };
    this.render(row, Date.now(), command);
  }

  private create(actuator: ActuatorRow): Row {
    const desired = h("span", { class: "desired" });
    const reported = h("span", { class: "reported" });
    const status = h("span", { class: "command-status" });
    const reason = h("span", { class: "refusal" });
    const button = h("button", { type: "button", class: "switch", role: "switch" });
    button.addEventListener("click", () => {
      const row = this.rows.get(actuator.actuatorId);
      if (row === undefined) return;
      this.onSwitch(actuator.actuatorId, row.actuator.reportedState === "ON" ? "OFF" : "ON");
    });
    const root = h(
      "div",
      { class: "actuator", "data-actuator-id": actuator.actuatorId },
      h("span", { class: "name" }, actuator.actuatorId),
      h("span", { class: "kind" }, actuator.kind.toLowerCase()),
      h("span", { class: "states" }, "desired ", desired, " · reported ", reported),
      button,
      status,
      reason,
    );
    return { root, button, desired, reported, status, reason, actuator };
  }

  private render(row: Row, nowMs: number, command?: CommandProgress): void {
    const { actuator } = row;
    setText(row.desired, actuator.desiredState ?? "—");
    setText(row.reported, `${actuator.reportedState ?? "—"}${actuator.reportedAt === null ? "" : ` (${formatAge(Date.parse(actuator.reportedAt), nowMs)})`}`);
    row.root.dataset["reported"] = actuator.reportedState ?? "";
    const on = actuator.reportedState === "ON";
    row.button.setAttribute("aria-checked", String(on));
    setText(row.button, on ? "ON" : "OFF");
    const busy = command !== undefined && !SETTLED.has(command.status);
    row.button.disabled = this.refusal !== null || busy;
    setText(row.reason, this.refusal ?? "");
    row.button.title = this.refusal ?? `switch ${on ? "off" : "on"}`;
    if (command !== undefined) {
      setText(row.status, `${command.state}: ${command.status}${command.error === null ? "" : ` (${command.error})`}`);
      row.status.dataset["status"] = command.status;
    }
  }
}
