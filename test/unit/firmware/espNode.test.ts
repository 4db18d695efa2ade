import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { projectRoot } from "../../../src/config.js";
import { decodeLine } from "../../../src/protocol/decode.js";
import { requires } from "../../support/requirements.js";

// The MQTT node's portable part (firmware/esp32): its host tests, its build for the ESP8266's
// core with Debian's cross-compiler, and its messages read by the twin's own decoder. The
// WiFi/MQTT sketch around it needs Espressif's Arduino core, which no registry here carries.
const { describe } = requires("esp");

const make = (target: string) => spawnSync("make", ["-C", path.join(projectRoot, "firmware"), target], { encoding: "utf8" });

describe("the MQTT node's messages (firmware/esp32)", () => {
  it("pass their host tests and compile for the ESP8266 (xtensa-lx106) without a warning", () => {
    const tests = make("esp-test");
    expect(tests.status, tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    const cross = make("esp-check");
    expect(cross.status, `${cross.stdout}\n${cross.stderr}`).toBe(0);
    expect(cross.stdout).toMatch(/mqtt_messages\.o/);
  }, 60_000);

  it("are protocol v1 as the twin decodes it: hello, reading, ack, a status answer, an err", () => {
    expect(make("esp-test").status).toBe(0);
    const run = spawnSync(path.join(projectRoot, "firmware", "build", "test", "test_mqtt_messages"), ["--samples"], { encoding: "utf8" });
    const decoded = run.stdout.trim().split("\n").map((line) => decodeLine(line));
    expect(decoded.map((d) => (d.ok ? d.message.t : d.detail))).toEqual(["hello", "r", "ack", "hello", "err"]);
    const [hello, reading, ack, status, err] = decoded.map((d) => (d.ok ? d.message : null));
    expect(hello).toMatchObject({ id: null, dev: "esp-kitchen", seq: 17, ms: 1000, sensorErrors: 3 });
    expect(hello?.t === "hello" ? hello.sensors.map((s) => [s.id, s.offset]) : []).toEqual([["temp_1", 0.25], ["humidity_1", 0], ["pressure_1", 0], ["distance_1", -1]]);
    expect(reading).toEqual({ t: "r", s: "humidity_1", v: 48.12, n: 18, up: 12400 });
    expect(ack).toEqual({ t: "ack", id: "h1", a: "fan_1", state: "ON" });
    expect(status?.t === "hello" ? [status.id, status.acts[0]?.state] : []).toEqual(["s1", "ON"]);
    expect(err).toMatchObject({ t: "err", id: 'h"2', code: "UNKNOWN_ACTUATOR" });
  }, 60_000);
});
