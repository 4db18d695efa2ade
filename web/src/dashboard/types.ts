import type { DashboardAlertsQuery, DashboardOverviewQuery, DashboardRecommendationsQuery, SensorHistoryQuery, WhatIfQuery } from "../../../client/generated/graphql.js";

export type SensorRow = DashboardOverviewQuery["sensors"][number];
export type ActuatorRow = DashboardOverviewQuery["actuators"][number];
export type DeviceRow = DashboardOverviewQuery["deviceStatuses"][number];
export type AlertRow = DashboardAlertsQuery["alerts"][number];
export type RecommendationRow = DashboardRecommendationsQuery["recommendations"][number];
export type History = SensorHistoryQuery;
export type Simulation = NonNullable<WhatIfQuery["simulate"]>;

/** A reading as the live subscription delivers it, applied over the last overview. */
export interface LiveValue {
  readonly value: number;
  readonly atMs: number;
}
