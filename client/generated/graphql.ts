/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActuatorDeviceConnectionWhere = {
  AND?: Array<ActuatorDeviceConnectionWhere> | null | undefined;
  NOT?: ActuatorDeviceConnectionWhere | null | undefined;
  OR?: Array<ActuatorDeviceConnectionWhere> | null | undefined;
  node?: DeviceWhere | null | undefined;
};

/** What an actuator does to its location. */
export type ActuatorKind =
  | 'COOLER'
  | 'DEHUMIDIFIER'
  | 'FAN'
  | 'HEATER'
  | 'HUMIDIFIER'
  | 'OTHER'
  | 'RELAY';

/** ActuatorKind filters */
export type ActuatorKindEnumScalarFilters = {
  eq?: ActuatorKind | null | undefined;
  in?: Array<ActuatorKind> | null | undefined;
};

export type ActuatorLocationConnectionWhere = {
  AND?: Array<ActuatorLocationConnectionWhere> | null | undefined;
  NOT?: ActuatorLocationConnectionWhere | null | undefined;
  OR?: Array<ActuatorLocationConnectionWhere> | null | undefined;
  node?: LocationWhere | null | undefined;
};

export type ActuatorRelationshipFilters = {
  /** Filter type where all of the related Actuators match this filter */
  all?: ActuatorWhere | null | undefined;
  /** Filter type where none of the related Actuators match this filter */
  none?: ActuatorWhere | null | undefined;
  /** Filter type where one of the related Actuators match this filter */
  single?: ActuatorWhere | null | undefined;
  /** Filter type where some of the related Actuators match this filter */
  some?: ActuatorWhere | null | undefined;
};

/** Switch an actuator to a state at a minute of the scenario. */
export type ActuatorSetting = {
  actuatorId: string;
  atMinute?: number | null | undefined;
  state: string;
};

export type ActuatorWhere = {
  AND?: Array<ActuatorWhere> | null | undefined;
  NOT?: ActuatorWhere | null | undefined;
  OR?: Array<ActuatorWhere> | null | undefined;
  actuatorId?: IdScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter actuatorId: { contains: ... } */
  actuatorId_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter actuatorId: { endsWith: ... } */
  actuatorId_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter actuatorId: { eq: ... } */
  actuatorId_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter actuatorId: { in: ... } */
  actuatorId_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter actuatorId: { startsWith: ... } */
  actuatorId_STARTS_WITH?: string | null | undefined;
  desiredAt?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter desiredAt: { eq: ... } */
  desiredAt_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter desiredAt: { gt: ... } */
  desiredAt_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter desiredAt: { gte: ... } */
  desiredAt_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter desiredAt: { in: ... } */
  desiredAt_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter desiredAt: { lt: ... } */
  desiredAt_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter desiredAt: { lte: ... } */
  desiredAt_LTE?: string | null | undefined;
  desiredState?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter desiredState: { contains: ... } */
  desiredState_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter desiredState: { endsWith: ... } */
  desiredState_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter desiredState: { eq: ... } */
  desiredState_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter desiredState: { in: ... } */
  desiredState_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter desiredState: { startsWith: ... } */
  desiredState_STARTS_WITH?: string | null | undefined;
  device?: DeviceWhere | null | undefined;
  deviceConnection?: ActuatorDeviceConnectionWhere | null | undefined;
  kind?: ActuatorKindEnumScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter kind: { eq: ... } */
  kind_EQ?: ActuatorKind | null | undefined;
  /** @deprecated Please use the relevant generic filter kind: { in: ... } */
  kind_IN?: Array<ActuatorKind> | null | undefined;
  location?: LocationWhere | null | undefined;
  locationConnection?: ActuatorLocationConnectionWhere | null | undefined;
  overrideUntil?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter overrideUntil: { eq: ... } */
  overrideUntil_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter overrideUntil: { gt: ... } */
  overrideUntil_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter overrideUntil: { gte: ... } */
  overrideUntil_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter overrideUntil: { in: ... } */
  overrideUntil_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter overrideUntil: { lt: ... } */
  overrideUntil_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter overrideUntil: { lte: ... } */
  overrideUntil_LTE?: string | null | undefined;
  reportedAt?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter reportedAt: { eq: ... } */
  reportedAt_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter reportedAt: { gt: ... } */
  reportedAt_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter reportedAt: { gte: ... } */
  reportedAt_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter reportedAt: { in: ... } */
  reportedAt_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter reportedAt: { lt: ... } */
  reportedAt_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter reportedAt: { lte: ... } */
  reportedAt_LTE?: string | null | undefined;
  reportedState?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter reportedState: { contains: ... } */
  reportedState_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter reportedState: { endsWith: ... } */
  reportedState_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter reportedState: { eq: ... } */
  reportedState_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter reportedState: { in: ... } */
  reportedState_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter reportedState: { startsWith: ... } */
  reportedState_STARTS_WITH?: string | null | undefined;
  updatedAt?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter updatedAt: { eq: ... } */
  updatedAt_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter updatedAt: { gt: ... } */
  updatedAt_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter updatedAt: { gte: ... } */
  updatedAt_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter updatedAt: { in: ... } */
  updatedAt_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter updatedAt: { lt: ... } */
  updatedAt_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter updatedAt: { lte: ... } */
  updatedAt_LTE?: string | null | undefined;
};

export type AlertRelationshipFilters = {
  /** Filter type where all of the related Alerts match this filter */
  all?: AlertWhere | null | undefined;
  /** Filter type where none of the related Alerts match this filter */
  none?: AlertWhere | null | undefined;
  /** Filter type where one of the related Alerts match this filter */
  single?: AlertWhere | null | undefined;
  /** Filter type where some of the related Alerts match this filter */
  some?: AlertWhere | null | undefined;
};

export type AlertSensorConnectionWhere = {
  AND?: Array<AlertSensorConnectionWhere> | null | undefined;
  NOT?: AlertSensorConnectionWhere | null | undefined;
  OR?: Array<AlertSensorConnectionWhere> | null | undefined;
  node?: SensorWhere | null | undefined;
};

export type AlertStatus =
  | 'ACKNOWLEDGED'
  | 'ACTIVE'
  | 'CLEARED';

/** AlertStatus filters */
export type AlertStatusEnumScalarFilters = {
  eq?: AlertStatus | null | undefined;
  in?: Array<AlertStatus> | null | undefined;
};

export type AlertWhere = {
  AND?: Array<AlertWhere> | null | undefined;
  NOT?: AlertWhere | null | undefined;
  OR?: Array<AlertWhere> | null | undefined;
  acknowledgedAt?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter acknowledgedAt: { eq: ... } */
  acknowledgedAt_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter acknowledgedAt: { gt: ... } */
  acknowledgedAt_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter acknowledgedAt: { gte: ... } */
  acknowledgedAt_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter acknowledgedAt: { in: ... } */
  acknowledgedAt_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter acknowledgedAt: { lt: ... } */
  acknowledgedAt_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter acknowledgedAt: { lte: ... } */
  acknowledgedAt_LTE?: string | null | undefined;
  alertId?: IdScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter alertId: { contains: ... } */
  alertId_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter alertId: { endsWith: ... } */
  alertId_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter alertId: { eq: ... } */
  alertId_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter alertId: { in: ... } */
  alertId_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter alertId: { startsWith: ... } */
  alertId_STARTS_WITH?: string | null | undefined;
  clearedAt?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter clearedAt: { eq: ... } */
  clearedAt_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter clearedAt: { gt: ... } */
  clearedAt_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter clearedAt: { gte: ... } */
  clearedAt_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter clearedAt: { in: ... } */
  clearedAt_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter clearedAt: { lt: ... } */
  clearedAt_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter clearedAt: { lte: ... } */
  clearedAt_LTE?: string | null | undefined;
  message?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter message: { contains: ... } */
  message_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter message: { endsWith: ... } */
  message_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter message: { eq: ... } */
  message_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter message: { in: ... } */
  message_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter message: { startsWith: ... } */
  message_STARTS_WITH?: string | null | undefined;
  raisedAt?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter raisedAt: { eq: ... } */
  raisedAt_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter raisedAt: { gt: ... } */
  raisedAt_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter raisedAt: { gte: ... } */
  raisedAt_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter raisedAt: { in: ... } */
  raisedAt_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter raisedAt: { lt: ... } */
  raisedAt_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter raisedAt: { lte: ... } */
  raisedAt_LTE?: string | null | undefined;
  sensor?: SensorWhere | null | undefined;
  sensorConnection?: AlertSensorConnectionWhere | null | undefined;
  sensorId?: IdScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { contains: ... } */
  sensorId_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { endsWith: ... } */
  sensorId_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { eq: ... } */
  sensorId_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { in: ... } */
  sensorId_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { startsWith: ... } */
  sensorId_STARTS_WITH?: string | null | undefined;
  severity?: SeverityEnumScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter severity: { eq: ... } */
  severity_EQ?: Severity | null | undefined;
  /** @deprecated Please use the relevant generic filter severity: { in: ... } */
  severity_IN?: Array<Severity> | null | undefined;
  status?: AlertStatusEnumScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter status: { eq: ... } */
  status_EQ?: AlertStatus | null | undefined;
  /** @deprecated Please use the relevant generic filter status: { in: ... } */
  status_IN?: Array<AlertStatus> | null | undefined;
  type?: AnomalyTypeEnumScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter type: { eq: ... } */
  type_EQ?: AnomalyType | null | undefined;
  /** @deprecated Please use the relevant generic filter type: { in: ... } */
  type_IN?: Array<AnomalyType> | null | undefined;
  value?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { eq: ... } */
  value_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { gt: ... } */
  value_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { gte: ... } */
  value_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { in: ... } */
  value_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { lt: ... } */
  value_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { lte: ... } */
  value_LTE?: number | null | undefined;
};

/** Which path answered an analytics field: the in-memory rolling state, or a range scan of Neo4j. */
export type AnalyticsSource =
  | 'HISTORY'
  | 'LIVE';

export type AnomalyType =
  /** A recalibrated sensor did not agree with its reference within the hour after (raised by the calibration check, not the detector). */
  | 'CALIBRATION_MISMATCH'
  /** The noise changed: the readings vary much more than usual, or have gone unusually calm. */
  | 'DISTRIBUTION_CHANGE'
  | 'GAP'
  /** The level moved and stayed: recent readings beyond the sensor's own range, or shifted from the readings before. */
  | 'LEVEL_SHIFT'
  | 'OUT_OF_RANGE'
  /** The level moved faster than the sensor's kind allows, or one reading stepped from the previous one far more than ever before. */
  | 'RAPID_CHANGE'
  /** Unlike this time of day on the previous days, or this time of the week on the previous weeks. */
  | 'SEASONAL_BREAK'
  /** A reading far from its neighbours (and usually beyond its range). */
  | 'SPIKE'
  | 'STUCK';

/** AnomalyType filters */
export type AnomalyTypeEnumScalarFilters = {
  eq?: AnomalyType | null | undefined;
  in?: Array<AnomalyType> | null | undefined;
};

export type CalibrationRelationshipFilters = {
  /** Filter type where all of the related Calibrations match this filter */
  all?: CalibrationWhere | null | undefined;
  /** Filter type where none of the related Calibrations match this filter */
  none?: CalibrationWhere | null | undefined;
  /** Filter type where one of the related Calibrations match this filter */
  single?: CalibrationWhere | null | undefined;
  /** Filter type where some of the related Calibrations match this filter */
  some?: CalibrationWhere | null | undefined;
};

export type CalibrationSensorConnectionWhere = {
  AND?: Array<CalibrationSensorConnectionWhere> | null | undefined;
  NOT?: CalibrationSensorConnectionWhere | null | undefined;
  OR?: Array<CalibrationSensorConnectionWhere> | null | undefined;
  node?: SensorWhere | null | undefined;
};

export type CalibrationWhere = {
  AND?: Array<CalibrationWhere> | null | undefined;
  NOT?: CalibrationWhere | null | undefined;
  OR?: Array<CalibrationWhere> | null | undefined;
  appliedAt?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter appliedAt: { eq: ... } */
  appliedAt_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter appliedAt: { gt: ... } */
  appliedAt_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter appliedAt: { gte: ... } */
  appliedAt_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter appliedAt: { in: ... } */
  appliedAt_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter appliedAt: { lt: ... } */
  appliedAt_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter appliedAt: { lte: ... } */
  appliedAt_LTE?: string | null | undefined;
  calibrationId?: IdScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter calibrationId: { contains: ... } */
  calibrationId_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter calibrationId: { endsWith: ... } */
  calibrationId_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter calibrationId: { eq: ... } */
  calibrationId_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter calibrationId: { in: ... } */
  calibrationId_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter calibrationId: { startsWith: ... } */
  calibrationId_STARTS_WITH?: string | null | undefined;
  commandId?: IdScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter commandId: { contains: ... } */
  commandId_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter commandId: { endsWith: ... } */
  commandId_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter commandId: { eq: ... } */
  commandId_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter commandId: { in: ... } */
  commandId_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter commandId: { startsWith: ... } */
  commandId_STARTS_WITH?: string | null | undefined;
  createdAt?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter createdAt: { eq: ... } */
  createdAt_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter createdAt: { gt: ... } */
  createdAt_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter createdAt: { gte: ... } */
  createdAt_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter createdAt: { in: ... } */
  createdAt_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter createdAt: { lt: ... } */
  createdAt_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter createdAt: { lte: ... } */
  createdAt_LTE?: string | null | undefined;
  issuedBy?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter issuedBy: { contains: ... } */
  issuedBy_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter issuedBy: { endsWith: ... } */
  issuedBy_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter issuedBy: { eq: ... } */
  issuedBy_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter issuedBy: { in: ... } */
  issuedBy_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter issuedBy: { startsWith: ... } */
  issuedBy_STARTS_WITH?: string | null | undefined;
  offset?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter offset: { eq: ... } */
  offset_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter offset: { gt: ... } */
  offset_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter offset: { gte: ... } */
  offset_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter offset: { in: ... } */
  offset_IN?: Array<number> | null | undefined;
  /** @deprecated Please use the relevant generic filter offset: { lt: ... } */
  offset_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter offset: { lte: ... } */
  offset_LTE?: number | null | undefined;
  sensor?: SensorWhere | null | undefined;
  sensorConnection?: CalibrationSensorConnectionWhere | null | undefined;
  sensorId?: IdScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { contains: ... } */
  sensorId_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { endsWith: ... } */
  sensorId_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { eq: ... } */
  sensorId_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { in: ... } */
  sensorId_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { startsWith: ... } */
  sensorId_STARTS_WITH?: string | null | undefined;
  validUntil?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter validUntil: { eq: ... } */
  validUntil_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter validUntil: { gt: ... } */
  validUntil_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter validUntil: { gte: ... } */
  validUntil_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter validUntil: { in: ... } */
  validUntil_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter validUntil: { lt: ... } */
  validUntil_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter validUntil: { lte: ... } */
  validUntil_LTE?: string | null | undefined;
};

export type CommandInput = {
  actuatorId: string;
  /** The same key returns the same command and never switches twice. */
  idempotencyKey?: string | null | undefined;
  reason?: string | null | undefined;
  /** ON or OFF. */
  state: string;
  /** How long to keep trying (100–60,000 ms, default 5,000). */
  timeoutMs?: number | null | undefined;
};

export type CommandStatus =
  | 'ACKED'
  | 'CANCELLED'
  | 'FAILED'
  | 'PENDING'
  | 'SENT'
  | 'TIMED_OUT';

export type ConnectionAggregationCountFilterInput = {
  edges?: IntScalarFilters | null | undefined;
  nodes?: IntScalarFilters | null | undefined;
};

/** Filters for an aggregation of an DateTime input field */
export type DateTimeScalarAggregationFilters = {
  max?: DateTimeScalarFilters | null | undefined;
  min?: DateTimeScalarFilters | null | undefined;
};

/** DateTime filters */
export type DateTimeScalarFilters = {
  eq?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
};

export type DeviceActuatorsAggregateInput = {
  AND?: Array<DeviceActuatorsAggregateInput> | null | undefined;
  NOT?: DeviceActuatorsAggregateInput | null | undefined;
  OR?: Array<DeviceActuatorsAggregateInput> | null | undefined;
  count?: IntScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { eq: ... } } }' instead. */
  count_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gt: ... } } }' instead. */
  count_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gte: ... } } }' instead. */
  count_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lt: ... } } }' instead. */
  count_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lte: ... } } }' instead. */
  count_LTE?: number | null | undefined;
  node?: DeviceActuatorsNodeAggregationWhereInput | null | undefined;
};

export type DeviceActuatorsConnectionAggregateInput = {
  AND?: Array<DeviceActuatorsConnectionAggregateInput> | null | undefined;
  NOT?: DeviceActuatorsConnectionAggregateInput | null | undefined;
  OR?: Array<DeviceActuatorsConnectionAggregateInput> | null | undefined;
  count?: ConnectionAggregationCountFilterInput | null | undefined;
  node?: DeviceActuatorsNodeAggregationWhereInput | null | undefined;
};

