import type { ActuatorSnapshot, SwitchRequest } from "../domain/actuatorState.js";
import type { CommandService } from "../commands/commandService.js";
import type { InterlockRefusal } from "../commands/interlocks.js";
import { InterlockError, RateLimitedError } from "../errors.js";
import type { Logger } from "../log.js";
import type { RuleStore, StoredRule } from "../store/ruleStore.js";
import { CoalescingWriter } from "../util/coalescingWriter.js";
import type { EventBus } from "../util/eventBus.js";
import type { TwinEvents } from "../domain/events.js";
import type { LiveAnalytics } from "../live/liveAnalytics.js";
import type { Reading } from "../domain/reading.js";
import type { ConcreteAction, RuleDecision, SuppressionReason } from "../domain/decisions.js";
import { evaluateRule, leavesRuleAsIs, nextWakeMs } from "./evaluate.js";
import { moldMeasureValue, type MoldMeasures } from "./moldMeasure.js";
import type { Observation, RuleContext } from "./observation.js";
import { carriedState, serializeRuleState, type RuleState } from "../domain/ruleState.js";
import type { Rule } from "../domain/ruleTypes.js";
import { CalibrationRefusedError, type CalibrateAction } from "./ruleCalibration.js";
import { postJson } from "./webhook.js";

/** What a batch writes for one rule: its new state (null: unchanged) and its decisions. */
interface RuleSave {
  readonly ruleId: string;
  readonly state: RuleState | null;
  readonly decisions: readonly RuleDecision[];
}

interface LoadedRule {
  readonly ruleId: string;
  readonly rule: Rule;
  state: RuleState;
  persisted: string;
  /** The latest FORECAST value for a FORECAST rule, refreshed in the background. */
  forecast: number | null;
  /** The latest measure of a MOLD_RISK rule's room, refreshed in the background. */
  mold: number | null;
}

export interface EngineDeps {
  readonly store: RuleStore;
  readonly commands: CommandService;
  readonly live: LiveAnalytics;
  readonly bus: EventBus<TwinEvents>;
  /** The forecast a FORECAST rule compares (value `minutes` ahead), or null. */
  readonly forecast: (sensorId: string, minutes: number) => Promise<number | null>;
  /** The mold risk of the room a sensor is in, its forecast repeating the last `forecastHours`; null when it has none. */
  readonly moldRisk?: (sensorId: string, forecastHours: number) => Promise<MoldMeasures | null>;
  /** Carries out a CALIBRATE action (absent: such actions fail, recorded as ACTION_FAILED). */
  readonly calibrate?: (ruleId: string, action: CalibrateAction, why: string, idempotencyKey: string, atMs: number) => Promise<unknown>;
  readonly clock: () => number;
  readonly log: Logger;
}

/**
 * The plant as the command service sees it at one moment. A class, not an object of closures:
 * one is made per reading of a watched sensor, and closures made that often cost measurably.
 */
class CommandsAt implements RuleContext {
  readonly actuatorStates: ReadonlyMap<string, ActuatorSnapshot>;

  constructor(
    private readonly commands: CommandService,
    private readonly now: number,
  ) {
    this.actuatorStates = commands.actuatorStates();
  }

  overridden(actuatorId: string): boolean {
    return this.commands.isOverridden(actuatorId, this.now);
  }

  interlockCheck(command: SwitchRequest): InterlockRefusal | null {
    return this.commands.interlockCheck(command.actuatorId, command.state, this.now);
  }
}

const NO_TYPES: readonly string[] = Object.freeze([]);
const TICK_MS = 1_000;
const DRIFT_WINDOW_MS = 300_000;
const FORECAST_REFRESH_MS = 30_000;
/** The mold index moves by at most about 0.01 an hour: a minute-old answer is current. */
const MOLD_REFRESH_MS = 60_000;
const WEBHOOK_TIMEOUT_MS = 5_000;
/** How long rule states and decisions wait to be written together. */
const PERSIST_LINGER_MS = 100;

/**
 * Runs the enabled rules: each accepted reading is evaluated by the rules on its sensor (an
 * O(1) index lookup, microseconds per rule), a 1 s tick serves held conditions and STALE rules
 * (the MAX_ON interlocks are the command path's own: commands/safety.ts). Decisions become commands through the same lifecycle as a person's,
 * webhook calls, and RuleDecision nodes; rule state is kept in Neo4j so timers survive a restart.
 */
