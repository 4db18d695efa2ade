import { EventEmitter } from "node:events";
import { SerialPort, type SerialPortMock } from "serialport";
import { endOfFileIsHangUp } from "./hangupRead.js";
import type { DeviceLink, LinkEvents } from "./link.js";

/** The serialport binding to use; tests pass the mock binding, production the native one. */
export type BindingFactory = (path: string, baudRate: number) => SerialPort | SerialPortMock;

const nativePort: BindingFactory = (path, baudRate) => new SerialPort({ path, baudRate, autoOpen: false });

/** A device on a serial port (USB-serial Arduino, a pty of the simulated node or socat). */
export class SerialLink extends EventEmitter<LinkEvents> implements DeviceLink {
  private port: SerialPort | SerialPortMock | null = null;

  constructor(
    readonly name: string,
    private readonly baudRate: number,
    private readonly create: BindingFactory = nativePort,
  ) {
    super();
  }

  async open(): Promise<void> {
    const port = this.create(this.name, this.baudRate);
    await new Promise<void>((resolve, reject) => {
      port.open((error) => {
        if (error) {
          reject(new Error(`cannot open serial port ${this.name}: ${error.message}`));
        } else {
          resolve();
        }
      });
    });
    // Before the first read: a hung-up pty must close the port, not spin (see `readOrHangUp`).
    endOfFileIsHangUp((port as { port?: unknown }).port);
    this.port = port;
    port.on("data", (chunk: Buffer) => this.emit("data", chunk));
    port.on("error", () => undefined); // every error is followed by close, which carries it
    port.once("close", (error?: Error | null) => {
      this.port = null;
      this.emit("close", error ?? null);
    });
  }

  write(data: string): Promise<void> {
    const port = this.port;
    if (port === null) return Promise.reject(new Error(`serial port ${this.name} is not open`));
    return new Promise((resolve, reject) => {
      port.write(data, (error) => (error === null || error === undefined ? resolve() : reject(error)));
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
