import { describe, expect, it } from "vitest";
import { assessMoldRisk, MOLD_HISTORY_HOURS, type ClimateHour, type MoldRiskAssessment } from "../../../src/analytics/climate/moldRisk.js";
import { mergeRecommendations, moldEffect, moldRecommendations, type MoldSituation } from "../../../src/analytics/predict/recommendMold.js";
import type { LocationActuators, Recommendation } from "../../../src/analytics/predict/recommendTypes.js";
import { cellarSetup } from "../climate/support/cellar.js";

const HOUR = 3_600_000;
const END = Date.UTC(2026, 10, 30, 12);

const setup = cellarSetup;

/** The cellar after `wetHours` at 97 % and 20 °C (dry before). */
function riskAfter(wetHours: number): MoldRiskAssessment {
  const history: ClimateHour[] = Array.from({ length: MOLD_HISTORY_HOURS }, (_, i) => ({
    startMs: END - (MOLD_HISTORY_HOURS - i) * HOUR,
    endMs: END - (MOLD_HISTORY_HOURS - i - 1) * HOUR,
    celsius: 20,
    relativeHumidity: MOLD_HISTORY_HOURS - i <= wetHours ? 97 : 45,
  }));
  const s = setup();
  const r = assessMoldRisk(history, { asOfMs: END, hours: 24, model: s.model, surface: s.surface, names: { temperature: "temp_1", humidity: "humidity_1" } });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

const cellar = (actuators: LocationActuators["actuators"]): LocationActuators => ({ locationId: "cellar", actuators });
const situation = (over: Partial<MoldSituation>): MoldSituation => ({
  setup: setup(),
  risk: riskAfter(200),
  airCelsius: 20,
  location: cellar([{ actuatorId: "dehumidifier_1", kind: "DEHUMIDIFIER", reportedState: "OFF" }]),
  simulate: () => null,
  ...over,
});
/** A dehumidifier's humidity path: from 97 % down 0.5 %/min to 60 %, then flat, for 24 h. */
const drying = { minutes: Array.from({ length: 24 * 60 }, (_, m) => Math.max(60, 97 - 0.5 * (m + 1))) };

describe("mold recommendations", () => {
  it("switches the dehumidifier on a room heading for index 1, with the simulated effect", () => {
    const [rec, ...rest] = moldRecommendations(situation({ simulate: (id, state) => (id === "dehumidifier_1" && state === "ON" ? drying : null) }));
    expect(rest).toEqual([]);
    expect(rec).toMatchObject({ action: "ACTUATE", targetId: "dehumidifier_1", sensorId: "humidity_1", command: "DEHUMIDIFIER ON", urgency: "MEDIUM", confidence: 0.9 });
    // 200 of the ≈249 h to index 1 are behind it: ≈49 h left.
    expect(rec!.reason).toMatch(/^mold index 1 in cellar in ≈4\d(\.\d+)? h \(index now 0\.8\d+, 97 % RH at 20 °C where critical is 80.04 %\); DEHUMIDIFIER ON dries the air$/);
    // Below 80.04 % after 34 minutes (97 − 0.5·34 = 80): growth stops for good.
    expect(rec!.expectedEffect).toMatch(
      /^humidity 60 % after 24 h; below the critical 80.04 % within 34 min: growth stops \(index 0\.79\d+ after 24 h\), index 1 never reached \(in ≈4\d(\.\d+)? h without it\)$/,
    );
  });

  it("says what it cannot simulate, and what a path that does not dry enough does", () => {
    const [plain] = moldRecommendations(situation({}));
    expect(plain).toMatchObject({ confidence: 0.6, expectedEffect: "drying the air below 80.04 % RH stops growth (no fitted humidity plant to say how fast)" });
    const weak = moldEffect(situation({}), { minutes: Array.from({ length: 600 }, () => 90) });
    expect(weak).toMatchObject({ hours: 10, humidityAfter: 90, hoursToStopGrowth: null });
    expect(weak.indexAfter).toBeGreaterThan(riskAfter(200).index);
  });

  it("is urgent once index 1 is reached, and inspects a room without a dehumidifier", () => {
    const grown = riskAfter(300);
    expect(grown.index).toBeGreaterThan(1);
    const [rec] = moldRecommendations(situation({ risk: grown, location: cellar([{ actuatorId: "fan_1", kind: "FAN", reportedState: "OFF" }]) }));
    expect(rec).toMatchObject({ action: "INSPECT", targetId: "humidity_1", urgency: "HIGH" });
    expect(rec!.reason).toMatch(/microscopic growth expected already; it has no dehumidifier: ventilate or dry the room/);
  });

  it("says nothing of a room that stays dry, or reaches index 1 only after a week", () => {
    expect(moldRecommendations(situation({ risk: riskAfter(0) }))).toEqual([]);
    expect(moldRecommendations(situation({ risk: riskAfter(24) }))).toEqual([]); // ≈225 h away
  });

  it("merges a room's advice with the sensors' own: one recommendation per action, the more urgent first", () => {
    const base: Recommendation = {
      action: "ACTUATE",
      targetId: "dehumidifier_1",
      sensorId: "humidity_1",
      command: "DEHUMIDIFIER ON",
      urgency: "LOW",
      confidence: 0.8,
      reason: "humidity forecast above 70 %",
      expectedEffect: null,
    };
    const room: Recommendation = { ...base, urgency: "HIGH", confidence: 0.9, reason: "mold index 1 soon" };
    const other: Recommendation = { ...base, action: "CONTINUE_MONITORING", targetId: "temp_1", command: null, urgency: "NONE", reason: "fine" };
    const merged = mergeRecommendations([other, base], [room]);
    expect(merged.map((r) => [r.targetId, r.urgency, r.reason])).toEqual([
      ["dehumidifier_1", "HIGH", "mold index 1 soon; also: humidity forecast above 70 %"],
      ["temp_1", "NONE", "fine"],
    ]);
  });
});
