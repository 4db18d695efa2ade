import type { Driver } from "neo4j-driver";

/**
 * Schema statements applied at every start-up; each is idempotent (IF NOT EXISTS), so running
 * them against an existing database changes nothing.
 */
const MIGRATIONS: readonly string[] = [
  "CREATE CONSTRAINT sensor_id IF NOT EXISTS FOR (n:Sensor) REQUIRE n.sensorId IS UNIQUE",
  "CREATE CONSTRAINT device_id IF NOT EXISTS FOR (n:Device) REQUIRE n.deviceId IS UNIQUE",
  "CREATE CONSTRAINT actuator_id IF NOT EXISTS FOR (n:Actuator) REQUIRE n.actuatorId IS UNIQUE",
  "CREATE CONSTRAINT location_id IF NOT EXISTS FOR (n:Location) REQUIRE n.locationId IS UNIQUE",
  "CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.alertId IS UNIQUE",
  "CREATE CONSTRAINT kind_thresholds IF NOT EXISTS FOR (n:KindThresholds) REQUIRE n.kind IS UNIQUE",
  "CREATE RANGE INDEX reading_sensor_time IF NOT EXISTS FOR (r:Reading) ON (r.sensorId, r.timestamp)",
  "CREATE CONSTRAINT calibration_id IF NOT EXISTS FOR (n:Calibration) REQUIRE n.calibrationId IS UNIQUE",
  "CREATE RANGE INDEX calibration_sensor IF NOT EXISTS FOR (c:Calibration) ON (c.sensorId, c.createdAt)",
  "CREATE RANGE INDEX calibration_command IF NOT EXISTS FOR (c:Calibration) ON (c.commandId)",
  "CREATE RANGE INDEX actuator_change IF NOT EXISTS FOR (c:ActuatorChange) ON (c.actuatorId, c.at)",
  "CREATE CONSTRAINT command_id IF NOT EXISTS FOR (n:Command) REQUIRE n.commandId IS UNIQUE",
  "CREATE CONSTRAINT rule_id IF NOT EXISTS FOR (n:Rule) REQUIRE n.ruleId IS UNIQUE",
  "CREATE CONSTRAINT rule_decision_id IF NOT EXISTS FOR (n:RuleDecision) REQUIRE n.decisionId IS UNIQUE",
  "CREATE RANGE INDEX command_key IF NOT EXISTS FOR (c:Command) ON (c.idempotencyKey)",
  "CREATE RANGE INDEX command_status IF NOT EXISTS FOR (c:Command) ON (c.status)",
  "CREATE RANGE INDEX rule_decision_time IF NOT EXISTS FOR (d:RuleDecision) ON (d.ruleId, d.at)",
  "CREATE RANGE INDEX alert_raised IF NOT EXISTS FOR (a:Alert) ON (a.raisedAt)",
  "CREATE RANGE INDEX alert_sensor IF NOT EXISTS FOR (a:Alert) ON (a.sensorId, a.status)",
  // One sensor's alerts in a time range (failure risk, anomalies for given sensors).
  "CREATE RANGE INDEX alert_sensor_time IF NOT EXISTS FOR (a:Alert) ON (a.sensorId, a.raisedAt)",
  // One bucket per (sensor, resolution, start); the backing index answers a sensor's buckets in a time range.
  "CREATE CONSTRAINT rollup_key IF NOT EXISTS FOR (r:Rollup) REQUIRE (r.sensorId, r.resolution, r.start) IS UNIQUE",
];

/** Applies the schema and waits until the indexes are online, so the first query can use them. */
export async function migrate(driver: Driver): Promise<void> {
  for (const statement of MIGRATIONS) await driver.executeQuery(statement);
  await driver.executeQuery("CALL db.awaitIndexes(300)");
}