export type DeviceActuatorsConnectionFilters = {
  /** Filter Devices by aggregating results on related DeviceActuatorsConnections */
  aggregate?: DeviceActuatorsConnectionAggregateInput | null | undefined;
  /** Return Devices where all of the related DeviceActuatorsConnections match this filter */
  all?: DeviceActuatorsConnectionWhere | null | undefined;
  /** Return Devices where none of the related DeviceActuatorsConnections match this filter */
  none?: DeviceActuatorsConnectionWhere | null | undefined;
  /** Return Devices where one of the related DeviceActuatorsConnections match this filter */
  single?: DeviceActuatorsConnectionWhere | null | undefined;
  /** Return Devices where some of the related DeviceActuatorsConnections match this filter */
  some?: DeviceActuatorsConnectionWhere | null | undefined;
};

export type DeviceActuatorsConnectionWhere = {
  AND?: Array<DeviceActuatorsConnectionWhere> | null | undefined;
  NOT?: DeviceActuatorsConnectionWhere | null | undefined;
  OR?: Array<DeviceActuatorsConnectionWhere> | null | undefined;
  node?: ActuatorWhere | null | undefined;
};

export type DeviceActuatorsNodeAggregationWhereInput = {
  AND?: Array<DeviceActuatorsNodeAggregationWhereInput> | null | undefined;
  NOT?: DeviceActuatorsNodeAggregationWhereInput | null | undefined;
  OR?: Array<DeviceActuatorsNodeAggregationWhereInput> | null | undefined;
  desiredAt?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { max: { eq: ... } } }' instead. */
  desiredAt_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { max: { gt: ... } } }' instead. */
  desiredAt_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { max: { gte: ... } } }' instead. */
  desiredAt_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { max: { lt: ... } } }' instead. */
  desiredAt_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { max: { lte: ... } } }' instead. */
  desiredAt_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { min: { eq: ... } } }' instead. */
  desiredAt_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { min: { gt: ... } } }' instead. */
  desiredAt_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { min: { gte: ... } } }' instead. */
  desiredAt_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { min: { lt: ... } } }' instead. */
  desiredAt_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { min: { lte: ... } } }' instead. */
  desiredAt_MIN_LTE?: string | null | undefined;
  desiredState?: StringScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { averageLength: { eq: ... } } }' instead. */
  desiredState_AVERAGE_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { averageLength: { gt: ... } } }' instead. */
  desiredState_AVERAGE_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { averageLength: { gte: ... } } }' instead. */
  desiredState_AVERAGE_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { averageLength: { lt: ... } } }' instead. */
  desiredState_AVERAGE_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { averageLength: { lte: ... } } }' instead. */
  desiredState_AVERAGE_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { longestLength: { eq: ... } } }' instead. */
  desiredState_LONGEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { longestLength: { gt: ... } } }' instead. */
  desiredState_LONGEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { longestLength: { gte: ... } } }' instead. */
  desiredState_LONGEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { longestLength: { lt: ... } } }' instead. */
  desiredState_LONGEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { longestLength: { lte: ... } } }' instead. */
  desiredState_LONGEST_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { shortestLength: { eq: ... } } }' instead. */
  desiredState_SHORTEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { shortestLength: { gt: ... } } }' instead. */
  desiredState_SHORTEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { shortestLength: { gte: ... } } }' instead. */
  desiredState_SHORTEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { shortestLength: { lt: ... } } }' instead. */
  desiredState_SHORTEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { shortestLength: { lte: ... } } }' instead. */
  desiredState_SHORTEST_LENGTH_LTE?: number | null | undefined;
  overrideUntil?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { max: { eq: ... } } }' instead. */
  overrideUntil_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { max: { gt: ... } } }' instead. */
  overrideUntil_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { max: { gte: ... } } }' instead. */
  overrideUntil_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { max: { lt: ... } } }' instead. */
  overrideUntil_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { max: { lte: ... } } }' instead. */
  overrideUntil_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { min: { eq: ... } } }' instead. */
  overrideUntil_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { min: { gt: ... } } }' instead. */
  overrideUntil_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { min: { gte: ... } } }' instead. */
  overrideUntil_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { min: { lt: ... } } }' instead. */
  overrideUntil_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { min: { lte: ... } } }' instead. */
  overrideUntil_MIN_LTE?: string | null | undefined;
  reportedAt?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { max: { eq: ... } } }' instead. */
  reportedAt_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { max: { gt: ... } } }' instead. */
  reportedAt_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { max: { gte: ... } } }' instead. */
  reportedAt_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { max: { lt: ... } } }' instead. */
  reportedAt_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { max: { lte: ... } } }' instead. */
  reportedAt_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { min: { eq: ... } } }' instead. */
  reportedAt_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { min: { gt: ... } } }' instead. */
  reportedAt_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { min: { gte: ... } } }' instead. */
  reportedAt_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { min: { lt: ... } } }' instead. */
  reportedAt_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { min: { lte: ... } } }' instead. */
  reportedAt_MIN_LTE?: string | null | undefined;
  reportedState?: StringScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { averageLength: { eq: ... } } }' instead. */
  reportedState_AVERAGE_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { averageLength: { gt: ... } } }' instead. */
  reportedState_AVERAGE_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { averageLength: { gte: ... } } }' instead. */
  reportedState_AVERAGE_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { averageLength: { lt: ... } } }' instead. */
  reportedState_AVERAGE_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { averageLength: { lte: ... } } }' instead. */
  reportedState_AVERAGE_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { longestLength: { eq: ... } } }' instead. */
  reportedState_LONGEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { longestLength: { gt: ... } } }' instead. */
  reportedState_LONGEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { longestLength: { gte: ... } } }' instead. */
  reportedState_LONGEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { longestLength: { lt: ... } } }' instead. */
  reportedState_LONGEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { longestLength: { lte: ... } } }' instead. */
  reportedState_LONGEST_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { shortestLength: { eq: ... } } }' instead. */
  reportedState_SHORTEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { shortestLength: { gt: ... } } }' instead. */
  reportedState_SHORTEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { shortestLength: { gte: ... } } }' instead. */
  reportedState_SHORTEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { shortestLength: { lt: ... } } }' instead. */
  reportedState_SHORTEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { shortestLength: { lte: ... } } }' instead. */
  reportedState_SHORTEST_LENGTH_LTE?: number | null | undefined;
  updatedAt?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { max: { eq: ... } } }' instead. */
  updatedAt_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { max: { gt: ... } } }' instead. */
  updatedAt_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { max: { gte: ... } } }' instead. */
  updatedAt_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { max: { lt: ... } } }' instead. */
  updatedAt_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { max: { lte: ... } } }' instead. */
  updatedAt_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { min: { eq: ... } } }' instead. */
  updatedAt_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { min: { gt: ... } } }' instead. */
  updatedAt_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { min: { gte: ... } } }' instead. */
  updatedAt_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { min: { lt: ... } } }' instead. */
  updatedAt_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { min: { lte: ... } } }' instead. */
  updatedAt_MIN_LTE?: string | null | undefined;
};

export type DeviceSensorsAggregateInput = {
  AND?: Array<DeviceSensorsAggregateInput> | null | undefined;
  NOT?: DeviceSensorsAggregateInput | null | undefined;
  OR?: Array<DeviceSensorsAggregateInput> | null | undefined;
  count?: IntScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { eq: ... } } }' instead. */
  count_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gt: ... } } }' instead. */
  count_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gte: ... } } }' instead. */
  count_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lt: ... } } }' instead. */
  count_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lte: ... } } }' instead. */
  count_LTE?: number | null | undefined;
  node?: DeviceSensorsNodeAggregationWhereInput | null | undefined;
};

export type DeviceSensorsConnectionAggregateInput = {
  AND?: Array<DeviceSensorsConnectionAggregateInput> | null | undefined;
  NOT?: DeviceSensorsConnectionAggregateInput | null | undefined;
  OR?: Array<DeviceSensorsConnectionAggregateInput> | null | undefined;
  count?: ConnectionAggregationCountFilterInput | null | undefined;
  node?: DeviceSensorsNodeAggregationWhereInput | null | undefined;
};

export type DeviceSensorsConnectionFilters = {
  /** Filter Devices by aggregating results on related DeviceSensorsConnections */
  aggregate?: DeviceSensorsConnectionAggregateInput | null | undefined;
  /** Return Devices where all of the related DeviceSensorsConnections match this filter */
  all?: DeviceSensorsConnectionWhere | null | undefined;
  /** Return Devices where none of the related DeviceSensorsConnections match this filter */
  none?: DeviceSensorsConnectionWhere | null | undefined;
  /** Return Devices where one of the related DeviceSensorsConnections match this filter */
  single?: DeviceSensorsConnectionWhere | null | undefined;
  /** Return Devices where some of the related DeviceSensorsConnections match this filter */
  some?: DeviceSensorsConnectionWhere | null | undefined;
};

export type DeviceSensorsConnectionWhere = {
  AND?: Array<DeviceSensorsConnectionWhere> | null | undefined;
  NOT?: DeviceSensorsConnectionWhere | null | undefined;
  OR?: Array<DeviceSensorsConnectionWhere> | null | undefined;
  node?: SensorWhere | null | undefined;
};

