import { describe, expect, it } from "vitest";
import { RuleEngine, type EngineDeps } from "../../../src/automation/engine.js";
import { INITIAL_RULE_STATE } from "../../../src/domain/ruleState.js";
import type { Rule } from "../../../src/domain/ruleTypes.js";
import { createLogger } from "../../../src/log.js";
import type { StoredRule } from "../../../src/store/ruleStore.js";
import { makeRule } from "./support/ruleKit.js";

/** A rule store in memory that counts its reads; the n-th `get` answers after `delaysMs[n]`. */
function memoryStore(initial: StoredRule[], delaysMs: number[] = []) {
  const rules = new Map(initial.map((r) => [r.ruleId, r]));
  const reads = { all: 0, get: 0 };
  return {
    rules,
    reads,
    store: {
      all: async () => ((reads.all += 1), [...rules.values()]),
      get: async (ruleId: string) => {
        const delay = delaysMs[reads.get] ?? 0;
        reads.get += 1;
        const found = rules.get(ruleId) ?? null; // read now, answered later: a slow query
        await new Promise((r) => setTimeout(r, delay));
        return found;
      },
    },
  };
}

const stored = (ruleId: string, rule: Rule): StoredRule => ({ ruleId, rule, state: INITIAL_RULE_STATE });

function engineOn(store: object): RuleEngine {
  return new RuleEngine({ store, log: createLogger("warn", () => undefined) } as unknown as EngineDeps);
}

describe("RuleEngine reloading", () => {
  it("reads one rule after a change, not all of them, and keeps the live state of a rule that did not change", async () => {
    const a = makeRule({ name: "a" });
    const mem = memoryStore([stored("a", a), stored("b", makeRule({ name: "b", sensorId: "hum_1" }))]);
    const engine = engineOn(mem.store);
    await engine.reload();
    expect(engine.enabledCount).toBe(2);
    expect(mem.reads.all).toBe(1);

    mem.rules.set("c", stored("c", makeRule({ name: "c" })));
    await engine.reloadRule("c");
    expect(engine.enabledCount).toBe(3);
    mem.rules.set("b", stored("b", makeRule({ name: "b", sensorId: "hum_1", enabled: false })));
    await engine.reloadRule("b");
    expect(engine.enabledCount).toBe(2);
    mem.rules.delete("c");
    await engine.reloadRule("c");
    expect(engine.enabledCount).toBe(1);
    expect(mem.reads).toEqual({ all: 1, get: 3 });

    // "a" unchanged but its stored state lags (a firing not yet written): the engine's own wins.
    const live = (engine as unknown as { rules: Map<string, { state: unknown }> }).rules.get("a")!;
    live.state = { ...INITIAL_RULE_STATE, phase: "ACTIVE" };
    await engine.reloadRule("a");
    expect((engine as unknown as { rules: Map<string, { state: unknown }> }).rules.get("a")!.state).toMatchObject({ phase: "ACTIVE" });
  });

  it("carries a fired rule's state over a change of its definition, from its own newer state", async () => {
    const mem = memoryStore([stored("a", makeRule({ name: "a" }))]);
    const engine = engineOn(mem.store);
    await engine.reload();
    const live = (engine as unknown as { rules: Map<string, { state: unknown }> }).rules.get("a")!;
    // Fired at 10 s and switched the cooler; the store has not caught up (IDLE there).
    live.state = { ...INITIAL_RULE_STATE, phase: "CLEARING", sinceMs: 20_000, lastFiredMs: 10_000, switched: { cooler_1: { state: "ON", atMs: 10_000 } } };
    mem.rules.set("a", stored("a", makeRule({ name: "a", condition: { type: "VALUE", comparison: "GT", threshold: 72 } })));
    await engine.reloadRule("a");
    expect(engine.stateOf("a")).toEqual({ ...INITIAL_RULE_STATE, phase: "ACTIVE", sinceMs: 10_000, lastFiredMs: 10_000, switched: { cooler_1: { state: "ON", atMs: 10_000 } } });
    // Moved to another sensor: it starts over.
    mem.rules.set("a", stored("a", makeRule({ name: "a", sensorId: "temp_2" })));
    await engine.reloadRule("a");
    expect(engine.stateOf("a")).toEqual(INITIAL_RULE_STATE);
    expect(engine.stateOf("unknown")).toBeNull();
  });

  it("applies reloads in the order they were asked for, so a slow older read cannot undo a newer one", async () => {
    // The first read is slow (50 ms), the second quick: run side by side, the old answer would land last.
    const mem = memoryStore([stored("a", makeRule({ name: "a" }))], [50, 0]);
    const engine = engineOn(mem.store);
    await engine.reload();
    const first = engine.reloadRule("a");
    mem.rules.set("a", stored("a", makeRule({ name: "a", enabled: false })));
    const second = engine.reloadRule("a");
    await Promise.all([first, second]);
    expect(engine.enabledCount).toBe(0);
  });
});
