// npm run db:fetch — fetch the embedded Neo4j's jars now (npm start does it on first use).
import { projectRoot } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { ensureJars } from "../src/store/embedded.js";

try {
  const lib = ensureJars(projectRoot, createLogger("info"));
  console.log(`Neo4j and APOC jars are in ${lib}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
