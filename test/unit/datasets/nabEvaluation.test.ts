import { expect, it } from "vitest";
import { readDatasetText } from "../../../src/datasets/files.js";
import { listNabFiles, loadNabCorpus, parsePublishedScores } from "../../../src/datasets/nabCorpus.js";
import { recordedData, requires } from "../../support/requirements.js";
import { evaluateNabFile, nabReport, publishedOn, type NabFileResult } from "../../../src/datasets/nabEvaluation.js";

// The whole corpus (51 files) is not in the repository: NAB_DATA_DIR, default ../shared/datasets/nab.
const { describe } = requires("nab");
const nabData = recordedData;

describe("eval:nab: the twin's alerts on the NAB corpus, scored the NAB way", () => {
  it("reproduces the published scoreboard's arithmetic: ARTime 73.2, Numenta HTM 68.4, null 0 on the 51 shared files", async () => {
    const published = parsePublishedScores(await readDatasetText(nabData, "nab", "published_standard_scores.csv"));
    const keys = await listNabFiles(nabData);
    expect(keys).toHaveLength(51);
    const files = await loadNabCorpus(nabData);
    // A stand-in result per file with only its windows: publishedOn needs nothing else.
    const stubs = files.map((f) => ({ key: f.key, standard: { windows: f.windows } })) as unknown as NabFileResult[];
    const scores = publishedOn(stubs, published);
    expect(scores["ARTime"]).toBeCloseTo(73.2, 1);
    expect(scores["numenta"]).toBeCloseTo(68.4, 1);
    expect(scores["null"]).toBe(0);
    expect(scores["random"]).toBeUndefined(); // published for 32 of the files only
    expect(() => parsePublishedScores("a,b\n")).toThrow(/expected the header/);
  });

  it("scores above Numenta HTM over all 51 files through the real ingest path, with the floor set from the full run (75.2)", async () => {
    const published = parsePublishedScores(await readDatasetText(nabData, "nab", "published_standard_scores.csv"));
    const results: NabFileResult[] = [];
    for (const file of await loadNabCorpus(nabData)) results.push(await evaluateNabFile(file));
    const report = nabReport(results, published, false);
    expect(report).toMatchObject({ files: 51, windows: 102 });
    expect(report["normalizedStandard"]).toBeGreaterThanOrEqual(72);
    expect(report["normalizedLowFp"]).toBeGreaterThanOrEqual(64);
    expect(report["truePositives"]).toBeGreaterThanOrEqual(86);
    expect(report["falsePositives"]).toBeLessThanOrEqual(150);
    // The noise-only files raise at most one alert between them.
    const noise = results.filter((r) => r.folder === "artificialNoAnomaly");
    expect(noise.reduce((s, r) => s + r.standard.falsePositives, 0)).toBeLessThanOrEqual(1);
    // Machine temperature: at least 3 of its 4 windows.
    expect(results.find((r) => r.key.includes("machine_temperature"))!.standard.truePositives).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
