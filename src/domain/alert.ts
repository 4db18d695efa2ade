import type { AnomalyType, Severity } from "./anomalyTypes.js";

/** An anomaly episode as it begins: what alertRaised carries and an Alert node starts from. */
export interface RaisedAlert {
  readonly alertId: string;
  readonly sensorId: string;
  readonly type: AnomalyType;
  readonly severity: Severity;
  readonly message: string;
  readonly raisedAtMs: number;
  readonly value: number | null;
}
