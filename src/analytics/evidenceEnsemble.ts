import { ScoreFeatures, STREAM_INDEX, STREAMS, type FeatureContext, type StreamName } from "./scoreFeatures.js";
import { TailCalibration, type TailCalibrationOptions } from "./tailCalibration.js";

const NOISE_SHIFT = STREAM_INDEX.noiseShift;

/** One stream's judgement of the latest reading. */
export interface StreamEvidence {
  readonly stream: StreamName;
  /** Its raw score. */
  readonly score: number;
  /** P(an ordinary reading of this sensor scores at least this): the tail of its own history. */
  readonly probability: number;
  /** The largest block maximum of its history (the largest score before, over blocks). */
  readonly largest: number;
  /** Its median block maximum: an ordinary block's largest score. */
  readonly typical: number;
}

/** The ensemble's judgement of the latest reading. */
export interface EnsembleVerdict {
  /** √(P₁·P₂)·m: the two smallest stream probabilities combined, for the m streams (1: nothing unusual). */
  readonly evidence: number;
  readonly strongest: StreamEvidence | null;
  readonly second: StreamEvidence | null;
  /** Each stream's probability, in `STREAMS` order (1 where it does not judge yet); valid until the next `judge`. */
  readonly probabilities: Float64Array;
  readonly context: FeatureContext;
}

/**
 * Fifteen cheap scores (`ScoreFeatures`) on every reading, each score turned into its tail
 * probability under the stream's own recent history (`TailCalibration`), and combined: the
 * evidence is √(P₁·P₂)·m from the two smallest probabilities. Requiring two streams to agree is
 * what makes the combination selective: one stream's extreme score happens by chance about m
 * times as often as any single stream's, while a real change (a spike moves the reading, its step
 * and its level at once; a level shift moves three level streams) shows in several. A reading
 * with evidence 1e-3 is as unusual as one that both of two independent streams would give a
 * probability of 1e-3/m.
 */
export class EvidenceEnsemble {
  private readonly features = new ScoreFeatures();
  private readonly calibrations: TailCalibration[];
  private readonly probabilities = new Float64Array(STREAMS.length);

  constructor(calibration: TailCalibrationOptions) {
    this.calibrations = STREAMS.map(() => new TailCalibration(calibration));
  }

  get memoryBytes(): number {
    return this.features.memoryBytes + this.calibrations.reduce((s, c) => s + c.memoryBytes, 0) + this.probabilities.byteLength;
  }

  /**
   * Judges reading (t, x), then learns it. `floor`: the sensor's resolution, the smallest meaningful
   * score scale; `step`: the smallest change between readings it makes (its quantisation, or the
   * resolution), below which a change of its noise means nothing.
   */
  judge(t: number, x: number, floor: number, step = floor): EnsembleVerdict {
    this.features.noiseFloor = Math.max(step, floor, Number.MIN_VALUE);
    this.features.add(t, x);
    const scores = this.features.scores;
    let first = -1;
    let second = -1;
    for (let i = 0; i < STREAMS.length; i++) {
      const score = scores[i] as number;
      const calibration = this.calibrations[i] as TailCalibration;
      if (Number.isNaN(score)) {
        this.probabilities[i] = 1;
        continue;
      }
      // The noise ratio is a natural log: a median of 16 changes is itself uncertain by some 30 %,
      // so its tail's scale is at least 0.1 (10 %).
      const p = calibration.probability(score, i === NOISE_SHIFT ? 0.1 : floor);
      this.probabilities[i] = p;
      if (first < 0 || p < (this.probabilities[first] as number)) {
        second = first;
        first = i;
      } else if (second < 0 || p < (this.probabilities[second] as number)) {
        second = i;
      }
    }
    const verdict: EnsembleVerdict = {
      evidence: first < 0 || second < 0 ? 1 : Math.min(1, Math.sqrt((this.probabilities[first] as number) * (this.probabilities[second] as number)) * STREAMS.length),
      strongest: this.evidenceOf(first),
      second: this.evidenceOf(second),
      probabilities: this.probabilities,
      context: this.features.context,
    };
    for (let i = 0; i < STREAMS.length; i++) {
      const score = scores[i] as number;
      if (!Number.isNaN(score)) (this.calibrations[i] as TailCalibration).observe(score);
    }
    return verdict;
  }

  private evidenceOf(i: number): StreamEvidence | null {
    if (i < 0) return null;
    const c = this.calibrations[i] as TailCalibration;
    return { stream: STREAMS[i] as StreamName, score: this.features.scores[i] as number, probability: this.probabilities[i] as number, largest: c.largest, typical: c.typical };
  }
}