export type DeviceSensorsNodeAggregationWhereInput = {
  AND?: Array<DeviceSensorsNodeAggregationWhereInput> | null | undefined;
  NOT?: DeviceSensorsNodeAggregationWhereInput | null | undefined;
  OR?: Array<DeviceSensorsNodeAggregationWhereInput> | null | undefined;
  currentValue?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { average: { eq: ... } } }' instead. */
  currentValue_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { average: { gt: ... } } }' instead. */
  currentValue_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { average: { gte: ... } } }' instead. */
  currentValue_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { average: { lt: ... } } }' instead. */
  currentValue_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { average: { lte: ... } } }' instead. */
  currentValue_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { max: { eq: ... } } }' instead. */
  currentValue_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { max: { gt: ... } } }' instead. */
  currentValue_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { max: { gte: ... } } }' instead. */
  currentValue_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { max: { lt: ... } } }' instead. */
  currentValue_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { max: { lte: ... } } }' instead. */
  currentValue_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { min: { eq: ... } } }' instead. */
  currentValue_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { min: { gt: ... } } }' instead. */
  currentValue_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { min: { gte: ... } } }' instead. */
  currentValue_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { min: { lt: ... } } }' instead. */
  currentValue_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { min: { lte: ... } } }' instead. */
  currentValue_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { sum: { eq: ... } } }' instead. */
  currentValue_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { sum: { gt: ... } } }' instead. */
  currentValue_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { sum: { gte: ... } } }' instead. */
  currentValue_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { sum: { lt: ... } } }' instead. */
  currentValue_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { sum: { lte: ... } } }' instead. */
  currentValue_SUM_LTE?: number | null | undefined;
  degradedAbove?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { average: { eq: ... } } }' instead. */
  degradedAbove_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { average: { gt: ... } } }' instead. */
  degradedAbove_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { average: { gte: ... } } }' instead. */
  degradedAbove_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { average: { lt: ... } } }' instead. */
  degradedAbove_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { average: { lte: ... } } }' instead. */
  degradedAbove_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { max: { eq: ... } } }' instead. */
  degradedAbove_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { max: { gt: ... } } }' instead. */
  degradedAbove_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { max: { gte: ... } } }' instead. */
  degradedAbove_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { max: { lt: ... } } }' instead. */
  degradedAbove_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { max: { lte: ... } } }' instead. */
  degradedAbove_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { min: { eq: ... } } }' instead. */
  degradedAbove_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { min: { gt: ... } } }' instead. */
  degradedAbove_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { min: { gte: ... } } }' instead. */
  degradedAbove_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { min: { lt: ... } } }' instead. */
  degradedAbove_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { min: { lte: ... } } }' instead. */
  degradedAbove_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { sum: { eq: ... } } }' instead. */
  degradedAbove_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { sum: { gt: ... } } }' instead. */
  degradedAbove_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { sum: { gte: ... } } }' instead. */
  degradedAbove_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { sum: { lt: ... } } }' instead. */
  degradedAbove_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { sum: { lte: ... } } }' instead. */
  degradedAbove_SUM_LTE?: number | null | undefined;
  healthyAbove?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { average: { eq: ... } } }' instead. */
  healthyAbove_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { average: { gt: ... } } }' instead. */
  healthyAbove_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { average: { gte: ... } } }' instead. */
  healthyAbove_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { average: { lt: ... } } }' instead. */
  healthyAbove_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { average: { lte: ... } } }' instead. */
  healthyAbove_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { max: { eq: ... } } }' instead. */
  healthyAbove_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { max: { gt: ... } } }' instead. */
  healthyAbove_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { max: { gte: ... } } }' instead. */
  healthyAbove_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { max: { lt: ... } } }' instead. */
  healthyAbove_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { max: { lte: ... } } }' instead. */
  healthyAbove_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { min: { eq: ... } } }' instead. */
  healthyAbove_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { min: { gt: ... } } }' instead. */
  healthyAbove_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { min: { gte: ... } } }' instead. */
  healthyAbove_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { min: { lt: ... } } }' instead. */
  healthyAbove_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { min: { lte: ... } } }' instead. */
  healthyAbove_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { sum: { eq: ... } } }' instead. */
  healthyAbove_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { sum: { gt: ... } } }' instead. */
  healthyAbove_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { sum: { gte: ... } } }' instead. */
  healthyAbove_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { sum: { lt: ... } } }' instead. */
  healthyAbove_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { sum: { lte: ... } } }' instead. */
  healthyAbove_SUM_LTE?: number | null | undefined;
  lastUpdated?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { max: { eq: ... } } }' instead. */
  lastUpdated_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { max: { gt: ... } } }' instead. */
  lastUpdated_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { max: { gte: ... } } }' instead. */
  lastUpdated_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { max: { lt: ... } } }' instead. */
  lastUpdated_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { max: { lte: ... } } }' instead. */
  lastUpdated_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { min: { eq: ... } } }' instead. */
  lastUpdated_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { min: { gt: ... } } }' instead. */
  lastUpdated_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { min: { gte: ... } } }' instead. */
  lastUpdated_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { min: { lt: ... } } }' instead. */
  lastUpdated_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { min: { lte: ... } } }' instead. */
  lastUpdated_MIN_LTE?: string | null | undefined;
  maxDriftPerMinute?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { average: { eq: ... } } }' instead. */
  maxDriftPerMinute_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { average: { gt: ... } } }' instead. */
  maxDriftPerMinute_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { average: { gte: ... } } }' instead. */
  maxDriftPerMinute_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { average: { lt: ... } } }' instead. */
  maxDriftPerMinute_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { average: { lte: ... } } }' instead. */
  maxDriftPerMinute_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { max: { eq: ... } } }' instead. */
  maxDriftPerMinute_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { max: { gt: ... } } }' instead. */
  maxDriftPerMinute_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { max: { gte: ... } } }' instead. */
  maxDriftPerMinute_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { max: { lt: ... } } }' instead. */
  maxDriftPerMinute_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { max: { lte: ... } } }' instead. */
  maxDriftPerMinute_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { min: { eq: ... } } }' instead. */
  maxDriftPerMinute_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { min: { gt: ... } } }' instead. */
  maxDriftPerMinute_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { min: { gte: ... } } }' instead. */
  maxDriftPerMinute_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { min: { lt: ... } } }' instead. */
  maxDriftPerMinute_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { min: { lte: ... } } }' instead. */
  maxDriftPerMinute_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { sum: { eq: ... } } }' instead. */
  maxDriftPerMinute_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { sum: { gt: ... } } }' instead. */
  maxDriftPerMinute_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { sum: { gte: ... } } }' instead. */
  maxDriftPerMinute_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { sum: { lt: ... } } }' instead. */
  maxDriftPerMinute_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { sum: { lte: ... } } }' instead. */
  maxDriftPerMinute_SUM_LTE?: number | null | undefined;
  minStabilityPercent?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { average: { eq: ... } } }' instead. */
  minStabilityPercent_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { average: { gt: ... } } }' instead. */
  minStabilityPercent_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { average: { gte: ... } } }' instead. */
  minStabilityPercent_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { average: { lt: ... } } }' instead. */
  minStabilityPercent_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { average: { lte: ... } } }' instead. */
  minStabilityPercent_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { max: { eq: ... } } }' instead. */
  minStabilityPercent_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { max: { gt: ... } } }' instead. */
  minStabilityPercent_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { max: { gte: ... } } }' instead. */
  minStabilityPercent_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { max: { lt: ... } } }' instead. */
  minStabilityPercent_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { max: { lte: ... } } }' instead. */
  minStabilityPercent_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { min: { eq: ... } } }' instead. */
  minStabilityPercent_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { min: { gt: ... } } }' instead. */
  minStabilityPercent_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { min: { gte: ... } } }' instead. */
  minStabilityPercent_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { min: { lt: ... } } }' instead. */
  minStabilityPercent_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { min: { lte: ... } } }' instead. */
  minStabilityPercent_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { sum: { eq: ... } } }' instead. */
  minStabilityPercent_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { sum: { gt: ... } } }' instead. */
  minStabilityPercent_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { sum: { gte: ... } } }' instead. */
  minStabilityPercent_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { sum: { lt: ... } } }' instead. */
  minStabilityPercent_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { sum: { lte: ... } } }' instead. */
  minStabilityPercent_SUM_LTE?: number | null | undefined;
  name?: StringScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { averageLength: { eq: ... } } }' instead. */
  name_AVERAGE_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { averageLength: { gt: ... } } }' instead. */
  name_AVERAGE_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { averageLength: { gte: ... } } }' instead. */
  name_AVERAGE_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { averageLength: { lt: ... } } }' instead. */
  name_AVERAGE_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { averageLength: { lte: ... } } }' instead. */
  name_AVERAGE_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { longestLength: { eq: ... } } }' instead. */
  name_LONGEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { longestLength: { gt: ... } } }' instead. */
  name_LONGEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { longestLength: { gte: ... } } }' instead. */
  name_LONGEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { longestLength: { lt: ... } } }' instead. */
  name_LONGEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { longestLength: { lte: ... } } }' instead. */
  name_LONGEST_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { shortestLength: { eq: ... } } }' instead. */
  name_SHORTEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { shortestLength: { gt: ... } } }' instead. */
  name_SHORTEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { shortestLength: { gte: ... } } }' instead. */
  name_SHORTEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { shortestLength: { lt: ... } } }' instead. */
  name_SHORTEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { shortestLength: { lte: ... } } }' instead. */
  name_SHORTEST_LENGTH_LTE?: number | null | undefined;
  retentionDays?: IntScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { average: { eq: ... } } }' instead. */
  retentionDays_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { average: { gt: ... } } }' instead. */
  retentionDays_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { average: { gte: ... } } }' instead. */
  retentionDays_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { average: { lt: ... } } }' instead. */
  retentionDays_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { average: { lte: ... } } }' instead. */
  retentionDays_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { max: { eq: ... } } }' instead. */
  retentionDays_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { max: { gt: ... } } }' instead. */
  retentionDays_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { max: { gte: ... } } }' instead. */
  retentionDays_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { max: { lt: ... } } }' instead. */
  retentionDays_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { max: { lte: ... } } }' instead. */
  retentionDays_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { min: { eq: ... } } }' instead. */
  retentionDays_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { min: { gt: ... } } }' instead. */
  retentionDays_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { min: { gte: ... } } }' instead. */
  retentionDays_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { min: { lt: ... } } }' instead. */
  retentionDays_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { min: { lte: ... } } }' instead. */
  retentionDays_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { sum: { eq: ... } } }' instead. */
  retentionDays_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { sum: { gt: ... } } }' instead. */
  retentionDays_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { sum: { gte: ... } } }' instead. */
  retentionDays_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { sum: { lt: ... } } }' instead. */
  retentionDays_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { sum: { lte: ... } } }' instead. */
  retentionDays_SUM_LTE?: number | null | undefined;
  sigmaMax?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { average: { eq: ... } } }' instead. */
  sigmaMax_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { average: { gt: ... } } }' instead. */
  sigmaMax_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { average: { gte: ... } } }' instead. */
  sigmaMax_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { average: { lt: ... } } }' instead. */
  sigmaMax_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { average: { lte: ... } } }' instead. */
  sigmaMax_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { max: { eq: ... } } }' instead. */
  sigmaMax_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { max: { gt: ... } } }' instead. */
  sigmaMax_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { max: { gte: ... } } }' instead. */
  sigmaMax_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { max: { lt: ... } } }' instead. */
  sigmaMax_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { max: { lte: ... } } }' instead. */
  sigmaMax_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { min: { eq: ... } } }' instead. */
  sigmaMax_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { min: { gt: ... } } }' instead. */
  sigmaMax_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { min: { gte: ... } } }' instead. */
  sigmaMax_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { min: { lt: ... } } }' instead. */
  sigmaMax_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { min: { lte: ... } } }' instead. */
  sigmaMax_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { sum: { eq: ... } } }' instead. */
  sigmaMax_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { sum: { gt: ... } } }' instead. */
  sigmaMax_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { sum: { gte: ... } } }' instead. */
  sigmaMax_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { sum: { lt: ... } } }' instead. */
  sigmaMax_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { sum: { lte: ... } } }' instead. */
  sigmaMax_SUM_LTE?: number | null | undefined;
  staleAfterSeconds?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { average: { eq: ... } } }' instead. */
  staleAfterSeconds_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { average: { gt: ... } } }' instead. */
  staleAfterSeconds_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { average: { gte: ... } } }' instead. */
  staleAfterSeconds_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { average: { lt: ... } } }' instead. */
  staleAfterSeconds_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { average: { lte: ... } } }' instead. */
  staleAfterSeconds_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { max: { eq: ... } } }' instead. */
  staleAfterSeconds_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { max: { gt: ... } } }' instead. */
  staleAfterSeconds_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { max: { gte: ... } } }' instead. */
  staleAfterSeconds_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { max: { lt: ... } } }' instead. */
  staleAfterSeconds_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { max: { lte: ... } } }' instead. */
  staleAfterSeconds_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { min: { eq: ... } } }' instead. */
  staleAfterSeconds_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { min: { gt: ... } } }' instead. */
  staleAfterSeconds_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { min: { gte: ... } } }' instead. */
  staleAfterSeconds_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { min: { lt: ... } } }' instead. */
  staleAfterSeconds_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { min: { lte: ... } } }' instead. */
  staleAfterSeconds_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { sum: { eq: ... } } }' instead. */
  staleAfterSeconds_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { sum: { gt: ... } } }' instead. */
  staleAfterSeconds_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { sum: { gte: ... } } }' instead. */
  staleAfterSeconds_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { sum: { lt: ... } } }' instead. */
  staleAfterSeconds_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { sum: { lte: ... } } }' instead. */
  staleAfterSeconds_SUM_LTE?: number | null | undefined;
  targetMax?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { average: { eq: ... } } }' instead. */
  targetMax_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { average: { gt: ... } } }' instead. */
  targetMax_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { average: { gte: ... } } }' instead. */
  targetMax_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { average: { lt: ... } } }' instead. */
  targetMax_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { average: { lte: ... } } }' instead. */
  targetMax_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { max: { eq: ... } } }' instead. */
  targetMax_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { max: { gt: ... } } }' instead. */
  targetMax_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { max: { gte: ... } } }' instead. */
  targetMax_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { max: { lt: ... } } }' instead. */
  targetMax_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { max: { lte: ... } } }' instead. */
  targetMax_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { min: { eq: ... } } }' instead. */
  targetMax_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { min: { gt: ... } } }' instead. */
  targetMax_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { min: { gte: ... } } }' instead. */
  targetMax_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { min: { lt: ... } } }' instead. */
  targetMax_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { min: { lte: ... } } }' instead. */
  targetMax_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { sum: { eq: ... } } }' instead. */
  targetMax_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { sum: { gt: ... } } }' instead. */
  targetMax_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { sum: { gte: ... } } }' instead. */
  targetMax_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { sum: { lt: ... } } }' instead. */
  targetMax_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { sum: { lte: ... } } }' instead. */
  targetMax_SUM_LTE?: number | null | undefined;
  targetMin?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { average: { eq: ... } } }' instead. */
  targetMin_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { average: { gt: ... } } }' instead. */
  targetMin_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { average: { gte: ... } } }' instead. */
  targetMin_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { average: { lt: ... } } }' instead. */
  targetMin_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { average: { lte: ... } } }' instead. */
  targetMin_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { max: { eq: ... } } }' instead. */
  targetMin_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { max: { gt: ... } } }' instead. */
  targetMin_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { max: { gte: ... } } }' instead. */
  targetMin_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { max: { lt: ... } } }' instead. */
  targetMin_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { max: { lte: ... } } }' instead. */
  targetMin_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { min: { eq: ... } } }' instead. */
  targetMin_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { min: { gt: ... } } }' instead. */
  targetMin_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { min: { gte: ... } } }' instead. */
  targetMin_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { min: { lt: ... } } }' instead. */
  targetMin_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { min: { lte: ... } } }' instead. */
  targetMin_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { sum: { eq: ... } } }' instead. */
  targetMin_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { sum: { gt: ... } } }' instead. */
  targetMin_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { sum: { gte: ... } } }' instead. */
  targetMin_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { sum: { lt: ... } } }' instead. */
  targetMin_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { sum: { lte: ... } } }' instead. */
  targetMin_SUM_LTE?: number | null | undefined;
  unit?: StringScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { averageLength: { eq: ... } } }' instead. */
  unit_AVERAGE_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { averageLength: { gt: ... } } }' instead. */
  unit_AVERAGE_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { averageLength: { gte: ... } } }' instead. */
  unit_AVERAGE_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { averageLength: { lt: ... } } }' instead. */
  unit_AVERAGE_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { averageLength: { lte: ... } } }' instead. */
  unit_AVERAGE_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { longestLength: { eq: ... } } }' instead. */
  unit_LONGEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { longestLength: { gt: ... } } }' instead. */
  unit_LONGEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { longestLength: { gte: ... } } }' instead. */
  unit_LONGEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { longestLength: { lt: ... } } }' instead. */
  unit_LONGEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { longestLength: { lte: ... } } }' instead. */
  unit_LONGEST_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { shortestLength: { eq: ... } } }' instead. */
  unit_SHORTEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { shortestLength: { gt: ... } } }' instead. */
  unit_SHORTEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { shortestLength: { gte: ... } } }' instead. */
  unit_SHORTEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { shortestLength: { lt: ... } } }' instead. */
  unit_SHORTEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { shortestLength: { lte: ... } } }' instead. */
  unit_SHORTEST_LENGTH_LTE?: number | null | undefined;
};

export type DeviceWhere = {
  AND?: Array<DeviceWhere> | null | undefined;
  NOT?: DeviceWhere | null | undefined;
  OR?: Array<DeviceWhere> | null | undefined;
  actuators?: ActuatorRelationshipFilters | null | undefined;
  /** @deprecated Aggregate filters are moved inside the actuatorsConnection filter, please use { actuatorsConnection: { aggregate: {...} } } instead */
  actuatorsAggregate?: DeviceActuatorsAggregateInput | null | undefined;
  actuatorsConnection?: DeviceActuatorsConnectionFilters | null | undefined;
  /**
   * Return Devices where all of the related DeviceActuatorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'actuatorsConnection: { all: { node: ... } } }' instead.
   */
  actuatorsConnection_ALL?: DeviceActuatorsConnectionWhere | null | undefined;
  /**
   * Return Devices where none of the related DeviceActuatorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'actuatorsConnection: { none: { node: ... } } }' instead.
   */
  actuatorsConnection_NONE?: DeviceActuatorsConnectionWhere | null | undefined;
  /**
   * Return Devices where one of the related DeviceActuatorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'actuatorsConnection: { single: { node: ... } } }' instead.
   */
  actuatorsConnection_SINGLE?: DeviceActuatorsConnectionWhere | null | undefined;
  /**
   * Return Devices where some of the related DeviceActuatorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'actuatorsConnection: { some: { node: ... } } }' instead.
   */
  actuatorsConnection_SOME?: DeviceActuatorsConnectionWhere | null | undefined;
  /**
   * Return Devices where all of the related Actuators match this filter
   * @deprecated Please use the relevant generic filter 'actuators: { all: ... }' instead.
   */
  actuators_ALL?: ActuatorWhere | null | undefined;
  /**
   * Return Devices where none of the related Actuators match this filter
   * @deprecated Please use the relevant generic filter 'actuators: { none: ... }' instead.
   */
  actuators_NONE?: ActuatorWhere | null | undefined;
  /**
   * Return Devices where one of the related Actuators match this filter
   * @deprecated Please use the relevant generic filter 'actuators: {  single: ... }' instead.
   */
  actuators_SINGLE?: ActuatorWhere | null | undefined;
  /**
   * Return Devices where some of the related Actuators match this filter
   * @deprecated Please use the relevant generic filter 'actuators: {  some: ... }' instead.
   */
  actuators_SOME?: ActuatorWhere | null | undefined;
  deviceId?: IdScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter deviceId: { contains: ... } */
  deviceId_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter deviceId: { endsWith: ... } */
  deviceId_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter deviceId: { eq: ... } */
  deviceId_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter deviceId: { in: ... } */
  deviceId_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter deviceId: { startsWith: ... } */
  deviceId_STARTS_WITH?: string | null | undefined;
  firmware?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter firmware: { contains: ... } */
  firmware_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter firmware: { endsWith: ... } */
  firmware_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter firmware: { eq: ... } */
  firmware_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter firmware: { in: ... } */
  firmware_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter firmware: { startsWith: ... } */
  firmware_STARTS_WITH?: string | null | undefined;
  lastSeen?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter lastSeen: { eq: ... } */
  lastSeen_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter lastSeen: { gt: ... } */
  lastSeen_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter lastSeen: { gte: ... } */
  lastSeen_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter lastSeen: { in: ... } */
  lastSeen_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter lastSeen: { lt: ... } */
  lastSeen_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter lastSeen: { lte: ... } */
  lastSeen_LTE?: string | null | undefined;
  port?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter port: { contains: ... } */
  port_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter port: { endsWith: ... } */
  port_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter port: { eq: ... } */
  port_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter port: { in: ... } */
  port_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter port: { startsWith: ... } */
  port_STARTS_WITH?: string | null | undefined;
  sensors?: SensorRelationshipFilters | null | undefined;
  /** @deprecated Aggregate filters are moved inside the sensorsConnection filter, please use { sensorsConnection: { aggregate: {...} } } instead */
  sensorsAggregate?: DeviceSensorsAggregateInput | null | undefined;
  sensorsConnection?: DeviceSensorsConnectionFilters | null | undefined;
  /**
   * Return Devices where all of the related DeviceSensorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'sensorsConnection: { all: { node: ... } } }' instead.
   */
  sensorsConnection_ALL?: DeviceSensorsConnectionWhere | null | undefined;
  /**
   * Return Devices where none of the related DeviceSensorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'sensorsConnection: { none: { node: ... } } }' instead.
   */
  sensorsConnection_NONE?: DeviceSensorsConnectionWhere | null | undefined;
  /**
   * Return Devices where one of the related DeviceSensorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'sensorsConnection: { single: { node: ... } } }' instead.
   */
  sensorsConnection_SINGLE?: DeviceSensorsConnectionWhere | null | undefined;
  /**
   * Return Devices where some of the related DeviceSensorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'sensorsConnection: { some: { node: ... } } }' instead.
   */
  sensorsConnection_SOME?: DeviceSensorsConnectionWhere | null | undefined;
  /**
   * Return Devices where all of the related Sensors match this filter
   * @deprecated Please use the relevant generic filter 'sensors: { all: ... }' instead.
   */
  sensors_ALL?: SensorWhere | null | undefined;
  /**
   * Return Devices where none of the related Sensors match this filter
   * @deprecated Please use the relevant generic filter 'sensors: { none: ... }' instead.
   */
  sensors_NONE?: SensorWhere | null | undefined;
  /**
   * Return Devices where one of the related Sensors match this filter
   * @deprecated Please use the relevant generic filter 'sensors: {  single: ... }' instead.
   */
  sensors_SINGLE?: SensorWhere | null | undefined;
  /**
   * Return Devices where some of the related Sensors match this filter
   * @deprecated Please use the relevant generic filter 'sensors: {  some: ... }' instead.
   */
  sensors_SOME?: SensorWhere | null | undefined;
};

/** The direction of a least-squares slope that is significant against the noise and large enough for the kind. */
export type Direction =
  | 'FALLING'
  | 'RISING'
  | 'STABLE';

/** Filters for an aggregation of a float field */
export type FloatScalarAggregationFilters = {
  average?: FloatScalarFilters | null | undefined;
  max?: FloatScalarFilters | null | undefined;
  min?: FloatScalarFilters | null | undefined;
  sum?: FloatScalarFilters | null | undefined;
};

/** Float filters */
export type FloatScalarFilters = {
  eq?: number | null | undefined;
  gt?: number | null | undefined;
  gte?: number | null | undefined;
  in?: Array<number> | null | undefined;
  lt?: number | null | undefined;
  lte?: number | null | undefined;
};

/** Where a sensor's traits come from: its reporting freshness. */
export type Freshness =
  | 'FRESH'
  | 'OFFLINE'
  | 'STALE';

export type HealthStatus =
  | 'DEGRADED'
  | 'FAILED'
  | 'HEALTHY';

/** ID filters */
export type IdScalarFilters = {
  contains?: string | null | undefined;
  endsWith?: string | null | undefined;
  eq?: string | null | undefined;
  in?: Array<string> | null | undefined;
  startsWith?: string | null | undefined;
};

/** Filters for an aggregation of an int field */
export type IntScalarAggregationFilters = {
  average?: FloatScalarFilters | null | undefined;
  max?: IntScalarFilters | null | undefined;
  min?: IntScalarFilters | null | undefined;
  sum?: IntScalarFilters | null | undefined;
};

/** Int filters */
export type IntScalarFilters = {
  eq?: number | null | undefined;
  gt?: number | null | undefined;
  gte?: number | null | undefined;
  in?: Array<number> | null | undefined;
  lt?: number | null | undefined;
  lte?: number | null | undefined;
};

export type LocationActuatorsAggregateInput = {
  AND?: Array<LocationActuatorsAggregateInput> | null | undefined;
  NOT?: LocationActuatorsAggregateInput | null | undefined;
  OR?: Array<LocationActuatorsAggregateInput> | null | undefined;
  count?: IntScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { eq: ... } } }' instead. */
  count_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gt: ... } } }' instead. */
  count_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gte: ... } } }' instead. */
  count_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lt: ... } } }' instead. */
  count_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lte: ... } } }' instead. */
  count_LTE?: number | null | undefined;
  node?: LocationActuatorsNodeAggregationWhereInput | null | undefined;
};

