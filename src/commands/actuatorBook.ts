import type { ActuatorSnapshot, SwitchState } from "../domain/actuatorState.js";
import type { ActuatorEntry, ActuatorStore } from "../store/actuatorStore.js";
import { isOverridden } from "./override.js";

/**
 * What the command path knows of each actuator: where it is routed (the directory from Neo4j),
 * the state its device last reported, the accepted switch still in flight, and a person's
 * override. Interlocks, rules and the command answers read it.
 */
export class ActuatorBook {
  private directory = new Map<string, ActuatorEntry>();
  private directoryReads = 0;
  private directoryApplied = 0;
  private readonly states = new Map<string, ActuatorSnapshot>();
  private readonly lastReportMs = new Map<string, number>();
  /** The newest accepted, unsettled ACTUATE per actuator. */
  private readonly pending = new Map<string, ActuatorSnapshot & { readonly commandId: string }>();
  private readonly overrides = new Map<string, number>();

  constructor(private readonly store: Pick<ActuatorStore, "directory">) {}

  entry(actuatorId: string): ActuatorEntry | undefined {
    return this.directory.get(actuatorId);
  }

  /** Reads the directory again; reported states and overrides fill in what memory does not know yet. */
  async refresh(): Promise<void> {
    // Refreshes overlap (a hello's and a command's): a read that began before the newest applied
    // one may have missed what that one saw, so it must not overwrite it.
    const generation = ++this.directoryReads;
    const entries = await this.store.directory();
    if (generation < this.directoryApplied) return;
    this.directoryApplied = generation;
    this.directory = new Map(entries.map((e) => [e.actuatorId, e]));
    for (const e of entries) {
      if (e.reportedState !== null && !this.states.has(e.actuatorId)) this.states.set(e.actuatorId, { state: e.reportedState, sinceMs: e.reportedAtMs ?? 0 });
      if (e.overrideUntilMs !== null) this.overrides.set(e.actuatorId, e.overrideUntilMs);
    }
  }

  /**
   * What each actuator is or is about to be: the state its device last reported, overlaid with
   * an accepted ACTUATE command still in flight. Interlocks and rules read this, so a heater
   * whose ON is on the wire already counts as ON, and a rule clearing while its own ON command
   * is still being sent issues the OFF instead of thinking the actuator is already off.
   */
  snapshots(): ReadonlyMap<string, ActuatorSnapshot> {
    if (this.pending.size === 0) return this.states;
    const merged = new Map(this.states);
    for (const [id, p] of this.pending) if (merged.get(id)?.state !== p.state) merged.set(id, p);
    return merged;
  }

  isOverridden(actuatorId: string, nowMs: number): boolean {
    return isOverridden(actuatorId, this.overrides, nowMs);
  }

  /** A device reported a state (ack or hello); false when an older report arrives after a newer one and is ignored. */
  report(actuatorId: string, state: SwitchState, atMs: number): boolean {
    // A hello's states reach here after its registration is written, so an ack received later
    // can arrive first: an older report never overrides a newer one.
    if (atMs < (this.lastReportMs.get(actuatorId) ?? -Infinity)) return false;
    this.lastReportMs.set(actuatorId, atMs);
    if (this.states.get(actuatorId)?.state !== state) this.states.set(actuatorId, { state, sinceMs: atMs });
    return true;
  }

  /** An accepted switch counts as its state from now until `settle`; a person's override pauses rules until `overrideUntilMs`. */
  accept(actuatorId: string, state: SwitchState, nowMs: number, commandId: string, overrideUntilMs: number | null): void {
    this.pending.set(actuatorId, { state, sinceMs: nowMs, commandId });
    if (overrideUntilMs !== null) this.overrides.set(actuatorId, overrideUntilMs);
  }

  /** Forgets a settled command's in-flight state (unless a newer command replaced it). */
  settle(actuatorId: string, commandId: string): void {
    if (this.pending.get(actuatorId)?.commandId === commandId) this.pending.delete(actuatorId);
  }
}
