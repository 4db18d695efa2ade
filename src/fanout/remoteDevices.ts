import { randomUUID } from "node:crypto";
import type { Bridge } from "../bridge/bridge.js";
import { CommandTimeoutError, DeviceGoneError, DeviceRefusedError, type CommandAnswer } from "../bridge/correlator.js";
import type { CommandBody } from "../bridge/deviceSession.js";
import type { Logger } from "../log.js";
import type { RedisFanout } from "./redisFanout.js";

/** What the command path needs of the devices: the local bridge's surface. */
export type DeviceRoute = Pick<Bridge, "send" | "isConnected" | "statuses" | "whenRegistered" | "lastSeenMs">;

/** How often an instance says which devices it holds; a holder silent for three rounds is forgotten. */
const HELD_EVERY_MS = 2_000;
const HELD_FOR_MS = 3 * HELD_EVERY_MS;
/** How long past the command's own timeout a forwarded one waits for the holder's answer. */
const FORWARD_MARGIN_MS = 3_000;

interface Pending {
  readonly resolve: (answer: CommandAnswer) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

type Failure = { readonly kind: "refused"; readonly code: string; readonly detail: string } | { readonly kind: "timeout" | "gone"; readonly message: string };

/**
 * The devices of every instance, for the command path. A device this instance's bridge holds is
 * sent to directly. Another instance's is reached through Redis: each instance says every two
 * seconds which devices it holds, a command for one of those is forwarded to its holder, which
 * sends it on its own bridge and returns the device's answer (or its refusal, timeout or
 * absence, as the local bridge would report them). The command's lifecycle, records and
 * answer stay with the instance that was asked; the holder only carries the line.
 */
export class RemoteDevices implements DeviceRoute {
  /** deviceId → the process holding it and when it last said so. */
  private readonly holders = new Map<string, { readonly origin: string; readonly atMs: number }>();
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: {
      readonly local: Bridge;
      readonly fanout: Pick<RedisFanout, "self" | "ready" | "onControl" | "publishControl">;
      readonly log: Logger;
      readonly now?: () => number;
    },
  ) {
    options.fanout.onControl((message) => this.onControl(message));
  }

  start(): void {
    const announce = (): void => void this.announce();
    this.timer = setInterval(announce, HELD_EVERY_MS);
    this.timer.unref();
    announce();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new DeviceGoneError("the twin is stopping"));
      this.pending.delete(id);
    }
  }

  /** Says at once which devices this instance holds (a device connected or left). */
  async announce(): Promise<void> {
    if (!this.options.fanout.ready) return;
    const devices = this.options.local.statuses().map((s) => s.deviceId);
    await this.options.fanout.publishControl({ t: "held", devices }).catch(() => undefined);
  }

  isConnected(deviceId: string): boolean {
    return this.options.local.isConnected(deviceId) || this.holderOf(deviceId) !== null;
  }

  statuses(): ReturnType<Bridge["statuses"]> {
    return this.options.local.statuses();
  }

  whenRegistered(actuatorId: string, timeoutMs: number): Promise<boolean> {
    return this.options.local.whenRegistered(actuatorId, timeoutMs);
  }

  lastSeenMs(deviceId: string): number | undefined {
    return this.options.local.lastSeenMs(deviceId);
  }

  send(deviceId: string, body: CommandBody, timeoutMs: number): Promise<CommandAnswer> {
    if (this.options.local.isConnected(deviceId)) return this.options.local.send(deviceId, body, timeoutMs);
    const holder = this.holderOf(deviceId);
    if (holder === null) return this.options.local.send(deviceId, body, timeoutMs); // says it is not connected, listing those that are
    const id = randomUUID();
    return new Promise<CommandAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CommandTimeoutError(deviceId, `forwarded ${id}`, timeoutMs));
      }, timeoutMs + FORWARD_MARGIN_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.options.fanout.publishControl({ t: "send", to: holder, id, deviceId, body, timeoutMs }).catch((error: unknown) => {
        this.settle(id, null, { kind: "gone", message: `device ${deviceId} is held by another twin instance, and Redis is unreachable: ${(error as Error).message}` });
      });
    });
  }

  private holderOf(deviceId: string): string | null {
    const held = this.holders.get(deviceId);
    if (held === undefined) return null;
    if ((this.options.now ?? Date.now)() - held.atMs > HELD_FOR_MS) {
      this.holders.delete(deviceId);
      return null;
    }
    return held.origin;
  }

  private onControl(message: Record<string, unknown>): void {
    const from = message["from"] as string;
    if (message["t"] === "held" && Array.isArray(message["devices"])) {
      const atMs = (this.options.now ?? Date.now)();
      for (const [deviceId, held] of this.holders) if (held.origin === from) this.holders.delete(deviceId);
      for (const deviceId of message["devices"]) if (typeof deviceId === "string") this.holders.set(deviceId, { origin: from, atMs });
      return;
    }
    if (message["to"] !== this.options.fanout.self) return;
    if (message["t"] === "send") void this.carry(from, message);
    else if (message["t"] === "answer" && typeof message["id"] === "string") {
      this.settle(message["id"], (message["answer"] as CommandAnswer | undefined) ?? null, (message["failure"] as Failure | undefined) ?? null);
    }
  }

  /** Another instance's command for a device held here: sent on this bridge, its outcome returned. */
  private async carry(from: string, message: Record<string, unknown>): Promise<void> {
    const { id, deviceId, body, timeoutMs } = message as { id: string; deviceId: string; body: CommandBody; timeoutMs: number };
    let answer: CommandAnswer | null = null;
    let failure: Failure | null = null;
    try {
      answer = await this.options.local.send(deviceId, body, timeoutMs);
    } catch (error) {
      failure =
        error instanceof DeviceRefusedError
          ? { kind: "refused", code: error.code, detail: error.message }
          : error instanceof CommandTimeoutError
            ? { kind: "timeout", message: error.message }
            : { kind: "gone", message: (error as Error).message };
    }
    await this.options.fanout.publishControl({ t: "answer", to: from, id, answer, failure }).catch((error: unknown) => {
      this.options.log.warn("could not return a forwarded command's outcome (Redis down?); its sender will time out", { deviceId, error: (error as Error).message });
    });
  }

  private settle(id: string, answer: CommandAnswer | null, failure: Failure | null): void {
    const p = this.pending.get(id);
    if (p === undefined) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (failure === null && answer !== null) p.resolve(answer);
    else if (failure?.kind === "refused") p.reject(new RefusedThere(failure.code, failure.detail));
    else if (failure?.kind === "timeout") p.reject(new TimedOutThere(failure.message));
    else p.reject(new DeviceGoneError(failure?.message ?? "the instance holding the device gave no answer"));
  }
}

/** A refusal the holder's device sent: the same class the command path reads, with the holder's words. */
class RefusedThere extends DeviceRefusedError {
  constructor(code: string, detail: string) {
    super("", code, "");
    this.message = detail;
  }
}

/** A timeout on the holder's bridge, with its words. */
class TimedOutThere extends CommandTimeoutError {
  constructor(message: string) {
    super("", "", 0);
    this.message = message;
  }
}
