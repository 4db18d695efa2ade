import { read } from "node:fs";

/** The parts of @serialport/bindings-cpp's unix port binding that reading needs. */
export interface UnixPortBinding {
  readonly fd: number | null;
  readonly isOpen: boolean;
  readonly poller?: { once(event: "readable", callback: (error: Error | null) => void): unknown } | null;
  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }>;
}

const readOnce = (fd: number, buffer: Buffer, offset: number, length: number): Promise<number> =>
  new Promise((resolve, reject) => read(fd, buffer, offset, length, null, (error, bytesRead) => (error === null ? resolve(bytesRead) : reject(error))));

const RETRY = new Set(["EAGAIN", "EWOULDBLOCK", "EINTR"]);

/** What the binding throws for a read on a closed port: canceled, so the stream ends quietly. */
const closed = (): Error => Object.assign(new Error("Port is not open"), { canceled: true });

/**
 * Reads like the unix binding's own read, except that end of file is an error. A pty whose
 * other side has gone (the simulator exited, socat was stopped) reads as end of file once the
 * kernel has hung it up; the binding then reads again at once, forever, at a whole core, and the
 * port never closes, so the bridge never reconnects. Here the read fails and the port closes as
 * on any disconnect.
 */
export async function readOrHangUp(port: UnixPortBinding, buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
  for (;;) {
    const fd = port.fd;
    if (!port.isOpen || fd === null) throw closed();
    let bytesRead: number;
    try {
      bytesRead = await readOnce(fd, buffer, offset, length);
    } catch (error) {
      if (!RETRY.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
      // Closed while the read was under way: its poller is destroyed, and polling a destroyed
      // poller crashes the whole process (a segmentation fault), so stop here as the binding does.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the port may have closed while the read was under way
      if (!port.isOpen) throw closed();
      const poller = port.poller;
      if (poller == null) throw error;
      // Nothing to read yet: wait until the port is readable (or reports an error), then read again.
      await new Promise<void>((resolve, reject) => poller.once("readable", (e) => (e === null ? resolve() : reject(e))));
      continue;
    }
    if (bytesRead === 0) throw new Error("the device hung up (end of file on the port)");
    return { buffer, bytesRead };
  }
}

/** Makes an open unix port binding read with `readOrHangUp`; leaves other bindings (Windows, the mock) alone. */
export function endOfFileIsHangUp(port: unknown): void {
  const p = port as Partial<UnixPortBinding> | null | undefined;
  if (p === null || p === undefined || typeof p.fd !== "number" || p.poller == null || typeof p.read !== "function") return;
  const binding = p as UnixPortBinding;
  binding.read = (buffer, offset, length) => readOrHangUp(binding, buffer, offset, length);
}
