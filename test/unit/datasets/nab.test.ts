import { describe, expect, it } from "vitest";
import { fixtures } from "../../support/requirements.js";
import { readDatasetText } from "../../../src/datasets/files.js";
import { labelWindows, parseNabCsv, parseNabLabels, parseNabWindows } from "../../../src/datasets/nab.js";

const load = async (file: string) => {
  const parsed = parseNabCsv(await readDatasetText(fixtures, "nab", file));
  const windows = parseNabWindows(await readDatasetText(fixtures, "nab", "combined_windows.json"), file);
  return { parsed, windows };
};

describe("NAB parsing", () => {
  it("reads timestamp,value rows as UTC and reports malformed lines with their numbers", () => {
    const text = [
      "timestamp,value",
      "2013-12-02 21:15:00,73.96732207",
      "2013-12-02 21:20:00,",
      "",
      "2013-12-02 21:25,74.5",
      "2013-02-30 10:00:00,1",
      "2013-12-02 21:30:00,abc",
      "2013-12-02 21:35:00,75,extra",
    ].join("\r\n");
    const { value, problems } = parseNabCsv(text);
    expect(value).toEqual([
      { timestampMs: Date.UTC(2013, 11, 2, 21, 15), value: 73.96732207 },
      { timestampMs: Date.UTC(2013, 11, 2, 21, 25), value: 74.5 },
    ]);
    expect(problems.map((p) => p.line)).toEqual([3, 6, 7, 8]);
    expect(problems[0]!.message).toMatch(/not a finite number/);
    expect(problems[1]!.message).toMatch(/not YYYY-MM-DD HH:MM:SS/);
    expect(problems[3]!.message).toMatch(/expected 2 fields/);
    expect(parseNabCsv("time,v\n").problems[0]).toMatchObject({ line: 1 });
  });

  it("reads the labelled windows of a file and says which key was missing", async () => {
    const { parsed, windows } = await load("realKnownCause/machine_temperature_system_failure.csv");
    expect(parsed.problems).toEqual([]);
    expect(parsed.value).toHaveLength(22_695);
    expect(windows).toHaveLength(4);
    expect(windows[0]!.startMs).toBe(Date.UTC(2013, 11, 10, 6, 25));
    expect(() => parseNabWindows("{}", "nope.csv")).toThrow(/no windows for "nope.csv"/);
  });

  it("reads the labelled instants and puts each inside its window", async () => {
    const file = "realKnownCause/machine_temperature_system_failure.csv";
    const { windows } = await load(file);
    const labels = parseNabLabels(await readDatasetText(fixtures, "nab", "combined_labels.json"), file);
    expect(labels).toHaveLength(4);
    const labelled = labelWindows(windows, labels);
    expect(labelled[0]).toEqual({ ...windows[0], labelMs: Date.UTC(2013, 11, 11, 6, 0) });
    for (const w of labelled) expect(w.labelMs! > w.startMs && w.labelMs! < w.endMs).toBe(true);
    // A window with no label inside stays without one.
    expect(labelWindows(windows, [Date.UTC(2020, 0, 1)])[0]).toEqual(windows[0]);
    expect(() => parseNabLabels(JSON.stringify({ [file]: ["yesterday"] }), file)).toThrow(/label 0 of .* is not a date-time/);
    expect(() => parseNabLabels("{}", "nope.csv")).toThrow(/no labels for "nope.csv"/);
  });
});
