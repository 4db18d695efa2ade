/** Per-request context: who is asking (authentication arrives with the roles work). */
export interface TwinContext {
  /** Correlates log lines of one request. */
  readonly requestId: string;
}
