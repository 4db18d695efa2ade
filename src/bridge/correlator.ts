import type { AckMessage, ErrMessage, HelloMessage } from "../protocol/messages.js";

/** What answers a command: an ack, or for `status` the hello carrying its id. */
export type CommandAnswer = AckMessage | HelloMessage;

/** The device refused a command (an `err` line); `code` is the protocol's error code. */
export class DeviceRefusedError extends Error {
  override readonly name = "DeviceRefusedError";
  constructor(
    readonly deviceId: string,
    readonly code: string,
    detail: string,
  ) {
    super(`device ${deviceId} refused the command: ${code}${detail === "" ? "" : ` (${detail})`}`);
  }
}

/** No answer within the timeout. */
export class CommandTimeoutError extends Error {
  override readonly name = "CommandTimeoutError";
  constructor(
    readonly deviceId: string,
    commandId: string,
    timeoutMs: number,
  ) {
    super(`device ${deviceId} did not answer command ${commandId} within ${timeoutMs} ms`);
  }
}

/** The device went away while the command waited. */
export class DeviceGoneError extends Error {
  override readonly name = "DeviceGoneError";
}

interface Waiter {
  resolve(answer: CommandAnswer): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  /** Where the caller asked, so a timeout points at the code that waited (formatted only then). */
  readonly origin: Error;
}

/**
 * Matches answers to outstanding commands by id (the protocol echoes it), each with a timeout;
 * the zigbee-herdsman "waitress" pattern.
 */
export class Correlator {
  private readonly waiting = new Map<string, Waiter>();

  constructor(private readonly deviceId: string) {}

  get outstanding(): number {
    return this.waiting.size;
  }

  /** Registers a command id; the promise settles on its answer, refusal or timeout. */
  expect(commandId: string, timeoutMs: number): Promise<CommandAnswer> {
    // Capturing a stack is cheap; formatting it (with source maps) is not, so that waits for a timeout.
    const origin = new Error();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(commandId);
        const error = new CommandTimeoutError(this.deviceId, commandId, timeoutMs);
        const frames = origin.stack?.split("\n").slice(2, 4).join("\n");
        if (frames !== undefined) error.stack = `${error.name}: ${error.message}\n${frames}`;
        reject(error);
      }, timeoutMs);
      this.waiting.set(commandId, { resolve, reject, timer, origin });
    });
  }

  /** Delivers an ack, a status hello or an err; returns false if no command waited for it. */
  settle(message: AckMessage | HelloMessage | ErrMessage): boolean {
    if (message.id === null) return false;
    const waiter = this.waiting.get(message.id);
    if (waiter === undefined) return false;
    this.waiting.delete(message.id);
    clearTimeout(waiter.timer);
    if (message.t === "err") waiter.reject(new DeviceRefusedError(this.deviceId, message.code, message.msg));
    else waiter.resolve(message);
    return true;
  }

  /** Fails every outstanding command (the link closed). */
  failAll(reason: string): void {
    for (const [id, waiter] of this.waiting) {
      clearTimeout(waiter.timer);
      waiter.reject(new DeviceGoneError(`command ${id} to device ${this.deviceId} failed: ${reason}`));
    }
    this.waiting.clear();
  }
}
