import { readFileSync } from "node:fs";
import path from "node:path";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { GraphQLScalarType, Kind, type GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import { projectRoot } from "../projectRoot.js";
import type { Resolvers } from "../generated/graphql.js";
import { alertMutations, alertQueries, alertSubscriptions, anomalyFields } from "./resolvers/alertResolvers.js";
import { bucketFields, diagnosticsQueries, diagnosticsSensorFields, rankingFields, sensorHealthFields, traitsFields, trendFields } from "./resolvers/diagnosticsResolvers.js";
import { controlMutations, controlQueries, controlSubscriptions, ruleDryRunFields, ruleEventFields } from "./resolvers/controlResolvers.js";
import { climateLocationFields, climateQueries, moldRiskFields, roomClimateFields } from "./resolvers/climateResolvers.js";
import { exportQueries } from "./resolvers/exportResolvers.js";
import { historyMutations, historyQueries, retentionPlanFields, rollupRebuildFields, sensorRetentionFields } from "./resolvers/historyResolvers.js";
import { planQueries, plannedTaskFields, plannedVisitFields } from "./resolvers/planResolvers.js";
import { calibrationMutations, failureRiskFields, forecastFields, maintenanceFields, plantModelFields, predictionQueries, simPointFields, simulationFields } from "./resolvers/predictionResolvers.js";
import { deviceQueries, deviceStatusFields, deviceSubscriptions } from "./resolvers/deviceResolvers.js";
import { ingestMutations, ingestSubscriptions } from "./resolvers/ingestResolvers.js";
import { liveReadingFields, sensorFields, sensorQueries } from "./resolvers/sensorResolvers.js";
import { isCostly } from "./limits/cost.js";
import { guardResolvers } from "./limits/deadline.js";
import type { ReadDeadlines } from "../store/readDeadlines.js";
import type { TwinServices } from "./services.js";

type NeoResolvers = NonNullable<ConstructorParameters<typeof Neo4jGraphQL>[0]["resolvers"]>;

const typeDefsPath = path.join(projectRoot, "schema.graphql");

/** The resolvers of every field schema.graphql adds to what @neo4j/graphql generates. */
export function createResolvers(services: TwinServices): Resolvers {
  return {
    Query: {
      ...sensorQueries(services),
      ...deviceQueries(services),
      ...diagnosticsQueries(services),
      ...alertQueries(services),
      ...exportQueries(services),
      ...predictionQueries(services),
      ...controlQueries(services),
      ...climateQueries(services),
      ...planQueries(services),
      ...historyQueries(services),
    },
    Mutation: { ...ingestMutations(services), ...alertMutations(services), ...calibrationMutations(services), ...controlMutations(services), ...historyMutations(services) },
    Subscription: { ...ingestSubscriptions(services), ...deviceSubscriptions(services), ...alertSubscriptions(services), ...controlSubscriptions(services) },
    Sensor: { ...sensorFields(services), ...diagnosticsSensorFields(services) },
    Location: climateLocationFields(services),
    RoomClimate: roomClimateFields,
    MoldRisk: moldRiskFields,
    PlannedVisit: plannedVisitFields,
    PlannedTask: plannedTaskFields,
    Traits: traitsFields,
    SensorHealth: sensorHealthFields,
    Trend: trendFields,
    Bucket: bucketFields,
    SensorRanking: rankingFields,
    Anomaly: anomalyFields,
    Forecast: forecastFields,
    MaintenancePrediction: maintenanceFields,
    FailureRisk: failureRiskFields,
    Simulation: simulationFields,
    SimPoint: simPointFields,
    PlantModel: plantModelFields,
    RuleDryRun: ruleDryRunFields,
    RuleEvent: ruleEventFields,
    LiveReading: liveReadingFields,
    DeviceStatus: deviceStatusFields,
    RetentionPlan: retentionPlanFields,
    SensorRetention: sensorRetentionFields,
    RollupRebuild: rollupRebuildFields,
  };
}

export interface TwinSchema {
  readonly schema: GraphQLSchema;
  readonly neoSchema: Neo4jGraphQL;
}

/** Builds the served schema: @neo4j/graphql over schema.graphql, with our resolvers. */
export async function buildSchema(resolvers: Resolvers, driver?: Driver, deadlines?: ReadDeadlines): Promise<TwinSchema> {
  const typeDefs = readFileSync(typeDefsPath, "utf8");
  const neoSchema = new Neo4jGraphQL({
    typeDefs,
    ...(driver === undefined ? {} : { driver }),
    resolvers: resolvers as NeoResolvers,
  });
  const schema = await neoSchema.getSchema();
  acceptAnyDateTimeText(schema);
  guardResolvers(schema, isCostly, deadlines);
  return { schema, neoSchema };
}

/**
 * The DateTime scalar of @neo4j/graphql rejects unparseable text during variable coercion,
 * which fails a whole recordReadings call for one bad item. Input text is passed through
 * instead: recordReadings validates each item strictly (and refuses only that item), and a
 * bad value in a generated filter is refused by Neo4j ("Text cannot be parsed to a DateTime"),
 * which the error formatter reports as bad user input.
 */
function acceptAnyDateTimeText(schema: GraphQLSchema): void {
  const scalar = schema.getType("DateTime");
  if (!(scalar instanceof GraphQLScalarType)) return;
  const strictValue = scalar.parseValue.bind(scalar);
  scalar.parseValue = (value: unknown) => (typeof value === "string" ? value : strictValue(value));
  scalar.parseLiteral = (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be an ISO-8601 string, e.g. "2026-01-31T12:00:00Z"');
    return ast.value;
  };
}
