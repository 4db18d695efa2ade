import type { ActiveEpisode, AnomalyEvent } from "../domain/anomalyTypes.js";
import type { Logger } from "../log.js";
import type { RaisedAlert } from "../domain/alert.js";
import type { AlertStore } from "../store/alertStore.js";
import type { EventBus } from "../util/eventBus.js";
import type { TwinEvents } from "../domain/events.js";

type Write = { readonly kind: "raise"; readonly alert: RaisedAlert } | { readonly kind: "clear"; readonly alertId: string; readonly atMs: number };

const RETRY_MS = 2_000;

/**
 * Turns anomaly episodes into Alert nodes: one per episode, raised once and cleared once (the
 * episode key is the alert id, so a replay cannot duplicate it). Publishes raised alerts on
 * the bus at once; writes them in order, retrying while the database is away.
 */
export class AlertKeeper {
  private queue: Write[] = [];
  private writing = false;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Alerts known to be open; a replayed episode (e.g. a GAP re-found after a restart) is not re-announced. */
  private readonly open = new Set<string>();
  /** Per sensor, how many alert writes were queued so far: readers caching stored alerts compare it. */
  private readonly revisions = new Map<string, number>();

  constructor(
    private readonly store: Pick<AlertStore, "raise" | "clear" | "open">,
    private readonly bus: EventBus<TwinEvents>,
    private readonly log: Logger,
  ) {}

  /** Handles the edges a detector produced. */
  onEvents(events: readonly AnomalyEvent[]): void {
    for (const e of events) {
      if (e.phase === "raised") {
        if (this.open.has(e.episodeKey)) continue;
        this.open.add(e.episodeKey);
        this.changed(e.sensorId);
        const alert: RaisedAlert = { alertId: e.episodeKey, sensorId: e.sensorId, type: e.type, severity: e.severity, message: e.message, raisedAtMs: e.timestampMs, value: e.value };
        this.queue.push({ kind: "raise", alert });
        this.bus.emit("alertRaised", alert);
      } else {
        this.open.delete(e.episodeKey);
        this.changed(e.sensorId);
        this.queue.push({ kind: "clear", alertId: e.episodeKey, atMs: e.timestampMs });
        this.bus.emit("alertCleared", { alertId: e.episodeKey, sensorId: e.sensorId, atMs: e.timestampMs });
      }
    }
    void this.drain();
  }

  /**
   * After a restart: episodes the replayed history leaves open but the database lacks are
   * raised; alerts the database holds open that the history has closed are cleared.
   */
  async reconcile(sensorId: string, open: readonly ActiveEpisode[], nowMs: number): Promise<void> {
    const stored = await this.store.open(sensorId);
    this.changed(sensorId);
    const keys = new Set(open.map((e) => e.episodeKey));
    const storedIds = new Set(stored.map((a) => a.alertId));
    for (const alert of stored) if (keys.has(alert.alertId)) this.open.add(alert.alertId);
    for (const episode of open) {
      this.open.add(episode.episodeKey);
      if (!storedIds.has(episode.episodeKey)) {
        this.queue.push({
          kind: "raise",
          alert: { alertId: episode.episodeKey, sensorId, type: episode.type, severity: episode.severity, message: episode.message, raisedAtMs: episode.raisedAtMs, value: null },
        });
      }
    }
    for (const alert of stored) if (!keys.has(alert.alertId)) this.queue.push({ kind: "clear", alertId: alert.alertId, atMs: nowMs });
    await this.drain();
  }

  /** Writes what is queued (used at stop). */
  async flush(): Promise<void> {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.drain();
  }

  /** Changes with every alert write queued for the sensor (see `AlertHistoryCache`). */
  revision(sensorId: string): number {
    return this.revisions.get(sensorId) ?? 0;
  }

  private changed(sensorId: string): void {
    this.revisions.set(sensorId, this.revision(sensorId) + 1);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Alert episodes open now. */
  get openCount(): number {
    return this.open.size;
  }

  private async drain(): Promise<void> {
    if (this.writing || this.retryTimer !== null) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        // Consecutive writes of one kind go together; the order of raises and clears is kept.
        const kind = (this.queue[0] as Write).kind;
        let n = 0;
        while (n < this.queue.length && n < 200 && (this.queue[n] as Write).kind === kind) n++;
        const run = this.queue.slice(0, n);
        const raises: RaisedAlert[] = [];
        const clears: Array<{ alertId: string; atMs: number }> = [];
        for (const w of run) {
          if (w.kind === "raise") raises.push(w.alert);
          else clears.push({ alertId: w.alertId, atMs: w.atMs });
        }
        if (kind === "raise") await this.store.raise(raises);
        else await this.store.clear(clears);
        this.queue.splice(0, n);
      }
    } catch (error) {
      this.log.warn("writing alerts failed; retrying", { pending: this.queue.length, error });
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.drain();
      }, RETRY_MS);
      this.retryTimer.unref();
    } finally {
      this.writing = false;
    }
  }
}
