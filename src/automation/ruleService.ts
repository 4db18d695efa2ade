import { InvalidInputError, NotFoundError } from "../errors.js";
import type { ActuatorStore } from "../store/actuatorStore.js";
import type { ReadingStore } from "../store/readingStore.js";
import type { RuleStore, StoredRule } from "../store/ruleStore.js";
import type { ClimateService } from "../twin/climateService.js";
import type { SensorCatalog } from "../twin/sensorCatalog.js";
import { dryRun, type DryRunResult } from "./dryRun.js";
import type { RuleEngine } from "./engine.js";
import { historyNeededMs, historyObservations } from "./historyObservations.js";
import { MOLD_DRY_RUN_HISTORY_MS, moldObservations } from "./moldObservations.js";
import { hasRole, roleFor } from "../commands/roles.js";
import { carriedState } from "../domain/ruleState.js";
import type { Rule } from "../domain/ruleTypes.js";
import { parseRule } from "./validateRule.js";

const MAX_DRY_RUN_MS = 31 * 86_400_000;

/**
 * Rule management: validation (every field, then that the sensor, actuators and devices the
 * rule names exist), storage, and reloading the engine; plus dry runs over recorded history.
 */
export class RuleService {
  constructor(
    private readonly deps: {
      readonly store: RuleStore;
      readonly engine: RuleEngine;
      readonly catalog: SensorCatalog;
      readonly actuators: Pick<ActuatorStore, "directory">;
      readonly readings: ReadingStore;
      readonly devices: (deviceId: string) => Promise<boolean>;
      /** Room physics for MOLD_RISK rules; without it they are refused. */
      readonly climate?: Pick<ClimateService, "moldProblemOfSensor" | "setupOfSensor" | "hourlyClimate">;
      readonly clock: () => number;
    },
  ) {}

  /**
   * `roles`: the creator's. A rule that recalibrates sensors acts with their authority, so its
   * creator must hold the role recordCalibration needs (operator); absent: not checked (internal callers).
   */
  async create(input: unknown, createdBy: string, roles?: readonly string[]): Promise<StoredRule> {
    const rule = await this.validate(input, roles);
    const ruleId = await this.deps.store.create(rule, createdBy, this.deps.clock());
    await this.deps.engine.reloadRule(ruleId);
    return this.get(ruleId);
  }

  async update(ruleId: string, input: unknown, roles?: readonly string[]): Promise<StoredRule> {
    const rule = await this.validate(input, roles);
    await this.replace(await this.get(ruleId), rule);
    return this.get(ruleId);
  }

  async delete(ruleId: string): Promise<boolean> {
    if (!(await this.deps.store.delete(ruleId))) throw new NotFoundError(`no rule with ruleId "${ruleId}"`);
    await this.deps.engine.reloadRule(ruleId);
    return true;
  }

  /** Enables or disables a rule; it keeps what it had done (see `carriedState`). */
  async enable(ruleId: string, enabled: boolean): Promise<StoredRule> {
    const stored = await this.get(ruleId);
    await this.replace(stored, { ...stored.rule, enabled });
    return this.get(ruleId);
  }

  /** Stores a new definition with the state carried over from the engine's (newer than the stored one: writes are batched). */
  private async replace(stored: StoredRule, rule: Rule): Promise<void> {
    const state = carriedState(stored.rule, rule, this.deps.engine.stateOf(stored.ruleId) ?? stored.state);
    if (!(await this.deps.store.update(stored.ruleId, rule, state, this.deps.clock()))) throw new NotFoundError(`no rule with ruleId "${stored.ruleId}"`);
    await this.deps.engine.reloadRule(stored.ruleId);
  }

  async get(ruleId: string): Promise<StoredRule> {
    const stored = await this.deps.store.get(ruleId);
    if (stored === null) throw new NotFoundError(`no rule with ruleId "${ruleId}"`);
    return stored;
  }

