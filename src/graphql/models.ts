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
  readonly commandId: string | null;
}

/** A failure-risk answer for one sensor. */
export interface FailureRiskModel {
  readonly sensorId: string;
  readonly horizonHours: number;
  readonly probability: number;
  readonly drivers: readonly string[];
  readonly method: string;
}

/** A Command node as GraphQL serves it (the same shape @neo4j/graphql returns for it). */
export interface CommandModel {
  readonly commandId: string;
  readonly kind: string;
  readonly targetId: string;
  readonly payload: string;
  readonly status: string;
  readonly attempts: number;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly ackedAt: string | null;
  readonly finishedAt: string | null;
  readonly deadlineAt: string | null;
  readonly error: string | null;
  readonly answer: string | null;
  readonly issuedBy: string;
  readonly idempotencyKey: string | null;
  readonly reason: string | null;
}

/** A Rule node as GraphQL serves it. */
export interface RuleModel {
  readonly ruleId: string;
  readonly name: string;
  readonly sensorId: string;
  readonly enabled: boolean;
  readonly conditionType: string;
  readonly comparison: string | null;
  readonly threshold: number | null;
  readonly horizonMinutes: number | null;
  readonly anomalyTypes: readonly string[] | null;
  readonly forSeconds: number;
  readonly clearComparison: string | null;
  readonly clearThreshold: number | null;
  readonly clearForSeconds: number;
  readonly cooldownSeconds: number;
  readonly minOnSeconds: number;
  readonly minOffSeconds: number;
  readonly actions: string;
  readonly definition: string;
  readonly phase: string | null;
  readonly lastFiredAt: string | null;
  readonly lastClearedAt: string | null;
}
