// Follow a sensor live: npx tsx examples/follow-sensor.ts temp_1 [--count 10]
// Prints each reading as it is accepted (a graphql-ws subscription), with the sensor's unit.
import { parseArgs } from "node:util";
import { graphql } from "../client/twinClient.js";
import { connect, fail } from "./connect.js";

const SensorUnit = graphql(`
  query SensorUnit($id: ID!) {
    sensors(where: { sensorId: { eq: $id } }) { unit kind }
  }
`);

const FollowSensor = graphql(`
  subscription FollowSensor($ids: [ID!]) {
    readingAdded(sensorIds: $ids) { sensorId value timestamp }
  }
`);

const { values, positionals } = parseArgs({ allowPositionals: true, options: { count: { type: "string" } } });
const sensorId = positionals[0] ?? fail("usage: npx tsx examples/follow-sensor.ts <sensorId> [--count N]");
const count = values.count === undefined ? Number.POSITIVE_INFINITY : Number(values.count);

const twin = connect();
const { sensors } = await twin.request(SensorUnit, { id: sensorId }).catch((error: unknown) => fail((error as Error).message));
const unit = sensors[0]?.unit ?? "";
if (sensors.length === 0) process.stderr.write(`${sensorId} is not in the graph yet; waiting for its first reading\n`);

let seen = 0;
const stop = twin.subscribe(
  FollowSensor,
  { ids: [sensorId] },
  {
    next: ({ readingAdded: r }) => {
      console.log(`${r.timestamp}  ${r.sensorId}  ${r.value} ${unit}`.trimEnd());
      if (++seen >= count) {
        stop();
        void twin.close();
      }
    },
    error: (error) => fail(`the subscription ended: ${error.message}`),
  },
);
