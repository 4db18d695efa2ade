import { describe, expect, it } from "vitest";
import { decodeLine } from "../../../src/protocol/decode.js";
import { LineSplitter } from "../../../src/protocol/lineSplitter.js";

/** Small seeded PRNG (mulberry32) so a failing case can be reproduced. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = [
  '{"t":"r","s":"temp_1","v":23.51,"n":1234,"up":123456}',
  '{"t":"ack","id":"c1","a":"fan_1","state":"ON"}',
  '{"t":"ack","id":"c2","ms":500}',
  '{"t":"err","id":"c1","code":"BAD_STATE","msg":"state must be ON or OFF"}',
  '{"t":"hello","v":1,"dev":"node-1","fw":"1.0.0","up":5,"seq":0,"ms":1000,"sensors":[{"id":"temp_1","kind":"TEMPERATURE","unit":"C"}],"acts":[{"id":"fan_1","kind":"FAN","state":"OFF"}]}',
];
const TOKENS = ['"t"', '"r"', '"hello"', "null", "true", "[]", "{}", "-1e309", "1e999", '"\\u0000"', "NaN", ":", ",", "{", "}", "[", "]", '"v"', "0x10", "-0", '"'];

function mutate(line: string, next: () => number): string {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- the fuzzer edits code points, on purpose
  const chars = [...line];
  const edits = 1 + Math.floor(next() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (chars.length + 1));
    switch (Math.floor(next() * 5)) {
      case 0:
        chars.splice(at, 1);
        break;
      case 1:
        chars.splice(at, 0, String.fromCharCode(Math.floor(next() * 0x3000)));
        break;
      case 2:
        chars.splice(at, 0, TOKENS[Math.floor(next() * TOKENS.length)] as string);
        break;
      case 3:
        chars.length = Math.min(chars.length, at);
        break;
      default:
        chars.splice(at, 0, ...chars.slice(0, Math.floor(next() * 20)));
    }
  }
  return chars.join("");
}

function randomBytes(next: () => number): string {
  const length = Math.floor(next() * 200);
  return Buffer.from(Array.from({ length }, () => Math.floor(next() * 256))).toString("latin1");
}

describe("protocol fuzzing", () => {
  it("decodeLine never throws on 120,000 random and mutated lines, and answers ok or a known problem", () => {
    const next = rng(20261127);
    const problems = new Set(["too_long", "bad_json", "not_object", "unknown_type", "bad_field"]);
    let ok = 0;
    for (let i = 0; i < 120_000; i++) {
      const kind = i % 3;
      const line =
        kind === 0
          ? randomBytes(next)
          : kind === 1
            ? mutate(VALID[i % VALID.length] as string, next)
            : JSON.stringify({ t: ["r", "hello", "ack", "err"][i % 4], v: next() * 10, n: i, s: "x", id: "a" });
      let result;
      try {
        result = decodeLine(line);
      } catch (error) {
        throw new Error(`decodeLine threw on case ${i} ${JSON.stringify(line)}: ${String(error)}`);
      }
      if (result.ok) ok += 1;
      else if (!problems.has(result.problem)) throw new Error(`unknown problem ${result.problem} on case ${i}`);
    }
    expect(ok).toBeGreaterThan(100); // some mutations stay valid: the decoder is not rejecting everything
  }, 30_000); // 120,000 lines: about 1 s alone, several on a machine busy with other tests

  it("the splitter recovers every line of a stream cut at random places, garbage included", () => {
    const next = rng(7);
    const lines = Array.from({ length: 5_000 }, (_, i) => (i % 10 === 3 ? randomBytes(next).replace(/\n/g, "") : (VALID[i % VALID.length] as string)));
    const stream = Buffer.from(lines.map((l) => l + "\n").join(""), "latin1");
    const splitter = new LineSplitter(4096);
    const got: string[] = [];
    for (let at = 0; at < stream.length;) {
      const size = 1 + Math.floor(next() * 300);
      for (const event of splitter.push(stream.subarray(at, at + size))) if (event.kind === "line") got.push(event.line);
      at += size;
    }
    expect(got.length).toBe(lines.length);
    expect(got.filter((_, i) => i % 10 !== 3)).toEqual(lines.filter((_, i) => i % 10 !== 3));
  });
});
