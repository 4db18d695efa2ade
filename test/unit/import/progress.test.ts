import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress, rateAndEta } from "../../../src/import/progress.js";

/** A stream that keeps what is written; `tty` makes it look like a terminal to cli-progress. */
function sink(tty: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let out = "";
  const stream = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream & Record<string, unknown>;
  if (tty) Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, clearScreenDown: () => true });
  return { stream, text: () => out };
}

describe("import progress", () => {
  it("prints one line per 10 % when not on a terminal, with rate and ETA", () => {
    let now = 0;
    const { stream, text } = sink(false);
    const progress = createProgress(1000, "readings", stream, () => now);
    for (let done = 50; done <= 1000; done += 50) {
      now += 100; // 500 readings a second
      progress.update(done);
    }
    progress.stop();
    const lines = text().trim().split("\n");
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe("10% 100/1000 readings, 500/s, ETA 2 s");
    expect(lines[9]).toBe("100% 1000/1000 readings, 500/s, ETA 0 s");
  });

  it("skips tenths a big step jumps over, never printing one twice", () => {
    const { stream, text } = sink(false);
    const progress = createProgress(100, "readings", stream, () => 1000);
    progress.update(5);
    progress.update(35);
    progress.update(39);
    expect(
      text()
        .trim()
        .split("\n")
        .map((l) => l.split(" ")[0]),
    ).toEqual(["30%"]);
  });

  it("draws a bar with rate and ETA on a terminal", () => {
    let now = 0;
    const { stream, text } = sink(true);
    const progress = createProgress(200, "readings", stream, () => now);
    now = 1000;
    progress.update(100);
    progress.stop();
    expect(text()).toMatch(/\[[█░]+\] 50% 100\/200 readings, 100\/s, ETA \d+s/);
  });

  it("computes the rate and what is left", () => {
    expect(rateAndEta(0, 10, 1000)).toEqual({ perSecond: 0, etaSeconds: null });
    expect(rateAndEta(25, 100, 5000)).toEqual({ perSecond: 5, etaSeconds: 15 });
  });
});
