import { buildSchema, execute, GraphQLError, parse, subscribe, type ExecutionResult } from "graphql";
import { describe, expect, it } from "vitest";
import { Deadline, guardResolvers } from "../../../../src/graphql/limits/deadline.js";

const timeout = (): GraphQLError => new GraphQLError("time is up", { extensions: { code: "QUERY_TIMEOUT" } });
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

describe("Deadline", () => {
  it("refuses to start work once it has passed", () => {
    let now = 1_000;
    const deadline = new Deadline(100, timeout, () => now);
    expect(deadline.remainingMs()).toBe(100);
    expect(() => deadline.check()).not.toThrow();
    now = 1_100;
    expect(deadline.remainingMs()).toBe(0);
    expect(() => deadline.check()).toThrow("time is up");
  });

  it("answers work that outlasts it with the timeout, and hands the late result to onLate", async () => {
    const deadline = new Deadline(20, timeout);
    let finish: (value: string) => void = () => undefined;
    const work = new Promise<string>((resolve) => (finish = resolve));
    const late: string[] = [];
    await expect(deadline.race(work, (value) => late.push(value))).rejects.toThrow("time is up");
    finish("done");
    await work;
    expect(late).toEqual(["done"]);
  });

  it("passes on what work gives before it passes", async () => {
    const deadline = new Deadline(60_000, timeout);
    await expect(deadline.race(Promise.resolve(42))).resolves.toBe(42);
    await expect(deadline.race(Promise.reject(new Error("failed")))).rejects.toThrow("failed");
  });

  it("runs costly work one at a time and starts none once the time is up", async () => {
    let now = 0;
    const deadline = new Deadline(100, timeout, () => now);
    const started: number[] = [];
    const slow = (n: number) => async (): Promise<number> => {
      started.push(n);
      await Promise.resolve();
      now += 60; // each takes 60 ms of the request's 100
      return n;
    };
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => deadline.inTurn(slow(n))));
    expect(started).toEqual([1, 2]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected"]);
  });
});

describe("guardResolvers", () => {
  const typeDefs = `
    type Query { slow: String, fast: String }
    type Mutation { slowWrite: String }
    type Subscription { ticks: Int }
  `;

  function schemaWith(opts: { subscribeDelay: Promise<void> }) {
    const schema = buildSchema(typeDefs);
    const query = schema.getQueryType()!.getFields();
    query["slow"]!.resolve = () => never<string>();
    query["fast"]!.resolve = () => "fast";
    schema.getMutationType()!.getFields()["slowWrite"]!.resolve = async () => {
      await new Promise((r) => setTimeout(r, 50));
      return "written";
    };
    const ticks = schema.getSubscriptionType()!.getFields()["ticks"]!;
    ticks.subscribe = async () => {
      await opts.subscribeDelay;
      return (async function* () {
        yield { ticks: 1 };
      })();
    };
    guardResolvers(schema, () => false);
    return schema;
  }

  it("answers a query's slow field with the timeout and keeps the fields that made it", async () => {
    const schema = schemaWith({ subscribeDelay: Promise.resolve() });
    const result = await execute({ schema, document: parse("{ slow fast }"), contextValue: { deadline: new Deadline(20, timeout) } });
    expect(result.data).toEqual({ slow: null, fast: "fast" });
    expect(result.errors?.map((e) => e.extensions["code"])).toEqual(["QUERY_TIMEOUT"]);
  });

  it("does not cut a mutation short (what it set off cannot be taken back)", async () => {
    const schema = schemaWith({ subscribeDelay: Promise.resolve() });
    const result = await execute({ schema, document: parse("mutation { slowWrite }"), contextValue: { deadline: new Deadline(1, timeout) } });
    expect(result).toEqual({ data: { slowWrite: "written" } });
  });

  it("bounds a subscription's start, not its events", async () => {
    const stuck = schemaWith({ subscribeDelay: never() });
    const refused = (await subscribe({ schema: stuck, document: parse("subscription { ticks }"), contextValue: { deadline: new Deadline(20, timeout) } })) as ExecutionResult;
    expect(refused.errors?.map((e) => e.extensions["code"])).toEqual(["QUERY_TIMEOUT"]);

    const quick = schemaWith({ subscribeDelay: Promise.resolve() });
    const deadline = new Deadline(20, timeout);
    const stream = await subscribe({ schema: quick, document: parse("subscription { ticks }"), contextValue: { deadline } });
    await new Promise((r) => setTimeout(r, 40)); // the deadline has passed; events still flow
    const first = await (stream as AsyncIterableIterator<ExecutionResult>).next();
    expect(first.value).toEqual({ data: { ticks: 1 } });
  });

  it("leaves requests without a deadline alone", async () => {
    const schema = schemaWith({ subscribeDelay: Promise.resolve() });
    const result = await execute({ schema, document: parse("{ fast }"), contextValue: {} });
    expect(result).toEqual({ data: { fast: "fast" } });
  });
});
