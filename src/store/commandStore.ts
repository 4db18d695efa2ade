import neo4j, { type Driver } from "neo4j-driver";
import type { Command, CommandKind, CommandStatus } from "../domain/command.js";

const TIME_FIELDS = ["createdAt", "sentAt", "lastAttemptAt", "nextAttemptAt", "ackedAt", "finishedAt", "deadlineAt"] as const;

const RETURN_COMMAND = `RETURN c{.commandId, .kind, .targetId, .payload, .status, .attempts, .attemptTimeoutMs, .error, .answer,
  .issuedBy, .idempotencyKey, .reason, ${TIME_FIELDS.map((f) => `${f}: c.${f}.epochMillis`).join(", ")}} AS c`;

function toCommand(row: Record<string, unknown>): Command {
  const ms = (key: string): number | null => (typeof row[key] === "number" ? row[key] : null);
  const text = (key: string): string | null => (typeof row[key] === "string" ? row[key] : null);
  return {
    commandId: row["commandId"] as string,
    kind: row["kind"] as CommandKind,
    targetId: row["targetId"] as string,
    payload: row["payload"] as string,
    status: row["status"] as CommandStatus,
    attempts: Number(row["attempts"] ?? 0),
    createdAt: ms("createdAt") ?? 0,
    sentAt: ms("sentAt"),
    lastAttemptAt: ms("lastAttemptAt"),
    nextAttemptAt: ms("nextAttemptAt"),
    ackedAt: ms("ackedAt"),
    finishedAt: ms("finishedAt"),
    deadlineAt: ms("deadlineAt") ?? 0,
    attemptTimeoutMs: Number(row["attemptTimeoutMs"] ?? 0),
    error: text("error"),
    answer: text("answer"),
    issuedBy: text("issuedBy") ?? "unknown",
    idempotencyKey: text("idempotencyKey"),
    reason: text("reason"),
  };
}

/** A command's node properties: times as Neo4j DateTimes (GraphQL serves them; null removes the property). */
function commandProperties(command: Command): Record<string, unknown> {
  const props: Record<string, unknown> = { ...command, attempts: neo4j.int(command.attempts), attemptTimeoutMs: neo4j.int(command.attemptTimeoutMs) };
  for (const f of TIME_FIELDS) {
    const ms = command[f];
    props[f] = ms === null ? null : neo4j.types.DateTime.fromStandardDate(new Date(ms));
  }
  return props;
}

const SAVE_COMMANDS = `
UNWIND $rows AS row
MERGE (c:Command {commandId: row.props.commandId})
ON CREATE SET c.new = true
SET c += row.props
WITH c, row, c.new AS created
REMOVE c.new
WITH c, row, created WHERE created
// Index seeks only, and CREATE for the links of a command made just now: MERGE would
// scan the actuator's ever-growing list of TARGETS for one that cannot exist.
OPTIONAL MATCH (a:Actuator {actuatorId: c.targetId})
OPTIONAL MATCH (named:Device {deviceId: c.targetId})
OPTIONAL MATCH (r:Rule {ruleId: row.ruleId})
WITH c, a, r, coalesce(named, head(CASE WHEN a IS NULL THEN [] ELSE [(o:Device)-[:HAS_ACTUATOR]->(a) | o] END)) AS d
FOREACH (x IN CASE WHEN a IS NULL THEN [] ELSE [a] END | CREATE (c)-[:TARGETS]->(x))
FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [d] END | CREATE (c)-[:TARGETS]->(x))
FOREACH (x IN CASE WHEN r IS NULL THEN [] ELSE [r] END | CREATE (x)-[:ISSUED]->(c))`;

// Only a newer report wins: a hello received earlier may be written after this ack. The lock
// (a write) comes before the check, so a concurrent hello cannot commit in between.
const SET_REPORTED_STATES = `
UNWIND $states AS x
MATCH (a:Actuator {actuatorId: x.actuatorId})
SET a._lock = true REMOVE a._lock
WITH a, x, datetime({epochMillis: toInteger(x.atMs)}) AS at
WHERE a.reportedAt IS NULL OR a.reportedAt <= at
SET a.reportedState = x.state, a.reportedAt = at, a.updatedAt = at`;

/** A command record to save; an ACKED switch carries the state its actuator now reports. */
export interface SavedCommand {
  readonly command: Command;
  readonly ruleId: string | null;
  readonly reported?: { readonly actuatorId: string; readonly state: string; readonly atMs: number } | null;
}

/** Command nodes: (:Command)-[:TARGETS]->(:Actuator) and its (:Device) (or the device alone), (:Rule)-[:ISSUED]->(:Command). */
export class CommandStore {
  constructor(private readonly driver: Driver) {}

  /**
   * Creates or updates commands' nodes (all fields), linking each to its target and rule on
   * creation, and sets the reported state of the actuators that ACKED commands switched — all
   * in one transaction, so no read sees a command ACKED and its actuator still in the old state.
   */
  async saveMany(entries: readonly SavedCommand[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map(({ command, ruleId }) => ({ props: commandProperties(command), ruleId }));
    const reported = entries.flatMap((e) => (e.reported == null ? [] : [e.reported]));
    const session = this.driver.session();
    try {
      await session.executeWrite(async (tx) => {
        await tx.run(SAVE_COMMANDS, { rows });
        if (reported.length > 0) await tx.run(SET_REPORTED_STATES, { states: reported });
      });
    } finally {
      await session.close();
    }
  }

  /**
   * Writes a command's settled state only if the stored one is still unfinished (PENDING or
   * SENT): another twin on the same database may own the command and have settled it. True if
   * written.
   */
  async settleIfUnfinished(command: Command): Promise<boolean> {
    const { records } = await this.driver.executeQuery(
      `MATCH (c:Command {commandId: $commandId}) WHERE c.status IN ['PENDING', 'SENT']
       SET c += $props
       RETURN count(c) AS n`,
      { commandId: command.commandId, props: commandProperties(command) },
    );
    return Number(records[0]?.get("n") ?? 0) > 0;
  }

  async get(commandId: string): Promise<Command | null> {
    const { records } = await this.driver.executeQuery(`MATCH (c:Command {commandId: $commandId}) ${RETURN_COMMAND}`, { commandId });
    return records[0] === undefined ? null : toCommand(records[0].get("c") as Record<string, unknown>);
  }

  /** The command created under an idempotency key, or null. */
  async byIdempotencyKey(key: string): Promise<Command | null> {
    const { records } = await this.driver.executeQuery(`MATCH (c:Command) WHERE c.idempotencyKey = $key ${RETURN_COMMAND} ORDER BY c.createdAt LIMIT 1`, { key });
    return records[0] === undefined ? null : toCommand(records[0].get("c") as Record<string, unknown>);
  }

  /** Commands not finished (PENDING or SENT): after a restart they are resolved or resumed. */
  async unfinished(): Promise<Command[]> {
    const { records } = await this.driver.executeQuery(`MATCH (c:Command) WHERE c.status IN ['PENDING', 'SENT'] ${RETURN_COMMAND}`);
    return records.map((r) => toCommand(r.get("c") as Record<string, unknown>));
  }
}