export type LocationActuatorsConnectionAggregateInput = {
  AND?: Array<LocationActuatorsConnectionAggregateInput> | null | undefined;
  NOT?: LocationActuatorsConnectionAggregateInput | null | undefined;
  OR?: Array<LocationActuatorsConnectionAggregateInput> | null | undefined;
  count?: ConnectionAggregationCountFilterInput | null | undefined;
  node?: LocationActuatorsNodeAggregationWhereInput | null | undefined;
};

export type LocationActuatorsConnectionFilters = {
  /** Filter Locations by aggregating results on related LocationActuatorsConnections */
  aggregate?: LocationActuatorsConnectionAggregateInput | null | undefined;
  /** Return Locations where all of the related LocationActuatorsConnections match this filter */
  all?: LocationActuatorsConnectionWhere | null | undefined;
  /** Return Locations where none of the related LocationActuatorsConnections match this filter */
  none?: LocationActuatorsConnectionWhere | null | undefined;
  /** Return Locations where one of the related LocationActuatorsConnections match this filter */
  single?: LocationActuatorsConnectionWhere | null | undefined;
  /** Return Locations where some of the related LocationActuatorsConnections match this filter */
  some?: LocationActuatorsConnectionWhere | null | undefined;
};

export type LocationActuatorsConnectionWhere = {
  AND?: Array<LocationActuatorsConnectionWhere> | null | undefined;
  NOT?: LocationActuatorsConnectionWhere | null | undefined;
  OR?: Array<LocationActuatorsConnectionWhere> | null | undefined;
  node?: ActuatorWhere | null | undefined;
};

export type LocationActuatorsNodeAggregationWhereInput = {
  AND?: Array<LocationActuatorsNodeAggregationWhereInput> | null | undefined;
  NOT?: LocationActuatorsNodeAggregationWhereInput | null | undefined;
  OR?: Array<LocationActuatorsNodeAggregationWhereInput> | null | undefined;
  desiredAt?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { max: { eq: ... } } }' instead. */
  desiredAt_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { max: { gt: ... } } }' instead. */
  desiredAt_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { max: { gte: ... } } }' instead. */
  desiredAt_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { max: { lt: ... } } }' instead. */
  desiredAt_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { max: { lte: ... } } }' instead. */
  desiredAt_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { min: { eq: ... } } }' instead. */
  desiredAt_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { min: { gt: ... } } }' instead. */
  desiredAt_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { min: { gte: ... } } }' instead. */
  desiredAt_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { min: { lt: ... } } }' instead. */
  desiredAt_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredAt: { min: { lte: ... } } }' instead. */
  desiredAt_MIN_LTE?: string | null | undefined;
  desiredState?: StringScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { averageLength: { eq: ... } } }' instead. */
  desiredState_AVERAGE_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { averageLength: { gt: ... } } }' instead. */
  desiredState_AVERAGE_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { averageLength: { gte: ... } } }' instead. */
  desiredState_AVERAGE_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { averageLength: { lt: ... } } }' instead. */
  desiredState_AVERAGE_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { averageLength: { lte: ... } } }' instead. */
  desiredState_AVERAGE_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { longestLength: { eq: ... } } }' instead. */
  desiredState_LONGEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { longestLength: { gt: ... } } }' instead. */
  desiredState_LONGEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { longestLength: { gte: ... } } }' instead. */
  desiredState_LONGEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { longestLength: { lt: ... } } }' instead. */
  desiredState_LONGEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { longestLength: { lte: ... } } }' instead. */
  desiredState_LONGEST_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { shortestLength: { eq: ... } } }' instead. */
  desiredState_SHORTEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { shortestLength: { gt: ... } } }' instead. */
  desiredState_SHORTEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { shortestLength: { gte: ... } } }' instead. */
  desiredState_SHORTEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { shortestLength: { lt: ... } } }' instead. */
  desiredState_SHORTEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'desiredState: { shortestLength: { lte: ... } } }' instead. */
  desiredState_SHORTEST_LENGTH_LTE?: number | null | undefined;
  overrideUntil?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { max: { eq: ... } } }' instead. */
  overrideUntil_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { max: { gt: ... } } }' instead. */
  overrideUntil_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { max: { gte: ... } } }' instead. */
  overrideUntil_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { max: { lt: ... } } }' instead. */
  overrideUntil_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { max: { lte: ... } } }' instead. */
  overrideUntil_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { min: { eq: ... } } }' instead. */
  overrideUntil_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { min: { gt: ... } } }' instead. */
  overrideUntil_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { min: { gte: ... } } }' instead. */
  overrideUntil_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { min: { lt: ... } } }' instead. */
  overrideUntil_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'overrideUntil: { min: { lte: ... } } }' instead. */
  overrideUntil_MIN_LTE?: string | null | undefined;
  reportedAt?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { max: { eq: ... } } }' instead. */
  reportedAt_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { max: { gt: ... } } }' instead. */
  reportedAt_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { max: { gte: ... } } }' instead. */
  reportedAt_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { max: { lt: ... } } }' instead. */
  reportedAt_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { max: { lte: ... } } }' instead. */
  reportedAt_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { min: { eq: ... } } }' instead. */
  reportedAt_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { min: { gt: ... } } }' instead. */
  reportedAt_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { min: { gte: ... } } }' instead. */
  reportedAt_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { min: { lt: ... } } }' instead. */
  reportedAt_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedAt: { min: { lte: ... } } }' instead. */
  reportedAt_MIN_LTE?: string | null | undefined;
  reportedState?: StringScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { averageLength: { eq: ... } } }' instead. */
  reportedState_AVERAGE_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { averageLength: { gt: ... } } }' instead. */
  reportedState_AVERAGE_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { averageLength: { gte: ... } } }' instead. */
  reportedState_AVERAGE_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { averageLength: { lt: ... } } }' instead. */
  reportedState_AVERAGE_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { averageLength: { lte: ... } } }' instead. */
  reportedState_AVERAGE_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { longestLength: { eq: ... } } }' instead. */
  reportedState_LONGEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { longestLength: { gt: ... } } }' instead. */
  reportedState_LONGEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { longestLength: { gte: ... } } }' instead. */
  reportedState_LONGEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { longestLength: { lt: ... } } }' instead. */
  reportedState_LONGEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { longestLength: { lte: ... } } }' instead. */
  reportedState_LONGEST_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { shortestLength: { eq: ... } } }' instead. */
  reportedState_SHORTEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { shortestLength: { gt: ... } } }' instead. */
  reportedState_SHORTEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { shortestLength: { gte: ... } } }' instead. */
  reportedState_SHORTEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { shortestLength: { lt: ... } } }' instead. */
  reportedState_SHORTEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'reportedState: { shortestLength: { lte: ... } } }' instead. */
  reportedState_SHORTEST_LENGTH_LTE?: number | null | undefined;
  updatedAt?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { max: { eq: ... } } }' instead. */
  updatedAt_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { max: { gt: ... } } }' instead. */
  updatedAt_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { max: { gte: ... } } }' instead. */
  updatedAt_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { max: { lt: ... } } }' instead. */
  updatedAt_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { max: { lte: ... } } }' instead. */
  updatedAt_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { min: { eq: ... } } }' instead. */
  updatedAt_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { min: { gt: ... } } }' instead. */
  updatedAt_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { min: { gte: ... } } }' instead. */
  updatedAt_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { min: { lt: ... } } }' instead. */
  updatedAt_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'updatedAt: { min: { lte: ... } } }' instead. */
  updatedAt_MIN_LTE?: string | null | undefined;
};

export type LocationSensorsAggregateInput = {
  AND?: Array<LocationSensorsAggregateInput> | null | undefined;
  NOT?: LocationSensorsAggregateInput | null | undefined;
  OR?: Array<LocationSensorsAggregateInput> | null | undefined;
  count?: IntScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { eq: ... } } }' instead. */
  count_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gt: ... } } }' instead. */
  count_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gte: ... } } }' instead. */
  count_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lt: ... } } }' instead. */
  count_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lte: ... } } }' instead. */
  count_LTE?: number | null | undefined;
  node?: LocationSensorsNodeAggregationWhereInput | null | undefined;
};

export type LocationSensorsConnectionAggregateInput = {
  AND?: Array<LocationSensorsConnectionAggregateInput> | null | undefined;
  NOT?: LocationSensorsConnectionAggregateInput | null | undefined;
  OR?: Array<LocationSensorsConnectionAggregateInput> | null | undefined;
  count?: ConnectionAggregationCountFilterInput | null | undefined;
  node?: LocationSensorsNodeAggregationWhereInput | null | undefined;
};

export type LocationSensorsConnectionFilters = {
  /** Filter Locations by aggregating results on related LocationSensorsConnections */
  aggregate?: LocationSensorsConnectionAggregateInput | null | undefined;
  /** Return Locations where all of the related LocationSensorsConnections match this filter */
  all?: LocationSensorsConnectionWhere | null | undefined;
  /** Return Locations where none of the related LocationSensorsConnections match this filter */
  none?: LocationSensorsConnectionWhere | null | undefined;
  /** Return Locations where one of the related LocationSensorsConnections match this filter */
  single?: LocationSensorsConnectionWhere | null | undefined;
  /** Return Locations where some of the related LocationSensorsConnections match this filter */
  some?: LocationSensorsConnectionWhere | null | undefined;
};

export type LocationSensorsConnectionWhere = {
  AND?: Array<LocationSensorsConnectionWhere> | null | undefined;
  NOT?: LocationSensorsConnectionWhere | null | undefined;
  OR?: Array<LocationSensorsConnectionWhere> | null | undefined;
  node?: SensorWhere | null | undefined;
};

