import { describe, expect, it } from "vitest";
import { fillTemplate, templateProblems } from "../../../src/domain/template.js";

const values = { sensorId: "temp_1", value: 21.5, ruleName: "cold", event: "FIRED", time: "2026-01-01T00:00:00.000Z" };

describe("webhook templates", () => {
  it("fill placeholders in strings at any depth, keeping a lone {{value}} a number", () => {
    const body = { text: "{{ruleName}} {{event}}: {{sensorId}}={{value}}", n: "{{value}}", spaced: "{{ value }}", nested: [{ at: "{{time}}" }], k: 1, b: true, z: null };
    expect(fillTemplate(body, values)).toEqual({
      text: "cold FIRED: temp_1=21.5",
      n: 21.5,
      spaced: 21.5,
      nested: [{ at: "2026-01-01T00:00:00.000Z" }],
      k: 1,
      b: true,
      z: null,
    });
    expect(fillTemplate({ v: "{{value}}", t: "v={{value}}" }, { ...values, value: null })).toEqual({ v: null, t: "v=" });
    expect(fillTemplate({ "{{sensorId}}": "x" }, values)).toEqual({ "{{sensorId}}": "x" }); // keys stay as written
  });

  it("name unknown fields with their path", () => {
    expect(templateProblems({ a: ["ok {{event}}", { b: "{{nope}}" }] }, "body")).toEqual([
      "body.a[1].b uses unknown template field {{nope}}; known: {{sensorId}}, {{value}}, {{ruleName}}, {{event}}, {{time}}",
    ]);
    expect(templateProblems({ a: "{ {value} }" }, "body")).toEqual([]);
  });
});
