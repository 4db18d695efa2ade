import type { ReadDeadlines } from "../../store/readDeadlines.js";
import { GraphQLObjectType, OperationTypeNode, type GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** Closes what a subscribe that answered too late opened (an async iterator), so nothing leaks. */
function close(late: unknown): void {
  const ret = (late as { return?: () => unknown } | null)?.return;
  if (typeof ret === "function") void Promise.resolve(ret.call(late)).catch(() => undefined);
}

/**
 * The time one request may take. Resolvers started after it has passed are refused, and a
 * resolver still running when it passes is answered with the timeout (its late result is
 * dropped), so the response leaves at the limit.
 */
export class Deadline {
  readonly endsAtMs: number;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly limitMs: number,
    private readonly timeout: () => GraphQLError,
    private readonly clock: () => number = Date.now,
  ) {
    this.endsAtMs = clock() + limitMs;
  }

  /** Milliseconds left (0 once passed). */
  remainingMs(): number {
    return Math.max(0, this.endsAtMs - this.clock());
  }

  /** Throws the timeout error once the deadline has passed. */
  check(): void {
    if (this.remainingMs() === 0) throw this.timeout();
  }

  /**
   * Runs `work` once the request's earlier costly resolvers have finished, if time is left. Run
   * side by side, 300 aliases of one prediction would all have started before the deadline and
   * go on computing after it; one at a time, the work stops within one resolver of the limit.
   */
  inTurn<T>(work: () => T | Promise<T>): Promise<T> {
    const turn = this.tail.then(() => {
      this.check();
      return work();
    });
    this.tail = turn.catch(() => undefined);
    return this.race(turn);
  }

  /** `work`, or the timeout error if the deadline passes first. */
  race<T>(work: Promise<T>, onLate: (value: T) => void = () => undefined): Promise<T> {
    const left = this.remainingMs();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        reject(this.timeout());
      }, left);
      work.then(
        (value) => {
          clearTimeout(timer);
          if (settled) onLate(value);
          else resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (!settled) reject(error);
        },
      );
    });
  }
}

/** Context of a request that has a deadline. */
interface WithDeadline {
  readonly deadline?: Deadline | undefined;
}

function deadlineOf(context: unknown): Deadline | undefined {
  return (context as WithDeadline | null | undefined)?.deadline;
}

/**
 * Puts every resolver of the schema under the request's deadline (`context.deadline`; none, no
 * limit); the costly ones also take turns (Deadline.inTurn). Fields without a resolver of their
 * own only read a value and are left alone.
 * Mutations are not cut short: what they set off (a command on its way to a device) cannot be
 * taken back. A subscription's deadline covers its start (`subscribe`), not the events after it.
 */
export function guardResolvers(schema: GraphQLSchema, costly: (typeName: string, fieldName: string) => boolean, deadlines?: ReadDeadlines): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (resolve !== undefined) field.resolve = guarded(resolve, { starting: false, inTurn: costly(type.name, field.name), deadlines });
      const subscribe = field.subscribe;
      if (subscribe !== undefined) field.subscribe = guarded(subscribe, { starting: true, inTurn: false, deadlines });
    }
  }
}

function guarded(
  original: GraphQLFieldResolver<unknown, unknown>,
  how: { readonly starting: boolean; readonly inTurn: boolean; readonly deadlines: ReadDeadlines | undefined },
): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const deadline = deadlineOf(context);
    const kind = info.operation.operation;
    if (deadline === undefined || kind === OperationTypeNode.MUTATION || (kind === OperationTypeNode.SUBSCRIPTION && !how.starting)) return original(source, args, context, info);
    // The store's queries made by this resolver get what is left of the request as their timeout.
    const resolver: GraphQLFieldResolver<unknown, unknown> = how.deadlines === undefined ? original : (...a) => how.deadlines!.run(deadline, () => original(...a));
    if (how.inTurn) return deadline.inTurn(() => resolver(source, args, context, info));
    deadline.check();
    const result = resolver(source, args, context, info);
    return isPromise(result) ? deadline.race(result, close) : result;
  };
}
