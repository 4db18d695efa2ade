import type { NabFile, PublishedScores } from "./nabCorpus.js";
import { firstAtOrAfter, LOW_FP_PROFILE, normalizedScore, scoreNabFile, STANDARD_PROFILE, windowRows, type FileScore } from "./nabScore.js";
import { replayThroughTwin } from "./twinReplay.js";

/** One file's outcome: the twin's detections scored under both profiles. */
export interface NabFileResult {
  readonly key: string;
  readonly folder: string;
  readonly readings: number;
  readonly standard: FileScore;
  readonly lowFp: FileScore;
  /** Alerts per type the twin raised on the file (GAP included: holes in the file). */
  readonly alertsByType: Readonly<Record<string, number>>;
  /** Rows of the detections scored (first reading of every non-GAP alert). */
  readonly detections: readonly number[];
}

/**
 * Replays a NAB file through the twin (`replayThroughTwin`) and scores its alert episodes the NAB
 * way: each alert's first reading is a detection. GAP alerts are left out of the score — NAB
 * labels values, and a GAP is a hole in the file's timestamps — and counted apart.
 */
export async function evaluateNabFile(file: NabFile): Promise<NabFileResult> {
  const sensorId = `nab_${file.key.replace(/[^A-Za-z0-9_.:-]/g, "_")}`;
  const replay = await replayThroughTwin(file.points, sensorId);
  const timestamps = Float64Array.from(file.points, (p) => p.timestampMs);
  const rows = windowRows(timestamps, file.windows);
  const byType: Record<string, number> = {};
  const detections: number[] = [];
  for (const alert of replay.alerts) {
    byType[alert.type] = (byType[alert.type] ?? 0) + 1;
    if (alert.type !== "GAP") detections.push(firstAtOrAfter(timestamps, alert.raisedAtMs));
  }
  return {
    key: file.key,
    folder: file.folder,
    readings: replay.accepted,
    standard: scoreNabFile(timestamps.length, rows, detections, STANDARD_PROFILE),
    lowFp: scoreNabFile(timestamps.length, rows, detections, LOW_FP_PROFILE),
    alertsByType: byType,
    detections,
  };
}

const round = (x: number | null): number | null => (x === null ? null : Number(x.toFixed(2)));

/** Normalised standard-profile score of every published detector with a score for each of these files. */
export function publishedOn(results: readonly NabFileResult[], published: PublishedScores): Record<string, number> {
  const windows = results.reduce((s, r) => s + r.standard.windows.length, 0);
  const out: Record<string, number> = {};
  for (const [detector, perFile] of published) {
    if (!results.every((r) => perFile.has(r.key)) || windows === 0) continue;
    const raw = results.reduce((s, r) => s + (perFile.get(r.key) as number), 0);
    out[detector] = Number(((100 * (raw + windows)) / (2 * windows)).toFixed(2));
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

/** The figures of a set of files: normalised scores under both profiles, counts. */
function summarise(results: readonly NabFileResult[]): Record<string, unknown> {
  return {
    normalizedStandard: round(normalizedScore(results.map((r) => r.standard))),
    normalizedLowFp: round(normalizedScore(results.map((r) => r.lowFp))),
    rawStandard: round(results.reduce((s, r) => s + r.standard.score, 0)),
    files: results.length,
    windows: results.reduce((s, r) => s + r.standard.windows.length, 0),
    truePositives: results.reduce((s, r) => s + r.standard.truePositives, 0),
    falsePositives: results.reduce((s, r) => s + r.standard.falsePositives, 0),
  };
}

/** The eval:nab report: the whole set, each folder, and the published detectors on the same files. */
export function nabReport(results: readonly NabFileResult[], published: PublishedScores, perFile: boolean): Record<string, unknown> {
  const folders = [...new Set(results.map((r) => r.folder))].sort();
  const ours = summarise(results);
  const others = publishedOn(results, published);
  const rank = 1 + Object.values(others).filter((v) => v > (ours["normalizedStandard"] as number)).length;
  const alerts: Record<string, number> = {};
  for (const r of results) for (const [type, n] of Object.entries(r.alertsByType)) alerts[type] = (alerts[type] ?? 0) + n;
  return {
    eval: "nab",
    ...ours,
    rankAmongPublished: `${rank} of ${Object.keys(others).length + 1}`,
    alertsByType: alerts,
    perFolder: Object.fromEntries(
      folders.map((f) => {
        const inFolder = results.filter((r) => r.folder === f);
        return [f, { ...summarise(inFolder), published: publishedOn(inFolder, published) }];
      }),
    ),
    published: others,
    scoring:
      "NAB v1.1: detections = first reading of every alert the twin raised (GAP alerts left out); probationary first 15 % (at most 750 rows) unscored; " +
      "standard A_TP 1, A_FP 0.11, A_FN 1; low-FP A_FP 0.22; normalised 100·(S − S_null)/(S_perfect − S_null)",
    ...(perFile
      ? {
          perFile: results.map((r) => ({
            file: r.key,
            score: round(r.standard.score),
            windows: r.standard.windows.map((w) => (w.detectedAt === null ? null : Number(((w.detectedAt - w.first) / (w.last - w.first + 1)).toFixed(2)))),
            falsePositives: r.standard.falsePositives,
            alerts: r.alertsByType,
          })),
        }
      : {}),
  };
}
