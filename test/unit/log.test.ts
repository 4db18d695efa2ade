import { describe, expect, it } from "vitest";
import { createLogger, type LogFormat } from "../../src/log.js";

function capture(format: LogFormat): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger("info", (line) => lines.push(line), "twin", format) };
}

describe("LOG_FORMAT=json", () => {
  it("writes one JSON object per line with time, level, component, message and the context's keys", () => {
    const { lines, log } = capture("json");
    log.child("commands").info("command ACKED", { commandId: "c1", attempts: 1, error: new Error("unused") });
    log.debug("not at this level");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: "info", component: "twin.commands", message: "command ACKED", commandId: "c1", attempts: 1, error: { name: "Error", message: "unused" } });
    expect(new Date(entry["time"] as string).toISOString()).toBe(entry["time"]);
  });

  it("keeps a context key named like a fixed one beside it, prefixed", () => {
    const { lines, log } = capture("json");
    log.warn("spoof", { level: "debug", message: "other" });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", message: "spoof", _level: "debug", _message: "other" });
  });

  it("stays one line and free of control characters whatever the message holds", () => {
    const { lines, log } = capture("json");
    log.info("device said \u001b[31mred\u001b[0m\nFAKE LINE \u009b2J", { from: "\u001b]0;title\u0007" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: "device said \u001b[31mred\u001b[0m\nFAKE LINE \u009b2J", from: "\u001b]0;title\u0007" });
  });
});

describe("text lines", () => {
  it("carry time, level, component and message, then the context as JSON", () => {
    const { lines, log } = capture("text");
    log.child("http").warn("refused", { origin: "http://evil.example" });
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z WARN {2}\[twin\.http\] refused \{"origin":"http:\/\/evil\.example"\}$/);
  });

  it("escape ANSI sequences and newlines, so a quoted input cannot colour a terminal or forge a line", () => {
    const { lines, log } = capture("text");
    log.info("device said \u001b[31mred\nFAKE \u009b2J");
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(lines[0]).toContain("device said \\u001b[31mred\\u000aFAKE \\u009b2J");
  });
});
