import { spawnSync } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { endOfFileIsHangUp, readOrHangUp, type UnixPortBinding } from "../../../src/bridge/hangupRead.js";

const never = { once: () => undefined };

describe("readOrHangUp", () => {
  it("fails on end of file instead of reading again forever (a hung-up pty)", async () => {
    const fd = openSync("/dev/null", "r");
    try {
      const port: UnixPortBinding = { fd, isOpen: true, poller: never, read: async () => ({ buffer: Buffer.alloc(0), bytesRead: 0 }) };
      await expect(readOrHangUp(port, Buffer.alloc(64), 0, 64)).rejects.toThrow(/hung up \(end of file on the port\)/);
    } finally {
      closeSync(fd);
    }
  });

  it("returns what there is to read, and refuses quietly (canceled) once the port is closed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hangup-"));
    const file = path.join(dir, "line");
    writeFileSync(file, "r temp_1 21.5\n");
    const fd = openSync(file, "r");
    try {
      const buffer = Buffer.alloc(64);
      const port: UnixPortBinding = { fd, isOpen: true, poller: never, read: async () => ({ buffer, bytesRead: 0 }) };
      const { bytesRead } = await readOrHangUp(port, buffer, 0, 64);
      expect(buffer.subarray(0, bytesRead).toString()).toBe("r temp_1 21.5\n");
      await expect(readOrHangUp({ ...port, fd: null, isOpen: false }, buffer, 0, 64)).rejects.toMatchObject({ canceled: true });
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops (canceled) when the port closed while a read was waiting, without touching its destroyed poller", async () => {
    // A FIFO with a writer and no data: a non-blocking read answers EAGAIN, as an idle pty does.
    const dir = mkdtempSync(path.join(tmpdir(), "hangup-"));
    const fifo = path.join(dir, "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const fd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      let polled = 0;
      let checks = 0;
      // Open when the read starts, closed by the time it fails (the port was closed meanwhile).
      // Polling the binding's poller after its close crashes the process (a destroyed libuv handle).
      const port: UnixPortBinding = {
        fd,
        get isOpen() {
          checks += 1;
          return checks === 1;
        },
        poller: { once: () => (polled += 1) },
        read: async () => ({ buffer: Buffer.alloc(0), bytesRead: 0 }),
      };
      await expect(readOrHangUp(port, Buffer.alloc(64), 0, 64)).rejects.toMatchObject({ canceled: true });
      expect(polled).toBe(0);
      // Still open: it waits for the poller as the binding does.
      const open: UnixPortBinding = { fd, isOpen: true, poller: { once: () => (polled += 1) }, read: port.read.bind(port) };
      void readOrHangUp(open, Buffer.alloc(64), 0, 64).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
      expect(polled).toBe(1);
    } finally {
      closeSync(writer);
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is installed on a unix binding only, not on one without a file descriptor and poller (the mock, Windows)", async () => {
    const fd = openSync("/dev/null", "r");
    try {
      const original = async (buffer: Buffer, _offset: number, _length: number) => ({ buffer, bytesRead: 5 });
      const unix = { fd, isOpen: true, poller: never, read: original };
      endOfFileIsHangUp(unix);
      expect(unix.read).not.toBe(original);
      await expect(unix.read(Buffer.alloc(8), 0, 8)).rejects.toThrow(/hung up/);
      const mock = { isOpen: true, read: original };
      endOfFileIsHangUp(mock);
      expect(mock.read).toBe(original);
      endOfFileIsHangUp(undefined);
    } finally {
      closeSync(fd);
    }
  });
});
