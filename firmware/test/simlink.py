"""A running simnode plus its serial line, for end-to-end checks (stdlib only).

Sim(*args) starts build/simnode, opens the pty it announces, and records
every line from both sides with the wall time it arrived:
  sim.lines   device -> host protocol lines (dicts; raw text under "_raw" if not JSON)
  sim.events  simnode's own stdout lines (plant traces, actuator changes, ...)
"""

import json
import os
import select
import subprocess
import termios
import threading
import time
import tty

HERE = os.path.dirname(os.path.abspath(__file__))
SIMNODE = os.path.join(HERE, "..", "build", "simnode")


class Sim:
    def __init__(self, *args):
        self.proc = subprocess.Popen([SIMNODE, *args], stdout=subprocess.PIPE, text=True)
        first_line = self.proc.stdout.readline()
        try:
            first = json.loads(first_line)
        except ValueError:
            first = {"_raw": first_line}
        if first.get("t") != "pty":
            self.proc.kill()
            self.proc.wait()
            raise RuntimeError(f"simnode did not announce its pty first: {first_line.strip()[:200]}")
        self.path = first["path"]
        self.fd = os.open(self.path, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self.fd)
        termios.tcflush(self.fd, termios.TCIOFLUSH)
        self.lines = []
        self.events = []
        self.cond = threading.Condition()
        self.alive = True
        self._pty_thread = threading.Thread(target=self._read_pty, daemon=True)
        self._pty_thread.start()
        threading.Thread(target=self._read_stdout, daemon=True).start()

    def _add(self, target, item):
        with self.cond:
            target.append(item)
            self.cond.notify_all()

    def _read_pty(self):
        buf = b""
        while self.alive:
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.05)
                if not ready:
                    continue
                chunk = os.read(self.fd, 4096)
            except OSError:  # the pty went away with simnode
                return
            buf += chunk
            while b"\n" in buf:
                raw, buf = buf.split(b"\n", 1)
                now = time.monotonic()
                text = raw.decode(errors="replace")
                try:
                    msg = json.loads(text)
                except ValueError:
                    msg = {"_raw": text}
                msg["_at"] = now
                self._add(self.lines, msg)

    def _read_stdout(self):
        for text in self.proc.stdout:
            msg = json.loads(text)
            msg["_at"] = time.monotonic()
            self._add(self.events, msg)

    def send_raw(self, data):
        t = time.monotonic()
        os.write(self.fd, data)
        return t

    def send(self, **msg):
        return self.send_raw((json.dumps(msg, separators=(",", ":")) + "\n").encode())

    def wait(self, pred, timeout=5.0, start=0, source=None):
        """First item at index >= start satisfying pred, waiting up to timeout s."""
        items = self.lines if source is None else source
        deadline = time.monotonic() + timeout
        with self.cond:
            i = start
            while True:
                while i < len(items):
                    if pred(items[i]):
                        return items[i]
                    i += 1
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)

    def request(self, timeout=2.0, **msg):
        """Sends a command and returns (answer, latency ms) matched by its id."""
        start = len(self.lines)
        t = self.send(**msg)
        ans = self.wait(lambda m: m.get("id") == msg.get("id") and m.get("t") != "r", timeout, start)
        return ans, (ans["_at"] - t) * 1000 if ans else None

    def mark(self):
        return len(self.lines)

    def readings(self, sensor=None, start=0):
        with self.cond:
            return [m for m in self.lines[start:] if m.get("t") == "r" and (sensor is None or m["s"] == sensor)]

    def plant(self):
        with self.cond:
            return [e for e in self.events if e.get("t") == "plant"]

    def stop(self, sig=None):
        """Stops simnode (SIGTERM); returns (exit code, seconds it took)."""
        t = time.monotonic()
        if sig is None:
            self.proc.terminate()
        else:
            self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = None
        # Join the reader before closing: a closed fd number is soon reused
        # (e.g. by the next Sim's stdout pipe), and the reader would steal from it.
        self.alive = False
        self._pty_thread.join(1)
        try:
            os.close(self.fd)
        except OSError:
            pass
        return code, time.monotonic() - t

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.stop()
