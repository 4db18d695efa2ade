/** The shape resolvers return for a Reading node read outside @neo4j/graphql (no relationships). */
export interface ReadingModel {
  readonly sensorId: string;
  readonly value: number;
  readonly timestamp: string;
  readonly seq: number | null;
}

/** An anomaly episode as resolvers see it: a stored alert, or one just raised on the bus. */
export interface AnomalyModel {
  readonly alertId: string;
  readonly sensorId: string;
  readonly type: string;
  readonly severity: string;
  readonly message: string;
  readonly raisedAtMs: number;
  readonly value: number | null;
  readonly status?: string | null;
  readonly clearedAtMs?: number | null;
}

/** An Alert node as GraphQL serves it (ISO timestamps), for resolvers outside @neo4j/graphql. */
export interface AlertModel {
  readonly alertId: string;
  readonly sensorId: string;
  readonly type: string;
  readonly severity: string;
  readonly message: string;
  readonly status: string;
  readonly raisedAt: string;
  readonly clearedAt: string | null;
  readonly acknowledgedAt: string | null;
  readonly value: number | null;
}

/** A Calibration node as GraphQL serves it. */
export interface CalibrationModel {
  readonly calibrationId: string;
  readonly sensorId: string;
  readonly offset: number;
  readonly createdAt: string;
  readonly validUntil: string;
  readonly appliedAt: string | null;
  readonly issuedBy: string | null;
}

/** A failure-risk answer for one sensor. */
export interface FailureRiskModel {
  readonly sensorId: string;
  readonly horizonHours: number;
  readonly probability: number;
  readonly drivers: readonly string[];
  readonly method: string;
}
