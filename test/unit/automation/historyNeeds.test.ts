import { describe, expect, it } from "vitest";
import type { Rule } from "../../../src/domain/ruleTypes.js";
import { roleFor } from "../../../src/commands/roles.js";
import { ConfigError, loadConfig } from "../../../src/config.js";
import { historyNeeds, minimumRawDays, retentionProblem } from "../../../src/automation/historyNeeds.js";
import { RetentionPolicy } from "../../../src/history/retentionPolicy.js";

const DAY = 86_400_000;
const moldRule = { name: "cellar mold", sensorId: "humidity_1", condition: { type: "MOLD_RISK" } } as unknown as Rule;

describe("history needs", () => {
  const needs = historyNeeds([{ ruleId: "r1", rule: moldRule }], DAY);

  it("needs 30 days of raw readings with every feature on, and accepts that or more, or for ever", () => {
    expect(minimumRawDays(needs)).toBe(30);
    expect(retentionProblem(30, new Map(), needs)).toBeNull();
    expect(retentionProblem(0, new Map(), needs)).toBeNull();
  });

  it("names each feature a shorter retention would starve, globally and for a sensor's own setting", () => {
    expect(retentionProblem(20, new Map(), needs)).toMatch(/RETENTION_RAW_DAYS=20 .*moldRisk .* needs 30 days.*rule "cellar mold" \(r1, MOLD_RISK on humidity_1\) needs 30 days.*at least 30/);
    expect(retentionProblem(30, new Map([["humidity_1", 10]]), needs)).toMatch(/Sensor humidity_1 has retentionDays=10: .*failureRisk .* needs 14 days.*at least 30 or unset it/);
    expect(retentionProblem(30, new Map([["temp_1", 0]]), needs)).toBeNull();
    // A kind's KindThresholds.retentionDays is named where it is set.
    expect(retentionProblem(30, new Map([["humidity_2", 7]]), needs, (id) => `KindThresholds HUMIDITY (for sensor ${id})`)).toMatch(
      /^KindThresholds HUMIDITY \(for sensor humidity_2\) has retentionDays=7: /,
    );
  });
});

describe("RetentionPolicy", () => {
  it("applies a sensor's own retention, never below what the features need, and 0 keeps for ever", () => {
    const policy = new RetentionPolicy({ rawDays: 30, minuteDays: 180, intervalMs: 1000, batchSize: 10 }, 14);
    policy.setOverrides(
      new Map([
        ["a", 60],
        ["b", 3],
        ["c", 0],
      ]),
    );
    const now = 1_000 * DAY;
    expect(policy.rawCutoff("x", now)).toBe(now - 30 * DAY);
    expect(policy.rawCutoff("a", now)).toBe(now - 60 * DAY);
    expect(policy.rawCutoff("b", now)).toBe(now - 14 * DAY);
    expect(policy.rawCutoff("c", now)).toBeNull();
    expect(policy.minuteCutoff(now)).toBe(now - 180 * DAY);
    expect(policy.isPastRaw("x", now - 31 * DAY, now)).toBe(true);
    expect(policy.rollupOnlyBefore("x", now)).toBeLessThan(now - 30 * DAY);
  });

  it("is configured by RETENTION_*, and minute rollups may not go before the raw readings", () => {
    expect(loadConfig({}).retention).toEqual({ rawDays: 30, minuteDays: 180, intervalMs: 60_000, batchSize: 2_000 });
    expect(() => loadConfig({ RETENTION_RAW_DAYS: "200" })).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_RAW_DAYS: "200" })).toThrow(/RETENTION_MINUTE_DAYS=180 is shorter than RETENTION_RAW_DAYS=200/);
    expect(loadConfig({ RETENTION_RAW_DAYS: "0", RETENTION_MINUTE_DAYS: "0" }).retention.rawDays).toBe(0);
  });

  it("leaves rebuildRollups to admins", () => {
    expect(roleFor("mutation", "rebuildRollups")).toBe("admin");
  });
});
