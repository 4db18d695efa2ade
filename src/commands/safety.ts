import type { ActuatorSnapshot, SwitchState } from "../domain/actuatorState.js";
import type { Command } from "../domain/command.js";
import type { Logger } from "../log.js";
import { overdueMaxOn, type Interlock } from "./interlocks.js";
import { DEFAULT_OVERRIDE_MS } from "./override.js";
import { DEFAULT_RATE_LIMIT, type RateLimit } from "./rateLimit.js";

export interface SafetySettings {
  readonly interlocks: readonly Interlock[];
  readonly rateLimit: RateLimit;
  /** How long a manual command pauses rules on its actuator. */
  readonly overrideMs: number;
}

export const DEFAULT_SAFETY: SafetySettings = { interlocks: [], rateLimit: DEFAULT_RATE_LIMIT, overrideMs: DEFAULT_OVERRIDE_MS };

/** How often the MAX_ON limits are checked. */
const MAX_ON_CHECK_MS = 1_000;

/** What the watch needs of the command path: the actuators' states and a switch through the lifecycle. */
export interface SwitchPath {
  actuatorStates(): ReadonlyMap<string, ActuatorSnapshot>;
  actuate(request: { actuatorId: string; state: SwitchState; idempotencyKey: string; timeoutMs: number; reason: string }, issuer: { issuedBy: string; manual: boolean }): Promise<Command>;
}

/**
 * Switches OFF every actuator past its MAX_ON limit, whoever switched it ON (a rule, a person,
 * the device's own hello), through the same command lifecycle as anyone's switch. One command
 * per actuator and minute: its idempotency key makes a repeat within the minute the same command.
 */
export class MaxOnWatch {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly path: SwitchPath,
    private readonly interlocks: readonly Interlock[],
    private readonly clock: () => number,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.timer !== null || !this.interlocks.some((l) => l.kind === "MAX_ON")) return;
    this.timer = setInterval(() => this.check(), MAX_ON_CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Issues the OFF commands due now; returns the actuators it switched. */
  check(): string[] {
    const now = this.clock();
    const overdue = overdueMaxOn(this.path.actuatorStates(), this.interlocks, now);
    for (const o of overdue) {
      this.log.warn(o.message);
      this.path
        .actuate(
          { actuatorId: o.actuatorId, state: "OFF", idempotencyKey: `safety:${o.interlock}:${o.actuatorId}:${Math.floor(now / 60_000)}`, timeoutMs: 5_000, reason: o.message },
          { issuedBy: `safety:${o.interlock}`, manual: false },
        )
        .catch((error: unknown) => this.log.error("switching off an actuator past its MAX_ON limit failed", { actuatorId: o.actuatorId, error }));
    }
    return overdue.map((o) => o.actuatorId);
  }
}
