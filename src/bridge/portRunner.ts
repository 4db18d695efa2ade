import type { Logger } from "../log.js";
import { RateLimitedLog } from "../log.js";
import { reopenDelayMs, type DeviceLink } from "./link.js";

/**
 * Keeps one device link open: opens it, hands it to `onOpen` (which runs a session on it),
 * and when it closes or cannot be opened, tries again with growing backoff — an unplugged
 * Arduino or a restarted simulator comes back without anyone noticing but the log.
 */
export class PortRunner {
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private current: DeviceLink | null = null;
  private stopped = false;
  private readonly warn: RateLimitedLog;

  constructor(
    readonly name: string,
    private readonly connect: () => Promise<DeviceLink>,
    private readonly onOpen: (link: DeviceLink) => void,
    private readonly log: Logger,
  ) {
    this.warn = new RateLimitedLog(log, 60_000);
  }

  start(): void {
    void this.tryOpen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.current?.close();
  }

  private async tryOpen(): Promise<void> {
    if (this.stopped) return;
    let link: DeviceLink;
    try {
      link = await this.connect();
      await link.open();
    } catch (error) {
      this.warn.warn(`open:${this.name}`, Date.now(), `cannot open ${this.name}; retrying with backoff`, { error });
      this.scheduleReopen();
      return;
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may have run while the port was opening
    if (this.stopped) {
      await link.close();
      return;
    }
    if (this.attempt > 0) this.log.info(`${link.name} open again`);
    this.attempt = 0;
    this.current = link;
    link.once("close", () => {
      this.current = null;
      this.scheduleReopen();
    });
    this.onOpen(link);
  }

  private scheduleReopen(): void {
    if (this.stopped) return;
    const delay = reopenDelayMs(this.attempt++);
    this.timer = setTimeout(() => void this.tryOpen(), delay);
    this.timer.unref();
  }
}
