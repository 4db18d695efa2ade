/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ExportDay($sensorId: ID!, $from: DateTime!, $to: DateTime!) {\n    exportCsv(sensorId: $sensorId, from: $from, to: $to)\n  }\n": typeof types.ExportDayDocument,
    "\n  query SensorUnit($id: ID!) {\n    sensors(where: { sensorId: { eq: $id } }) { unit kind }\n  }\n": typeof types.SensorUnitDocument,
    "\n  subscription FollowSensor($ids: [ID!]) {\n    readingAdded(sensorIds: $ids) { sensorId value timestamp }\n  }\n": typeof types.FollowSensorDocument,
    "\n  subscription WatchCommands {\n    commandUpdated { commandId targetId status attempts error idempotencyKey }\n  }\n": typeof types.WatchCommandsDocument,
    "\n  mutation SendCommand($input: CommandInput!) {\n    sendCommand(input: $input) { commandId status attempts error ackedAt }\n  }\n": typeof types.SendCommandDocument,
    "\n  query DashboardOverview($sensors: SensorWhere, $actuators: ActuatorWhere) {\n    sensors(where: $sensors, sort: [{ sensorId: ASC }]) {\n      sensorId kind unit name currentValue lastUpdated targetMin targetMax\n      location { locationId name }\n      device { deviceId }\n      traits(windowSeconds: 300) { trend freshness staleAfterSeconds driftPerMinute }\n      health(windowSeconds: 300) { status score issues }\n    }\n    actuators(where: $actuators, sort: [{ actuatorId: ASC }]) {\n      actuatorId kind desiredState desiredAt reportedState reportedAt overrideUntil\n      location { locationId name }\n      device { deviceId }\n    }\n    deviceStatuses { deviceId online lastSeen lostReadings }\n  }\n": typeof types.DashboardOverviewDocument,
    "\n  query DashboardAlerts($where: AlertWhere) {\n    alerts(where: $where, sort: [{ raisedAt: DESC }], limit: 50) {\n      alertId sensorId type severity message status raisedAt clearedAt acknowledgedAt\n    }\n  }\n": typeof types.DashboardAlertsDocument,
    "\n  query DashboardRecommendations {\n    recommendations { action targetId sensorId command confidence reason urgency expectedEffect }\n  }\n": typeof types.DashboardRecommendationsDocument,
    "\n  query SensorHistory($sensorId: ID!, $window: Int!, $buckets: Int!, $since: DateTime!, $h1: Int!, $h2: Int!, $h3: Int!, $h4: Int!) {\n    trend(sensorId: $sensorId, windowSeconds: $window, buckets: $buckets) {\n      asOf direction slopePerMinute source\n      series { start end avg min max count }\n    }\n    f1: forecast(sensorId: $sensorId, minutes: $h1) { asOf horizonMinutes value lower upper unavailableReason }\n    f2: forecast(sensorId: $sensorId, minutes: $h2) { asOf horizonMinutes value lower upper unavailableReason }\n    f3: forecast(sensorId: $sensorId, minutes: $h3) { asOf horizonMinutes value lower upper unavailableReason }\n    f4: forecast(sensorId: $sensorId, minutes: $h4) { asOf horizonMinutes value lower upper unavailableReason }\n    anomalies(since: $since, sensorIds: [$sensorId]) { alertId type severity message timestamp clearedAt }\n  }\n": typeof types.SensorHistoryDocument,
    "\n  query WhatIf($scenario: ScenarioInput!) {\n    simulate(scenario: $scenario) {\n      locationId minutesToThreshold crossesThresholdAt method\n      trajectory { timestamp value lower upper }\n      model { unidentified { actuatorId heldState } }\n    }\n  }\n": typeof types.WhatIfDocument,
    "\n  mutation AcknowledgeAlert($alertId: ID!) {\n    acknowledgeAlert(alertId: $alertId) { alertId status acknowledgedAt }\n  }\n": typeof types.AcknowledgeAlertDocument,
    "\n  mutation SwitchActuator($input: CommandInput!) {\n    sendCommand(input: $input) { commandId targetId status error attempts }\n  }\n": typeof types.SwitchActuatorDocument,
    "\n  subscription LiveReadings($sensorIds: [ID!]) {\n    readingAdded(sensorIds: $sensorIds) { sensorId value timestamp }\n  }\n": typeof types.LiveReadingsDocument,
    "\n  subscription LiveDevices {\n    deviceStatus { deviceId online lastSeen lostReadings }\n  }\n": typeof types.LiveDevicesDocument,
    "\n  subscription LiveAlerts($sensorIds: [ID!]) {\n    alertRaised(sensorIds: $sensorIds) { alertId sensorId }\n  }\n": typeof types.LiveAlertsDocument,
    "\n  subscription LiveCommands {\n    commandUpdated { commandId targetId status error attempts idempotencyKey payload }\n  }\n": typeof types.LiveCommandsDocument,
};
const documents: Documents = {
    "\n  query ExportDay($sensorId: ID!, $from: DateTime!, $to: DateTime!) {\n    exportCsv(sensorId: $sensorId, from: $from, to: $to)\n  }\n": types.ExportDayDocument,
    "\n  query SensorUnit($id: ID!) {\n    sensors(where: { sensorId: { eq: $id } }) { unit kind }\n  }\n": types.SensorUnitDocument,
    "\n  subscription FollowSensor($ids: [ID!]) {\n    readingAdded(sensorIds: $ids) { sensorId value timestamp }\n  }\n": types.FollowSensorDocument,
    "\n  subscription WatchCommands {\n    commandUpdated { commandId targetId status attempts error idempotencyKey }\n  }\n": types.WatchCommandsDocument,
    "\n  mutation SendCommand($input: CommandInput!) {\n    sendCommand(input: $input) { commandId status attempts error ackedAt }\n  }\n": types.SendCommandDocument,
    "\n  query DashboardOverview($sensors: SensorWhere, $actuators: ActuatorWhere) {\n    sensors(where: $sensors, sort: [{ sensorId: ASC }]) {\n      sensorId kind unit name currentValue lastUpdated targetMin targetMax\n      location { locationId name }\n      device { deviceId }\n      traits(windowSeconds: 300) { trend freshness staleAfterSeconds driftPerMinute }\n      health(windowSeconds: 300) { status score issues }\n    }\n    actuators(where: $actuators, sort: [{ actuatorId: ASC }]) {\n      actuatorId kind desiredState desiredAt reportedState reportedAt overrideUntil\n      location { locationId name }\n      device { deviceId }\n    }\n    deviceStatuses { deviceId online lastSeen lostReadings }\n  }\n": types.DashboardOverviewDocument,
    "\n  query DashboardAlerts($where: AlertWhere) {\n    alerts(where: $where, sort: [{ raisedAt: DESC }], limit: 50) {\n      alertId sensorId type severity message status raisedAt clearedAt acknowledgedAt\n    }\n  }\n": types.DashboardAlertsDocument,
    "\n  query DashboardRecommendations {\n    recommendations { action targetId sensorId command confidence reason urgency expectedEffect }\n  }\n": types.DashboardRecommendationsDocument,
    "\n  query SensorHistory($sensorId: ID!, $window: Int!, $buckets: Int!, $since: DateTime!, $h1: Int!, $h2: Int!, $h3: Int!, $h4: Int!) {\n    trend(sensorId: $sensorId, windowSeconds: $window, buckets: $buckets) {\n      asOf direction slopePerMinute source\n      series { start end avg min max count }\n    }\n    f1: forecast(sensorId: $sensorId, minutes: $h1) { asOf horizonMinutes value lower upper unavailableReason }\n    f2: forecast(sensorId: $sensorId, minutes: $h2) { asOf horizonMinutes value lower upper unavailableReason }\n    f3: forecast(sensorId: $sensorId, minutes: $h3) { asOf horizonMinutes value lower upper unavailableReason }\n    f4: forecast(sensorId: $sensorId, minutes: $h4) { asOf horizonMinutes value lower upper unavailableReason }\n    anomalies(since: $since, sensorIds: [$sensorId]) { alertId type severity message timestamp clearedAt }\n  }\n": types.SensorHistoryDocument,
    "\n  query WhatIf($scenario: ScenarioInput!) {\n    simulate(scenario: $scenario) {\n      locationId minutesToThreshold crossesThresholdAt method\n      trajectory { timestamp value lower upper }\n      model { unidentified { actuatorId heldState } }\n    }\n  }\n": types.WhatIfDocument,
    "\n  mutation AcknowledgeAlert($alertId: ID!) {\n    acknowledgeAlert(alertId: $alertId) { alertId status acknowledgedAt }\n  }\n": types.AcknowledgeAlertDocument,
    "\n  mutation SwitchActuator($input: CommandInput!) {\n    sendCommand(input: $input) { commandId targetId status error attempts }\n  }\n": types.SwitchActuatorDocument,
    "\n  subscription LiveReadings($sensorIds: [ID!]) {\n    readingAdded(sensorIds: $sensorIds) { sensorId value timestamp }\n  }\n": types.LiveReadingsDocument,
    "\n  subscription LiveDevices {\n    deviceStatus { deviceId online lastSeen lostReadings }\n  }\n": types.LiveDevicesDocument,
    "\n  subscription LiveAlerts($sensorIds: [ID!]) {\n    alertRaised(sensorIds: $sensorIds) { alertId sensorId }\n  }\n": types.LiveAlertsDocument,
    "\n  subscription LiveCommands {\n    commandUpdated { commandId targetId status error attempts idempotencyKey payload }\n  }\n": types.LiveCommandsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportDay($sensorId: ID!, $from: DateTime!, $to: DateTime!) {\n    exportCsv(sensorId: $sensorId, from: $from, to: $to)\n  }\n"): typeof import('./graphql.js').ExportDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SensorUnit($id: ID!) {\n    sensors(where: { sensorId: { eq: $id } }) { unit kind }\n  }\n"): typeof import('./graphql.js').SensorUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowSensor($ids: [ID!]) {\n    readingAdded(sensorIds: $ids) { sensorId value timestamp }\n  }\n"): typeof import('./graphql.js').FollowSensorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchCommands {\n    commandUpdated { commandId targetId status attempts error idempotencyKey }\n  }\n"): typeof import('./graphql.js').WatchCommandsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendCommand($input: CommandInput!) {\n    sendCommand(input: $input) { commandId status attempts error ackedAt }\n  }\n"): typeof import('./graphql.js').SendCommandDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardOverview($sensors: SensorWhere, $actuators: ActuatorWhere) {\n    sensors(where: $sensors, sort: [{ sensorId: ASC }]) {\n      sensorId kind unit name currentValue lastUpdated targetMin targetMax\n      location { locationId name }\n      device { deviceId }\n      traits(windowSeconds: 300) { trend freshness staleAfterSeconds driftPerMinute }\n      health(windowSeconds: 300) { status score issues }\n    }\n    actuators(where: $actuators, sort: [{ actuatorId: ASC }]) {\n      actuatorId kind desiredState desiredAt reportedState reportedAt overrideUntil\n      location { locationId name }\n      device { deviceId }\n    }\n    deviceStatuses { deviceId online lastSeen lostReadings }\n  }\n"): typeof import('./graphql.js').DashboardOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardAlerts($where: AlertWhere) {\n    alerts(where: $where, sort: [{ raisedAt: DESC }], limit: 50) {\n      alertId sensorId type severity message status raisedAt clearedAt acknowledgedAt\n    }\n  }\n"): typeof import('./graphql.js').DashboardAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardRecommendations {\n    recommendations { action targetId sensorId command confidence reason urgency expectedEffect }\n  }\n"): typeof import('./graphql.js').DashboardRecommendationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SensorHistory($sensorId: ID!, $window: Int!, $buckets: Int!, $since: DateTime!, $h1: Int!, $h2: Int!, $h3: Int!, $h4: Int!) {\n    trend(sensorId: $sensorId, windowSeconds: $window, buckets: $buckets) {\n      asOf direction slopePerMinute source\n      series { start end avg min max count }\n    }\n    f1: forecast(sensorId: $sensorId, minutes: $h1) { asOf horizonMinutes value lower upper unavailableReason }\n    f2: forecast(sensorId: $sensorId, minutes: $h2) { asOf horizonMinutes value lower upper unavailableReason }\n    f3: forecast(sensorId: $sensorId, minutes: $h3) { asOf horizonMinutes value lower upper unavailableReason }\n    f4: forecast(sensorId: $sensorId, minutes: $h4) { asOf horizonMinutes value lower upper unavailableReason }\n    anomalies(since: $since, sensorIds: [$sensorId]) { alertId type severity message timestamp clearedAt }\n  }\n"): typeof import('./graphql.js').SensorHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhatIf($scenario: ScenarioInput!) {\n    simulate(scenario: $scenario) {\n      locationId minutesToThreshold crossesThresholdAt method\n      trajectory { timestamp value lower upper }\n      model { unidentified { actuatorId heldState } }\n    }\n  }\n"): typeof import('./graphql.js').WhatIfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($alertId: ID!) {\n    acknowledgeAlert(alertId: $alertId) { alertId status acknowledgedAt }\n  }\n"): typeof import('./graphql.js').AcknowledgeAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchActuator($input: CommandInput!) {\n    sendCommand(input: $input) { commandId targetId status error attempts }\n  }\n"): typeof import('./graphql.js').SwitchActuatorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveReadings($sensorIds: [ID!]) {\n    readingAdded(sensorIds: $sensorIds) { sensorId value timestamp }\n  }\n"): typeof import('./graphql.js').LiveReadingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveDevices {\n    deviceStatus { deviceId online lastSeen lostReadings }\n  }\n"): typeof import('./graphql.js').LiveDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveAlerts($sensorIds: [ID!]) {\n    alertRaised(sensorIds: $sensorIds) { alertId sensorId }\n  }\n"): typeof import('./graphql.js').LiveAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveCommands {\n    commandUpdated { commandId targetId status error attempts idempotencyKey payload }\n  }\n"): typeof import('./graphql.js').LiveCommandsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
