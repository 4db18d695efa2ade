import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { eventually, gql, testDriver } from "../support/testApp.js";
import { runTwin } from "../support/twinProcess.js";

async function failsWith(env: Record<string, string>, pattern: RegExp): Promise<string> {
  const twin = runTwin(env);
  expect(await twin.exited).toBe(1);
  const text = twin.output.join("\n");
  expect(text).toMatch(pattern);
  expect(text).not.toMatch(/^\s+at /m); // a message, not a stack trace
  return text;
}

describe("start-up failures are clear messages with a non-zero exit", () => {
  it("Neo4j unreachable", async () => {
    await failsWith({ NEO4J_URI: "bolt://127.0.0.1:1" }, /could not start: Neo4j at bolt:\/\/127\.0\.0\.1:1 does not answer.*start it, or unset NEO4J_URI/s);
  });

  it("an invalid setting names the variable", async () => {
    await failsWith({ PORT: "forty" }, /PORT=forty is not an integer in 0\.\.65535/);
  });

  it("a non-loopback HOST without authentication is refused unless AUTH=off", async () => {
    await failsWith({ HOST: "0.0.0.0" }, /HOST=0\.0\.0\.0 is reachable from other machines.*set AUTH=off/);
  });

  it("the embedded database's port held by another program", async () => {
    // The twin may reset the connection once it has read enough: that is not an error here.
    const squatter: Server = createServer((socket) => socket.on("error", () => undefined).end("not bolt\n"));
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const port = (squatter.address() as AddressInfo).port;
    try {
      await failsWith({ NEO4J_EMBEDDED_PORT: String(port) }, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is taken by a program that is not Neo4j`));
    } finally {
      squatter.close();
    }
  });
});

describe("a running twin process", () => {
  const uri = inject("neo4jUri");
  const driver = testDriver();
  afterAll(async () => {
    await driver.close();
  });

  it("serves /healthz and, on SIGTERM, writes its pending readings before it exits", async () => {
    // A linger of ten minutes: only the SIGTERM flush can write these readings.
    const twin = runTwin({ NEO4J_URI: uri, INGEST_LINGER_MS: "600000", INGEST_BATCH_SIZE: "50000" });
    const url = await twin.ready;
    const health = await fetch(url.replace(/graphql$/, "healthz"));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", neo4j: "up" });

    const sensorId = `temp_sigterm_${Date.now()}`;
    const readings = Array.from({ length: 250 }, (_, i) => ({ sensorId, value: i, timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }));
    // ACCEPTED: the answer does not wait for the commit, which the linger holds back.
    const res = await gql<{ recordReadings: { accepted: number; durability: string } }>(
      url,
      `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r, durability: ACCEPTED) { accepted durability } }`,
      { r: readings },
    );
    expect(res.data?.recordReadings).toEqual({ accepted: 250, durability: "ACCEPTED" });
    const before = await driver.executeQuery("MATCH (r:Reading {sensorId: $sensorId}) RETURN count(r) AS n", { sensorId });
    expect(before.records[0]!.get("n")).toBe(0);

    twin.child.kill("SIGTERM");
    expect(await twin.exited, twin.output.join("\n")).toBe(0);
    const after = await driver.executeQuery("MATCH (r:Reading {sensorId: $sensorId}) RETURN count(r) AS n", { sensorId });
    expect(after.records[0]!.get("n")).toBe(250);
    expect(twin.output.join("\n")).toMatch(/SIGTERM: stopping; writing pending readings first \{"pending":250\}/);
  });
});

describe("the embedded database of a twin that dies", () => {
  it("shuts down instead of running on as an orphan when the twin is killed hard", async () => {
    const port = Number(process.env["TEST_ORPHAN_NEO4J_PORT"] ?? 7688);
    const dataDir = mkdtempSync(path.join(tmpdir(), "twin-orphan-neo4j-"));
    const answers = (): Promise<boolean> =>
      new Promise((resolve) => {
        const socket = connect(port, "127.0.0.1");
        socket.once("connect", () => {
          socket.destroy();
          resolve(true);
        });
        socket.once("error", () => resolve(false));
      });
    try {
      const twin = runTwin({ NEO4J_EMBEDDED_PORT: String(port), NEO4J_DATA_DIR: dataDir });
      await twin.ready;
      expect(await answers()).toBe(true);
      twin.child.kill("SIGKILL"); // no chance to stop the database itself
      await twin.exited;
      await eventually(async () => ((await answers()) ? undefined : true), 90_000, `the database on port ${port} to stop`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
