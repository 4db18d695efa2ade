import { randomUUID } from "node:crypto";
import type { Driver } from "neo4j-driver";
import type { RuleDecision } from "../domain/decisions.js";
import type { Rule } from "../domain/ruleTypes.js";
import { INITIAL_RULE_STATE, parseRuleState, serializeRuleState, type RuleState } from "../domain/ruleState.js";

export interface StoredRule {
  readonly ruleId: string;
  readonly rule: Rule;
  readonly state: RuleState;
}

/** The Rule node's queryable properties, flattened from the rule (the full rule is `definition`). */
export function ruleProperties(rule: Rule) {
  const c = rule.condition;
  return {
    name: rule.name,
    sensorId: rule.sensorId,
    enabled: rule.enabled,
    conditionType: c.type,
    comparison: "comparison" in c ? c.comparison : null,
    threshold: "threshold" in c ? c.threshold : null,
    horizonMinutes: c.type === "FORECAST" ? c.horizonMinutes : null,
    anomalyTypes: c.type === "ANOMALY" ? [...c.anomalyTypes] : null,
    forSeconds: rule.forSeconds,
    clearComparison: rule.clear?.comparison ?? null,
    clearThreshold: rule.clear?.threshold ?? null,
    clearForSeconds: rule.clearForSeconds,
    cooldownSeconds: rule.cooldownSeconds,
    minOnSeconds: rule.minOnSeconds,
    minOffSeconds: rule.minOffSeconds,
    actions: JSON.stringify(rule.actions),
    definition: JSON.stringify(rule),
  };
}

/** Rules, their persisted evaluation state (timers survive a restart) and their decision history. */
export class RuleStore {
  constructor(private readonly driver: Driver) {}

  async create(rule: Rule, createdBy: string, atMs: number): Promise<string> {
    const ruleId = randomUUID();
    await this.driver.executeQuery(
      `MATCH (s:Sensor {sensorId: $sensorId})
       CREATE (r:Rule {ruleId: $ruleId}) SET r += $props, r.state = $state, r.phase = 'IDLE', r.createdBy = $createdBy,
         r.createdAt = datetime({epochMillis: toInteger($at)}), r.updatedAt = datetime({epochMillis: toInteger($at)})
       MERGE (r)-[:WATCHES]->(s)`,
      { ruleId, sensorId: rule.sensorId, props: ruleProperties(rule), state: serializeRuleState(INITIAL_RULE_STATE), createdBy, at: atMs },
    );
    return ruleId;
  }

  /** Replaces a rule's definition and the state it continues from (see `carriedState`). False if it does not exist. */
  async update(ruleId: string, rule: Rule, state: RuleState, atMs: number): Promise<boolean> {
    const { records } = await this.driver.executeQuery(
      `MATCH (r:Rule {ruleId: $ruleId}) MATCH (s:Sensor {sensorId: $sensorId})
       SET r += $props, r.state = $state, r.phase = $phase, r.updatedAt = datetime({epochMillis: toInteger($at)})
       WITH r, s
       OPTIONAL MATCH (r)-[w:WATCHES]->(old:Sensor) WHERE old <> s
       DELETE w
       MERGE (r)-[:WATCHES]->(s)
       RETURN count(r) AS n`,
      { ruleId, sensorId: rule.sensorId, props: ruleProperties(rule), state: serializeRuleState(state), phase: state.phase, at: atMs },
    );
    return Number(records[0]?.get("n") ?? 0) > 0;
  }

  /** Deletes a rule and its decision history (the commands it issued stay). False if unknown. */
  async delete(ruleId: string): Promise<boolean> {
    const { records } = await this.driver.executeQuery(
      `MATCH (r:Rule {ruleId: $ruleId})
       OPTIONAL MATCH (r)-[:DECIDED]->(d:RuleDecision)
       WITH r, collect(d) AS decisions
       FOREACH (d IN decisions | DETACH DELETE d)
       DETACH DELETE r
       RETURN count(*) AS n`,
      { ruleId },
    );
    return Number(records[0]?.get("n") ?? 0) > 0;
  }

  async get(ruleId: string): Promise<StoredRule | null> {
    const { records } = await this.driver.executeQuery("MATCH (r:Rule {ruleId: $ruleId}) RETURN r.ruleId AS id, r.definition AS definition, r.state AS state", { ruleId });
    const r = records[0];
    return r === undefined ? null : { ruleId: r.get("id") as string, rule: JSON.parse(r.get("definition") as string) as Rule, state: parseRuleState(r.get("state") as string) };
  }

  async all(): Promise<StoredRule[]> {
    const { records } = await this.driver.executeQuery("MATCH (r:Rule) RETURN r.ruleId AS id, r.definition AS definition, r.state AS state");
    return records.map((r) => ({ ruleId: r.get("id") as string, rule: JSON.parse(r.get("definition") as string) as Rule, state: parseRuleState(r.get("state") as string) }));
  }

  /**
   * Saves several rules' new states and decisions in one transaction: the rule engine batches
   * them, so rules firing while readings stream in cost one write per batch, not two per rule.
   */
  async saveBatch(items: ReadonlyArray<{ readonly ruleId: string; readonly state: RuleState | null; readonly decisions: readonly RuleDecision[] }>): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map((item) => ({
      ruleId: item.ruleId,
      state: item.state === null ? null : serializeRuleState(item.state),
      phase: item.state?.phase ?? null,
      fired: item.state?.lastFiredMs ?? null,
      cleared: item.state?.lastClearedMs ?? null,
      decisions: item.decisions.map(decisionRow),
    }));
    await this.driver.executeQuery(
      `UNWIND $rows AS it
       MATCH (r:Rule {ruleId: it.ruleId})
       FOREACH (_ IN CASE WHEN it.state IS NULL THEN [] ELSE [1] END |
         SET r.state = it.state, r.phase = it.phase,
           r.lastFiredAt = CASE WHEN it.fired IS NULL THEN null ELSE datetime({epochMillis: toInteger(it.fired)}) END,
           r.lastClearedAt = CASE WHEN it.cleared IS NULL THEN null ELSE datetime({epochMillis: toInteger(it.cleared)}) END)
       FOREACH (row IN it.decisions |
         CREATE (r)-[:DECIDED]->(:RuleDecision {decisionId: row.decisionId, ruleId: it.ruleId, event: row.event, reason: row.reason,
           effect: row.effect, message: row.message, actions: row.actions, at: datetime({epochMillis: toInteger(row.atMs)})}))`,
      { rows },
    );
  }
}

function decisionRow(d: RuleDecision) {
  return {
    decisionId: randomUUID(),
    event: d.event,
    reason: d.event === "SUPPRESSED" ? d.reason : null,
    effect: d.event === "SUPPRESSED" ? d.effect : null,
    message: d.message,
    atMs: d.atMs,
    actions: JSON.stringify(d.event === "SUPPRESSED" ? (d.action === null ? [] : [d.action]) : d.actions),
  };
}
