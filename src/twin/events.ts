import type { Reading } from "./reading.js";

/** Every event of the twin's bus, with its payload. */
export interface TwinEvents {
  /** A validated reading, published before it is committed. */
  readingAccepted: Reading;
  /** The batch writer lost or regained the database. */
  storeAvailability: { readonly available: boolean; readonly error: string | null };
  /** A batch was committed: `count` readings written, `created` of them new. */
  batchCommitted: { readonly count: number; readonly created: number };
}