export type LocationSensorsNodeAggregationWhereInput = {
  AND?: Array<LocationSensorsNodeAggregationWhereInput> | null | undefined;
  NOT?: LocationSensorsNodeAggregationWhereInput | null | undefined;
  OR?: Array<LocationSensorsNodeAggregationWhereInput> | null | undefined;
  currentValue?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { average: { eq: ... } } }' instead. */
  currentValue_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { average: { gt: ... } } }' instead. */
  currentValue_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { average: { gte: ... } } }' instead. */
  currentValue_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { average: { lt: ... } } }' instead. */
  currentValue_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { average: { lte: ... } } }' instead. */
  currentValue_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { max: { eq: ... } } }' instead. */
  currentValue_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { max: { gt: ... } } }' instead. */
  currentValue_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { max: { gte: ... } } }' instead. */
  currentValue_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { max: { lt: ... } } }' instead. */
  currentValue_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { max: { lte: ... } } }' instead. */
  currentValue_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { min: { eq: ... } } }' instead. */
  currentValue_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { min: { gt: ... } } }' instead. */
  currentValue_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { min: { gte: ... } } }' instead. */
  currentValue_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { min: { lt: ... } } }' instead. */
  currentValue_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { min: { lte: ... } } }' instead. */
  currentValue_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { sum: { eq: ... } } }' instead. */
  currentValue_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { sum: { gt: ... } } }' instead. */
  currentValue_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { sum: { gte: ... } } }' instead. */
  currentValue_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { sum: { lt: ... } } }' instead. */
  currentValue_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'currentValue: { sum: { lte: ... } } }' instead. */
  currentValue_SUM_LTE?: number | null | undefined;
  degradedAbove?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { average: { eq: ... } } }' instead. */
  degradedAbove_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { average: { gt: ... } } }' instead. */
  degradedAbove_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { average: { gte: ... } } }' instead. */
  degradedAbove_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { average: { lt: ... } } }' instead. */
  degradedAbove_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { average: { lte: ... } } }' instead. */
  degradedAbove_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { max: { eq: ... } } }' instead. */
  degradedAbove_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { max: { gt: ... } } }' instead. */
  degradedAbove_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { max: { gte: ... } } }' instead. */
  degradedAbove_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { max: { lt: ... } } }' instead. */
  degradedAbove_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { max: { lte: ... } } }' instead. */
  degradedAbove_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { min: { eq: ... } } }' instead. */
  degradedAbove_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { min: { gt: ... } } }' instead. */
  degradedAbove_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { min: { gte: ... } } }' instead. */
  degradedAbove_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { min: { lt: ... } } }' instead. */
  degradedAbove_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { min: { lte: ... } } }' instead. */
  degradedAbove_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { sum: { eq: ... } } }' instead. */
  degradedAbove_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { sum: { gt: ... } } }' instead. */
  degradedAbove_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { sum: { gte: ... } } }' instead. */
  degradedAbove_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { sum: { lt: ... } } }' instead. */
  degradedAbove_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'degradedAbove: { sum: { lte: ... } } }' instead. */
  degradedAbove_SUM_LTE?: number | null | undefined;
  healthyAbove?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { average: { eq: ... } } }' instead. */
  healthyAbove_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { average: { gt: ... } } }' instead. */
  healthyAbove_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { average: { gte: ... } } }' instead. */
  healthyAbove_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { average: { lt: ... } } }' instead. */
  healthyAbove_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { average: { lte: ... } } }' instead. */
  healthyAbove_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { max: { eq: ... } } }' instead. */
  healthyAbove_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { max: { gt: ... } } }' instead. */
  healthyAbove_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { max: { gte: ... } } }' instead. */
  healthyAbove_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { max: { lt: ... } } }' instead. */
  healthyAbove_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { max: { lte: ... } } }' instead. */
  healthyAbove_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { min: { eq: ... } } }' instead. */
  healthyAbove_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { min: { gt: ... } } }' instead. */
  healthyAbove_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { min: { gte: ... } } }' instead. */
  healthyAbove_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { min: { lt: ... } } }' instead. */
  healthyAbove_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { min: { lte: ... } } }' instead. */
  healthyAbove_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { sum: { eq: ... } } }' instead. */
  healthyAbove_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { sum: { gt: ... } } }' instead. */
  healthyAbove_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { sum: { gte: ... } } }' instead. */
  healthyAbove_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { sum: { lt: ... } } }' instead. */
  healthyAbove_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'healthyAbove: { sum: { lte: ... } } }' instead. */
  healthyAbove_SUM_LTE?: number | null | undefined;
  lastUpdated?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { max: { eq: ... } } }' instead. */
  lastUpdated_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { max: { gt: ... } } }' instead. */
  lastUpdated_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { max: { gte: ... } } }' instead. */
  lastUpdated_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { max: { lt: ... } } }' instead. */
  lastUpdated_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { max: { lte: ... } } }' instead. */
  lastUpdated_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { min: { eq: ... } } }' instead. */
  lastUpdated_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { min: { gt: ... } } }' instead. */
  lastUpdated_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { min: { gte: ... } } }' instead. */
  lastUpdated_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { min: { lt: ... } } }' instead. */
  lastUpdated_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'lastUpdated: { min: { lte: ... } } }' instead. */
  lastUpdated_MIN_LTE?: string | null | undefined;
  maxDriftPerMinute?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { average: { eq: ... } } }' instead. */
  maxDriftPerMinute_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { average: { gt: ... } } }' instead. */
  maxDriftPerMinute_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { average: { gte: ... } } }' instead. */
  maxDriftPerMinute_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { average: { lt: ... } } }' instead. */
  maxDriftPerMinute_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { average: { lte: ... } } }' instead. */
  maxDriftPerMinute_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { max: { eq: ... } } }' instead. */
  maxDriftPerMinute_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { max: { gt: ... } } }' instead. */
  maxDriftPerMinute_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { max: { gte: ... } } }' instead. */
  maxDriftPerMinute_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { max: { lt: ... } } }' instead. */
  maxDriftPerMinute_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { max: { lte: ... } } }' instead. */
  maxDriftPerMinute_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { min: { eq: ... } } }' instead. */
  maxDriftPerMinute_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { min: { gt: ... } } }' instead. */
  maxDriftPerMinute_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { min: { gte: ... } } }' instead. */
  maxDriftPerMinute_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { min: { lt: ... } } }' instead. */
  maxDriftPerMinute_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { min: { lte: ... } } }' instead. */
  maxDriftPerMinute_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { sum: { eq: ... } } }' instead. */
  maxDriftPerMinute_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { sum: { gt: ... } } }' instead. */
  maxDriftPerMinute_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { sum: { gte: ... } } }' instead. */
  maxDriftPerMinute_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { sum: { lt: ... } } }' instead. */
  maxDriftPerMinute_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'maxDriftPerMinute: { sum: { lte: ... } } }' instead. */
  maxDriftPerMinute_SUM_LTE?: number | null | undefined;
  minStabilityPercent?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { average: { eq: ... } } }' instead. */
  minStabilityPercent_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { average: { gt: ... } } }' instead. */
  minStabilityPercent_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { average: { gte: ... } } }' instead. */
  minStabilityPercent_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { average: { lt: ... } } }' instead. */
  minStabilityPercent_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { average: { lte: ... } } }' instead. */
  minStabilityPercent_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { max: { eq: ... } } }' instead. */
  minStabilityPercent_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { max: { gt: ... } } }' instead. */
  minStabilityPercent_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { max: { gte: ... } } }' instead. */
  minStabilityPercent_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { max: { lt: ... } } }' instead. */
  minStabilityPercent_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { max: { lte: ... } } }' instead. */
  minStabilityPercent_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { min: { eq: ... } } }' instead. */
  minStabilityPercent_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { min: { gt: ... } } }' instead. */
  minStabilityPercent_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { min: { gte: ... } } }' instead. */
  minStabilityPercent_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { min: { lt: ... } } }' instead. */
  minStabilityPercent_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { min: { lte: ... } } }' instead. */
  minStabilityPercent_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { sum: { eq: ... } } }' instead. */
  minStabilityPercent_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { sum: { gt: ... } } }' instead. */
  minStabilityPercent_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { sum: { gte: ... } } }' instead. */
  minStabilityPercent_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { sum: { lt: ... } } }' instead. */
  minStabilityPercent_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'minStabilityPercent: { sum: { lte: ... } } }' instead. */
  minStabilityPercent_SUM_LTE?: number | null | undefined;
  name?: StringScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { averageLength: { eq: ... } } }' instead. */
  name_AVERAGE_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { averageLength: { gt: ... } } }' instead. */
  name_AVERAGE_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { averageLength: { gte: ... } } }' instead. */
  name_AVERAGE_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { averageLength: { lt: ... } } }' instead. */
  name_AVERAGE_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { averageLength: { lte: ... } } }' instead. */
  name_AVERAGE_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { longestLength: { eq: ... } } }' instead. */
  name_LONGEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { longestLength: { gt: ... } } }' instead. */
  name_LONGEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { longestLength: { gte: ... } } }' instead. */
  name_LONGEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { longestLength: { lt: ... } } }' instead. */
  name_LONGEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { longestLength: { lte: ... } } }' instead. */
  name_LONGEST_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { shortestLength: { eq: ... } } }' instead. */
  name_SHORTEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { shortestLength: { gt: ... } } }' instead. */
  name_SHORTEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { shortestLength: { gte: ... } } }' instead. */
  name_SHORTEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { shortestLength: { lt: ... } } }' instead. */
  name_SHORTEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'name: { shortestLength: { lte: ... } } }' instead. */
  name_SHORTEST_LENGTH_LTE?: number | null | undefined;
  retentionDays?: IntScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { average: { eq: ... } } }' instead. */
  retentionDays_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { average: { gt: ... } } }' instead. */
  retentionDays_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { average: { gte: ... } } }' instead. */
  retentionDays_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { average: { lt: ... } } }' instead. */
  retentionDays_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { average: { lte: ... } } }' instead. */
  retentionDays_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { max: { eq: ... } } }' instead. */
  retentionDays_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { max: { gt: ... } } }' instead. */
  retentionDays_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { max: { gte: ... } } }' instead. */
  retentionDays_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { max: { lt: ... } } }' instead. */
  retentionDays_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { max: { lte: ... } } }' instead. */
  retentionDays_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { min: { eq: ... } } }' instead. */
  retentionDays_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { min: { gt: ... } } }' instead. */
  retentionDays_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { min: { gte: ... } } }' instead. */
  retentionDays_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { min: { lt: ... } } }' instead. */
  retentionDays_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { min: { lte: ... } } }' instead. */
  retentionDays_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { sum: { eq: ... } } }' instead. */
  retentionDays_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { sum: { gt: ... } } }' instead. */
  retentionDays_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { sum: { gte: ... } } }' instead. */
  retentionDays_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { sum: { lt: ... } } }' instead. */
  retentionDays_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'retentionDays: { sum: { lte: ... } } }' instead. */
  retentionDays_SUM_LTE?: number | null | undefined;
  sigmaMax?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { average: { eq: ... } } }' instead. */
  sigmaMax_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { average: { gt: ... } } }' instead. */
  sigmaMax_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { average: { gte: ... } } }' instead. */
  sigmaMax_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { average: { lt: ... } } }' instead. */
  sigmaMax_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { average: { lte: ... } } }' instead. */
  sigmaMax_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { max: { eq: ... } } }' instead. */
  sigmaMax_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { max: { gt: ... } } }' instead. */
  sigmaMax_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { max: { gte: ... } } }' instead. */
  sigmaMax_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { max: { lt: ... } } }' instead. */
  sigmaMax_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { max: { lte: ... } } }' instead. */
  sigmaMax_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { min: { eq: ... } } }' instead. */
  sigmaMax_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { min: { gt: ... } } }' instead. */
  sigmaMax_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { min: { gte: ... } } }' instead. */
  sigmaMax_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { min: { lt: ... } } }' instead. */
  sigmaMax_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { min: { lte: ... } } }' instead. */
  sigmaMax_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { sum: { eq: ... } } }' instead. */
  sigmaMax_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { sum: { gt: ... } } }' instead. */
  sigmaMax_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { sum: { gte: ... } } }' instead. */
  sigmaMax_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { sum: { lt: ... } } }' instead. */
  sigmaMax_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'sigmaMax: { sum: { lte: ... } } }' instead. */
  sigmaMax_SUM_LTE?: number | null | undefined;
  staleAfterSeconds?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { average: { eq: ... } } }' instead. */
  staleAfterSeconds_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { average: { gt: ... } } }' instead. */
  staleAfterSeconds_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { average: { gte: ... } } }' instead. */
  staleAfterSeconds_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { average: { lt: ... } } }' instead. */
  staleAfterSeconds_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { average: { lte: ... } } }' instead. */
  staleAfterSeconds_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { max: { eq: ... } } }' instead. */
  staleAfterSeconds_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { max: { gt: ... } } }' instead. */
  staleAfterSeconds_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { max: { gte: ... } } }' instead. */
  staleAfterSeconds_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { max: { lt: ... } } }' instead. */
  staleAfterSeconds_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { max: { lte: ... } } }' instead. */
  staleAfterSeconds_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { min: { eq: ... } } }' instead. */
  staleAfterSeconds_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { min: { gt: ... } } }' instead. */
  staleAfterSeconds_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { min: { gte: ... } } }' instead. */
  staleAfterSeconds_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { min: { lt: ... } } }' instead. */
  staleAfterSeconds_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { min: { lte: ... } } }' instead. */
  staleAfterSeconds_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { sum: { eq: ... } } }' instead. */
  staleAfterSeconds_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { sum: { gt: ... } } }' instead. */
  staleAfterSeconds_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { sum: { gte: ... } } }' instead. */
  staleAfterSeconds_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { sum: { lt: ... } } }' instead. */
  staleAfterSeconds_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'staleAfterSeconds: { sum: { lte: ... } } }' instead. */
  staleAfterSeconds_SUM_LTE?: number | null | undefined;
  targetMax?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { average: { eq: ... } } }' instead. */
  targetMax_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { average: { gt: ... } } }' instead. */
  targetMax_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { average: { gte: ... } } }' instead. */
  targetMax_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { average: { lt: ... } } }' instead. */
  targetMax_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { average: { lte: ... } } }' instead. */
  targetMax_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { max: { eq: ... } } }' instead. */
  targetMax_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { max: { gt: ... } } }' instead. */
  targetMax_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { max: { gte: ... } } }' instead. */
  targetMax_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { max: { lt: ... } } }' instead. */
  targetMax_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { max: { lte: ... } } }' instead. */
  targetMax_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { min: { eq: ... } } }' instead. */
  targetMax_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { min: { gt: ... } } }' instead. */
  targetMax_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { min: { gte: ... } } }' instead. */
  targetMax_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { min: { lt: ... } } }' instead. */
  targetMax_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { min: { lte: ... } } }' instead. */
  targetMax_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { sum: { eq: ... } } }' instead. */
  targetMax_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { sum: { gt: ... } } }' instead. */
  targetMax_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { sum: { gte: ... } } }' instead. */
  targetMax_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { sum: { lt: ... } } }' instead. */
  targetMax_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMax: { sum: { lte: ... } } }' instead. */
  targetMax_SUM_LTE?: number | null | undefined;
  targetMin?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { average: { eq: ... } } }' instead. */
  targetMin_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { average: { gt: ... } } }' instead. */
  targetMin_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { average: { gte: ... } } }' instead. */
  targetMin_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { average: { lt: ... } } }' instead. */
  targetMin_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { average: { lte: ... } } }' instead. */
  targetMin_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { max: { eq: ... } } }' instead. */
  targetMin_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { max: { gt: ... } } }' instead. */
  targetMin_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { max: { gte: ... } } }' instead. */
  targetMin_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { max: { lt: ... } } }' instead. */
  targetMin_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { max: { lte: ... } } }' instead. */
  targetMin_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { min: { eq: ... } } }' instead. */
  targetMin_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { min: { gt: ... } } }' instead. */
  targetMin_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { min: { gte: ... } } }' instead. */
  targetMin_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { min: { lt: ... } } }' instead. */
  targetMin_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { min: { lte: ... } } }' instead. */
  targetMin_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { sum: { eq: ... } } }' instead. */
  targetMin_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { sum: { gt: ... } } }' instead. */
  targetMin_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { sum: { gte: ... } } }' instead. */
  targetMin_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { sum: { lt: ... } } }' instead. */
  targetMin_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'targetMin: { sum: { lte: ... } } }' instead. */
  targetMin_SUM_LTE?: number | null | undefined;
  unit?: StringScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { averageLength: { eq: ... } } }' instead. */
  unit_AVERAGE_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { averageLength: { gt: ... } } }' instead. */
  unit_AVERAGE_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { averageLength: { gte: ... } } }' instead. */
  unit_AVERAGE_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { averageLength: { lt: ... } } }' instead. */
  unit_AVERAGE_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { averageLength: { lte: ... } } }' instead. */
  unit_AVERAGE_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { longestLength: { eq: ... } } }' instead. */
  unit_LONGEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { longestLength: { gt: ... } } }' instead. */
  unit_LONGEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { longestLength: { gte: ... } } }' instead. */
  unit_LONGEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { longestLength: { lt: ... } } }' instead. */
  unit_LONGEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { longestLength: { lte: ... } } }' instead. */
  unit_LONGEST_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { shortestLength: { eq: ... } } }' instead. */
  unit_SHORTEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { shortestLength: { gt: ... } } }' instead. */
  unit_SHORTEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { shortestLength: { gte: ... } } }' instead. */
  unit_SHORTEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { shortestLength: { lt: ... } } }' instead. */
  unit_SHORTEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'unit: { shortestLength: { lte: ... } } }' instead. */
  unit_SHORTEST_LENGTH_LTE?: number | null | undefined;
};

export type LocationWhere = {
  AND?: Array<LocationWhere> | null | undefined;
  NOT?: LocationWhere | null | undefined;
  OR?: Array<LocationWhere> | null | undefined;
  actuators?: ActuatorRelationshipFilters | null | undefined;
  /** @deprecated Aggregate filters are moved inside the actuatorsConnection filter, please use { actuatorsConnection: { aggregate: {...} } } instead */
  actuatorsAggregate?: LocationActuatorsAggregateInput | null | undefined;
  actuatorsConnection?: LocationActuatorsConnectionFilters | null | undefined;
  /**
   * Return Locations where all of the related LocationActuatorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'actuatorsConnection: { all: { node: ... } } }' instead.
   */
  actuatorsConnection_ALL?: LocationActuatorsConnectionWhere | null | undefined;
  /**
   * Return Locations where none of the related LocationActuatorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'actuatorsConnection: { none: { node: ... } } }' instead.
   */
  actuatorsConnection_NONE?: LocationActuatorsConnectionWhere | null | undefined;
  /**
   * Return Locations where one of the related LocationActuatorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'actuatorsConnection: { single: { node: ... } } }' instead.
   */
  actuatorsConnection_SINGLE?: LocationActuatorsConnectionWhere | null | undefined;
  /**
   * Return Locations where some of the related LocationActuatorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'actuatorsConnection: { some: { node: ... } } }' instead.
   */
  actuatorsConnection_SOME?: LocationActuatorsConnectionWhere | null | undefined;
  /**
   * Return Locations where all of the related Actuators match this filter
   * @deprecated Please use the relevant generic filter 'actuators: { all: ... }' instead.
   */
  actuators_ALL?: ActuatorWhere | null | undefined;
  /**
   * Return Locations where none of the related Actuators match this filter
   * @deprecated Please use the relevant generic filter 'actuators: { none: ... }' instead.
   */
  actuators_NONE?: ActuatorWhere | null | undefined;
  /**
   * Return Locations where one of the related Actuators match this filter
   * @deprecated Please use the relevant generic filter 'actuators: {  single: ... }' instead.
   */
  actuators_SINGLE?: ActuatorWhere | null | undefined;
  /**
   * Return Locations where some of the related Actuators match this filter
   * @deprecated Please use the relevant generic filter 'actuators: {  some: ... }' instead.
   */
  actuators_SOME?: ActuatorWhere | null | undefined;
  coldestSurfaceC?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceC: { eq: ... } */
  coldestSurfaceC_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceC: { gt: ... } */
  coldestSurfaceC_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceC: { gte: ... } */
  coldestSurfaceC_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceC: { in: ... } */
  coldestSurfaceC_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceC: { lt: ... } */
  coldestSurfaceC_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceC: { lte: ... } */
  coldestSurfaceC_LTE?: number | null | undefined;
  coldestSurfaceOffsetC?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceOffsetC: { eq: ... } */
  coldestSurfaceOffsetC_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceOffsetC: { gt: ... } */
  coldestSurfaceOffsetC_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceOffsetC: { gte: ... } */
  coldestSurfaceOffsetC_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceOffsetC: { in: ... } */
  coldestSurfaceOffsetC_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceOffsetC: { lt: ... } */
  coldestSurfaceOffsetC_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter coldestSurfaceOffsetC: { lte: ... } */
  coldestSurfaceOffsetC_LTE?: number | null | undefined;
  locationId?: IdScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter locationId: { contains: ... } */
  locationId_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter locationId: { endsWith: ... } */
  locationId_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter locationId: { eq: ... } */
  locationId_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter locationId: { in: ... } */
  locationId_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter locationId: { startsWith: ... } */
  locationId_STARTS_WITH?: string | null | undefined;
  moldDeclineCoefficient?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter moldDeclineCoefficient: { eq: ... } */
  moldDeclineCoefficient_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter moldDeclineCoefficient: { gt: ... } */
  moldDeclineCoefficient_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter moldDeclineCoefficient: { gte: ... } */
  moldDeclineCoefficient_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter moldDeclineCoefficient: { in: ... } */
  moldDeclineCoefficient_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter moldDeclineCoefficient: { lt: ... } */
  moldDeclineCoefficient_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter moldDeclineCoefficient: { lte: ... } */
  moldDeclineCoefficient_LTE?: number | null | undefined;
  moldSensitivityClass?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter moldSensitivityClass: { contains: ... } */
  moldSensitivityClass_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter moldSensitivityClass: { endsWith: ... } */
  moldSensitivityClass_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter moldSensitivityClass: { eq: ... } */
  moldSensitivityClass_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter moldSensitivityClass: { in: ... } */
  moldSensitivityClass_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter moldSensitivityClass: { startsWith: ... } */
  moldSensitivityClass_STARTS_WITH?: string | null | undefined;
  name?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter name: { contains: ... } */
  name_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter name: { endsWith: ... } */
  name_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter name: { eq: ... } */
  name_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter name: { in: ... } */
  name_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter name: { startsWith: ... } */
  name_STARTS_WITH?: string | null | undefined;
  sensors?: SensorRelationshipFilters | null | undefined;
  /** @deprecated Aggregate filters are moved inside the sensorsConnection filter, please use { sensorsConnection: { aggregate: {...} } } instead */
  sensorsAggregate?: LocationSensorsAggregateInput | null | undefined;
  sensorsConnection?: LocationSensorsConnectionFilters | null | undefined;
  /**
   * Return Locations where all of the related LocationSensorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'sensorsConnection: { all: { node: ... } } }' instead.
   */
  sensorsConnection_ALL?: LocationSensorsConnectionWhere | null | undefined;
  /**
   * Return Locations where none of the related LocationSensorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'sensorsConnection: { none: { node: ... } } }' instead.
   */
  sensorsConnection_NONE?: LocationSensorsConnectionWhere | null | undefined;
  /**
   * Return Locations where one of the related LocationSensorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'sensorsConnection: { single: { node: ... } } }' instead.
   */
  sensorsConnection_SINGLE?: LocationSensorsConnectionWhere | null | undefined;
  /**
   * Return Locations where some of the related LocationSensorsConnections match this filter
   * @deprecated Please use the relevant generic filter 'sensorsConnection: { some: { node: ... } } }' instead.
   */
  sensorsConnection_SOME?: LocationSensorsConnectionWhere | null | undefined;
  /**
   * Return Locations where all of the related Sensors match this filter
   * @deprecated Please use the relevant generic filter 'sensors: { all: ... }' instead.
   */
  sensors_ALL?: SensorWhere | null | undefined;
  /**
   * Return Locations where none of the related Sensors match this filter
   * @deprecated Please use the relevant generic filter 'sensors: { none: ... }' instead.
   */
  sensors_NONE?: SensorWhere | null | undefined;
  /**
   * Return Locations where one of the related Sensors match this filter
   * @deprecated Please use the relevant generic filter 'sensors: {  single: ... }' instead.
   */
  sensors_SINGLE?: SensorWhere | null | undefined;
  /**
   * Return Locations where some of the related Sensors match this filter
   * @deprecated Please use the relevant generic filter 'sensors: {  some: ... }' instead.
   */
  sensors_SOME?: SensorWhere | null | undefined;
  timeZone?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter timeZone: { contains: ... } */
  timeZone_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter timeZone: { endsWith: ... } */
  timeZone_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter timeZone: { eq: ... } */
  timeZone_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter timeZone: { in: ... } */
  timeZone_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter timeZone: { startsWith: ... } */
  timeZone_STARTS_WITH?: string | null | undefined;
};

