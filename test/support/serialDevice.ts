import { SerialPort } from "serialport";
import { helloMessage } from "./fakeLink.js";

/** A scripted device on the far end of a pty: answers status with hello, acks set, sends readings. */
export class ScriptedSerialDevice {
  private port: SerialPort | null = null;
  private buffer = "";
  private seq = 0;
  readonly commands: Array<Record<string, unknown>> = [];

  constructor(
    private readonly path: string,
    private readonly deviceId = "pty-node",
    /** Sensor and actuator ids become temp_<prefix>1, fan_<prefix>1…, unique per test. */
    private readonly sensorPrefix = "",
    /** Announce these sensors instead of the default two (benchmarks). */
    private readonly onlySensors: readonly string[] = [],
  ) {}

  async open(): Promise<void> {
    const port = new SerialPort({ path: this.path, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    port.on("data", (chunk: Buffer) => this.onData(chunk));
    port.on("error", () => undefined);
    this.port = port;
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((r) => port.close(() => r()));
  }

  /** Writes one reading line (or raw text) and resolves when it has been handed to the OS. */
  send(text: string): Promise<void> {
    const port = this.port;
    if (port === null) throw new Error("device port closed");
    return new Promise((resolve, reject) => port.write(text, (e) => (e ? reject(e) : port.drain(() => resolve()))));
  }

  /** Sends a reading; `beforeWrite` sees its sequence number just before the write (latency t0). */
  async reading(sensorId: string, value: number, beforeWrite?: (seq: number) => void): Promise<number> {
    this.seq += 1;
    const seq = this.seq;
    beforeWrite?.(seq);
    await this.send(JSON.stringify({ t: "r", s: sensorId, v: value, n: seq, up: seq * 1000 }) + "\n");
    return seq;
  }

  private onData(chunk: Buffer): void {
    this.buffer += chunk.toString();
    let nl = this.buffer.indexOf("\n");
    while (nl !== -1) {
      const command = JSON.parse(this.buffer.slice(0, nl)) as Record<string, unknown>;
      this.buffer = this.buffer.slice(nl + 1);
      this.commands.push(command);
      if (command["t"] === "status") void this.send(JSON.stringify(helloMessage(command["id"] as string, this.seq, this.deviceId, this.sensorPrefix, this.onlySensors)) + "\n");
      if (command["t"] === "set") void this.send(JSON.stringify({ t: "ack", id: command["id"], a: command["a"], state: command["state"] }) + "\n");
      nl = this.buffer.indexOf("\n");
    }
  }
}
