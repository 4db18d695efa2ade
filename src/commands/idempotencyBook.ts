import type { Command, CommandKind } from "../domain/command.js";
import type { CommandStore } from "../store/commandStore.js";
import { reuseForKey } from "./idempotency.js";

/** Settled commands remembered by idempotency key. */
const RECENT_KEYS = 10_000;

/**
 * Idempotency keys: a request with a key gets the first command issued for it, whether that is
 * still being issued, settled a moment ago (memory) or long ago (Neo4j), and never switches twice.
 */
export class IdempotencyBook {
  private readonly byKey = new Map<string, Promise<Command>>();
  /** Settled commands by key, newest last (bounded): answers repeats before and after the save lands. */
  private readonly recentByKey = new Map<string, Command>();

  constructor(private readonly store: Pick<CommandStore, "byIdempotencyKey">) {}

  /** The command for `key` (issuing it with `issueNew` if there is none yet); a key reused for another request is refused. */
  async issue(key: string, kind: CommandKind, targetId: string, payload: Record<string, unknown>, issueNew: () => Promise<Command>): Promise<Command> {
    // The key is claimed synchronously: a second request with it, even one arriving while the
    // first is still being checked, waits for the first and gets its command.
    const running = this.byKey.get(key);
    if (running !== undefined) return reuseForKey(await running, kind, targetId, payload) as Command;
    const recent = this.recentByKey.get(key);
    if (recent !== undefined) return reuseForKey(recent, kind, targetId, payload) as Command;
    const first = (async () => {
      const reused = reuseForKey(await this.store.byIdempotencyKey(key), kind, targetId, payload);
      return reused ?? issueNew();
    })();
    this.byKey.set(key, first);
    try {
      return await first;
    } finally {
      this.byKey.delete(key);
    }
  }

  /** A settled command with a key: answered from memory from here on, and for a while after. */
  remember(c: Command): void {
    const key = c.idempotencyKey;
    if (key === null) return;
    this.recentByKey.delete(key);
    this.recentByKey.set(key, c);
    if (this.recentByKey.size > RECENT_KEYS) this.recentByKey.delete(this.recentByKey.keys().next().value as string);
  }
}