export type ReadingRelationshipFilters = {
  /** Filter type where all of the related Readings match this filter */
  all?: ReadingWhere | null | undefined;
  /** Filter type where none of the related Readings match this filter */
  none?: ReadingWhere | null | undefined;
  /** Filter type where one of the related Readings match this filter */
  single?: ReadingWhere | null | undefined;
  /** Filter type where some of the related Readings match this filter */
  some?: ReadingWhere | null | undefined;
};

export type ReadingSensorConnectionWhere = {
  AND?: Array<ReadingSensorConnectionWhere> | null | undefined;
  NOT?: ReadingSensorConnectionWhere | null | undefined;
  OR?: Array<ReadingSensorConnectionWhere> | null | undefined;
  node?: SensorWhere | null | undefined;
};

export type ReadingWhere = {
  AND?: Array<ReadingWhere> | null | undefined;
  NOT?: ReadingWhere | null | undefined;
  OR?: Array<ReadingWhere> | null | undefined;
  sensor?: SensorWhere | null | undefined;
  sensorConnection?: ReadingSensorConnectionWhere | null | undefined;
  sensorId?: IdScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { contains: ... } */
  sensorId_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { endsWith: ... } */
  sensorId_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { eq: ... } */
  sensorId_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { in: ... } */
  sensorId_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { startsWith: ... } */
  sensorId_STARTS_WITH?: string | null | undefined;
  seq?: IntScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter seq: { eq: ... } */
  seq_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter seq: { gt: ... } */
  seq_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter seq: { gte: ... } */
  seq_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter seq: { in: ... } */
  seq_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter seq: { lt: ... } */
  seq_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter seq: { lte: ... } */
  seq_LTE?: number | null | undefined;
  timestamp?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter timestamp: { eq: ... } */
  timestamp_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter timestamp: { gt: ... } */
  timestamp_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter timestamp: { gte: ... } */
  timestamp_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter timestamp: { in: ... } */
  timestamp_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter timestamp: { lt: ... } */
  timestamp_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter timestamp: { lte: ... } */
  timestamp_LTE?: string | null | undefined;
  value?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { eq: ... } */
  value_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { gt: ... } */
  value_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { gte: ... } */
  value_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { in: ... } */
  value_IN?: Array<number> | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { lt: ... } */
  value_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter value: { lte: ... } */
  value_LTE?: number | null | undefined;
};

export type RecommendedAction =
  | 'ACTUATE'
  | 'CONTINUE_MONITORING'
  | 'INSPECT'
  | 'RECALIBRATE'
  | 'REPLACE';

export type ScenarioInput = {
  /** Changes to the actuators of the sensor's location (others keep their reported state). */
  actuators?: Array<ActuatorSetting> | null | undefined;
  /** Replaces the fitted ambient level (e.g. tomorrow's outdoor temperature). */
  ambient?: number | null | undefined;
  asOf?: string | null | undefined;
  /** How far ahead to simulate (0 < hours ≤ 168). */
  hours: number;
  sensorId: string;
  threshold?: number | null | undefined;
  /** How much history the plant is fitted on (default 24). */
  trainingHours?: number | null | undefined;
};

export type SensorAlertsAggregateInput = {
  AND?: Array<SensorAlertsAggregateInput> | null | undefined;
  NOT?: SensorAlertsAggregateInput | null | undefined;
  OR?: Array<SensorAlertsAggregateInput> | null | undefined;
  count?: IntScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { eq: ... } } }' instead. */
  count_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gt: ... } } }' instead. */
  count_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gte: ... } } }' instead. */
  count_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lt: ... } } }' instead. */
  count_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lte: ... } } }' instead. */
  count_LTE?: number | null | undefined;
  node?: SensorAlertsNodeAggregationWhereInput | null | undefined;
};

export type SensorAlertsConnectionAggregateInput = {
  AND?: Array<SensorAlertsConnectionAggregateInput> | null | undefined;
  NOT?: SensorAlertsConnectionAggregateInput | null | undefined;
  OR?: Array<SensorAlertsConnectionAggregateInput> | null | undefined;
  count?: ConnectionAggregationCountFilterInput | null | undefined;
  node?: SensorAlertsNodeAggregationWhereInput | null | undefined;
};

export type SensorAlertsConnectionFilters = {
  /** Filter Sensors by aggregating results on related SensorAlertsConnections */
  aggregate?: SensorAlertsConnectionAggregateInput | null | undefined;
  /** Return Sensors where all of the related SensorAlertsConnections match this filter */
  all?: SensorAlertsConnectionWhere | null | undefined;
  /** Return Sensors where none of the related SensorAlertsConnections match this filter */
  none?: SensorAlertsConnectionWhere | null | undefined;
  /** Return Sensors where one of the related SensorAlertsConnections match this filter */
  single?: SensorAlertsConnectionWhere | null | undefined;
  /** Return Sensors where some of the related SensorAlertsConnections match this filter */
  some?: SensorAlertsConnectionWhere | null | undefined;
};

export type SensorAlertsConnectionWhere = {
  AND?: Array<SensorAlertsConnectionWhere> | null | undefined;
  NOT?: SensorAlertsConnectionWhere | null | undefined;
  OR?: Array<SensorAlertsConnectionWhere> | null | undefined;
  node?: AlertWhere | null | undefined;
};

export type SensorAlertsNodeAggregationWhereInput = {
  AND?: Array<SensorAlertsNodeAggregationWhereInput> | null | undefined;
  NOT?: SensorAlertsNodeAggregationWhereInput | null | undefined;
  OR?: Array<SensorAlertsNodeAggregationWhereInput> | null | undefined;
  acknowledgedAt?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'acknowledgedAt: { max: { eq: ... } } }' instead. */
  acknowledgedAt_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'acknowledgedAt: { max: { gt: ... } } }' instead. */
  acknowledgedAt_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'acknowledgedAt: { max: { gte: ... } } }' instead. */
  acknowledgedAt_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'acknowledgedAt: { max: { lt: ... } } }' instead. */
  acknowledgedAt_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'acknowledgedAt: { max: { lte: ... } } }' instead. */
  acknowledgedAt_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'acknowledgedAt: { min: { eq: ... } } }' instead. */
  acknowledgedAt_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'acknowledgedAt: { min: { gt: ... } } }' instead. */
  acknowledgedAt_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'acknowledgedAt: { min: { gte: ... } } }' instead. */
  acknowledgedAt_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'acknowledgedAt: { min: { lt: ... } } }' instead. */
  acknowledgedAt_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'acknowledgedAt: { min: { lte: ... } } }' instead. */
  acknowledgedAt_MIN_LTE?: string | null | undefined;
  clearedAt?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'clearedAt: { max: { eq: ... } } }' instead. */
  clearedAt_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'clearedAt: { max: { gt: ... } } }' instead. */
  clearedAt_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'clearedAt: { max: { gte: ... } } }' instead. */
  clearedAt_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'clearedAt: { max: { lt: ... } } }' instead. */
  clearedAt_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'clearedAt: { max: { lte: ... } } }' instead. */
  clearedAt_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'clearedAt: { min: { eq: ... } } }' instead. */
  clearedAt_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'clearedAt: { min: { gt: ... } } }' instead. */
  clearedAt_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'clearedAt: { min: { gte: ... } } }' instead. */
  clearedAt_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'clearedAt: { min: { lt: ... } } }' instead. */
  clearedAt_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'clearedAt: { min: { lte: ... } } }' instead. */
  clearedAt_MIN_LTE?: string | null | undefined;
  message?: StringScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { averageLength: { eq: ... } } }' instead. */
  message_AVERAGE_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { averageLength: { gt: ... } } }' instead. */
  message_AVERAGE_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { averageLength: { gte: ... } } }' instead. */
  message_AVERAGE_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { averageLength: { lt: ... } } }' instead. */
  message_AVERAGE_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { averageLength: { lte: ... } } }' instead. */
  message_AVERAGE_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { longestLength: { eq: ... } } }' instead. */
  message_LONGEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { longestLength: { gt: ... } } }' instead. */
  message_LONGEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { longestLength: { gte: ... } } }' instead. */
  message_LONGEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { longestLength: { lt: ... } } }' instead. */
  message_LONGEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { longestLength: { lte: ... } } }' instead. */
  message_LONGEST_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { shortestLength: { eq: ... } } }' instead. */
  message_SHORTEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { shortestLength: { gt: ... } } }' instead. */
  message_SHORTEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { shortestLength: { gte: ... } } }' instead. */
  message_SHORTEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { shortestLength: { lt: ... } } }' instead. */
  message_SHORTEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'message: { shortestLength: { lte: ... } } }' instead. */
  message_SHORTEST_LENGTH_LTE?: number | null | undefined;
  raisedAt?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'raisedAt: { max: { eq: ... } } }' instead. */
  raisedAt_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'raisedAt: { max: { gt: ... } } }' instead. */
  raisedAt_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'raisedAt: { max: { gte: ... } } }' instead. */
  raisedAt_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'raisedAt: { max: { lt: ... } } }' instead. */
  raisedAt_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'raisedAt: { max: { lte: ... } } }' instead. */
  raisedAt_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'raisedAt: { min: { eq: ... } } }' instead. */
  raisedAt_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'raisedAt: { min: { gt: ... } } }' instead. */
  raisedAt_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'raisedAt: { min: { gte: ... } } }' instead. */
  raisedAt_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'raisedAt: { min: { lt: ... } } }' instead. */
  raisedAt_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'raisedAt: { min: { lte: ... } } }' instead. */
  raisedAt_MIN_LTE?: string | null | undefined;
  value?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { average: { eq: ... } } }' instead. */
  value_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { average: { gt: ... } } }' instead. */
  value_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { average: { gte: ... } } }' instead. */
  value_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { average: { lt: ... } } }' instead. */
  value_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { average: { lte: ... } } }' instead. */
  value_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { max: { eq: ... } } }' instead. */
  value_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { max: { gt: ... } } }' instead. */
  value_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { max: { gte: ... } } }' instead. */
  value_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { max: { lt: ... } } }' instead. */
  value_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { max: { lte: ... } } }' instead. */
  value_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { min: { eq: ... } } }' instead. */
  value_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { min: { gt: ... } } }' instead. */
  value_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { min: { gte: ... } } }' instead. */
  value_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { min: { lt: ... } } }' instead. */
  value_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { min: { lte: ... } } }' instead. */
  value_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { sum: { eq: ... } } }' instead. */
  value_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { sum: { gt: ... } } }' instead. */
  value_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { sum: { gte: ... } } }' instead. */
  value_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { sum: { lt: ... } } }' instead. */
  value_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { sum: { lte: ... } } }' instead. */
  value_SUM_LTE?: number | null | undefined;
};

export type SensorCalibrationsAggregateInput = {
  AND?: Array<SensorCalibrationsAggregateInput> | null | undefined;
  NOT?: SensorCalibrationsAggregateInput | null | undefined;
  OR?: Array<SensorCalibrationsAggregateInput> | null | undefined;
  count?: IntScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { eq: ... } } }' instead. */
  count_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gt: ... } } }' instead. */
  count_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gte: ... } } }' instead. */
  count_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lt: ... } } }' instead. */
  count_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lte: ... } } }' instead. */
  count_LTE?: number | null | undefined;
  node?: SensorCalibrationsNodeAggregationWhereInput | null | undefined;
};

export type SensorCalibrationsConnectionAggregateInput = {
  AND?: Array<SensorCalibrationsConnectionAggregateInput> | null | undefined;
  NOT?: SensorCalibrationsConnectionAggregateInput | null | undefined;
  OR?: Array<SensorCalibrationsConnectionAggregateInput> | null | undefined;
  count?: ConnectionAggregationCountFilterInput | null | undefined;
  node?: SensorCalibrationsNodeAggregationWhereInput | null | undefined;
};

export type SensorCalibrationsConnectionFilters = {
  /** Filter Sensors by aggregating results on related SensorCalibrationsConnections */
  aggregate?: SensorCalibrationsConnectionAggregateInput | null | undefined;
  /** Return Sensors where all of the related SensorCalibrationsConnections match this filter */
  all?: SensorCalibrationsConnectionWhere | null | undefined;
  /** Return Sensors where none of the related SensorCalibrationsConnections match this filter */
  none?: SensorCalibrationsConnectionWhere | null | undefined;
  /** Return Sensors where one of the related SensorCalibrationsConnections match this filter */
  single?: SensorCalibrationsConnectionWhere | null | undefined;
  /** Return Sensors where some of the related SensorCalibrationsConnections match this filter */
  some?: SensorCalibrationsConnectionWhere | null | undefined;
};

export type SensorCalibrationsConnectionWhere = {
  AND?: Array<SensorCalibrationsConnectionWhere> | null | undefined;
  NOT?: SensorCalibrationsConnectionWhere | null | undefined;
  OR?: Array<SensorCalibrationsConnectionWhere> | null | undefined;
  node?: CalibrationWhere | null | undefined;
};

export type SensorCalibrationsNodeAggregationWhereInput = {
  AND?: Array<SensorCalibrationsNodeAggregationWhereInput> | null | undefined;
  NOT?: SensorCalibrationsNodeAggregationWhereInput | null | undefined;
  OR?: Array<SensorCalibrationsNodeAggregationWhereInput> | null | undefined;
  appliedAt?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'appliedAt: { max: { eq: ... } } }' instead. */
  appliedAt_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'appliedAt: { max: { gt: ... } } }' instead. */
  appliedAt_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'appliedAt: { max: { gte: ... } } }' instead. */
  appliedAt_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'appliedAt: { max: { lt: ... } } }' instead. */
  appliedAt_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'appliedAt: { max: { lte: ... } } }' instead. */
  appliedAt_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'appliedAt: { min: { eq: ... } } }' instead. */
  appliedAt_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'appliedAt: { min: { gt: ... } } }' instead. */
  appliedAt_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'appliedAt: { min: { gte: ... } } }' instead. */
  appliedAt_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'appliedAt: { min: { lt: ... } } }' instead. */
  appliedAt_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'appliedAt: { min: { lte: ... } } }' instead. */
  appliedAt_MIN_LTE?: string | null | undefined;
  createdAt?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'createdAt: { max: { eq: ... } } }' instead. */
  createdAt_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'createdAt: { max: { gt: ... } } }' instead. */
  createdAt_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'createdAt: { max: { gte: ... } } }' instead. */
  createdAt_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'createdAt: { max: { lt: ... } } }' instead. */
  createdAt_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'createdAt: { max: { lte: ... } } }' instead. */
  createdAt_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'createdAt: { min: { eq: ... } } }' instead. */
  createdAt_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'createdAt: { min: { gt: ... } } }' instead. */
  createdAt_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'createdAt: { min: { gte: ... } } }' instead. */
  createdAt_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'createdAt: { min: { lt: ... } } }' instead. */
  createdAt_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'createdAt: { min: { lte: ... } } }' instead. */
  createdAt_MIN_LTE?: string | null | undefined;
  issuedBy?: StringScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { averageLength: { eq: ... } } }' instead. */
  issuedBy_AVERAGE_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { averageLength: { gt: ... } } }' instead. */
  issuedBy_AVERAGE_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { averageLength: { gte: ... } } }' instead. */
  issuedBy_AVERAGE_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { averageLength: { lt: ... } } }' instead. */
  issuedBy_AVERAGE_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { averageLength: { lte: ... } } }' instead. */
  issuedBy_AVERAGE_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { longestLength: { eq: ... } } }' instead. */
  issuedBy_LONGEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { longestLength: { gt: ... } } }' instead. */
  issuedBy_LONGEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { longestLength: { gte: ... } } }' instead. */
  issuedBy_LONGEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { longestLength: { lt: ... } } }' instead. */
  issuedBy_LONGEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { longestLength: { lte: ... } } }' instead. */
  issuedBy_LONGEST_LENGTH_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { shortestLength: { eq: ... } } }' instead. */
  issuedBy_SHORTEST_LENGTH_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { shortestLength: { gt: ... } } }' instead. */
  issuedBy_SHORTEST_LENGTH_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { shortestLength: { gte: ... } } }' instead. */
  issuedBy_SHORTEST_LENGTH_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { shortestLength: { lt: ... } } }' instead. */
  issuedBy_SHORTEST_LENGTH_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'issuedBy: { shortestLength: { lte: ... } } }' instead. */
  issuedBy_SHORTEST_LENGTH_LTE?: number | null | undefined;
  offset?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { average: { eq: ... } } }' instead. */
  offset_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { average: { gt: ... } } }' instead. */
  offset_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { average: { gte: ... } } }' instead. */
  offset_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { average: { lt: ... } } }' instead. */
  offset_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { average: { lte: ... } } }' instead. */
  offset_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { max: { eq: ... } } }' instead. */
  offset_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { max: { gt: ... } } }' instead. */
  offset_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { max: { gte: ... } } }' instead. */
  offset_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { max: { lt: ... } } }' instead. */
  offset_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { max: { lte: ... } } }' instead. */
  offset_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { min: { eq: ... } } }' instead. */
  offset_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { min: { gt: ... } } }' instead. */
  offset_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { min: { gte: ... } } }' instead. */
  offset_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { min: { lt: ... } } }' instead. */
  offset_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { min: { lte: ... } } }' instead. */
  offset_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { sum: { eq: ... } } }' instead. */
  offset_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { sum: { gt: ... } } }' instead. */
  offset_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { sum: { gte: ... } } }' instead. */
  offset_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { sum: { lt: ... } } }' instead. */
  offset_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'offset: { sum: { lte: ... } } }' instead. */
  offset_SUM_LTE?: number | null | undefined;
  validUntil?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'validUntil: { max: { eq: ... } } }' instead. */
  validUntil_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'validUntil: { max: { gt: ... } } }' instead. */
  validUntil_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'validUntil: { max: { gte: ... } } }' instead. */
  validUntil_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'validUntil: { max: { lt: ... } } }' instead. */
  validUntil_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'validUntil: { max: { lte: ... } } }' instead. */
  validUntil_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'validUntil: { min: { eq: ... } } }' instead. */
  validUntil_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'validUntil: { min: { gt: ... } } }' instead. */
  validUntil_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'validUntil: { min: { gte: ... } } }' instead. */
  validUntil_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'validUntil: { min: { lt: ... } } }' instead. */
  validUntil_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'validUntil: { min: { lte: ... } } }' instead. */
  validUntil_MIN_LTE?: string | null | undefined;
};