export class RuleEngine {
  private rules = new Map<string, LoadedRule>();
  private bySensor = new Map<string, LoadedRule[]>();
  /** Rule states and decisions, gathered per rule and written in one transaction per batch. */
  private readonly saves: CoalescingWriter<string, RuleSave>;
  /** Per rule, the last action being carried out (actions run one after another). */
  private readonly acting = new Map<string, Promise<void>>();
  private reloading: Promise<void> = Promise.resolve();
  /** Per sensor: wall clock minus the newest reading's timestamp, so ticks run on the readings' time. */
  private readonly lagMs = new Map<string, number>();
  private tick: NodeJS.Timeout | null = null;
  private forecastTimer: NodeJS.Timeout | null = null;
  private moldTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: EngineDeps) {
    this.saves = new CoalescingWriter({
      what: "rule states and decisions",
      lingerMs: PERSIST_LINGER_MS,
      // The newest state, and every decision in the order it was taken.
      merge: (older, newer) => ({ ruleId: newer.ruleId, state: newer.state ?? older.state, decisions: [...older.decisions, ...newer.decisions] }),
      write: (items) => deps.store.saveBatch(items),
      log: deps.log,
    });
  }

  async start(): Promise<void> {
    await this.reload();
    this.deps.bus.on("readingAccepted", "rules", (reading) => this.onReading(reading));
    this.tick = setInterval(() => this.onTick(), TICK_MS);
    this.tick.unref();
    this.forecastTimer = setInterval(() => void this.refreshForecasts(), FORECAST_REFRESH_MS);
    this.forecastTimer.unref();
    void this.refreshForecasts();
    this.moldTimer = setInterval(() => void this.refreshMold(), MOLD_REFRESH_MS);
    this.moldTimer.unref();
    void this.refreshMold();
  }

  async stop(): Promise<void> {
    if (this.tick !== null) clearInterval(this.tick);
    if (this.forecastTimer !== null) clearInterval(this.forecastTimer);
    if (this.moldTimer !== null) clearInterval(this.moldTimer);
    this.deps.bus.removeOwner("rules");
    await this.saves.drain();
  }

  /** Reads every rule from Neo4j (at start). */
  async reload(): Promise<void> {
    const stored: StoredRule[] = await this.deps.store.all();
    const rules = new Map<string, LoadedRule>();
    for (const s of stored) rules.set(s.ruleId, this.loaded(s));
    this.rules = rules;
    this.index();
  }

  /**
   * Reads one rule again after it was created, updated, enabled or deleted; the others keep
   * what they have in memory. Reloads run one after another, so an older read cannot land
   * after a newer one.
   */
  reloadRule(ruleId: string): Promise<void> {
    const next = this.reloading.then(async () => {
      const stored = await this.deps.store.get(ruleId);
      if (stored === null) this.rules.delete(ruleId);
      else this.rules.set(ruleId, this.loaded(stored));
      this.index();
      void this.refreshMold(ruleId);
    });
    this.reloading = next.catch(() => undefined);
    return next;
  }

  /**
   * A rule as the engine holds it. The state held here is newer than the stored one (writes
   * are batched) and must not be rolled back (a firing would happen again): a rule whose
   * definition did not change keeps it, one whose definition changed carries it over as
   * `carriedState` says — as the stored state was, but from the newest.
   */
  private loaded(s: StoredRule): LoadedRule {
    const previous = this.rules.get(s.ruleId);
    if (previous !== undefined && JSON.stringify(previous.rule) === JSON.stringify(s.rule)) return previous;
    const state = previous === undefined ? s.state : carriedState(previous.rule, s.rule, previous.state);
    return { ruleId: s.ruleId, rule: s.rule, state, persisted: serializeRuleState(s.state), forecast: previous?.forecast ?? null, mold: null };
  }

  /** The state the engine holds for a rule (null if it holds none). */
  stateOf(ruleId: string): RuleState | null {
    return this.rules.get(ruleId)?.state ?? null;
  }

  /** Enabled rules by the sensor they watch. */
  private index(): void {
    const bySensor = new Map<string, LoadedRule[]>();
    for (const r of this.rules.values()) {
      if (!r.rule.enabled) continue;
      const list = bySensor.get(r.rule.sensorId) ?? [];
      list.push(r);
      bySensor.set(r.rule.sensorId, list);
    }
    this.bySensor = bySensor;
  }

  get enabledCount(): number {
    let n = 0;
    for (const list of this.bySensor.values()) n += list.length;
    return n;
  }

  private context(now: number): RuleContext {
    return new CommandsAt(this.deps.commands, now);
  }

  private observe(r: LoadedRule, atMs: number, value: number | null): Observation {
    const sensorId = r.rule.sensorId;
    const c = r.rule.condition.type;
    const window = c === "DRIFT" || c === "STALE" ? this.deps.live.windowFor(sensorId, atMs - DRIFT_WINDOW_MS) : null;
    const drift = c === "DRIFT" && window !== null ? window.stats(atMs - DRIFT_WINDOW_MS, atMs).slopePerMinute : null;
    let stale = false;
    if (c === "STALE" && window !== null) {
      const newest = window.newestTimestampMs;
      const interval = window.typicalIntervalMs(atMs);
      stale = newest === null || atMs - newest > Math.max(5_000, 3 * (interval ?? 1_000));
    }
    return {
      atMs,
      value,
      driftPerMinute: drift,
      forecastValue: c === "FORECAST" ? r.forecast : null,
      moldValue: c === "MOLD_RISK" ? r.mold : null,
      anomalyTypesActive: c === "ANOMALY" ? (this.deps.live.activeEpisodes(sensorId) ?? []).map((e) => e.type) : NO_TYPES,
      stale,
    };
  }

  private onReading(reading: Reading): void {
    const rules = this.bySensor.get(reading.sensorId);
    if (rules === undefined) return;
    this.lagMs.set(reading.sensorId, this.deps.clock() - reading.timestampMs);
    // A sensor may have many rules: VALUE rules share one observation, and the context is made
    // only when a rule can move. Most readings move none.
    let plain: Observation | null = null;
    let ctx: RuleContext | null = null;
    for (const r of rules) {
      const o = r.rule.condition.type === "VALUE" ? (plain ??= this.observe(r, reading.timestampMs, reading.value)) : this.observe(r, reading.timestampMs, reading.value);
      if (leavesRuleAsIs(r.rule, r.state, o)) continue;
      this.step(r, o, (ctx ??= this.context(reading.timestampMs)));
    }
  }

  /** Held conditions that mature without a new reading, and STALE rules. */
  private onTick(): void {
    const now = this.deps.clock();
    const ctx = this.context(now);
    for (const list of this.bySensor.values()) {
      for (const r of list) {
        // The sensor's own time: a source that stamps behind or ahead of this host's clock
        // (back-filled readings, device uptime) must not have its rules judged on ours, or
        // the next reading would look older than the rule's state and be ignored.
        const at = now - (this.lagMs.get(r.rule.sensorId) ?? 0);
        const wake = nextWakeMs(r.rule, r.state);
        if (r.rule.condition.type !== "STALE" && (wake === null || wake > at)) continue;
        const latest = this.deps.live.windowFor(r.rule.sensorId, at - DRIFT_WINDOW_MS)?.lastValue ?? null;
        this.step(r, this.observe(r, at, latest), ctx);
      }
    }
  }

  private step(r: LoadedRule, o: Observation, ctx: RuleContext): void {
    const result = evaluateRule(r.rule, r.state, o, ctx);
    if (result.state === r.state && result.decisions.length === 0) return;
    r.state = result.state;
    for (const d of result.decisions) this.execute(r, d);
    this.persist(r, result.decisions);
  }

  private execute(r: LoadedRule, d: RuleDecision): void {
    this.deps.bus.emit("ruleDecision", { ruleId: r.ruleId, event: d.event, message: d.message, atMs: d.atMs });
    if (d.event === "SUPPRESSED") return;
    this.deps.log.info(d.message, { ruleId: r.ruleId, actions: d.actions.length });
    // In order per rule: a clearing's OFF must not overtake its firing's ON still being issued.
    for (const action of d.actions) {
      const next = (this.acting.get(r.ruleId) ?? Promise.resolve()).then(() => this.act(r, d, action));
      this.acting.set(r.ruleId, next);
      void next.then(() => {
        if (this.acting.get(r.ruleId) === next) this.acting.delete(r.ruleId);
      });
    }
  }

  private async act(r: LoadedRule, d: RuleDecision, action: ConcreteAction): Promise<void> {
    const issuer = { issuedBy: `rule:${r.ruleId}`, ruleId: r.ruleId, manual: false };
    const key = `rule:${r.ruleId}:${d.event}:${d.atMs}:`;
    try {
      if (action.type === "ACTUATE") {
        const c = await this.deps.commands.actuate({ actuatorId: action.actuatorId, state: action.state, idempotencyKey: key + action.actuatorId, timeoutMs: 5_000, reason: d.message }, issuer);
        if (c.status !== "ACKED") throw new Error(`command ${c.commandId} ended ${c.status}${c.error === null ? "" : ` (${c.error})`}`);
      } else if (action.type === "SET_INTERVAL") {
        await this.deps.commands.setInterval({ deviceId: action.deviceId, ms: action.ms, idempotencyKey: key + action.deviceId, timeoutMs: 5_000, reason: d.message }, issuer);
      } else if (action.type === "CALIBRATE") {
        if (this.deps.calibrate === undefined) throw new Error("this twin has no calibration service");
        await this.deps.calibrate(r.ruleId, action, d.message, key + action.sensorId, d.atMs);
      } else {
        const status = await postJson(action.url, action.body, WEBHOOK_TIMEOUT_MS);
        if (status < 200 || status > 299) throw new Error(`the webhook answered HTTP ${status}`);
      }
    } catch (error) {
      // An action refused (interlock, rate limit) or failed (device, webhook) is a decision too: record it and why.
      const reason: SuppressionReason =
        error instanceof InterlockError ? "INTERLOCK" : error instanceof RateLimitedError ? "RATE_LIMITED" : error instanceof CalibrationRefusedError ? error.reason : "ACTION_FAILED";
      const message = `rule ${r.rule.name}: ${action.type} ${targetOf(action)} not done: ${(error as Error).message}`;
      this.deps.log.warn(message);
      const skipped: RuleDecision = {
        event: "SUPPRESSED",
        ruleName: r.rule.name,
        sensorId: r.rule.sensorId,
        atMs: this.deps.clock(),
        edge: d.event === "CLEARED" ? "CLEAR" : "FIRE",
        reason,
        effect: "SKIPPED",
        message,
        action,
        retryAtMs: null,
      };
      void this.saves.put(r.ruleId, { ruleId: r.ruleId, state: null, decisions: [skipped] });
    }
  }

  /** Queues the state (when it changed) and the decisions for the next batch write. */
  private persist(r: LoadedRule, decisions: readonly RuleDecision[]): void {
    const text = serializeRuleState(r.state);
    const changed = text !== r.persisted;
    if (!changed && decisions.length === 0) return;
    r.persisted = text;
    void this.saves.put(r.ruleId, { ruleId: r.ruleId, state: changed ? r.state : null, decisions: [...decisions] });
  }

  private async refreshForecasts(): Promise<void> {
    for (const r of this.rules.values()) {
      const c = r.rule.condition;
      if (!r.rule.enabled || c.type !== "FORECAST") continue;
      try {
        r.forecast = await this.deps.forecast(r.rule.sensorId, c.horizonMinutes);
      } catch (error) {
        this.deps.log.debug("forecast for a FORECAST rule unavailable", { ruleId: r.ruleId, error });
        r.forecast = null;
      }
    }
  }

  /** Refreshes the room measure of every enabled MOLD_RISK rule (or of one rule). */
  private async refreshMold(onlyRuleId?: string): Promise<void> {
    const moldRisk = this.deps.moldRisk;
    if (moldRisk === undefined) return;
    for (const r of this.rules.values()) {
      const c = r.rule.condition;
      if (!r.rule.enabled || c.type !== "MOLD_RISK" || (onlyRuleId !== undefined && r.ruleId !== onlyRuleId)) continue;
      try {
        r.mold = moldMeasureValue(await moldRisk(r.rule.sensorId, c.forecastHours), c.measure);
      } catch (error) {
        this.deps.log.debug("mold risk for a MOLD_RISK rule unavailable", { ruleId: r.ruleId, error });
        r.mold = null;
      }
    }
  }
}

/** What an action acts on, for messages. */
function targetOf(action: ConcreteAction): string {
  switch (action.type) {
    case "ACTUATE":
      return action.actuatorId;
    case "SET_INTERVAL":
      return action.deviceId;
    case "WEBHOOK":
      return action.url;
    case "CALIBRATE":
      return action.sensorId;
  }
}
