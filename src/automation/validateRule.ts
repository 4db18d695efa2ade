import { InvalidInputError } from "../errors.js";
import { idProblem } from "../domain/validate.js";
import { absent, isRecord, secondsProblem, show, unknownFields } from "./inputChecks.js";
import type { Rule } from "../domain/ruleTypes.js";
import { checkActions } from "./validateActions.js";
import { checkClear, checkCondition } from "./validateCondition.js";

const MAX_RULE_NAME_LENGTH = 100;

const RULE_FIELDS = ["name", "sensorId", "condition", "forSeconds", "clear", "clearForSeconds", "actions", "cooldownSeconds", "minOnSeconds", "minOffSeconds", "enabled"];

const SECONDS_FIELDS = ["forSeconds", "clearForSeconds", "cooldownSeconds", "minOnSeconds", "minOffSeconds"] as const;

/** A rule that cannot be stored; `problems` lists each bad field with its path. */
export class RuleInputError extends InvalidInputError {
  constructor(
    readonly ruleName: string | null,
    readonly problems: readonly string[],
  ) {
    super(`rule${ruleName === null ? "" : ` ${JSON.stringify(ruleName)}`} refused: ${problems.join("; ")}`);
  }
}

/** Everything wrong with a rule input, each problem naming its field path; empty when valid. */
export function validateRuleInput(input: unknown): string[] {
  return check(input).problems;
}

/** The input as a `Rule` with defaults applied; throws `RuleInputError` listing every problem. */
export function parseRule(input: unknown): Rule {
  const { rule, problems } = check(input);
  if (rule === null) {
    const name = isRecord(input) && typeof input.name === "string" ? input.name : null;
    throw new RuleInputError(name, problems);
  }
  return rule;
}

function check(input: unknown): { rule: Rule | null; problems: string[] } {
  if (!isRecord(input)) return { rule: null, problems: [`a rule must be an object, got ${show(input)}`] };
  const problems = unknownFields(input, RULE_FIELDS, "", "a rule");

  const name = input.name;
  if (absent(name)) problems.push("name is required");
  else if (typeof name !== "string" || name.trim() === "" || name.length > MAX_RULE_NAME_LENGTH) {
    problems.push(`name must be a non-blank string of at most ${MAX_RULE_NAME_LENGTH} characters, got ${show(name)}`);
  }
  if (absent(input.sensorId)) problems.push("sensorId is required");
  else {
    const idError = idProblem(input.sensorId, "sensorId");
    if (idError !== null) problems.push(idError);
  }

  const condition = checkCondition(input.condition, problems);
  const clear = checkClear(input.clear, condition, problems);
  for (const field of SECONDS_FIELDS) {
    const problem = secondsProblem(input[field], field);
    if (problem !== null) problems.push(problem);
  }
  const actions = checkActions(input.actions, problems);
  if (!absent(input.enabled) && typeof input.enabled !== "boolean") problems.push(`enabled must be true or false, got ${show(input.enabled)}`);

  if (problems.length > 0 || condition === null || actions === null) return { rule: null, problems };
  const seconds = (field: (typeof SECONDS_FIELDS)[number]): number => (absent(input[field]) ? 0 : (input[field] as number));
  return {
    problems,
    rule: {
      name: name as string,
      sensorId: input.sensorId as string,
      condition,
      forSeconds: seconds("forSeconds"),
      clear,
      clearForSeconds: seconds("clearForSeconds"),
      actions,
      cooldownSeconds: seconds("cooldownSeconds"),
      minOnSeconds: seconds("minOnSeconds"),
      minOffSeconds: seconds("minOffSeconds"),
      enabled: absent(input.enabled) ? true : (input.enabled as boolean),
    },
  };
}
