import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { forbiddenReason, type OperationType } from "../commands/roles.js";
import type { Principal } from "./auth.js";

/** The root fields an operation selects (through fragments), introspection left out. */
function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const out = new Set<string>();
  const visit = (set: SelectionSetNode, seen: Set<string>): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (!s.name.value.startsWith("__")) out.add(s.name.value);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        visit(s.selectionSet, seen);
      } else if (!seen.has(s.name.value)) {
        const fragment = fragments.get(s.name.value);
        if (fragment !== undefined) visit(fragment.selectionSet, new Set([...seen, s.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return [...out];
}

/**
 * Null if the principal may run the whole operation, else why not (the first root field its
 * roles do not cover). Checked before execution, so a refused mutation does nothing at all.
 */
export function operationRefusal(principal: Principal, operation: OperationDefinitionNode, document: DocumentNode): string | null {
  const type = operation.operation as OperationType;
  for (const field of rootFields(operation, document)) {
    const reason = forbiddenReason(principal.roles, type, field);
    if (reason !== null) return reason;
  }
  return null;
}
