import { describe, expect, it } from "vitest";
import { absoluteHumidity, dewPoint, saturationVapourPressure, surfaceRelativeHumidity, vapourPressure } from "../../../src/analytics/climate/psychrometrics.js";
import { roomClimate } from "../../../src/analytics/climate/roomClimate.js";
import { PredictionInputError } from "../../../src/analytics/predict/errors.js";
import { projectRoot } from "../../../src/config.js";
import { readDatasetText } from "../../../src/datasets/files.js";
import { parseUciOccupancy } from "../../../src/datasets/uciOccupancy.js";

const names = { temperature: "temp_1", humidity: "humidity_1" };

describe("Magnus form (Alduchov & Eskridge 1996)", () => {
  it("matches the reference saturation vapour pressures over water within 0.4 %", () => {
    // The CRC Handbook's vapour pressure of water (hPa), within the accuracy Alduchov & Eskridge quote.
    const reference: Array<[number, number]> = [
      [0, 6.113],
      [10, 12.282],
      [20, 23.392],
      [30, 42.467],
      [40, 73.844],
      [50, 123.52],
    ];
    for (const [t, es] of reference) expect(Math.abs(saturationVapourPressure(t) / es - 1)).toBeLessThan(0.004);
  });

  it("inverts itself: the dew point's saturation pressure is the air's vapour pressure", () => {
    for (const [t, rh] of [
      [20, 50],
      [5, 95],
      [35, 20],
      [-10, 70],
    ] as const) {
      const td = dewPoint(t, rh) as number;
      expect(saturationVapourPressure(td)).toBeCloseTo(vapourPressure(t, rh), 9);
    }
    // The textbook case: 20 °C at 50 % condenses at 9.3 °C and holds 8.65 g/m³ (half of saturation, 17.3).
    expect(dewPoint(20, 50)).toBeCloseTo(9.26, 2);
    expect(absoluteHumidity(20, 50)).toBeCloseTo(8.65, 1);
    expect(dewPoint(20, 100)).toBeCloseTo(20, 9);
    expect(dewPoint(20, 0)).toBeNull();
  });

  it("gives a surface its air's vapour pressure at the surface's own temperature", () => {
    // Air at 20 °C and 50 % against a 9.26 °C surface: that surface sits at its dew point.
    expect(surfaceRelativeHumidity(20, 50, dewPoint(20, 50) as number)).toBeCloseTo(100, 6);
    expect(surfaceRelativeHumidity(20, 50, 20)).toBeCloseTo(50, 9);
    expect(surfaceRelativeHumidity(20, 50, 0)).toBe(100);
  });

  it("refuses humidity outside 0–100 % and temperatures outside −40…50 °C, naming the range", () => {
    expect(() => dewPoint(20, 101)).toThrow(PredictionInputError);
    expect(() => dewPoint(20, -1)).toThrow(/outside 0–100 %/);
    expect(() => saturationVapourPressure(55)).toThrow(/outside -40…50 °C/);
    expect(() => roomClimate(-45, 50, null, names)).toThrow(/temp_1's temperature -45 °C lies outside -40…50 °C/);
    expect(() => roomClimate(20, 50, { kind: "OFFSET", celsius: 70 }, names)).toThrow(/coldest surface/);
  });

  it("agrees with the humidity ratio the UCI office recorded, row by row", async () => {
    // The data set's HumidityRatio (kg water per kg dry air) came from its own temperature and
    // humidity; at sea-level pressure the Magnus vapour pressure must give the same within 1 %.
    const { value } = parseUciOccupancy(await readDatasetText(projectRoot, "uci-occupancy", "datatraining.txt"));
    const pressure = 1013.25;
    let worst = 0;
    value.Temperature.forEach((t, i) => {
      const e = vapourPressure(t.value, value.Humidity[i]!.value);
      const ratio = (0.622 * e) / (pressure - e);
      worst = Math.max(worst, Math.abs(ratio / value.HumidityRatio[i]!.value - 1));
    });
    expect(value.Temperature.length).toBeGreaterThan(8000);
    expect(worst).toBeLessThan(0.01);
  });
});

describe("room climate", () => {
  it("reports the dew point, absolute humidity and the coldest surface's condensation risk", () => {
    const plain = roomClimate(21, 55, null, names);
    expect(plain.dewPointC).toBeCloseTo(dewPoint(21, 55) as number, 12);
    expect(plain.surfaceTemperatureC).toBeNull();
    expect(plain.condensationRisk).toBeNull();

    const cold = roomClimate(21, 55, { kind: "FIXED", celsius: 10 }, names);
    expect(cold.surfaceTemperatureC).toBe(10);
    expect(cold.dewPointMarginC).toBeCloseTo(10 - (plain.dewPointC as number), 12);
    expect(cold.condensationRisk).toBe("CONDENSING");

    const offset = roomClimate(21, 55, { kind: "OFFSET", celsius: 3 }, names);
    expect(offset.surfaceTemperatureC).toBe(18);
    expect(offset.surfaceRelativeHumidity).toBeCloseTo(surfaceRelativeHumidity(21, 55, 18), 12);
    expect(offset.condensationRisk).toBe("LOW");
    // 80 % at the surface (IEA Annex 14's limit) is HIGH, below the dew point's 100 %.
    expect(roomClimate(21, 70, { kind: "OFFSET", celsius: 3 }, names).condensationRisk).toBe("HIGH");
  });
});
