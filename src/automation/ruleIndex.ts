import type { Rule } from "./ruleTypes.js";

const EMPTY: readonly Rule[] = Object.freeze([]);

/** Enabled rules by the sensor they watch, so a reading evaluates only its own sensor's rules. */
export interface RuleIndex {
  /** The enabled rules on `sensorId` (a shared empty list when none). */
  forSensor(sensorId: string): readonly Rule[];
  /** STALE rules: their sensor sends nothing when they matter, so evaluate them on a clock too. */
  readonly clockDriven: readonly Rule[];
  readonly size: number;
}

/** Indexes the enabled rules; rebuild it when rules change (200 rules take microseconds). */
export function indexRules(rules: Iterable<Rule>): RuleIndex {
  const bySensor = new Map<string, Rule[]>();
  const clockDriven: Rule[] = [];
  let size = 0;
  for (const rule of rules) {
    if (!rule.enabled) continue;
    size++;
    const list = bySensor.get(rule.sensorId);
    if (list === undefined) bySensor.set(rule.sensorId, [rule]);
    else list.push(rule);
    if (rule.condition.type === "STALE") clockDriven.push(rule);
  }
  return { forSensor: (sensorId) => bySensor.get(sensorId) ?? EMPTY, clockDriven, size };
}
