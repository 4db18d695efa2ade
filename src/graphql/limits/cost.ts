import { getNamedType, getNullableType, GraphQLError, GraphQLObjectType, isCompositeType, isListType, type DocumentNode, type GraphQLNamedType, type GraphQLSchema } from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";

/** A list without `limit` (a connection without `first`) is costed as this many items. */
export const ASSUMED_LIST_SIZE = 20;
/** …except lists of readings: a sensor sends 86,400 a day, so an unbounded list of them is huge. */
export const ASSUMED_READINGS = 10_000;
/** Fields after fragments are expanded; past it the estimate itself is refused (fragment bombs). */
export const MAX_COSTED_FIELDS = 10_000;

/**
 * What a field costs beyond the 1 every field costs: per call, or per item of its list. The
 * analytics and predictions compute over windows of readings (bench figures: traits ~1 ms,
 * recommendations ~2–3 ms per sensor) where a plain field reads a value.
 */
const WORK: Readonly<Record<string, { readonly call?: number; readonly item?: number }>> = {
  "Query.traits": { call: 10 },
  "Sensor.traits": { call: 10 },
  "Sensor.health": { call: 10 },
  "Query.health": { item: 10 },
  "Query.anomalies": { call: 10 },
  "Query.trend": { call: 20 },
  "Query.ranking": { item: 20 },
  "Query.forecast": { call: 30 },
  "Query.maintenance": { call: 30 },
  "Query.failureRisk": { call: 40 },
  "Query.recommendations": { item: 50 },
  "Query.simulate": { call: 100 },
  "Query.ruleDryRun": { call: 200 },
  "Query.exportCsv": { call: 200 },
  // Up to 100,000 rows, like exportCsv; a dry run counts every sensor's readings past retention.
  "Query.exportSeries": { call: 200 },
  "Query.retentionDryRun": { call: 200 },
  // A room's climate reads its sensors' latest values; mold risk runs 30 days of hourly history
  // (bench: p99 ~8 ms); a plan asks maintenance and failure risk of every sensor (~1 ms each warm).
  "Location.climate": { call: 10 },
  "Query.moldRisk": { call: 30 },
  "Query.maintenancePlan": { call: 1_000 },
};

/** True for the analytics and prediction fields, which cost more than reading a value. */
export function isCostly(typeName: string, fieldName: string): boolean {
  return WORK[`${typeName}.${fieldName}`] !== undefined;
}

/** The node type of a Relay-style connection (`xConnection { edges { node } }`), if `type` is one. */
function connectionNode(type: GraphQLNamedType): GraphQLNamedType | undefined {
  if (!(type instanceof GraphQLObjectType)) return undefined;
  const fields = type.getFields();
  if (fields["edges"] === undefined || fields["pageInfo"] === undefined) return undefined;
  const edge = getNamedType(fields["edges"].type);
  const node = edge instanceof GraphQLObjectType ? edge.getFields()["node"] : undefined;
  return node === undefined ? undefined : getNamedType(node.type);
}

/**
 * How many nodes a filter on the type's own unique id lets through (`sensors(where: { sensorId:
 * { eq: "x" } })` is one sensor); undefined for any other filter. The ids named after their type
 * (sensorId, deviceId, ruleId …) have uniqueness constraints.
 */
function byOwnId(items: GraphQLNamedType, where: unknown): number | undefined {
  const idField = `${items.name.charAt(0).toLowerCase()}${items.name.slice(1)}Id`;
  const filter = (where as Record<string, unknown> | null | undefined)?.[idField] as { eq?: unknown; in?: unknown } | null | undefined;
  if (filter?.eq !== undefined && filter.eq !== null) return 1;
  return Array.isArray(filter?.in) ? filter.in.length : undefined;
}

function assumedSize(items: GraphQLNamedType, args: Record<string, unknown>): number {
  const asked = args["limit"] ?? args["first"];
  const limit = typeof asked === "number" && Number.isFinite(asked) && asked >= 0 ? asked : undefined;
  const matched = byOwnId(items, args["where"]);
  if (limit !== undefined || matched !== undefined) return Math.min(limit ?? Number.POSITIVE_INFINITY, matched ?? Number.POSITIVE_INFINITY);
  return items.name === "Reading" ? ASSUMED_READINGS : ASSUMED_LIST_SIZE;
}

/**
 * Cost of one field: 1 + its work + its selection, times the list's size for a list of objects
 * or a connection (`limit`/`first` or a filter on its own id if given, else assumed). A connection's `edges` are already
 * counted by the connection. Introspection and `__typename` cost nothing (the schema answers).
 */
const fieldCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith("__")) return 0;
  const work = WORK[`${type.name}.${field.name}`];
  const named = getNamedType(field.type);
  const node = connectionNode(named);
  const isList = isListType(getNullableType(field.type)) && isCompositeType(named);
  const edgesOfConnection = field.name === "edges" && connectionNode(type) !== undefined;
  if ((!isList && node === undefined) || edgesOfConnection) return 1 + (work?.call ?? 0) + childComplexity;
  return 1 + (work?.call ?? 0) + assumedSize(node ?? named, args) * ((work?.item ?? 0) + childComplexity);
};

/** An operation's estimated cost, with what its top-level fields contributed (costliest first). */
export interface CostEstimate {
  readonly total: number;
  readonly parts: ReadonlyArray<{ readonly field: string; readonly cost: number }>;
}

/**
 * Estimates one operation of a valid document. `"too many fields"` when it expands past
 * MAX_COSTED_FIELDS; null when its variables do not fit (execution then refuses them itself).
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): CostEstimate | "too many fields" | null {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t !== null && t !== undefined));
  const parts: Array<{ field: string; cost: number }> = [];
  const recordRoots: ComplexityEstimator = (args) => {
    const cost = fieldCost(args);
    if (typeof cost === "number" && roots.has(args.type as GraphQLObjectType)) parts.push({ field: args.node.alias?.value ?? args.field.name, cost });
    return cost;
  };
  try {
    const total = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      ...(operationName === undefined ? {} : { operationName }),
      estimators: [recordRoots],
      maxQueryNodes: MAX_COSTED_FIELDS,
    });
    return { total, parts: parts.sort((a, b) => b.cost - a.cost) };
  } catch (error) {
    if (error instanceof GraphQLError && error.message.includes("maximum allowed number of nodes")) return "too many fields";
    if (error instanceof GraphQLError) return null;
    throw error;
  }
}
