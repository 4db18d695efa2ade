import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { TERMINAL_STATUSES, type Command } from "../domain/command.js";
import type { BatchWriter } from "../ingest/batchWriter.js";
import type { EventBus } from "../util/eventBus.js";
import type { TwinEvents } from "../domain/events.js";
import type { IngestPipeline } from "../ingest/ingest.js";
import type { WriteAheadLog } from "../wal/writeAheadLog.js";

export interface MetricsSources {
  readonly ingest: IngestPipeline;
  readonly writer: BatchWriter;
  readonly wal: WriteAheadLog | undefined;
  readonly bus: EventBus<TwinEvents>;
  /** Alert episodes open now. */
  readonly openAlerts: () => number;
  /** True when the database answers a trivial query. */
  readonly databaseUp: () => Promise<boolean>;
}

export interface TwinMetrics {
  /** The Prometheus text exposition of this twin's metrics and the process's. */
  text(): Promise<string>;
  readonly contentType: string;
  /** Removes the bus listeners. */
  stop(): void;
}

const OWNER = "metrics";
const SUBSCRIPTIONS = ["readingAdded", "deviceStatus", "alertRaised", "commandUpdated"] as const;

// Process metrics (CPU, memory, event loop, GC) belong to the process, not to one twin: tests
// and benches run several twins in one process, and collectDefaultMetrics installs observers
// that are never removed, so they are collected once, into a registry of their own.
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: "twin_" });
  }
  return processRegistry;
}

type CountName = "accepted" | "rejected" | "duplicates";

/** A counter whose totals the ingest pipeline keeps by source: each scrape sets them anew. */
function ingestCounter(registry: Registry, ingest: IngestPipeline, name: string, help: string, count: CountName): Counter<"source"> {
  return new Counter({
    name,
    help,
    labelNames: ["source"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [source, counts] of ingest.bySource) this.inc({ source }, counts[count]);
    },
  });
}

/**
 * The twin's Prometheus metrics, all prefixed `twin_`: readings accepted, rejected and
 * committed, batch commit latency, ingest buffer and write-ahead-log depth, open
 * subscriptions, command outcomes and latency, rule decisions, open alert episodes, Neo4j up.
 */
export function createMetrics(sources: MetricsSources): TwinMetrics {
  const registry = new Registry();
  const { ingest, writer, wal, bus } = sources;

  ingestCounter(registry, ingest, "twin_readings_accepted_total", "Readings accepted by the ingest pipeline, by source (api, serial, mqtt, other)", "accepted");
  ingestCounter(registry, ingest, "twin_readings_rejected_total", "Readings refused by the ingest pipeline, by source", "rejected");
  ingestCounter(registry, ingest, "twin_readings_duplicate_total", "Readings dropped as duplicates of ones already accepted, by source", "duplicates");

  const committed = new Counter({ name: "twin_readings_committed_total", help: "Readings committed to Neo4j", registers: [registry] });
  const batches = new Histogram({
    name: "twin_batch_commit_seconds",
    help: "Time of one batch's write transaction",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  bus.on("batchCommitted", OWNER, ({ count, seconds }) => {
    committed.inc(count);
    batches.observe(seconds);
  });

  new Gauge({
    name: "twin_ingest_buffer_readings",
    help: "Readings accepted but not yet committed",
    registers: [registry],
    collect() {
      this.set(writer.status().pending);
    },
  });
  new Gauge({
    name: "twin_ingest_buffer_capacity",
    help: "Readings the ingest buffer holds at most (INGEST_BUFFER)",
    registers: [registry],
    collect() {
      this.set(writer.status().capacity);
    },
  });
  new Gauge({
    name: "twin_wal_bytes",
    help: "Bytes in the write-ahead log (segments not yet removed, and what is not yet written)",
    registers: [registry],
    collect() {
      this.set(wal?.status().bytes ?? 0);
    },
  });
  new Gauge({
    name: "twin_wal_segments",
    help: "Segment files of the write-ahead log",
    registers: [registry],
    collect() {
      this.set(wal?.status().segments ?? 0);
    },
  });
  new Gauge({
    name: "twin_subscribers",
    help: "Open GraphQL subscriptions, by field",
    labelNames: ["subscription"],
    registers: [registry],
    collect() {
      this.reset();
      for (const field of SUBSCRIPTIONS) this.set({ subscription: field }, 0);
      for (const [field, n] of bus.ownerCounts("subscription:")) this.set({ subscription: field }, n);
    },
  });

  const commands = new Counter({ name: "twin_commands_total", help: "Commands that reached a final status, by status", labelNames: ["status"], registers: [registry] });
  const commandSeconds = new Histogram({
    name: "twin_command_seconds",
    help: "Time from a command's creation to its final status, by status",
    labelNames: ["status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  bus.on("commandUpdated", OWNER, (command: Command) => {
    if (!TERMINAL_STATUSES.has(command.status)) return;
    commands.inc({ status: command.status });
    if (command.finishedAt !== null) commandSeconds.observe({ status: command.status }, Math.max(0, command.finishedAt - command.createdAt) / 1000);
  });

  const rules = new Counter({ name: "twin_rule_decisions_total", help: "Rule decisions, by event (FIRED, CLEARED, SUPPRESSED)", labelNames: ["event"], registers: [registry] });
  bus.on("ruleDecision", OWNER, ({ event }) => rules.inc({ event }));

  new Gauge({
    name: "twin_alerts_open",
    help: "Alert episodes open now",
    registers: [registry],
    collect() {
      this.set(sources.openAlerts());
    },
  });
  new Gauge({
    name: "twin_neo4j_up",
    help: "1 when Neo4j answers a trivial query, else 0",
    registers: [registry],
    async collect() {
      this.set((await sources.databaseUp()) ? 1 : 0);
    },
  });

  return {
    contentType: registry.contentType,
    text: async () => `${await registry.metrics()}\n${await processMetrics().metrics()}`,
    stop: () => bus.removeOwner(OWNER),
  };
}
