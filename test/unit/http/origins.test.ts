import { describe, expect, it } from "vitest";
import { judgeOrigin, type OriginPolicy } from "../../../src/http/origins.js";

const policy: OriginPolicy = { allowed: ["https://dash.example.org"], loopbackHostsOnly: false };

describe("judgeOrigin", () => {
  it("allows no Origin (not a browser), the twin's own origin, and listed origins (naming those for CORS)", () => {
    expect(judgeOrigin(policy, undefined, "127.0.0.1:4000")).toEqual({ allowed: true, corsOrigin: null });
    expect(judgeOrigin(policy, "http://127.0.0.1:4000", "127.0.0.1:4000")).toEqual({ allowed: true, corsOrigin: null });
    expect(judgeOrigin(policy, "https://twin.example.org", "Twin.Example.org")).toEqual({ allowed: true, corsOrigin: null });
    expect(judgeOrigin(policy, "https://dash.example.org", "127.0.0.1:4000")).toEqual({ allowed: true, corsOrigin: "https://dash.example.org" });
  });

  it.each([
    ["http://evil.example", /origin http:\/\/evil\.example is not allowed.*CORS_ORIGINS \(now: https:\/\/dash\.example\.org\)/],
    ["http://127.0.0.1:4001", /origin http:\/\/127\.0\.0\.1:4001 is not allowed/],
    ["https://dash.example.org:8443", /is not allowed/],
    ["null", /origin null is not allowed/],
  ])("refuses %s, naming it and the setting", (origin, message) => {
    const verdict = judgeOrigin(policy, origin, "127.0.0.1:4000");
    expect(verdict).toMatchObject({ allowed: false, code: "ORIGIN_NOT_ALLOWED", message: expect.stringMatching(message) });
    if (!verdict.allowed) {
      expect(verdict.closeReason).toContain(`origin ${origin}`);
      expect(verdict.closeReason).toContain("CORS_ORIGINS");
    }
  });

  it("keeps a close reason within the 123 bytes of a close frame, however long the origin", () => {
    const verdict = judgeOrigin(policy, `http://${"é".repeat(300)}.example`, "127.0.0.1:4000");
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(Buffer.byteLength(verdict.closeReason)).toBeLessThanOrEqual(123);
  });

  it("without authentication on loopback, answers only requests addressed to a loopback name or a listed origin's host", () => {
    const local: OriginPolicy = { ...policy, loopbackHostsOnly: true };
    for (const host of ["127.0.0.1:4000", "localhost:4000", "[::1]:4000", "twin.localhost:4000", "dash.example.org"]) {
      expect(judgeOrigin(local, undefined, host).allowed, host).toBe(true);
    }
    expect(judgeOrigin(local, "http://rebind.example:4000", "rebind.example:4000")).toMatchObject({ allowed: false, code: "HOST_NOT_ALLOWED" });
  });
});