export type SensorDeviceConnectionWhere = {
  AND?: Array<SensorDeviceConnectionWhere> | null | undefined;
  NOT?: SensorDeviceConnectionWhere | null | undefined;
  OR?: Array<SensorDeviceConnectionWhere> | null | undefined;
  node?: DeviceWhere | null | undefined;
};

/** The physical quantity a sensor measures. */
export type SensorKind =
  | 'CO2'
  | 'DISTANCE'
  | 'HUMIDITY'
  | 'LIGHT'
  | 'OTHER'
  | 'PRESSURE'
  | 'TEMPERATURE';

/** SensorKind filters */
export type SensorKindEnumScalarFilters = {
  eq?: SensorKind | null | undefined;
  in?: Array<SensorKind> | null | undefined;
};

export type SensorLocationConnectionWhere = {
  AND?: Array<SensorLocationConnectionWhere> | null | undefined;
  NOT?: SensorLocationConnectionWhere | null | undefined;
  OR?: Array<SensorLocationConnectionWhere> | null | undefined;
  node?: LocationWhere | null | undefined;
};

export type SensorReadingsAggregateInput = {
  AND?: Array<SensorReadingsAggregateInput> | null | undefined;
  NOT?: SensorReadingsAggregateInput | null | undefined;
  OR?: Array<SensorReadingsAggregateInput> | null | undefined;
  count?: IntScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { eq: ... } } }' instead. */
  count_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gt: ... } } }' instead. */
  count_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { gte: ... } } }' instead. */
  count_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lt: ... } } }' instead. */
  count_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter '{ count: { lte: ... } } }' instead. */
  count_LTE?: number | null | undefined;
  node?: SensorReadingsNodeAggregationWhereInput | null | undefined;
};

export type SensorReadingsConnectionAggregateInput = {
  AND?: Array<SensorReadingsConnectionAggregateInput> | null | undefined;
  NOT?: SensorReadingsConnectionAggregateInput | null | undefined;
  OR?: Array<SensorReadingsConnectionAggregateInput> | null | undefined;
  count?: ConnectionAggregationCountFilterInput | null | undefined;
  node?: SensorReadingsNodeAggregationWhereInput | null | undefined;
};

export type SensorReadingsConnectionFilters = {
  /** Filter Sensors by aggregating results on related SensorReadingsConnections */
  aggregate?: SensorReadingsConnectionAggregateInput | null | undefined;
  /** Return Sensors where all of the related SensorReadingsConnections match this filter */
  all?: SensorReadingsConnectionWhere | null | undefined;
  /** Return Sensors where none of the related SensorReadingsConnections match this filter */
  none?: SensorReadingsConnectionWhere | null | undefined;
  /** Return Sensors where one of the related SensorReadingsConnections match this filter */
  single?: SensorReadingsConnectionWhere | null | undefined;
  /** Return Sensors where some of the related SensorReadingsConnections match this filter */
  some?: SensorReadingsConnectionWhere | null | undefined;
};

export type SensorReadingsConnectionWhere = {
  AND?: Array<SensorReadingsConnectionWhere> | null | undefined;
  NOT?: SensorReadingsConnectionWhere | null | undefined;
  OR?: Array<SensorReadingsConnectionWhere> | null | undefined;
  node?: ReadingWhere | null | undefined;
};

export type SensorReadingsNodeAggregationWhereInput = {
  AND?: Array<SensorReadingsNodeAggregationWhereInput> | null | undefined;
  NOT?: SensorReadingsNodeAggregationWhereInput | null | undefined;
  OR?: Array<SensorReadingsNodeAggregationWhereInput> | null | undefined;
  seq?: IntScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { average: { eq: ... } } }' instead. */
  seq_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { average: { gt: ... } } }' instead. */
  seq_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { average: { gte: ... } } }' instead. */
  seq_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { average: { lt: ... } } }' instead. */
  seq_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { average: { lte: ... } } }' instead. */
  seq_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { max: { eq: ... } } }' instead. */
  seq_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { max: { gt: ... } } }' instead. */
  seq_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { max: { gte: ... } } }' instead. */
  seq_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { max: { lt: ... } } }' instead. */
  seq_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { max: { lte: ... } } }' instead. */
  seq_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { min: { eq: ... } } }' instead. */
  seq_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { min: { gt: ... } } }' instead. */
  seq_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { min: { gte: ... } } }' instead. */
  seq_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { min: { lt: ... } } }' instead. */
  seq_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { min: { lte: ... } } }' instead. */
  seq_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { sum: { eq: ... } } }' instead. */
  seq_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { sum: { gt: ... } } }' instead. */
  seq_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { sum: { gte: ... } } }' instead. */
  seq_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { sum: { lt: ... } } }' instead. */
  seq_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'seq: { sum: { lte: ... } } }' instead. */
  seq_SUM_LTE?: number | null | undefined;
  timestamp?: DateTimeScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'timestamp: { max: { eq: ... } } }' instead. */
  timestamp_MAX_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'timestamp: { max: { gt: ... } } }' instead. */
  timestamp_MAX_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'timestamp: { max: { gte: ... } } }' instead. */
  timestamp_MAX_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'timestamp: { max: { lt: ... } } }' instead. */
  timestamp_MAX_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'timestamp: { max: { lte: ... } } }' instead. */
  timestamp_MAX_LTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'timestamp: { min: { eq: ... } } }' instead. */
  timestamp_MIN_EQUAL?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'timestamp: { min: { gt: ... } } }' instead. */
  timestamp_MIN_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'timestamp: { min: { gte: ... } } }' instead. */
  timestamp_MIN_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'timestamp: { min: { lt: ... } } }' instead. */
  timestamp_MIN_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter 'timestamp: { min: { lte: ... } } }' instead. */
  timestamp_MIN_LTE?: string | null | undefined;
  value?: FloatScalarAggregationFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { average: { eq: ... } } }' instead. */
  value_AVERAGE_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { average: { gt: ... } } }' instead. */
  value_AVERAGE_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { average: { gte: ... } } }' instead. */
  value_AVERAGE_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { average: { lt: ... } } }' instead. */
  value_AVERAGE_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { average: { lte: ... } } }' instead. */
  value_AVERAGE_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { max: { eq: ... } } }' instead. */
  value_MAX_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { max: { gt: ... } } }' instead. */
  value_MAX_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { max: { gte: ... } } }' instead. */
  value_MAX_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { max: { lt: ... } } }' instead. */
  value_MAX_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { max: { lte: ... } } }' instead. */
  value_MAX_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { min: { eq: ... } } }' instead. */
  value_MIN_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { min: { gt: ... } } }' instead. */
  value_MIN_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { min: { gte: ... } } }' instead. */
  value_MIN_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { min: { lt: ... } } }' instead. */
  value_MIN_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { min: { lte: ... } } }' instead. */
  value_MIN_LTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { sum: { eq: ... } } }' instead. */
  value_SUM_EQUAL?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { sum: { gt: ... } } }' instead. */
  value_SUM_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { sum: { gte: ... } } }' instead. */
  value_SUM_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { sum: { lt: ... } } }' instead. */
  value_SUM_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter 'value: { sum: { lte: ... } } }' instead. */
  value_SUM_LTE?: number | null | undefined;
};

export type SensorRelationshipFilters = {
  /** Filter type where all of the related Sensors match this filter */
  all?: SensorWhere | null | undefined;
  /** Filter type where none of the related Sensors match this filter */
  none?: SensorWhere | null | undefined;
  /** Filter type where one of the related Sensors match this filter */
  single?: SensorWhere | null | undefined;
  /** Filter type where some of the related Sensors match this filter */
  some?: SensorWhere | null | undefined;
};

export type SensorWhere = {
  AND?: Array<SensorWhere> | null | undefined;
  NOT?: SensorWhere | null | undefined;
  OR?: Array<SensorWhere> | null | undefined;
  alerts?: AlertRelationshipFilters | null | undefined;
  /** @deprecated Aggregate filters are moved inside the alertsConnection filter, please use { alertsConnection: { aggregate: {...} } } instead */
  alertsAggregate?: SensorAlertsAggregateInput | null | undefined;
  alertsConnection?: SensorAlertsConnectionFilters | null | undefined;
  /**
   * Return Sensors where all of the related SensorAlertsConnections match this filter
   * @deprecated Please use the relevant generic filter 'alertsConnection: { all: { node: ... } } }' instead.
   */
  alertsConnection_ALL?: SensorAlertsConnectionWhere | null | undefined;
  /**
   * Return Sensors where none of the related SensorAlertsConnections match this filter
   * @deprecated Please use the relevant generic filter 'alertsConnection: { none: { node: ... } } }' instead.
   */
  alertsConnection_NONE?: SensorAlertsConnectionWhere | null | undefined;
  /**
   * Return Sensors where one of the related SensorAlertsConnections match this filter
   * @deprecated Please use the relevant generic filter 'alertsConnection: { single: { node: ... } } }' instead.
   */
  alertsConnection_SINGLE?: SensorAlertsConnectionWhere | null | undefined;
  /**
   * Return Sensors where some of the related SensorAlertsConnections match this filter
   * @deprecated Please use the relevant generic filter 'alertsConnection: { some: { node: ... } } }' instead.
   */
  alertsConnection_SOME?: SensorAlertsConnectionWhere | null | undefined;
  /**
   * Return Sensors where all of the related Alerts match this filter
   * @deprecated Please use the relevant generic filter 'alerts: { all: ... }' instead.
   */
  alerts_ALL?: AlertWhere | null | undefined;
  /**
   * Return Sensors where none of the related Alerts match this filter
   * @deprecated Please use the relevant generic filter 'alerts: { none: ... }' instead.
   */
  alerts_NONE?: AlertWhere | null | undefined;
  /**
   * Return Sensors where one of the related Alerts match this filter
   * @deprecated Please use the relevant generic filter 'alerts: {  single: ... }' instead.
   */
  alerts_SINGLE?: AlertWhere | null | undefined;
  /**
   * Return Sensors where some of the related Alerts match this filter
   * @deprecated Please use the relevant generic filter 'alerts: {  some: ... }' instead.
   */
  alerts_SOME?: AlertWhere | null | undefined;
  calibrations?: CalibrationRelationshipFilters | null | undefined;
  /** @deprecated Aggregate filters are moved inside the calibrationsConnection filter, please use { calibrationsConnection: { aggregate: {...} } } instead */
  calibrationsAggregate?: SensorCalibrationsAggregateInput | null | undefined;
  calibrationsConnection?: SensorCalibrationsConnectionFilters | null | undefined;
  /**
   * Return Sensors where all of the related SensorCalibrationsConnections match this filter
   * @deprecated Please use the relevant generic filter 'calibrationsConnection: { all: { node: ... } } }' instead.
   */
  calibrationsConnection_ALL?: SensorCalibrationsConnectionWhere | null | undefined;
  /**
   * Return Sensors where none of the related SensorCalibrationsConnections match this filter
   * @deprecated Please use the relevant generic filter 'calibrationsConnection: { none: { node: ... } } }' instead.
   */
  calibrationsConnection_NONE?: SensorCalibrationsConnectionWhere | null | undefined;
  /**
   * Return Sensors where one of the related SensorCalibrationsConnections match this filter
   * @deprecated Please use the relevant generic filter 'calibrationsConnection: { single: { node: ... } } }' instead.
   */
  calibrationsConnection_SINGLE?: SensorCalibrationsConnectionWhere | null | undefined;
  /**
   * Return Sensors where some of the related SensorCalibrationsConnections match this filter
   * @deprecated Please use the relevant generic filter 'calibrationsConnection: { some: { node: ... } } }' instead.
   */
  calibrationsConnection_SOME?: SensorCalibrationsConnectionWhere | null | undefined;
  /**
   * Return Sensors where all of the related Calibrations match this filter
   * @deprecated Please use the relevant generic filter 'calibrations: { all: ... }' instead.
   */
  calibrations_ALL?: CalibrationWhere | null | undefined;
  /**
   * Return Sensors where none of the related Calibrations match this filter
   * @deprecated Please use the relevant generic filter 'calibrations: { none: ... }' instead.
   */
  calibrations_NONE?: CalibrationWhere | null | undefined;
  /**
   * Return Sensors where one of the related Calibrations match this filter
   * @deprecated Please use the relevant generic filter 'calibrations: {  single: ... }' instead.
   */
  calibrations_SINGLE?: CalibrationWhere | null | undefined;
  /**
   * Return Sensors where some of the related Calibrations match this filter
   * @deprecated Please use the relevant generic filter 'calibrations: {  some: ... }' instead.
   */
  calibrations_SOME?: CalibrationWhere | null | undefined;
  currentValue?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter currentValue: { eq: ... } */
  currentValue_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter currentValue: { gt: ... } */
  currentValue_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter currentValue: { gte: ... } */
  currentValue_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter currentValue: { in: ... } */
  currentValue_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter currentValue: { lt: ... } */
  currentValue_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter currentValue: { lte: ... } */
  currentValue_LTE?: number | null | undefined;
  degradedAbove?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter degradedAbove: { eq: ... } */
  degradedAbove_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter degradedAbove: { gt: ... } */
  degradedAbove_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter degradedAbove: { gte: ... } */
  degradedAbove_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter degradedAbove: { in: ... } */
  degradedAbove_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter degradedAbove: { lt: ... } */
  degradedAbove_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter degradedAbove: { lte: ... } */
  degradedAbove_LTE?: number | null | undefined;
  device?: DeviceWhere | null | undefined;
  deviceConnection?: SensorDeviceConnectionWhere | null | undefined;
  healthyAbove?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter healthyAbove: { eq: ... } */
  healthyAbove_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter healthyAbove: { gt: ... } */
  healthyAbove_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter healthyAbove: { gte: ... } */
  healthyAbove_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter healthyAbove: { in: ... } */
  healthyAbove_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter healthyAbove: { lt: ... } */
  healthyAbove_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter healthyAbove: { lte: ... } */
  healthyAbove_LTE?: number | null | undefined;
  kind?: SensorKindEnumScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter kind: { eq: ... } */
  kind_EQ?: SensorKind | null | undefined;
  /** @deprecated Please use the relevant generic filter kind: { in: ... } */
  kind_IN?: Array<SensorKind> | null | undefined;
  lastUpdated?: DateTimeScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter lastUpdated: { eq: ... } */
  lastUpdated_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter lastUpdated: { gt: ... } */
  lastUpdated_GT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter lastUpdated: { gte: ... } */
  lastUpdated_GTE?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter lastUpdated: { in: ... } */
  lastUpdated_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter lastUpdated: { lt: ... } */
  lastUpdated_LT?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter lastUpdated: { lte: ... } */
  lastUpdated_LTE?: string | null | undefined;
  location?: LocationWhere | null | undefined;
  locationConnection?: SensorLocationConnectionWhere | null | undefined;
  maxDriftPerMinute?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter maxDriftPerMinute: { eq: ... } */
  maxDriftPerMinute_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter maxDriftPerMinute: { gt: ... } */
  maxDriftPerMinute_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter maxDriftPerMinute: { gte: ... } */
  maxDriftPerMinute_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter maxDriftPerMinute: { in: ... } */
  maxDriftPerMinute_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter maxDriftPerMinute: { lt: ... } */
  maxDriftPerMinute_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter maxDriftPerMinute: { lte: ... } */
  maxDriftPerMinute_LTE?: number | null | undefined;
  minStabilityPercent?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter minStabilityPercent: { eq: ... } */
  minStabilityPercent_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter minStabilityPercent: { gt: ... } */
  minStabilityPercent_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter minStabilityPercent: { gte: ... } */
  minStabilityPercent_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter minStabilityPercent: { in: ... } */
  minStabilityPercent_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter minStabilityPercent: { lt: ... } */
  minStabilityPercent_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter minStabilityPercent: { lte: ... } */
  minStabilityPercent_LTE?: number | null | undefined;
  name?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter name: { contains: ... } */
  name_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter name: { endsWith: ... } */
  name_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter name: { eq: ... } */
  name_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter name: { in: ... } */
  name_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter name: { startsWith: ... } */
  name_STARTS_WITH?: string | null | undefined;
  readings?: ReadingRelationshipFilters | null | undefined;
  /** @deprecated Aggregate filters are moved inside the readingsConnection filter, please use { readingsConnection: { aggregate: {...} } } instead */
  readingsAggregate?: SensorReadingsAggregateInput | null | undefined;
  readingsConnection?: SensorReadingsConnectionFilters | null | undefined;
  /**
   * Return Sensors where all of the related SensorReadingsConnections match this filter
   * @deprecated Please use the relevant generic filter 'readingsConnection: { all: { node: ... } } }' instead.
   */
  readingsConnection_ALL?: SensorReadingsConnectionWhere | null | undefined;
  /**
   * Return Sensors where none of the related SensorReadingsConnections match this filter
   * @deprecated Please use the relevant generic filter 'readingsConnection: { none: { node: ... } } }' instead.
   */
  readingsConnection_NONE?: SensorReadingsConnectionWhere | null | undefined;
  /**
   * Return Sensors where one of the related SensorReadingsConnections match this filter
   * @deprecated Please use the relevant generic filter 'readingsConnection: { single: { node: ... } } }' instead.
   */
  readingsConnection_SINGLE?: SensorReadingsConnectionWhere | null | undefined;
  /**
   * Return Sensors where some of the related SensorReadingsConnections match this filter
   * @deprecated Please use the relevant generic filter 'readingsConnection: { some: { node: ... } } }' instead.
   */
  readingsConnection_SOME?: SensorReadingsConnectionWhere | null | undefined;
  /**
   * Return Sensors where all of the related Readings match this filter
   * @deprecated Please use the relevant generic filter 'readings: { all: ... }' instead.
   */
  readings_ALL?: ReadingWhere | null | undefined;
  /**
   * Return Sensors where none of the related Readings match this filter
   * @deprecated Please use the relevant generic filter 'readings: { none: ... }' instead.
   */
  readings_NONE?: ReadingWhere | null | undefined;
  /**
   * Return Sensors where one of the related Readings match this filter
   * @deprecated Please use the relevant generic filter 'readings: {  single: ... }' instead.
   */
  readings_SINGLE?: ReadingWhere | null | undefined;
  /**
   * Return Sensors where some of the related Readings match this filter
   * @deprecated Please use the relevant generic filter 'readings: {  some: ... }' instead.
   */
  readings_SOME?: ReadingWhere | null | undefined;
  retentionDays?: IntScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter retentionDays: { eq: ... } */
  retentionDays_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter retentionDays: { gt: ... } */
  retentionDays_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter retentionDays: { gte: ... } */
  retentionDays_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter retentionDays: { in: ... } */
  retentionDays_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter retentionDays: { lt: ... } */
  retentionDays_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter retentionDays: { lte: ... } */
  retentionDays_LTE?: number | null | undefined;
  sensorId?: IdScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { contains: ... } */
  sensorId_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { endsWith: ... } */
  sensorId_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { eq: ... } */
  sensorId_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { in: ... } */
  sensorId_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter sensorId: { startsWith: ... } */
  sensorId_STARTS_WITH?: string | null | undefined;
  sigmaMax?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter sigmaMax: { eq: ... } */
  sigmaMax_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter sigmaMax: { gt: ... } */
  sigmaMax_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter sigmaMax: { gte: ... } */
  sigmaMax_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter sigmaMax: { in: ... } */
  sigmaMax_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter sigmaMax: { lt: ... } */
  sigmaMax_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter sigmaMax: { lte: ... } */
  sigmaMax_LTE?: number | null | undefined;
  staleAfterSeconds?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter staleAfterSeconds: { eq: ... } */
  staleAfterSeconds_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter staleAfterSeconds: { gt: ... } */
  staleAfterSeconds_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter staleAfterSeconds: { gte: ... } */
  staleAfterSeconds_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter staleAfterSeconds: { in: ... } */
  staleAfterSeconds_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter staleAfterSeconds: { lt: ... } */
  staleAfterSeconds_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter staleAfterSeconds: { lte: ... } */
  staleAfterSeconds_LTE?: number | null | undefined;
  targetMax?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMax: { eq: ... } */
  targetMax_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMax: { gt: ... } */
  targetMax_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMax: { gte: ... } */
  targetMax_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMax: { in: ... } */
  targetMax_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMax: { lt: ... } */
  targetMax_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMax: { lte: ... } */
  targetMax_LTE?: number | null | undefined;
  targetMin?: FloatScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMin: { eq: ... } */
  targetMin_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMin: { gt: ... } */
  targetMin_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMin: { gte: ... } */
  targetMin_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMin: { in: ... } */
  targetMin_IN?: Array<number | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMin: { lt: ... } */
  targetMin_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter targetMin: { lte: ... } */
  targetMin_LTE?: number | null | undefined;
  unit?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter unit: { contains: ... } */
  unit_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter unit: { endsWith: ... } */
  unit_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter unit: { eq: ... } */
  unit_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter unit: { in: ... } */
  unit_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter unit: { startsWith: ... } */
  unit_STARTS_WITH?: string | null | undefined;
};

