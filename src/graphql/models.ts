/** The shape resolvers return for a Reading node read outside @neo4j/graphql (no relationships). */
export interface ReadingModel {
  readonly sensorId: string;
  readonly value: number;
  readonly timestamp: string;
  readonly seq: number | null;
}
