import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { postJson } from "../../../src/automation/webhook.js";

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server === null ? resolve() : server.close(() => resolve())));
  server = null;
});

async function receiver(answer: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => answer(req, body, res));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

describe("postJson (rule webhooks)", () => {
  it("POSTs the body as JSON and resolves with the status, over one kept-alive connection", async () => {
    const seen: Array<{ method: string | undefined; type: string | undefined; body: unknown; port: number | undefined }> = [];
    const url = await receiver((req, body, res) => {
      seen.push({ method: req.method, type: req.headers["content-type"], body: JSON.parse(body), port: req.socket.remotePort });
      res.statusCode = seen.length === 1 ? 204 : 500;
      res.end();
    });
    expect(await postJson(url, { rule: "humid", value: 71.5 }, 2_000)).toBe(204);
    expect(await postJson(url, { rule: "humid", value: 59 }, 2_000)).toBe(500);
    expect(seen.map((s) => s.body)).toEqual([
      { rule: "humid", value: 71.5 },
      { rule: "humid", value: 59 },
    ]);
    expect(seen[0]).toMatchObject({ method: "POST", type: "application/json" });
    expect(seen[1]?.port).toBe(seen[0]?.port);
  });

  it("gives up on a receiver that does not answer, with the time it waited", async () => {
    const url = await receiver(() => undefined); // never answers
    await expect(postJson(url, {}, 100)).rejects.toThrow(/no answer within 100 ms/);
  });

  it("refuses a URL that is not http(s), and reports a refused connection", async () => {
    await expect(postJson("ftp://example.org/x", {}, 100)).rejects.toThrow(/not http\(s\)/);
    await expect(postJson("http://127.0.0.1:1/hook", {}, 1_000)).rejects.toThrow(/ECONNREFUSED/);
  });
});