  /** What the rule would have done over (fromMs, toMs] of the sensor's recorded readings. */
  async dryRun(input: unknown, fromMs: number, toMs: number): Promise<DryRunResult> {
    if (fromMs >= toMs) throw new InvalidInputError(`from (${new Date(fromMs).toISOString()}) must be before to (${new Date(toMs).toISOString()})`);
    if (toMs - fromMs > MAX_DRY_RUN_MS) throw new InvalidInputError("a dry run covers at most 31 days; split the range");
    const rule = await this.validate(input);
    if (rule.condition.type === "MOLD_RISK") return dryRun(rule, await this.moldHistory(rule, fromMs, toMs));
    const entry = await this.deps.catalog.get(rule.sensorId);
    const points = await this.deps.readings.window(rule.sensorId, fromMs - historyNeededMs(rule), toMs);
    return dryRun(rule, historyObservations(rule, entry?.kind ?? "OTHER", points, fromMs, toMs));
  }

  /** A MOLD_RISK rule's observations: its room's hourly climate from a month before fromMs. */
  private async moldHistory(rule: Rule, fromMs: number, toMs: number) {
    const setup = await this.deps.climate?.setupOfSensor(rule.sensorId);
    if (setup === null || setup === undefined || this.deps.climate === undefined)
      throw new InvalidInputError(`rule "${rule.name}": ${rule.sensorId}'s room has no climate to dry-run a MOLD_RISK rule on`);
    const history = await this.deps.climate.hourlyClimate(setup, Math.floor((fromMs - MOLD_DRY_RUN_HISTORY_MS) / 3_600_000) * 3_600_000, toMs);
    return moldObservations(rule, setup, history, fromMs, toMs);
  }

  private async validate(input: unknown, roles?: readonly string[]): Promise<Rule> {
    const rule = parseRule(input);
    const problems: string[] = [];
    for (const [i, action] of rule.actions.entries()) {
      if (action.type !== "CALIBRATE") continue;
      if (roles !== undefined && !hasRole(roles, roleFor("mutation", "recordCalibration"))) {
        problems.push(
          `actions[${i}]: CALIBRATE recalibrates ${rule.sensorId} with its creator's authority, which needs the ${roleFor("mutation", "recordCalibration")} role; the token has ${roles.length === 0 ? "no role" : roles.join(", ")}`,
        );
      }
      const reference = action.referenceSensorId;
      if (reference === rule.sensorId)
        problems.push(`actions[${i}].referenceSensorId is the rule's own sensor ${reference}; name another sensor to calibrate it against, or leave it out to use its peers`);
      else if (reference !== null && (await this.deps.catalog.get(reference)) === undefined) problems.push(`actions[${i}].referenceSensorId: no sensor "${reference}" exists`);
    }
    if ((await this.deps.catalog.get(rule.sensorId)) === undefined) problems.push(`sensorId: no sensor "${rule.sensorId}" exists`);
    else if (rule.condition.type === "MOLD_RISK") {
      const problem = this.deps.climate === undefined ? "this twin has no room physics" : await this.deps.climate.moldProblemOfSensor(rule.sensorId);
      if (problem !== null) problems.push(`condition: MOLD_RISK watches the mold risk of ${rule.sensorId}'s room, but ${problem}`);
    }
    const known = new Set((await this.deps.actuators.directory()).map((a) => a.actuatorId));
    for (const [i, action] of rule.actions.entries()) {
      if (action.type === "ACTUATE" && !known.has(action.actuatorId)) problems.push(`actions[${i}].actuatorId: no actuator "${action.actuatorId}" exists`);
      if (action.type === "SET_INTERVAL" && !(await this.deps.devices(action.deviceId))) problems.push(`actions[${i}].deviceId: no device "${action.deviceId}" exists`);
    }
    if (problems.length > 0) throw new InvalidInputError(`rule "${rule.name}" refused: ${problems.join("; ")}`);
    return rule;
  }
}
