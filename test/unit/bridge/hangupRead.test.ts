import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
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
