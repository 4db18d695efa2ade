import type { Driver } from "neo4j-driver";

/** Asks the database a trivial question; true if it answers within `timeoutMs`. */
export async function databaseAnswers(driver: Driver, timeoutMs = 1_500): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = driver
    .executeQuery("RETURN 1 AS ok", {}, { transactionConfig: { timeout: timeoutMs } })
    .then(() => true as const)
    .catch(() => false as const);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
