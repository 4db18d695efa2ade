// Every operation the dashboard sends. One query per card set (not per sensor), so 20 sensors
// stay within the API's limits (test/unit/client/documents.test.ts checks each against them).
import { graphql } from "../../../client/twinClient.js";

export const Overview = graphql(`
  query DashboardOverview($sensors: SensorWhere, $actuators: ActuatorWhere) {
    sensors(where: $sensors, sort: [{ sensorId: ASC }]) {
      sensorId kind unit name currentValue lastUpdated targetMin targetMax
      location { locationId name }
      device { deviceId }
      traits(windowSeconds: 300) { trend freshness staleAfterSeconds driftPerMinute }
      health(windowSeconds: 300) { status score issues }
    }
    actuators(where: $actuators, sort: [{ actuatorId: ASC }]) {
      actuatorId kind desiredState desiredAt reportedState reportedAt overrideUntil
      location { locationId name }
      device { deviceId }
    }
    deviceStatuses { deviceId online lastSeen lostReadings }
  }
`);

export const Alerts = graphql(`
  query DashboardAlerts($where: AlertWhere) {
    alerts(where: $where, sort: [{ raisedAt: DESC }], limit: 50) {
      alertId sensorId type severity message status raisedAt clearedAt acknowledgedAt
    }
  }
`);

export const Recommendations = graphql(`
  query DashboardRecommendations {
    recommendations { action targetId sensorId command confidence reason urgency expectedEffect }
  }
`);

export const History = graphql(`
  query SensorHistory($sensorId: ID!, $window: Int!, $buckets: Int!, $since: DateTime!, $h1: Int!, $h2: Int!, $h3: Int!, $h4: Int!) {
    trend(sensorId: $sensorId, windowSeconds: $window, buckets: $buckets) {
      asOf direction slopePerMinute source
      series { start end avg min max count }
    }
    f1: forecast(sensorId: $sensorId, minutes: $h1) { asOf horizonMinutes value lower upper unavailableReason }
    f2: forecast(sensorId: $sensorId, minutes: $h2) { asOf horizonMinutes value lower upper unavailableReason }
    f3: forecast(sensorId: $sensorId, minutes: $h3) { asOf horizonMinutes value lower upper unavailableReason }
    f4: forecast(sensorId: $sensorId, minutes: $h4) { asOf horizonMinutes value lower upper unavailableReason }
    anomalies(since: $since, sensorIds: [$sensorId]) { alertId type severity message timestamp clearedAt }
  }
`);

export const WhatIf = graphql(`
  query WhatIf($scenario: ScenarioInput!) {
    simulate(scenario: $scenario) {
      locationId minutesToThreshold crossesThresholdAt method
      trajectory { timestamp value lower upper }
      model { unidentified { actuatorId heldState } }
    }
  }
`);

export const AcknowledgeAlert = graphql(`
  mutation AcknowledgeAlert($alertId: ID!) {
    acknowledgeAlert(alertId: $alertId) { alertId status acknowledgedAt }
  }
`);

export const SwitchActuator = graphql(`
  mutation SwitchActuator($input: CommandInput!) {
    sendCommand(input: $input) { commandId targetId status error attempts }
  }
`);

export const LiveReadings = graphql(`
  subscription LiveReadings($sensorIds: [ID!]) {
    readingAdded(sensorIds: $sensorIds) { sensorId value timestamp }
  }
`);

export const LiveDevices = graphql(`
  subscription LiveDevices {
    deviceStatus { deviceId online lastSeen lostReadings }
  }
`);

export const LiveAlerts = graphql(`
  subscription LiveAlerts($sensorIds: [ID!]) {
    alertRaised(sensorIds: $sensorIds) { alertId sensorId }
  }
`);

export const LiveCommands = graphql(`
  subscription LiveCommands {
    commandUpdated { commandId targetId status error attempts idempotencyKey payload }
  }
`);
