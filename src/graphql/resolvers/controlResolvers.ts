import type { TimelineEntry } from "../../automation/dryRun.js";
import type { ConcreteAction } from "../../domain/decisions.js";
import type { RuleInput } from "../../domain/ruleTypes.js";
import type { Command } from "../../domain/command.js";
import { parseSendCommand, parseSetInterval } from "../../commands/commandInput.js";
import type { MutationResolvers, QueryResolvers, RuleEventResolvers, SubscriptionResolvers, RuleDryRunResolvers } from "../../generated/graphql.js";
import { ruleProperties, type StoredRule } from "../../store/ruleStore.js";
import { toIso } from "../../store/time.js";
import { rangeArgs, timeArg } from "../args.js";
import type { TwinContext } from "../context.js";
import { busIterator } from "../liveIterator.js";
import type { CommandModel, RuleModel } from "../models.js";
import type { TwinServices } from "../services.js";

function toCommandModel(c: Command): CommandModel {
  return {
    commandId: c.commandId,
    kind: c.kind,
    targetId: c.targetId,
    payload: c.payload,
    status: c.status,
    attempts: c.attempts,
    createdAt: toIso(c.createdAt) as string,
    sentAt: toIso(c.sentAt),
    ackedAt: toIso(c.ackedAt),
    finishedAt: toIso(c.finishedAt),
    deadlineAt: toIso(c.deadlineAt),
    error: c.error,
    answer: c.answer,
    issuedBy: c.issuedBy,
    idempotencyKey: c.idempotencyKey,
    reason: c.reason,
  };
}

function toRuleModel(s: StoredRule): RuleModel {
  const p = ruleProperties(s.rule);
  return {
    ...p,
    ruleId: s.ruleId,
    enabled: s.rule.enabled,
    anomalyTypes: p.anomalyTypes === null ? null : [...p.anomalyTypes],
    phase: s.state.phase,
    lastFiredAt: toIso(s.state.lastFiredMs),
    lastClearedAt: toIso(s.state.lastClearedMs),
  };
}

/** GraphQL's rule input as the validator takes it (action bodies arrive as JSON text). */
function ruleInput(input: Record<string, unknown>): RuleInput {
  return input as unknown as RuleInput;
}

const issuer = (ctx: TwinContext) => ({ issuedBy: ctx.principal.subject, manual: true });

export function controlMutations(services: TwinServices): Pick<MutationResolvers, "sendCommand" | "setSamplingInterval" | "cancelCommand" | "createRule" | "updateRule" | "deleteRule" | "enableRule"> {
  const { control } = services;
  return {
    sendCommand: async (_p, { input }, ctx) => toCommandModel(await control.commands.actuate(parseSendCommand(input), issuer(ctx))),
    setSamplingInterval: async (_p, args, ctx) => toCommandModel(await control.commands.setInterval(parseSetInterval(args), issuer(ctx))),
    cancelCommand: async (_p, { commandId }, ctx) => toCommandModel(await control.commands.cancel(commandId, ctx.principal.subject)),
    createRule: async (_p, { input }, ctx) => toRuleModel(await control.rules.create(ruleInput(input), ctx.principal.subject, ctx.principal.roles)),
    updateRule: async (_p, { ruleId, input }, ctx) => toRuleModel(await control.rules.update(ruleId, ruleInput(input), ctx.principal.roles)),
    deleteRule: (_p, { ruleId }) => control.rules.delete(ruleId),
    enableRule: async (_p, { ruleId, enabled }) => toRuleModel(await control.rules.enable(ruleId, enabled)),
  };
}

export function controlQueries(services: TwinServices): Pick<QueryResolvers, "ruleDryRun"> {
  return {
    ruleDryRun: (_p, { input, from, to }) => {
      const fromMs = timeArg(from, "from") as number;
      const toMs = timeArg(to, "to") as number;
      rangeArgs(fromMs, toMs);
      return services.control.rules.dryRun(ruleInput(input), fromMs, toMs);
    },
  };
}

let subscriberSeq = 0;

export function controlSubscriptions(services: TwinServices): Pick<SubscriptionResolvers, "commandUpdated"> {
  return {
    commandUpdated: {
      subscribe: (_p, { commandId }) =>
        busIterator(
          services.feed,
          "commandUpdated",
          `subscription:commandUpdated:${++subscriberSeq}`,
          (c: Command) => commandId === null || commandId === undefined || c.commandId === commandId,
          services.log,
        ),
      resolve: (c: Command) => toCommandModel(c),
    },
  };
}

function describeAction(a: ConcreteAction): string {
  if (a.type === "ACTUATE") return `ACTUATE ${a.actuatorId} ${a.state}`;
  if (a.type === "SET_INTERVAL") return `SET_INTERVAL ${a.deviceId} ${a.ms} ms`;
  if (a.type === "CALIBRATE") return `CALIBRATE ${a.sensorId}${a.referenceSensorId === null ? " (from its peers)" : ` to ${a.referenceSensorId}`}, at most ±${a.maxOffset}`;
  return `WEBHOOK ${a.url}`;
}

export const ruleDryRunFields: RuleDryRunResolvers = {
  timeline: (r) => [...r.timeline],
};

export const ruleEventFields: RuleEventResolvers = {
  at: (e: TimelineEntry) => toIso(e.atMs) as string,
  reason: (e: TimelineEntry) => e.reason ?? null,
  actions: (e: TimelineEntry) => (e.actions ?? []).map(describeAction),
};