export type Severity =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** Severity filters */
export type SeverityEnumScalarFilters = {
  eq?: Severity | null | undefined;
  in?: Array<Severity> | null | undefined;
};

/** Filters for an aggregation of a string field */
export type StringScalarAggregationFilters = {
  averageLength?: FloatScalarFilters | null | undefined;
  longestLength?: IntScalarFilters | null | undefined;
  shortestLength?: IntScalarFilters | null | undefined;
};

/** String filters */
export type StringScalarFilters = {
  contains?: string | null | undefined;
  endsWith?: string | null | undefined;
  eq?: string | null | undefined;
  in?: Array<string> | null | undefined;
  startsWith?: string | null | undefined;
};

export type Urgency =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'NONE';

export type ExportDayQueryVariables = Exact<{
  sensorId: string;
  from: string;
  to: string;
}>;


export type ExportDayQuery = { exportCsv: string | null };

export type SensorUnitQueryVariables = Exact<{
  id: string;
}>;


export type SensorUnitQuery = { sensors: Array<{ unit: string | null, kind: SensorKind }> };

export type FollowSensorSubscriptionVariables = Exact<{
  ids?: Array<string> | string | null | undefined;
}>;


export type FollowSensorSubscription = { readingAdded: { sensorId: string, value: number, timestamp: string } };

export type WatchCommandsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type WatchCommandsSubscription = { commandUpdated: { commandId: string, targetId: string, status: CommandStatus, attempts: number, error: string | null, idempotencyKey: string | null } };

export type SendCommandMutationVariables = Exact<{
  input: CommandInput;
}>;


export type SendCommandMutation = { sendCommand: { commandId: string, status: CommandStatus, attempts: number, error: string | null, ackedAt: string | null } };

export type DashboardOverviewQueryVariables = Exact<{
  sensors?: SensorWhere | null | undefined;
  actuators?: ActuatorWhere | null | undefined;
}>;


export type DashboardOverviewQuery = { sensors: Array<{ sensorId: string, kind: SensorKind, unit: string | null, name: string | null, currentValue: number | null, lastUpdated: string | null, targetMin: number | null, targetMax: number | null, location: { locationId: string, name: string } | null, device: { deviceId: string } | null, traits: { trend: Direction, freshness: Freshness, staleAfterSeconds: number, driftPerMinute: number | null } | null, health: { status: HealthStatus, score: number, issues: Array<string> } | null }>, actuators: Array<{ actuatorId: string, kind: ActuatorKind, desiredState: string | null, desiredAt: string | null, reportedState: string | null, reportedAt: string | null, overrideUntil: string | null, location: { locationId: string, name: string } | null, device: { deviceId: string } | null }>, deviceStatuses: Array<{ deviceId: string, online: boolean, lastSeen: string | null, lostReadings: number }> };

export type DashboardAlertsQueryVariables = Exact<{
  where?: AlertWhere | null | undefined;
}>;


export type DashboardAlertsQuery = { alerts: Array<{ alertId: string, sensorId: string, type: AnomalyType, severity: Severity, message: string, status: AlertStatus, raisedAt: string, clearedAt: string | null, acknowledgedAt: string | null }> };

export type DashboardRecommendationsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardRecommendationsQuery = { recommendations: Array<{ action: RecommendedAction, targetId: string, sensorId: string, command: string | null, confidence: number, reason: string, urgency: Urgency, expectedEffect: string | null }> };

export type SensorHistoryQueryVariables = Exact<{
  sensorId: string;
  window: number;
  buckets: number;
  since: string;
  h1: number;
  h2: number;
  h3: number;
  h4: number;
}>;


export type SensorHistoryQuery = { trend: { asOf: string, direction: Direction, slopePerMinute: number | null, source: AnalyticsSource, series: Array<{ start: string, end: string, avg: number | null, min: number | null, max: number | null, count: number }> } | null, f1: { asOf: string, horizonMinutes: number, value: number | null, lower: number | null, upper: number | null, unavailableReason: string | null } | null, f2: { asOf: string, horizonMinutes: number, value: number | null, lower: number | null, upper: number | null, unavailableReason: string | null } | null, f3: { asOf: string, horizonMinutes: number, value: number | null, lower: number | null, upper: number | null, unavailableReason: string | null } | null, f4: { asOf: string, horizonMinutes: number, value: number | null, lower: number | null, upper: number | null, unavailableReason: string | null } | null, anomalies: Array<{ alertId: string, type: AnomalyType, severity: Severity, message: string, timestamp: string, clearedAt: string | null }> };

export type WhatIfQueryVariables = Exact<{
  scenario: ScenarioInput;
}>;


export type WhatIfQuery = { simulate: { locationId: string, minutesToThreshold: number | null, crossesThresholdAt: string | null, method: string, trajectory: Array<{ timestamp: string, value: number, lower: number, upper: number }>, model: { unidentified: Array<{ actuatorId: string, heldState: string }> } } | null };

export type AcknowledgeAlertMutationVariables = Exact<{
  alertId: string;
}>;


export type AcknowledgeAlertMutation = { acknowledgeAlert: { alertId: string, status: AlertStatus, acknowledgedAt: string | null } };

export type SwitchActuatorMutationVariables = Exact<{
  input: CommandInput;
}>;


export type SwitchActuatorMutation = { sendCommand: { commandId: string, targetId: string, status: CommandStatus, error: string | null, attempts: number } };

export type LiveReadingsSubscriptionVariables = Exact<{
  sensorIds?: Array<string> | string | null | undefined;
}>;


export type LiveReadingsSubscription = { readingAdded: { sensorId: string, value: number, timestamp: string } };

export type LiveDevicesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LiveDevicesSubscription = { deviceStatus: { deviceId: string, online: boolean, lastSeen: string | null, lostReadings: number } };

export type LiveAlertsSubscriptionVariables = Exact<{
  sensorIds?: Array<string> | string | null | undefined;
}>;


export type LiveAlertsSubscription = { alertRaised: { alertId: string, sensorId: string } };

export type LiveCommandsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LiveCommandsSubscription = { commandUpdated: { commandId: string, targetId: string, status: CommandStatus, error: string | null, attempts: number, idempotencyKey: string | null, payload: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ExportDayDocument = new TypedDocumentString(`
    query ExportDay($sensorId: ID!, $from: DateTime!, $to: DateTime!) {
  exportCsv(sensorId: $sensorId, from: $from, to: $to)
}
    `) as unknown as TypedDocumentString<ExportDayQuery, ExportDayQueryVariables>;
export const SensorUnitDocument = new TypedDocumentString(`
    query SensorUnit($id: ID!) {
  sensors(where: {sensorId: {eq: $id}}) {
    unit
    kind
  }
}
    `) as unknown as TypedDocumentString<SensorUnitQuery, SensorUnitQueryVariables>;
export const FollowSensorDocument = new TypedDocumentString(`
    subscription FollowSensor($ids: [ID!]) {
  readingAdded(sensorIds: $ids) {
    sensorId
    value
    timestamp
  }
}
    `) as unknown as TypedDocumentString<FollowSensorSubscription, FollowSensorSubscriptionVariables>;
export const WatchCommandsDocument = new TypedDocumentString(`
    subscription WatchCommands {
  commandUpdated {
    commandId
    targetId
    status
    attempts
    error
    idempotencyKey
  }
}
    `) as unknown as TypedDocumentString<WatchCommandsSubscription, WatchCommandsSubscriptionVariables>;
export const SendCommandDocument = new TypedDocumentString(`
    mutation SendCommand($input: CommandInput!) {
  sendCommand(input: $input) {
    commandId
    status
    attempts
    error
    ackedAt
  }
}
    `) as unknown as TypedDocumentString<SendCommandMutation, SendCommandMutationVariables>;
export const DashboardOverviewDocument = new TypedDocumentString(`
    query DashboardOverview($sensors: SensorWhere, $actuators: ActuatorWhere) {
  sensors(where: $sensors, sort: [{sensorId: ASC}]) {
    sensorId
    kind
    unit
    name
    currentValue
    lastUpdated
    targetMin
    targetMax
    location {
      locationId
      name
    }
    device {
      deviceId
    }
    traits(windowSeconds: 300) {
      trend
      freshness
      staleAfterSeconds
      driftPerMinute
    }
    health(windowSeconds: 300) {
      status
      score
      issues
    }
  }
  actuators(where: $actuators, sort: [{actuatorId: ASC}]) {
    actuatorId
    kind
    desiredState
    desiredAt
    reportedState
    reportedAt
    overrideUntil
    location {
      locationId
      name
    }
    device {
      deviceId
    }
  }
  deviceStatuses {
    deviceId
    online
    lastSeen
    lostReadings
  }
}
    `) as unknown as TypedDocumentString<DashboardOverviewQuery, DashboardOverviewQueryVariables>;
export const DashboardAlertsDocument = new TypedDocumentString(`
    query DashboardAlerts($where: AlertWhere) {
  alerts(where: $where, sort: [{raisedAt: DESC}], limit: 50) {
    alertId
    sensorId
    type
    severity
    message
    status
    raisedAt
    clearedAt
    acknowledgedAt
  }
}
    `) as unknown as TypedDocumentString<DashboardAlertsQuery, DashboardAlertsQueryVariables>;
export const DashboardRecommendationsDocument = new TypedDocumentString(`
    query DashboardRecommendations {
  recommendations {
    action
    targetId
    sensorId
    command
    confidence
    reason
    urgency
    expectedEffect
  }
}
    `) as unknown as TypedDocumentString<DashboardRecommendationsQuery, DashboardRecommendationsQueryVariables>;
export const SensorHistoryDocument = new TypedDocumentString(`
    query SensorHistory($sensorId: ID!, $window: Int!, $buckets: Int!, $since: DateTime!, $h1: Int!, $h2: Int!, $h3: Int!, $h4: Int!) {
  trend(sensorId: $sensorId, windowSeconds: $window, buckets: $buckets) {
    asOf
    direction
    slopePerMinute
    source
    series {
      start
      end
      avg
      min
      max
      count
    }
  }
  f1: forecast(sensorId: $sensorId, minutes: $h1) {
    asOf
    horizonMinutes
    value
    lower
    upper
    unavailableReason
  }
  f2: forecast(sensorId: $sensorId, minutes: $h2) {
    asOf
    horizonMinutes
    value
    lower
    upper
    unavailableReason
  }
  f3: forecast(sensorId: $sensorId, minutes: $h3) {
    asOf
    horizonMinutes
    value
    lower
    upper
    unavailableReason
  }
  f4: forecast(sensorId: $sensorId, minutes: $h4) {
    asOf
    horizonMinutes
    value
    lower
    upper
    unavailableReason
  }
  anomalies(since: $since, sensorIds: [$sensorId]) {
    alertId
    type
    severity
    message
    timestamp
    clearedAt
  }
}
    `) as unknown as TypedDocumentString<SensorHistoryQuery, SensorHistoryQueryVariables>;
export const WhatIfDocument = new TypedDocumentString(`
    query WhatIf($scenario: ScenarioInput!) {
  simulate(scenario: $scenario) {
    locationId
    minutesToThreshold
    crossesThresholdAt
    method
    trajectory {
      timestamp
      value
      lower
      upper
    }
    model {
      unidentified {
        actuatorId
        heldState
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WhatIfQuery, WhatIfQueryVariables>;
export const AcknowledgeAlertDocument = new TypedDocumentString(`
    mutation AcknowledgeAlert($alertId: ID!) {
  acknowledgeAlert(alertId: $alertId) {
    alertId
    status
    acknowledgedAt
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const SwitchActuatorDocument = new TypedDocumentString(`
    mutation SwitchActuator($input: CommandInput!) {
  sendCommand(input: $input) {
    commandId
    targetId
    status
    error
    attempts
  }
}
    `) as unknown as TypedDocumentString<SwitchActuatorMutation, SwitchActuatorMutationVariables>;
export const LiveReadingsDocument = new TypedDocumentString(`
    subscription LiveReadings($sensorIds: [ID!]) {
  readingAdded(sensorIds: $sensorIds) {
    sensorId
    value
    timestamp
  }
}
    `) as unknown as TypedDocumentString<LiveReadingsSubscription, LiveReadingsSubscriptionVariables>;
export const LiveDevicesDocument = new TypedDocumentString(`
    subscription LiveDevices {
  deviceStatus {
    deviceId
    online
    lastSeen
    lostReadings
  }
}
    `) as unknown as TypedDocumentString<LiveDevicesSubscription, LiveDevicesSubscriptionVariables>;
export const LiveAlertsDocument = new TypedDocumentString(`
    subscription LiveAlerts($sensorIds: [ID!]) {
  alertRaised(sensorIds: $sensorIds) {
    alertId
    sensorId
  }
}
    `) as unknown as TypedDocumentString<LiveAlertsSubscription, LiveAlertsSubscriptionVariables>;
export const LiveCommandsDocument = new TypedDocumentString(`
    subscription LiveCommands {
  commandUpdated {
    commandId
    targetId
    status
    error
    attempts
    idempotencyKey
    payload
  }
}
    `) as unknown as TypedDocumentString<LiveCommandsSubscription, LiveCommandsSubscriptionVariables>;