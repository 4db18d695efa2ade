import { describe, expect, it } from "vitest";
import { LOW_FP_PROFILE, normalizedScore, probationRows, scaledSigmoid, scoreNabFile, STANDARD_PROFILE, windowRows } from "../../../src/datasets/nabScore.js";

const sigma = (p: number): number => 2 / (1 + Math.exp(5 * p)) - 1;

describe("NAB scoring (v1.1 sweeper)", () => {
  it("has NAB's scaled sigmoid: 0.98661 at a window's start, 0 just past its end, −1 far after", () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 5);
    expect(scaledSigmoid(-0.5)).toBeCloseTo(0.84828, 5);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(1)).toBeCloseTo(-0.98661, 5);
    expect(scaledSigmoid(3)).toBe(-1);
    expect(scaledSigmoid(10)).toBe(-1);
  });

  it("leaves 15 % of a file unscored, at most 750 rows", () => {
    expect(probationRows(4032)).toBe(604);
    expect(probationRows(1243)).toBe(186);
    expect(probationRows(22_695)).toBe(750);
  });

  it("scores a window by its earliest detection, a miss by −A_FN, and false positives by their distance from the window before", () => {
    // 2000 rows, probation 300; window rows 1000..1099 (width 100).
    const windows = [{ first: 1000, last: 1099 }];
    // Nothing: −1. At the first row: +1 exactly. Half way (row 1050): σ(−50/100)/σ(−1).
    expect(scoreNabFile(2000, windows, [], STANDARD_PROFILE).score).toBe(-1);
    expect(scoreNabFile(2000, windows, [1000], STANDARD_PROFILE).score).toBeCloseTo(1, 12);
    expect(scoreNabFile(2000, windows, [1050, 1001, 1090], STANDARD_PROFILE).score).toBeCloseTo(sigma(-99 / 100) / sigma(-1), 12);
    expect(scoreNabFile(2000, windows, [1049], STANDARD_PROFILE).score).toBeCloseTo(sigma(-51 / 100) / sigma(-1), 12);
    // A false positive before any window costs the whole A_FP; one after costs A_FP·σ((i − end)/(width − 1)).
    const before = scoreNabFile(2000, windows, [500], STANDARD_PROFILE);
    expect(before).toMatchObject({ falsePositives: 1, truePositives: 0, falseNegatives: 1 });
    expect(before.score).toBeCloseTo(-1 - 0.11, 12);
    expect(scoreNabFile(2000, windows, [1149], STANDARD_PROFILE).score).toBeCloseTo(-1 + 0.11 * sigma(50 / 99), 12);
    expect(scoreNabFile(2000, windows, [1149], LOW_FP_PROFILE).score).toBeCloseTo(-1 + 0.22 * sigma(50 / 99), 12);
    // Detections in the probationary period count for nothing.
    expect(scoreNabFile(2000, windows, [10, 299], STANDARD_PROFILE).score).toBe(-1);
    // A window wholly in the probationary period is not scored.
    expect(scoreNabFile(2000, [{ first: 10, last: 50 }, ...windows], [], STANDARD_PROFILE).windows).toHaveLength(1);
  });

  it("normalises a perfect detector to 100 and the null detector to 0", () => {
    const files = [
      {
        rows: 4000,
        windows: [
          { first: 1000, last: 1200 },
          { first: 3000, last: 3200 },
        ],
      },
      { rows: 1500, windows: [{ first: 600, last: 650 }] },
      { rows: 1500, windows: [] },
    ];
    const perfect = files.map((f) =>
      scoreNabFile(
        f.rows,
        f.windows,
        f.windows.map((w) => w.first),
        STANDARD_PROFILE,
      ),
    );
    const none = files.map((f) => scoreNabFile(f.rows, f.windows, [], STANDARD_PROFILE));
    expect(normalizedScore(perfect)).toBeCloseTo(100, 10);
    expect(normalizedScore(none)).toBe(0);
    expect(normalizedScore([none[2]!])).toBeNull();
    // One window found at its start, one missed: half way.
    const half = [scoreNabFile(4000, files[0]!.windows, [1000], STANDARD_PROFILE)];
    expect(normalizedScore(half)).toBeCloseTo(50, 10);
  });

  it("maps windows given as times to rows: first row at or after the start, last at or before the end", () => {
    const ts = [0, 10, 20, 30, 40, 50];
    expect(
      windowRows(ts, [
        { startMs: 10, endMs: 40 },
        { startMs: 15, endMs: 45 },
      ]),
    ).toEqual([
      { first: 1, last: 4 },
      { first: 2, last: 4 },
    ]);
  });
});
