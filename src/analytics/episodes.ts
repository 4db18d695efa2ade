import { formatDuration } from "./format.js";
import { ANOMALY_TYPES, type ActiveEpisode, type AnomalyEvent, type AnomalyType, type Severity } from "../domain/anomalyTypes.js";

/** What a detector saw on one reading that would open an episode. */
export interface Trigger {
  readonly severity: Severity;
  readonly message: string;
  readonly timestampMs: number;
  readonly value: number | null;
}

/** One rule's view of one reading: `trigger` would open an episode, `holds` keeps an open one alive. */
export interface Verdict {
  readonly trigger: Trigger | null;
  readonly holds: boolean;
}

interface Slot {
  active: ActiveEpisode | null;
  absentReadings: number;
}

/**
 * Open episodes per anomaly type with hysteresis: a trigger opens an episode (one "raised"
 * event); while the condition holds the episode stays open without new events; it closes (one
 * "cleared" event) only after the condition has been absent for `clearReadings` readings in a
 * row and `clearMs` since it was last seen.
 */
export class EpisodeBook {
  private readonly slots = new Map<AnomalyType, Slot>(ANOMALY_TYPES.map((t) => [t, { active: null, absentReadings: 0 }]));

  constructor(
    private readonly sensorId: string,
    private readonly clearReadings: number,
    private readonly clearMs: number,
  ) {}

  /**
   * Feeds one reading's verdict for `type`: `trigger` when it would open an episode, `holds`
   * when the (looser) condition that keeps an open episode alive is present.
   */
  observe(type: AnomalyType, trigger: Trigger | null, holds: boolean, timestampMs: number, value: number): AnomalyEvent | null {
    const slot = this.slot(type);
    if (slot.active === null) return trigger === null ? null : this.open(type, slot, trigger);
    if (trigger !== null || holds) {
      slot.active = { ...slot.active, lastSeenMs: timestampMs };
      slot.absentReadings = 0;
      return null;
    }
    slot.absentReadings += 1;
    if (slot.absentReadings < this.clearReadings || timestampMs - slot.active.lastSeenMs < this.clearMs) return null;
    const ended = slot.active;
    slot.active = null;
    slot.absentReadings = 0;
    return {
      phase: "cleared",
      sensorId: this.sensorId,
      type,
      severity: ended.severity,
      message: `${type} cleared after ${formatDuration(timestampMs - ended.raisedAtMs)}: ${ended.message}`,
      timestampMs,
      value,
      episodeKey: ended.episodeKey,
    };
  }

  /** Opens an episode unless one of this type is open (periodic checks without a reading). */
  raise(type: AnomalyType, trigger: Trigger): AnomalyEvent | null {
    const slot = this.slot(type);
    return slot.active === null ? this.open(type, slot, trigger) : null;
  }

  isOpen(type: AnomalyType): boolean {
    return this.slot(type).active !== null;
  }

  /** Open episodes, oldest first. */
  active(): ActiveEpisode[] {
    const open: ActiveEpisode[] = [];
    for (const slot of this.slots.values()) if (slot.active !== null) open.push(slot.active);
    return open.sort((a, b) => a.raisedAtMs - b.raisedAtMs);
  }

  private open(type: AnomalyType, slot: Slot, trigger: Trigger): AnomalyEvent {
    const episodeKey = `${this.sensorId}:${type}:${trigger.timestampMs}`;
    slot.active = {
      episodeKey,
      type,
      severity: trigger.severity,
      message: trigger.message,
      raisedAtMs: trigger.timestampMs,
      lastSeenMs: trigger.timestampMs,
    };
    slot.absentReadings = 0;
    return { phase: "raised", sensorId: this.sensorId, type, ...trigger, episodeKey };
  }

  private slot(type: AnomalyType): Slot {
    return this.slots.get(type) as Slot;
  }
}
